/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Where the API lives; `/api` on the same origin when unset. */
  readonly VITE_API_BASE_URL?: string;
  /** "true" in dev and demo builds: start the mock forum's service worker. */
  readonly VITE_MOCKS?: string;
  /** How long a request may take, in ms; 15000 when unset (src/lib/api/base-url.ts). */
  readonly VITE_API_TIMEOUT_MS?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
