import { formatDateTime, formatFullDateTime, formatRelativeTime } from '../lib/format/format';
import { useClockMinute, useShownZone } from './server-render';

type TimeProps = {
  iso: string;
  /** Say "3 hours ago" for times within the last week (the default); false always shows the date. */
  relative?: boolean;
};

/**
 * A date as people read it: recent ones relative ("yesterday"), older ones in the
 * reader's locale. The machine-readable instant is in `datetime` and the full date and
 * time on hover, so "3 hours ago" never hides when exactly.
 */
export function Time({ iso, relative = true }: TimeProps) {
  // The clock is a minute-grained external store: every date on the page reads the
  // same "now", the text is right on the first render (no flash of the absolute date)
  // and it moves on while the page stays open.
  const minute = useClockMinute();
  const zone = useShownZone();
  const text = (relative ? formatRelativeTime(iso, minute, undefined, zone) : null) ?? formatDateTime(iso, undefined, zone);
  return (
    <time dateTime={iso} title={formatFullDateTime(iso, undefined, zone)}>
      {text}
    </time>
  );
}
