/** The API base: `/api` on the same origin unless the build sets VITE_API_BASE_URL. */
export const apiBaseUrl: string = (import.meta.env.VITE_API_BASE_URL ?? '/api').replace(/\/+$/, '');

/**
 * How long a request may take before it is a timeout, in ms: 15 s unless the build sets
 * VITE_API_TIMEOUT_MS (the browser tests' fault build does, so a hang is told in seconds).
 * vite.config.ts refuses a value that is not a whole number of ms (./api-timeout.ts).
 */
export const apiTimeoutMs: number = Number(import.meta.env.VITE_API_TIMEOUT_MS || 15_000);
