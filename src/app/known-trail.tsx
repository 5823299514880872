// The breadcrumb above a page that failed (missing, not open to guests, unreachable), as
// far as the reader knows it from what the cache already holds, and the way up to the
// nearest level that exists. Loaded only when a failure page shows.
import { onlineManager, QueryClientContext, type QueryClient } from '@tanstack/react-query';
import { use, useContext } from 'react';
import { Link } from 'react-router-dom';
import { isApiError } from '../lib/api/api-error';
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

/** Where `boardId` sits in the board index: its category, its parent boards, then itself. */
function boardPath(forum: ForumResponse, boardId: number): Crumb[] | null {
  const search = (boards: readonly BoardSummary[], above: Crumb[]): Crumb[] | null => {
    for (const board of boards) {
      const path = [...above, { kind: 'board' as const, id: board.id, name: board.name }];
      if (board.id === boardId) return path;
      const found = search(board.children, path);
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

// One request for the board index per app (per server render), shared by every part of
// the page that waits for it; settled, failed or not, within a few seconds.
const askedForIndex = new WeakMap<QueryClient, Promise<unknown>>();
const ASK_FOR_MS = 3000;

/**
 * The board index, for the forum's name at the head of the trail and a board's place
 * in it: from the cache, or asked for (the page waits, a few seconds at most). Not offline,
 * nor after a timeout: the page would only wait longer to say so.
 */
function useForumIndex(queryClient: QueryClient | undefined, failure: unknown): ForumResponse | undefined {
  const key = forumQueries.index().queryKey;
  if (!queryClient) return undefined;
  let asked = askedForIndex.get(queryClient);
  const unknown = queryClient.getQueryData(key) === undefined;
  if (!asked && unknown && !(isApiError(failure) && failure.kind === 'timeout') && onlineManager.isOnline()) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    asked = Promise.race([
      queryClient.fetchQuery({ ...forumQueries.index(), retry: false }),
      new Promise((settle) => (timer = setTimeout(settle, ASK_FOR_MS))),
    ])
      .catch(() => undefined)
      .finally(() => clearTimeout(timer));
    askedForIndex.set(queryClient, asked);
  }
  // Once asked, always waited for (settled, it costs nothing): React needs the same use()
  // calls on every render of a component that suspended.
  if (asked) use(asked);
  return queryClient.getQueryData(key);
}

type Trail = { above: Crumb[]; here: Crumb | null };

/**
 * The breadcrumb above a failed page, from what the cache holds: the topic's own trail
 * (another page of it was read), the board that listed it, the board's place in the
 * index (then the board itself is named too); at least the forum itself.
 */
function knownTrail(queryClient: QueryClient | undefined, forum: ForumResponse | undefined, pathname: string): Trail {
  const boards = queryClient ? cached<BoardResponse>(queryClient, boardQueries.all()) : [];
  const topics = queryClient ? cached<TopicResponse>(queryClient, topicQueries.all()) : [];
  const anyTrail = [...boards, ...topics][0]?.breadcrumb;
  // Without an answer from the server, the forum's name is not known: the trail still
  // starts where every trail starts, at the board index.
  const home: Crumb = anyTrail?.[0]?.kind === 'forum' ? anyTrail[0] : { kind: 'forum', id: null, name: forum?.forum.name ?? 'Board index' };
  const match = matchReaderUrl({ pathname, search: '' });
  const page = 'page' in match ? match.page : null;
  if (page?.name === 'topic' || page?.name === 'print') {
    const id = page.topicId;
    const ownTrail = topics.find((data) => data.topic.id === id)?.breadcrumb;
    if (ownTrail) return { above: ownTrail, here: null };
    const listedIn = boards.find((data) => data.topics.some((topic) => topic.id === id));
    if (listedIn) return { above: listedIn.breadcrumb, here: null };
  } else if (page?.name === 'board') {
    const id = page.boardId;
    const isHere = (crumb: Crumb) => crumb.kind === 'board' && crumb.id === id;
    // Another page of this board, or a child board, names the trail down to it.
    const own = [...boards, ...topics].map((data) => data.breadcrumb).find((crumbs) => crumbs.some(isHere));
    const inIndex = forum ? boardPath(forum, id) : null;
    const path = own ? own.slice(0, own.findIndex(isHere) + 1) : inIndex ? [home, ...inIndex] : null;
    if (path) return { above: path.slice(0, -1), here: path.at(-1) ?? null };
  }
  return { above: [home], here: null };
}

// Read without useQueryClient: a failure outside the provider still needs a face.
function useTrail(pathname: string, failure: unknown): Trail {
  const queryClient = useContext(QueryClientContext);
  return knownTrail(queryClient, useForumIndex(queryClient, failure), pathname);
}

type TrailProps = { pathname: string; failure: unknown };

/** The breadcrumb down to the failed page: named when the index knows it, else by the failure's title. */
export function TrailCrumbs({ pathname, failure, title }: TrailProps & { title: string }) {
  const { above, here } = useTrail(pathname, failure);
  return <Breadcrumb crumbs={[...above, here ?? { kind: 'topic', id: null, name: title }]} />;
}

/** "Up to {board}": the nearest level above the failed page that is known to exist. */
export function UpLink({ pathname, failure }: TrailProps) {
  const up = useTrail(pathname, failure).above.at(-1);
  if (!up || up.kind === 'forum' || up.id === null) return null;
  return (
    <Link to={crumbHref(up.kind, up.id)} className="button">
      {/* One flex item: a button's flex layout would drop the space before the name. */}
      <span>
        Up to <UntrustedText>{up.name}</UntrustedText>
      </span>
    </Link>
  );
}
