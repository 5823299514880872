// The first API request of a page load, started by the entry script before the
// app's code has downloaded, so data and code arrive in parallel instead of one
// after the other. The client takes the answer from here when it asks for the
// same path, which both build from the same request (../reader-routes.ts, ./endpoints.ts).
// Deliberately small: it runs before everything.
import { matchReaderUrl, pageRequest } from '../reader-routes';
import { apiBaseUrl, apiTimeoutMs } from './base-url';
import type { ApiPath } from './endpoints';

const pending = new Map<ApiPath, Promise<Response>>();

/** Starts the request the route's loader will make for this reader URL, if it names a page. */
export function startEarlyRequest(location: { pathname: string; search: string }): void {
  const match = matchReaderUrl(location);
  // Search waits for the app: an unavailable search is learnt from its first answer.
  if (!('page' in match) || match.page.name === 'search') return;
  const { path } = pageRequest(match.page);
  const request = fetch(`${apiBaseUrl}${path}`, { headers: { Accept: 'application/json' }, signal: AbortSignal.timeout(apiTimeoutMs) });
  // Never an unhandled rejection: the client reports failures when it takes the answer.
  request.catch(() => undefined);
  pending.set(path, request);
}

/** The early answer for this path, once: a second request for it goes to the network. */
export function takeEarlyRequest(path: ApiPath): Promise<Response> | undefined {
  const request = pending.get(path);
  pending.delete(path);
  return request;
}
