/** The API base: `/api` on the same origin unless the build sets VITE_API_BASE_URL. */
export const apiBaseUrl: string = (import.meta.env.VITE_API_BASE_URL ?? '/api').replace(/\/+$/, '');
