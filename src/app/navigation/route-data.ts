// Route loaders get their data through here. Offline, what is cached is served at
// once and what is not fails at once with the "Cannot reach the forum" error page
// (../../lib/connection/offline.ts) — unless a saved copy of it was kept from an
// earlier visit (network first, saved copy second).
import { hashKey, type DefaultError, type EnsureQueryDataOptions, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { isApiError } from '../../lib/api/api-error';
import { assertReachable } from '../../lib/connection/offline';
import { restoreSavedCopy } from '../../lib/saved-copies/saved-copies';

/**
 * Resolves with true at the query's first failed attempt that will be retried (a
 * network error, a timeout, a 5xx), false once the fetch has settled without one.
 */
function firstRetriedFailure(queryClient: QueryClient, queryKey: QueryKey, fetch: Promise<unknown>): Promise<boolean> {
  const hash = hashKey(queryKey);
  return new Promise((resolve) => {
    const stop = queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'failed' && event.query.queryHash === hash) {
        stop();
        resolve(true);
      }
    });
    const settled = () => {
      stop();
      resolve(false);
    };
    fetch.then(settled, settled);
  });
}

/**
 * `queryClient.ensureQueryData` for route loaders: cached data at once, offline or not;
 * fails fast offline otherwise. When the forum cannot be reached (no network, a
 * timeout, a 5xx), a saved copy of the page stands in, marked as one; a 404, a 403 or
 * an unreadable answer is never papered over with an old copy.
 *
 * The copy shows as soon as the first attempt fails, not after the retries (seconds
 * apart): they go on in the background, and a fresh answer replaces the copy when
 * one comes.
 */
export async function ensureRouteData<TQueryFnData, TError = DefaultError, TData = TQueryFnData, TQueryKey extends QueryKey = QueryKey>(
  queryClient: QueryClient,
  options: EnsureQueryDataOptions<TQueryFnData, TError, TData, TQueryKey>,
): Promise<TData> {
  // Saved by this very build from this query's own answer (the buster sees to that),
  // so a copy has the shape the query's function returns; no loader selects.
  const savedCopy = async (error: unknown): Promise<TData> => {
    if (!isApiError(error) || !error.isTransient) throw error;
    const saved = await restoreSavedCopy(queryClient, options.queryKey);
    if (saved === undefined) throw error;
    return saved as TData;
  };
  try {
    assertReachable(queryClient, options.queryKey);
  } catch (error) {
    return savedCopy(error);
  }
  const fresh = queryClient.ensureQueryData(options);
  const early = firstRetriedFailure(queryClient, options.queryKey, fresh).then(async (failed) => {
    const saved = failed ? await restoreSavedCopy(queryClient, options.queryKey) : undefined;
    return saved === undefined ? fresh : (saved as TData);
  });
  try {
    return await Promise.race([fresh, early]);
  } catch (error) {
    return savedCopy(error);
  }
}
