import { MINUTE } from './now';

// Dates and numbers in the reader's own locale (Intl), never a hard-coded format.
// Formatters are costly to build, so each is made once per locale and reused. The
// locale parameter is for tests; the app passes none: the reader's locale, which is the
// browser's, or on a server-rendered page the one the server chose from Accept-Language
// (so the server's HTML and the browser's first render agree; see setLocaleSource).
let localeSource: () => string | undefined = () => undefined;

/**
 * Where "the reader's locale" comes from. The server renderer points it at the request
 * being rendered; the browser, hydrating a server-rendered page, at the server's choice.
 */
export function setLocaleSource(source: () => string | undefined): void {
  localeSource = source;
}

function perLocale<T>(make: (locale: string | undefined, timeZone: string | undefined) => T): (locale?: string, timeZone?: string) => T {
  const cache = new Map<string, T>();
  return (locale = localeSource(), timeZone) => {
    const key = `${locale ?? ''} ${timeZone ?? ''}`;
    let formatter = cache.get(key);
    if (formatter === undefined) {
      formatter = make(locale, timeZone);
      cache.set(key, formatter);
    }
    return formatter;
  };
}

const dateTime = perLocale((locale, timeZone) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }));
const fullDateTime = perLocale((locale, timeZone) => new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'long', timeZone }));
const integer = perLocale((locale) => new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }));
// numeric: 'auto' says "yesterday" and "now" where a language has the word.
const relative = perLocale((locale) => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));

const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Dates this recent read as "3 days ago"; older ones as a date. */
const RELATIVE_DAYS = 7;
/** A device clock a little behind the server's makes new posts look future: call them "now". */
const CLOCK_SKEW = 5 * MINUTE;

/**
 * The time zone dates are shown in: the reader's own (undefined), or UTC where the
 * reader's is not known yet (the server's HTML, and the browser's first render of it).
 */
export type ShownZone = 'UTC' | undefined;

export function formatDateTime(iso: string, locale?: string, timeZone?: ShownZone): string {
  return dateTime(locale, timeZone).format(new Date(iso));
}

export function formatFullDateTime(iso: string, locale?: string, timeZone?: ShownZone): string {
  return fullDateTime(locale, timeZone).format(new Date(iso));
}

// Midnight of the reader's own calendar day, so "yesterday" means the date before
// today where the reader is, not "24 to 48 hours ago".
function localDay(ms: number, timeZone: ShownZone): number {
  if (timeZone === 'UTC') return ms - (((ms % DAY) + DAY) % DAY);
  const date = new Date(ms);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

/**
 * "now", "5 minutes ago", "3 hours ago", "yesterday", "4 days ago" for a time less than
 * a week before `nowMs`; null for anything older (or well in the future), which reads
 * better as a date.
 */
export function formatRelativeTime(iso: string, nowMs: number, locale?: string, timeZone?: ShownZone): string | null {
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
  const days = Math.max(1, Math.round((localDay(nowMs, timeZone) - localDay(then, timeZone)) / DAY));
  return days < RELATIVE_DAYS ? format.format(-days, 'day') : null;
}

/**
 * How long ago, always as an age ("5 minutes ago", "yesterday", "12 days ago"), for
 * things whose age matters more than their date, such as a saved copy's.
 */
export function formatAge(iso: string, nowMs: number, locale?: string, timeZone?: ShownZone): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '';
  if (nowMs - then < MINUTE) return 'less than a minute ago';
  return (
    formatRelativeTime(iso, nowMs, locale, timeZone) ??
    relative(locale).format(-Math.max(1, Math.round((localDay(nowMs, timeZone) - localDay(then, timeZone)) / DAY)), 'day')
  );
}

export function formatCount(value: number, locale?: string): string {
  return integer(locale).format(value);
}

/** "1 reply", "12 replies": counts with the right noun, in the reader's digits. */
export function pluralize(value: number, one: string, many: string): string {
  return `${formatCount(value)} ${value === 1 ? one : many}`;
}
