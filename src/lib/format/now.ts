// The reader's clock, in one place. Relative dates ("3 hours ago") read it here rather
// than calling Date.now() wherever they render, so every date on a page agrees on one
// "now" and tests fix it with vi.setSystemTime.

export const MINUTE = 60_000;

/** Milliseconds since the epoch, from the (possibly faked) system clock. */
export function now(): number {
  return Date.now();
}

/**
 * The current time rounded down to the minute. Relative dates need no finer grain, and
 * a value that holds still for a minute lets React's useSyncExternalStore read it as a
 * stable snapshot: no re-render on every call, no text that changes between renders.
 */
export function currentMinute(): number {
  return Math.floor(now() / MINUTE) * MINUTE;
}

const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

// One timer for the whole page however many dates are on it, running only while
// something is subscribed. Half a minute keeps "5 minutes ago" at most that late.
const TICK_MS = 30_000;

/** Calls `listener` as time passes (about every half minute) until unsubscribed. */
export function subscribeToClock(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === undefined) {
    timer = setInterval(() => {
      for (const notify of [...listeners]) notify();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}
