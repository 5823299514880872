import { formatDateTime, type ShownZone } from '../../../lib/format/format';

/**
 * Every date of the print view in one format: the one quotes in post bodies use
 * ("Oct 21, 2024, 3:19 PM" in English), in the reader's locale and, once hydrated, time
 * zone (`useShownZone`), so a post's header and a quote inside it never disagree in form.
 */
export function formatPrintDate(iso: string, zone: ShownZone): string {
  if (Number.isNaN(Date.parse(iso))) return iso;
  return formatDateTime(iso, undefined, zone);
}
