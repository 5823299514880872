import { lazy, Suspense, type ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { isApiError, type ApiError } from '../lib/api/api-error';
import { Optional } from '../ui/optional';
import { useNavigationInfo } from './navigation/route-loader';
import { isRouteNotFound } from './navigation/route-outcome';
import { PageSkeleton } from './page-skeleton';

type ErrorFace = { title: string; message: string; retry: boolean; detail?: string };

// Each failure gets its own words: what happened, and whether trying again can help.
// `what` names what the address points at ("topic", "board"…), from its path.
function faceOf(error: ApiError, what: string): ErrorFace {
  if (error.isNotFound) {
    return { title: 'Not found', message: `There is no ${what} at this address. It may have been moved or deleted, or the link is wrong.`, detail: error.message, retry: false };
  }
  if (error.isForbidden) {
    // Lectern reads every forum as a guest: there is no login to suggest.
    return { title: 'Not open to guests', message: `This forum does not show this ${what} to guests, and Lectern reads it as a guest.`, retry: false };
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
  // Retry by going to this same address again, replacing it: the navigator runs the
  // page's loader afresh and the reader stays where they are.
  const retry = () => void navigate(location, { replace: true });
  let face: ErrorFace;
  const chunkFailed = isChunkLoadError(error);
  if (isApiError(error)) face = faceOf(error, /^\/(board|topic|post)\//.exec(location.pathname)?.[1] ?? 'page');
  else if (chunkFailed) face = chunkFace;
  else if (isRouteNotFound(error)) face = notFoundFace;
  else {
    console.error('[lectern] unexpected error', error);
    face = { title: 'Something went wrong', message: 'Lectern hit an unexpected problem showing this page.', retry: true };
  }
  return (
    <ErrorPanel
      face={face}
      onRetry={face.retry ? (chunkFailed ? () => window.location.reload() : retry) : undefined}
      retrying={pending !== null}
      pathname={location.pathname}
      failure={error}
    />
  );
}

const notFoundFace: ErrorFace = {
  title: 'Page not found',
  message: 'There is nothing at this address. The link may be mistyped or out of date.',
  retry: false,
};

// The trail above a failed page is worked out from the cache (or the board index, asked
// for) by code that loads only for a failure (it is off the way to every first post). One
// import for both parts: each import() site costs its own preload wrapper in the main chunk.
const knownTrail = () => import('./known-trail');
const TrailCrumbs = lazy(async () => ({ default: (await knownTrail()).TrailCrumbs }));
const UpLink = lazy(async () => ({ default: (await knownTrail()).UpLink }));

type ErrorPanelProps = { face: ErrorFace; onRetry?: (() => void) | undefined; retrying?: boolean; pathname: string; failure: unknown };

/**
 * Every failure page has one shape, that of the other pages: the trail, the heading,
 * what happened, and what the reader can do. It shows whole, once its trail is known
 * (the skeleton until then, so nothing moves); without the trail's code (offline), as it is.
 */
function ErrorPanel({ face, onRetry, retrying = false, pathname, failure }: ErrorPanelProps) {
  const page = (trail: ReactNode, up: ReactNode) => (
    <div className="error-page">
      {trail}
      <title>{face.title}</title>
      <header className="page-header">
        <h1>{face.title}</h1>
      </header>
      <p>{face.message}</p>
      {face.detail ? <p className="muted">The server said: “{face.detail}”</p> : null}
      <p className="error-actions">
        {onRetry ? (
          <button type="button" className="button button-primary" onClick={onRetry} disabled={retrying}>
            {retrying ? 'Trying again…' : 'Try again'}
          </button>
        ) : null}
        {up}
        <Link to="/" className="button">
          Go to the board index
        </Link>
      </p>
    </div>
  );
  return (
    <Optional fallback={page(null, null)}>
      <Suspense fallback={<PageSkeleton />}>
        {page(<TrailCrumbs pathname={pathname} failure={failure} title={face.title} />, <UpLink pathname={pathname} failure={failure} />)}
      </Suspense>
    </Optional>
  );
}
