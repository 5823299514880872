// The state a server-rendered page carries (server/render/): the data its loader fetched,
// and the clock and locale it was written with, so the browser's first render matches it.
import type { DehydratedState } from '@tanstack/react-query';

export type ServerState = {
  now: number;
  locale: string;
  queries: DehydratedState;
};

/** Whether this document was rendered by the server (set on <html>, so known before the body is parsed). */
export function isServerRendered(): boolean {
  return document.documentElement.dataset.rendered === 'server';
}

/**
 * The page's server state, once its block is parsed; null when it is missing or unreadable
 * (the app then renders afresh, fetching what it needs). The server wrote it with the page.
 */
export function readServerState(): ServerState | null {
  try {
    const state = JSON.parse(document.getElementById('lectern-state')?.textContent ?? 'null') as Partial<ServerState> | null;
    return state?.queries?.queries ? (state as ServerState) : null;
  } catch {
    return null;
  }
}
