/**
 * Runs `callback` once the browser is idle (or after `timeout` ms at the latest), for
 * work that must not compete with showing a page. Returns a function that cancels it.
 */
export function whenIdle(callback: () => void, timeout = 2000): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(callback, { timeout });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = window.setTimeout(callback, Math.min(timeout, 500));
  return () => window.clearTimeout(handle);
}
