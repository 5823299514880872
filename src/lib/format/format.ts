// Dates and numbers in the reader's own locale (Intl), never a hard-coded format.
// Formatters are costly to build, so each is made once and reused.
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const fullDateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'long' });
const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

export function formatFullDateTime(iso: string): string {
  return fullDateTime.format(new Date(iso));
}

export function formatCount(value: number): string {
  return integer.format(value);
}

/** "1 reply", "12 replies": counts with the right noun, in the reader's digits. */
export function pluralize(value: number, one: string, many: string): string {
  return `${formatCount(value)} ${value === 1 ? one : many}`;
}
