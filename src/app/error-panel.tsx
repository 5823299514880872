import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

export type ErrorFace = { title: string; message: string; retry: boolean; detail?: string };

type ErrorPanelProps = { face: ErrorFace; trail: ReactNode; up?: ReactNode; onRetry?: (() => void) | undefined; retrying?: boolean };

/**
 * Every failure page has one shape, that of the other pages: the trail, the heading,
 * what happened, and what the reader can do (try again where that can help, go up, go home).
 */
export function ErrorPanel({ face, trail, up, onRetry, retrying = false }: ErrorPanelProps) {
  return (
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
}
