import { isRouteErrorResponse, Link, useRevalidator, useRouteError } from 'react-router-dom';
import { isApiError, type ApiError } from '../lib/api/api-error';

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

/** The route-level error page: no response, however broken, leaves a blank screen. */
export function RouteError() {
  const error = useRouteError();
  const revalidator = useRevalidator();
  let face: ErrorFace;
  if (isApiError(error)) face = faceOf(error);
  else if (isRouteErrorResponse(error) && error.status === 404) face = notFoundFace;
  else {
    console.error('[lectern] unexpected error', error);
    face = { title: 'Something went wrong', message: 'Lectern hit an unexpected problem showing this page.', retry: true };
  }
  return (
    <ErrorPanel face={face} onRetry={face.retry ? () => void revalidator.revalidate() : undefined} retrying={revalidator.state === 'loading'} />
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

function ErrorPanel({ face, onRetry, retrying = false }: { face: ErrorFace; onRetry?: (() => void) | undefined; retrying?: boolean }) {
  return (
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
        <Link to="/" className="button">
          Go to the board index
        </Link>
      </p>
    </div>
  );
}
