// Fixed clock for the mock forum. Nothing reads Date.now(): the data must be the
// same on every run, and "newest first" must not depend on when tests run.

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** The forum opened; no post is older. */
export const FORUM_OPENED = Date.UTC(2017, 2, 14, 9, 0);
/** The mock's "now": no post is newer. */
export const FORUM_NOW = Date.UTC(2025, 5, 30, 21, 0);

/** `2024-10-21T15:19:00Z`: the contract's form, whole seconds, no milliseconds. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function unixSeconds(ms: number): number {
  return Math.floor(ms / 1000);
}
