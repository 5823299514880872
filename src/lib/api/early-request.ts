// The first API request of a page load, started by the entry script before the
// app's code has downloaded, so data and code arrive in parallel instead of one
// after the other. The client takes the answer from here when it asks for the
// same path. Deliberately tiny and dependency-free: it runs before everything.
import { apiBaseUrl, apiTimeoutMs } from './base-url';

const TIMEOUT_MS = apiTimeoutMs;
const pending = new Map<string, Promise<Response>>();

function positiveInt(raw: string | null | undefined): string | null {
  return raw && /^[1-9]\d{0,15}$/.test(raw) ? raw : null;
}

/** The API path that the route loader will ask for at this reader URL, or null. */
export function apiPathForLocation(pathname: string, search: string): string | null {
  const params = new URLSearchParams(search);
  const page = positiveInt(params.get('page'));
  const pageQuery = page && page !== '1' ? `?page=${page}` : '';
  if (pathname === '/') return '/forum';
  const board = positiveInt(pathname.match(/^\/board\/([^/]+)$/)?.[1]);
  if (board) return `/boards/${board}${pageQuery}`;
  const topic = positiveInt(pathname.match(/^\/topic\/([^/]+)$/)?.[1]);
  if (topic) {
    const post = positiveInt(params.get('post'));
    return post ? `/topics/${topic}?post=${post}` : `/topics/${topic}${pageQuery}`;
  }
  const post = positiveInt(pathname.match(/^\/post\/([^/]+)$/)?.[1]);
  if (post) return `/posts/${post}`;
  return null;
}

export function startEarlyRequest(location: { pathname: string; search: string }): void {
  const path = apiPathForLocation(location.pathname, location.search);
  if (!path) return;
  const request = fetch(`${apiBaseUrl}${path}`, { headers: { Accept: 'application/json' }, signal: AbortSignal.timeout(TIMEOUT_MS) });
  // Never an unhandled rejection: the client reports failures when it takes the answer.
  request.catch(() => undefined);
  pending.set(path, request);
}

/** The early answer for this path, once: a second request for it goes to the network. */
export function takeEarlyRequest(path: string): Promise<Response> | undefined {
  const request = pending.get(path);
  pending.delete(path);
  return request;
}
