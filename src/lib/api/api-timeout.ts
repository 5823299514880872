// VITE_API_TIMEOUT_MS, checked when the app is built (vite.config.ts): a bad value fails
// the build, not the page. base-url.ts then reads the number as apiTimeoutMs. Kept apart
// from base-url.ts, which Node cannot import (it reads import.meta.env).

/**
 * The API timeout in ms from VITE_API_TIMEOUT_MS: 15,000 when unset; otherwise a whole
 * number of milliseconds from 1 to 600,000 (10 minutes), or an error that says so.
 */
export function parseApiTimeoutMs(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 15_000;
  const ms = /^\d{1,6}$/.test(raw) ? Number(raw) : 0;
  if (ms < 1 || ms > 600_000) throw new Error(`VITE_API_TIMEOUT_MS must be a whole number of milliseconds from 1 to 600000, not ${JSON.stringify(raw)}.`);
  return ms;
}
