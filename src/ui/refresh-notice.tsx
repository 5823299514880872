import { useEffect, useRef, useState } from 'react';
import { formatAge, formatFullDateTime } from '../lib/format/format';
import { useClockMinute, useShownZone } from './server-render';
import { savedCopyTime } from '../lib/saved-copies/saved-copy-mark';
import { Time } from './time';
import './refresh-notice.css';

/** The parts of a query result the notice needs (any `useSuspenseQuery` result has them). */
type RefreshableQuery = {
  data: unknown;
  isRefetchError: boolean;
  isFetching: boolean;
  dataUpdatedAt: number;
  refetch: () => Promise<unknown>;
};

/**
 * Stale beats blank: when a page's data could not be refreshed, the page keeps what it
 * shows and this says so quietly, with a retry. A page shown from a saved copy (the
 * forum could not be reached when it was opened) says that, and how old the copy is.
 * Once shown it stays in place for the life of the page (saying "Up to date" after a
 * successful retry) so the content below never jumps and the focus on the button is
 * never dropped into nowhere.
 */
export function RefreshNotice({ query }: { query: RefreshableQuery }) {
  const [shown, setShown] = useState(false);
  const panel = useRef<HTMLDivElement>(null);
  const savedAt = savedCopyTime(query.data, query.dataUpdatedAt);
  const failed = query.isRefetchError || savedAt !== null;
  if (failed && !shown) setShown(true);

  // The retry button goes away on success: keep the keyboard where it was, on the notice.
  const retrying = failed && query.isFetching;
  const retried = useRef(false);
  useEffect(() => {
    if (failed || !retried.current) return;
    retried.current = false;
    if (document.activeElement === null || document.activeElement === document.body) panel.current?.focus({ preventScroll: true });
  }, [failed]);

  // Only the message is live, so the retry button is not read out with it.
  return (
    <div ref={panel} className={shown ? 'refresh-notice is-shown' : 'refresh-notice'} tabIndex={-1}>
      <p aria-live="polite">
        {!shown ? null : savedAt !== null ? (
          <>
            <strong>Saved copy</strong> from <SavedAge savedAt={savedAt} /> — the forum cannot be reached right now.
          </>
        ) : failed ? (
          <>
            This page could not be refreshed. Showing what was loaded <Time iso={new Date(query.dataUpdatedAt).toISOString()} />.
          </>
        ) : (
          'Up to date.'
        )}
      </p>
      {failed ? (
        <button
          type="button"
          className="button button-small"
          // Not `disabled`: a disabled button drops the keyboard focus.
          aria-disabled={retrying || undefined}
          onClick={() => {
            if (retrying) return;
            retried.current = true;
            void query.refetch();
          }}
        >
          {retrying ? 'Trying again…' : 'Try again'}
        </button>
      ) : null}
    </div>
  );
}

function SavedAge({ savedAt }: { savedAt: number }) {
  // The same minute-grained clock as every other date: "5 minutes ago" moves on.
  const minute = useClockMinute();
  const zone = useShownZone();
  const iso = new Date(savedAt).toISOString();
  return (
    <time dateTime={iso} title={formatFullDateTime(iso, undefined, zone)}>
      {formatAge(iso, minute, undefined, zone)}
    </time>
  );
}
