// The breadcrumb above something missing (a 404), as far as the reader knows it from
// what the cache already holds, and the way up to the nearest level that exists.
// Loaded only when a "not found" page shows.
import { QueryClientContext, type QueryClient } from '@tanstack/react-query';
import { useContext } from 'react';
import { Link } from 'react-router-dom';
import { boardQueries, forumQueries, topicQueries } from '../lib/api/queries';
import type { BoardResponse, BoardSummary, Crumb, ForumResponse, TopicResponse } from '../lib/api/schemas';
import { boardHref, categoryHref, matchReaderUrl, topicHref } from '../lib/reader-routes';
import { Breadcrumb } from '../ui/breadcrumb';
import { UntrustedText } from '../ui/untrusted-text';

function crumbHref(kind: Exclude<Crumb['kind'], 'forum'>, id: number): string {
  return kind === 'category' ? categoryHref(id) : kind === 'board' ? boardHref(id) : topicHref(id);
}

function cached<T>(queryClient: QueryClient, prefix: readonly unknown[]): T[] {
  return queryClient
    .getQueriesData<T>({ queryKey: prefix })
    .map(([, data]) => data)
    .filter((data): data is T => data !== undefined);
}

/** Where `boardId` sits in the board index: its category, then its parent boards. */
function boardPath(forum: ForumResponse, boardId: number): Crumb[] | null {
  const search = (boards: readonly BoardSummary[], above: Crumb[]): Crumb[] | null => {
    for (const board of boards) {
      if (board.id === boardId) return above;
      const found = search(board.children, [...above, { kind: 'board', id: board.id, name: board.name }]);
      if (found) return found;
    }
    return null;
  };
  for (const category of forum.categories) {
    const found = search(category.boards, [{ kind: 'category', id: category.id, name: category.name }]);
    if (found) return found;
  }
  return null;
}

/**
 * The breadcrumb above something missing, from what the cache already holds: the
 * topic's own trail (another page of it was read), the board that listed it, the
 * board's place in the index; at least the forum itself.
 */
function knownTrail(queryClient: QueryClient | undefined, pathname: string): Crumb[] {
  const boards = queryClient ? cached<BoardResponse>(queryClient, boardQueries.all()) : [];
  const topics = queryClient ? cached<TopicResponse>(queryClient, topicQueries.all()) : [];
  const forum = queryClient?.getQueryData(forumQueries.index().queryKey);
  const anyTrail = [...boards, ...topics][0]?.breadcrumb;
  const home: Crumb = anyTrail?.[0]?.kind === 'forum' ? anyTrail[0] : { kind: 'forum', id: null, name: forum?.forum.name ?? 'Home' };
  const match = matchReaderUrl({ pathname, search: '' });
  const page = 'page' in match ? match.page : null;
  if (page?.name === 'topic' || page?.name === 'print') {
    const id = page.topicId;
    const ownTrail = topics.find((data) => data.topic.id === id)?.breadcrumb;
    if (ownTrail) return ownTrail;
    const listedIn = boards.find((data) => data.topics.some((topic) => topic.id === id));
    if (listedIn) return listedIn.breadcrumb;
  } else if (page?.name === 'board') {
    const id = page.boardId;
    // Another page of this board, or a child board, names the trail above it.
    const own = [...boards, ...topics].map((data) => data.breadcrumb).find((crumbs) => crumbs.some((crumb) => crumb.kind === 'board' && crumb.id === id));
    if (own) return own.slice(0, own.findIndex((crumb) => crumb.kind === 'board' && crumb.id === id) + 1);
    const path = forum ? boardPath(forum, id) : null;
    if (path) return [home, ...path];
  }
  return [home];
}

// Read without useQueryClient: a failure outside the provider still needs a face.
function useTrail(pathname: string): Crumb[] {
  return knownTrail(useContext(QueryClientContext), pathname);
}

/** The breadcrumb down to the missing page, named by the error's title. */
export function TrailCrumbs({ pathname, title }: { pathname: string; title: string }) {
  const trail = useTrail(pathname);
  return <Breadcrumb crumbs={[...trail, { kind: 'topic', id: null, name: title }]} />;
}

/** "Up to {board}": the nearest level above the missing page that is known to exist. */
export function UpLink({ pathname }: { pathname: string }) {
  const up = useTrail(pathname).at(-1);
  if (!up || up.kind === 'forum' || up.id === null) return null;
  return (
    <Link to={crumbHref(up.kind, up.id)} className="button">
      Up to <UntrustedText>{up.name}</UntrustedText>
    </Link>
  );
}
