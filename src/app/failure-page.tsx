// The words of each failure page and its trail. Loaded only when a page fails.
import { isApiError, type ApiError } from '../lib/api/api-error';
import { ErrorPanel, type ErrorFace } from './error-panel';
import { TrailCrumbs, UpLink } from './known-trail';
import { isRouteNotFound } from './navigation/route-outcome';

// Each failure gets its own words: what happened, and whether trying again can help.
// `what` names what the address points at ("topic", "board"…).
function faceOf(error: ApiError, what: string): ErrorFace {
  if (error.isNotFound) {
    return { title: 'Not found', message: `There is no ${what} at this address. It may have been moved or deleted, or the link is wrong.`, detail: error.message, retry: false };
  }
  if (error.isForbidden) {
    // Lectern reads every forum as a guest: there is no login to suggest.
    return { title: 'Not open to guests', message: `This ${what} is not open to guests on this forum, and Lectern reads the forum as a guest.`, retry: false };
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

const notFoundFace: ErrorFace = {
  title: 'Page not found',
  message: 'There is nothing at this address. The link may be mistyped or out of date.',
  retry: false,
};

type FailurePageProps = { error: unknown; pathname: string; onRetry: () => void; retrying: boolean };

/** The page for a failure: what happened, in the trail down to where it happened. */
export function FailurePage({ error, pathname, onRetry, retrying }: FailurePageProps) {
  let face: ErrorFace;
  if (isApiError(error)) face = faceOf(error, /^\/(board|topic|post)\//.exec(pathname)?.[1] ?? 'page');
  else if (isRouteNotFound(error)) face = notFoundFace;
  else {
    console.error('[lectern] unexpected error', error);
    face = { title: 'Something went wrong', message: 'Lectern hit an unexpected problem showing this page.', retry: true };
  }
  return (
    <ErrorPanel
      face={face}
      trail={<TrailCrumbs pathname={pathname} failure={error} title={face.title} />}
      up={<UpLink pathname={pathname} failure={error} />}
      onRetry={face.retry ? onRetry : undefined}
      retrying={retrying}
    />
  );
}
