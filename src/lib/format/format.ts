import { MINUTE } from './now';

// Dates and numbers in the reader's own locale (Intl), never a hard-coded format.
// Formatters are costly to build, so each is made once per locale and reused. The
// locale parameter is for tests; the app always passes none (the reader's locale).
function perLocale<T>(make: (locale: string | undefined) => T): (locale?: string) => T {
  const cache = new Map<string, T>();
  return (locale) => {
    const key = locale ?? '';
    let formatter = cache.get(key);
    if (formatter === undefined) {
      formatter = make(locale);
      cache.set(key, formatter);
    }
    return formatter;
  };
}

const dateTime = perLocale((locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }));
const fullDateTime = perLocale((locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'long' }));
const integer = perLocale((locale) => new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }));
// numeric: 'auto' says "yesterday" and "now" where a language has the word.
const relative = perLocale((locale) => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));

const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Dates this recent read as "3 days ago"; older ones as a date. */
const RELATIVE_DAYS = 7;
/** A device clock a little behind the server's makes new posts look future: call them "now". */
const CLOCK_SKEW = 5 * MINUTE;

export function formatDateTime(iso: string, locale?: string): string {
  return dateTime(locale).format(new Date(iso));
}

export function formatFullDateTime(iso: string, locale?: string): string {
  return fullDateTime(locale).format(new Date(iso));
}

// Midnight of the reader's own calendar day, so "yesterday" means the date before
// today where the reader is, not "24 to 48 hours ago".
function localDay(ms: number): number {
  const date = new Date(ms);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

/**
 * "now", "5 minutes ago", "3 hours ago", "yesterday", "4 days ago" for a time less than
 * a week before `nowMs`; null for anything older (or well in the future), which reads
 * better as a date.
 */
export function formatRelativeTime(iso: string, nowMs: number, locale?: string): string | null {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return null;
  const elapsed = nowMs - then;
  const format = relative(locale);
  if (elapsed < -CLOCK_SKEW) return null;
  if (elapsed < MINUTE) return format.format(0, 'second');
  if (elapsed < HOUR) return format.format(-Math.floor(elapsed / MINUTE), 'minute');
  if (elapsed < DAY) return format.format(-Math.floor(elapsed / HOUR), 'hour');
  // Round: a day with a daylight-saving change is 23 or 25 hours long.
  // At least 1: over a day ago is never "today", even across a daylight-saving change.
  const days = Math.max(1, Math.round((localDay(nowMs) - localDay(then)) / DAY));
  return days < RELATIVE_DAYS ? format.format(-days, 'day') : null;
}

/**
 * How long ago, always as an age ("5 minutes ago", "yesterday", "12 days ago"), for
 * things whose age matters more than their date, such as a saved copy's.
 */
export function formatAge(iso: string, nowMs: number, locale?: string): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '';
  if (nowMs - then < MINUTE) return 'less than a minute ago';
  return (
    formatRelativeTime(iso, nowMs, locale) ??
    relative(locale).format(-Math.max(1, Math.round((localDay(nowMs) - localDay(then)) / DAY)), 'day')
  );
}

export function formatCount(value: number, locale?: string): string {
  return integer(locale).format(value);
}

/** "1 reply", "12 replies": counts with the right noun, in the reader's digits. */
export function pluralize(value: number, one: string, many: string): string {
  return `${formatCount(value)} ${value === 1 ? one : many}`;
}
