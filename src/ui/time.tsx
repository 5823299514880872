import { formatDateTime, formatFullDateTime } from '../lib/format/format';

/** A date as people read it, with the machine-readable instant and the full date on hover. */
export function Time({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={formatFullDateTime(iso)}>
      {formatDateTime(iso)}
    </time>
  );
}
