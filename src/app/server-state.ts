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

function isServerState(value: unknown): value is ServerState {
  if (typeof value !== 'object' || value === null) return false;
  const state = value as Partial<ServerState>;
  return typeof state.now === 'number' && typeof state.locale === 'string' && typeof state.queries === 'object' && state.queries !== null;
}

/** The page's server state, once its block is parsed; null when it is missing or unreadable (the app then renders afresh). */
export function readServerState(): ServerState | null {
  const block = document.getElementById('lectern-state');
  if (!block?.textContent) return null;
  try {
    const value: unknown = JSON.parse(block.textContent);
    return isServerState(value) ? value : null;
  } catch (error) {
    console.error('[lectern] the page\'s server state is unreadable; rendering afresh', error);
    return null;
  }
}
