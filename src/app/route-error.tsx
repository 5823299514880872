import { lazy, Suspense } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { isApiError, type ApiError } from '../lib/api/api-error';
import { Optional } from '../ui/optional';
import { useNavigationInfo } from './navigation/route-loader';
import { isRouteNotFound } from './navigation/route-outcome';

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
  // Retry by going to this same address again, replacing it: the navigator runs the
  // page's loader afresh and the reader stays where they are.
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
  const missing = isApiError(error) && error.isNotFound ? location.pathname : null;
  return (
    <ErrorPanel
      missing={missing}
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

// The trail above something missing is worked out from the cache by code that loads
// only for a "not found" (it is off the way to every first post). One import for both
// parts: each import() site costs its own preload wrapper in the main chunk.
const knownTrail = () => import('./known-trail');
const TrailCrumbs = lazy(async () => ({ default: (await knownTrail()).TrailCrumbs }));
const UpLink = lazy(async () => ({ default: (await knownTrail()).UpLink }));

type ErrorPanelProps = { face: ErrorFace; onRetry?: (() => void) | undefined; retrying?: boolean; missing?: string | null };

function ErrorPanel({ face, onRetry, retrying = false, missing = null }: ErrorPanelProps) {
  return (
    <>
      {missing !== null ? (
        <Optional>
          <Suspense fallback={null}>
            <TrailCrumbs pathname={missing} title={face.title} />
          </Suspense>
        </Optional>
      ) : null}
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
          {missing !== null ? (
            <Optional>
              <Suspense fallback={null}>
                <UpLink pathname={missing} />
              </Suspense>
            </Optional>
          ) : null}
          <Link to="/" className="button">
            Go to the board index
          </Link>
        </p>
      </div>
    </>
  );
}
