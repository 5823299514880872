import { QueryClientContext, type QueryClient } from '@tanstack/react-query';
import { useContext } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { isApiError, type ApiError } from '../lib/api/api-error';
import type { BoardResponse, BoardSummary, Crumb, ForumResponse, TopicResponse } from '../lib/api/schemas';
import { boardHref, categoryHref, topicHref } from '../lib/routes';
import { Breadcrumb } from '../ui/breadcrumb';
import { isRouteNotFound, useNavigationInfo } from './navigation/route-loader';

type ErrorFace = { title: string; message: string; retry: boolean; detail?: string };

// Each failure gets its own words: what happened, and whether trying again can help.
function faceOf(error: ApiError): ErrorFace {
  if (error.isNotFound) {
    return { title: 'Not found', message: 'It may have been moved or deleted, or the link is wrong.', detail: error.message, retry: false };
  }
  if (error.isForbidden) {
    return { title: 'No access', message: 'You do not have permission to see this. The forum may require you to log in.', retry: false };
  }
  switch (error.kind) {
    case 'http':
      return error.status !== undefined && error.status >= 500
        ? { title: 'The forum is having trouble', message: `The forum's server answered with an error (${error.status}). This is usually temporary.`, retry: true }
        : { title: 'The request was refused', message: `The server answered ${error.status ?? ''}: ${error.message}`, retry: false };
    case 'not-json':
    case 'contract':
      return {
        title: 'The forum sent something Lectern cannot read',
        message: 'The answer from the server was not in the expected format. Details are in the browser console.',
        retry: true,
      };
    case 'timeout':
      return { title: 'The forum is taking too long', message: 'The server did not answer in time.', retry: true };
    case 'network':
      return { title: 'Cannot reach the forum', message: 'Check your connection; the server could not be reached.', retry: true };
  }
}

// A view's code chunk that did not download (offline, or a deploy replaced the files).
// Browsers remember a failed module import, so only a fresh page load retries it.
function isChunkLoadError(error: unknown): boolean {
  return (
    error instanceof Error &&
    /Failed to fetch dynamically imported module|Importing a module script failed|error loading dynamically imported module|Unable to preload CSS/i.test(error.message)
  );
}

const chunkFace: ErrorFace = {
  title: 'Cannot reach the forum',
  message: 'Part of Lectern could not be downloaded. Check your connection, then try again.',
  retry: true,
};

/** The route-level error page: no response, however broken, leaves a blank screen. */
export function RouteError({ error }: { error: unknown }) {
  const location = useLocation();
  const navigate = useNavigate();
  const { pending } = useNavigationInfo();
  // Read without useQueryClient: a failure outside the provider still needs a face.
  const queryClient = useContext(QueryClientContext);
  // Retry by navigating to this same address again: a revalidation that finished
  // before React rendered its loading state left the old error on screen.
  const retry = () => void navigate(location, { replace: true });
  let face: ErrorFace;
  const chunkFailed = isChunkLoadError(error);
  if (isApiError(error)) face = faceOf(error);
  else if (chunkFailed) face = chunkFace;
  else if (isRouteNotFound(error)) face = notFoundFace;
  else {
    console.error('[lectern] unexpected error', error);
    face = { title: 'Something went wrong', message: 'Lectern hit an unexpected problem showing this page.', retry: true };
  }
  // Not found: the trail as far as the reader knows it from what is already loaded,
  // and a way up to the nearest level that exists.
  const trail = isApiError(error) && error.isNotFound ? knownTrail(queryClient, location.pathname) : null;
  return (
    <ErrorPanel
      trail={trail}
      face={face}
      onRetry={face.retry ? (chunkFailed ? () => window.location.reload() : retry) : undefined}
      retrying={pending !== null}
    />
  );
}

const notFoundFace: ErrorFace = {
  title: 'Page not found',
  message: 'There is nothing at this address. The link may be mistyped or out of date.',
  retry: false,
};

export function NotFoundPage() {
  return <ErrorPanel face={notFoundFace} />;
}

type ErrorPanelProps = { face: ErrorFace; onRetry?: (() => void) | undefined; retrying?: boolean; trail?: Crumb[] | null };

function ErrorPanel({ face, onRetry, retrying = false, trail = null }: ErrorPanelProps) {
  const up = trail?.at(-1);
  return (
    <>
      {trail ? <Breadcrumb crumbs={[...trail, { kind: 'topic', id: null, name: face.title }]} /> : null}
      <div className="error-page">
        <title>{face.title}</title>
        <h1>{face.title}</h1>
        <p>{face.message}</p>
        {face.detail ? <p className="muted">The server said: “{face.detail}”</p> : null}
        <p className="error-actions">
          {onRetry ? (
            <button type="button" className="button button-primary" onClick={onRetry} disabled={retrying}>
              {retrying ? 'Trying again…' : 'Try again'}
            </button>
          ) : null}
          {up && up.kind !== 'forum' && up.id !== null ? (
            <Link to={crumbHref(up.kind, up.id)} className="button">
              Up to {up.name}
            </Link>
          ) : null}
          <Link to="/" className="button">
            Go to the board index
          </Link>
        </p>
      </div>
    </>
  );
}

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
  const boards = queryClient ? cached<BoardResponse>(queryClient, ['boards']) : [];
  const topics = queryClient ? cached<TopicResponse>(queryClient, ['topics']) : [];
  const forum = queryClient?.getQueryData<ForumResponse>(['forum']);
  const anyTrail = [...boards, ...topics][0]?.breadcrumb;
  const home: Crumb = anyTrail?.[0]?.kind === 'forum' ? anyTrail[0] : { kind: 'forum', id: null, name: forum?.forum.name ?? 'Home' };
  const match = /^\/(topic|board)\/(\d+)/.exec(pathname);
  const id = Number(match?.[2]);
  if (match?.[1] === 'topic') {
    const ownTrail = topics.find((data) => data.topic.id === id)?.breadcrumb;
    if (ownTrail) return ownTrail;
    const listedIn = boards.find((data) => data.topics.some((topic) => topic.id === id));
    if (listedIn) return listedIn.breadcrumb;
  } else if (match?.[1] === 'board') {
    // Another page of this board, or a child board, names the trail above it.
    const own = [...boards, ...topics].map((data) => data.breadcrumb).find((crumbs) => crumbs.some((crumb) => crumb.kind === 'board' && crumb.id === id));
    if (own) return own.slice(0, own.findIndex((crumb) => crumb.kind === 'board' && crumb.id === id) + 1);
    const path = forum ? boardPath(forum, id) : null;
    if (path) return [home, ...path];
  }
  return [home];
}
