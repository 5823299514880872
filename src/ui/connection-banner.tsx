import { useConnection } from '../lib/connection/use-connection';
import './connection-banner.css';

/**
 * Says so when the forum cannot be reached. The live region is always in the page
 * (empty while online), so screen readers announce the message when it appears. A
 * plain polite live region rather than role=status, which pages keep for their own
 * status line ("Marked as read"). It
 * floats at the bottom of the window: whatever the reader is scrolled to, they see
 * it, and the page under it never moves.
 */
export function ConnectionBanner() {
  const state = useConnection();
  return (
    <p aria-live="polite" className="connection-banner-region">
      {state === 'offline' ? (
        <span className="connection-banner">
          <strong>You are offline.</strong> Pages you have already opened still work; Lectern will refresh them when the connection returns.
        </span>
      ) : state === 'unreachable' ? (
        <span className="connection-banner">
          <strong>Cannot reach the forum.</strong> Showing what was already loaded.
        </span>
      ) : null}
    </p>
  );
}
