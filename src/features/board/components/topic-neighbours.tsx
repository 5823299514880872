import { useQuery, type QueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import type { BoardResponse, TopicSummary } from '../../../lib/api/schemas';
import { boardHref, topicHref } from '../../../lib/reader-routes';
import { UntrustedText } from '../../../ui/untrusted-text';
import { boardQueries } from '../../../lib/api/queries';
import './topic-neighbours.css';

// How far into a board to look for a topic opened by a deep link. Board pages read
// before come from the cache for free; beyond this, the links are simply not shown.
const MAX_PAGES_SEARCHED = 3;

type Neighbour = Pick<TopicSummary, 'id' | 'title'>;
type Neighbours = { previous: Neighbour | null; next: Neighbour | null };

async function findNeighbours(queryClient: QueryClient, boardId: number, topicId: number): Promise<Neighbours> {
  const pageOf = (page: number) => queryClient.fetchQuery(boardQueries.page(boardId, page));
  // Pages already in the cache first (the reader usually came from one), then page 1 onwards.
  const cached = queryClient
    .getQueriesData<BoardResponse>({ queryKey: ['boards', boardId] })
    .flatMap(([, data]) => (data?.topics ? [data] : []));
  let found = cached.find((data) => data.topics.some((topic) => topic.id === topicId));
  for (let page = 1; !found && page <= MAX_PAGES_SEARCHED; page += 1) {
    const data = await pageOf(page);
    if (data.topics.some((topic) => topic.id === topicId)) found = data;
    if (page >= data.page.totalPages) break;
  }
  if (!found) return { previous: null, next: null };

  const { page } = found;
  // Moved-topic notices are signposts to topics elsewhere, not neighbours to read next.
  const readable = (list: readonly TopicSummary[]) => list.filter((topic) => !topic.movedTo || topic.id === topicId);
  const topics = readable(found.topics);
  const index = topics.findIndex((topic) => topic.id === topicId);
  const pick = (topic: TopicSummary | undefined): Neighbour | null => (topic ? { id: topic.id, title: topic.title } : null);
  let previous = pick(topics[index - 1]);
  let next = pick(topics[index + 1]);
  if (!previous && page.number > 1) previous = pick(readable((await pageOf(page.number - 1)).topics).at(-1));
  if (!next && page.number < page.totalPages) next = pick(readable((await pageOf(page.number + 1)).topics)[0]);
  return { previous, next };
}

/** Previous and next topic in the board's own order (sticky first, then latest activity). */
export function TopicNeighbours({ boardId, topicId }: { boardId: number; topicId: number }) {
  const { data, isPending } = useQuery({
    // Not under ['boards', id]: that prefix holds board pages only, which findNeighbours reads.
    queryKey: ['topic-neighbours', boardId, topicId],
    queryFn: ({ client }) => findNeighbours(client, boardId, topicId),
  });
  // The box keeps its one height from the first frame (cards of a fixed height, side by
  // side), so "Jump to a board" and the page's footer below it never move when it fills.
  if (isPending) return <div className="topic-neighbours" aria-hidden="true" />;
  if (!data || (!data.previous && !data.next)) {
    return (
      <nav aria-label="Other topics in this board" className="topic-neighbours">
        <Link to={boardHref(boardId)} className="topic-neighbour">
          <span className="muted">‹ This board</span>
          <span>All its topics</span>
        </Link>
      </nav>
    );
  }
  return (
    <nav aria-label="Other topics in this board" className="topic-neighbours">
      {data.previous ? (
        <Link to={topicHref(data.previous.id)} className="topic-neighbour">
          <span className="muted">‹ Previous topic</span>
          <span>
            <UntrustedText>{data.previous.title}</UntrustedText>
          </span>
        </Link>
      ) : (
        <span />
      )}
      {data.next ? (
        <Link to={topicHref(data.next.id)} className="topic-neighbour topic-neighbour-next">
          <span className="muted">Next topic ›</span>
          <span>
            <UntrustedText>{data.next.title}</UntrustedText>
          </span>
        </Link>
      ) : null}
    </nav>
  );
}
