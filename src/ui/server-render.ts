// A page the server rendered is hydrated by the browser: its first render must produce
// the server's HTML exactly. What only the browser knows (its clock, its time zone, what
// it stored) therefore waits for the render after hydration. These hooks give the
// server's value while rendering on the server or hydrating, and the browser's after.
// In an app that was not server-rendered (the static build) they give the browser's at once.
import { createContext, use, useSyncExternalStore } from 'react';
import type { ShownZone } from '../lib/format/format';
import { currentMinute, subscribeToClock } from '../lib/format/now';

/** What the server rendered a page with, sent along so that hydration renders the same. */
export type ServerRender = {
  /** The server's clock, to the minute: "3 hours ago" is counted from it. */
  now: number;
};

export const ServerRenderContext = createContext<ServerRender | null>(null);

const noSubscription = () => () => undefined;

/** The current minute: the server's while its HTML is rendered or hydrated, then the reader's clock. */
export function useClockMinute(): number {
  const server = use(ServerRenderContext);
  return useSyncExternalStore(subscribeToClock, currentMinute, () => server?.now ?? currentMinute());
}

/** Dates in UTC where the reader's time zone is not known (the server's HTML, hydration), then in the reader's own. */
export function useShownZone(): ShownZone {
  return useSyncExternalStore<ShownZone>(noSubscription, () => undefined, () => 'UTC');
}

/** False on the server and while hydrating; true once the browser's own state may show. */
export function useHydrated(): boolean {
  return useSyncExternalStore(noSubscription, () => true, () => false);
}

/**
 * An inline style, applied once hydrated. The CSP forbids style attributes in the HTML
 * (style-src 'self'), while styles set by script, as React sets them, are allowed: a
 * server-rendered page gets them when it hydrates, so they must only decorate (a colour),
 * never size or place anything.
 */
export function useScriptStyle<T>(style: T): T | undefined {
  return useHydrated() ? style : undefined;
}
