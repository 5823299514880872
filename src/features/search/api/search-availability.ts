// Search is optional for a server (the contract): one without it answers 404 or 501,
// and the reader then hides its search box for the rest of the session. The verdict
// lives in the query cache, so each app (and each test's fresh cache) starts out
// assuming search works and learns otherwise from the first search it makes.
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { isApiError } from '../../../lib/api/api-error';
import { searchQueries } from '../../../lib/api/queries';

/**
 * Whether the server offers search: true until a search proves otherwise. Never
 * fetched; `markSearchUnavailable` writes the answer in.
 */
export function searchAvailabilityQuery() {
  return queryOptions({
    queryKey: ['search-availability'],
    queryFn: () => true,
    initialData: true,
    staleTime: Infinity,
    gcTime: Infinity,
  });
}

export function isSearchKnownUnavailable(queryClient: QueryClient): boolean {
  return queryClient.getQueryData(searchAvailabilityQuery().queryKey) === false;
}

function markSearchUnavailable(queryClient: QueryClient): void {
  queryClient.setQueryData(searchAvailabilityQuery().queryKey, false);
}

const isNoSearchStatus = (error: unknown) => isApiError(error) && (error.status === 404 || error.status === 501);

/**
 * Loads one page of results into the cache, or tells the caller the server has no search.
 *
 * 501 always means "no search". A 404 is ambiguous: a server without the endpoint says
 * it, and so does a server with search asked for a page past the last one. Page 1
 * always exists for an endpoint that exists (no results is an empty page 1), so a 404
 * on page 1 means no search; a 404 on a later page is checked by asking for page 1.
 * If page 1 answers, the later page really is past the end and its 404 stands (the
 * route shows "not found"); any other failure is thrown for the error page.
 */
export async function loadSearchPage(queryClient: QueryClient, q: string, page: number): Promise<'results' | 'unavailable'> {
  if (isSearchKnownUnavailable(queryClient)) return 'unavailable';
  try {
    await queryClient.ensureQueryData(searchQueries.results(q, page));
    return 'results';
  } catch (error) {
    if (!isNoSearchStatus(error)) throw error;
    let unavailable = page === 1 || (isApiError(error) && error.status === 501);
    if (!unavailable) {
      try {
        await queryClient.ensureQueryData(searchQueries.results(q, 1));
      } catch (probeError) {
        // The probe failed some other way (offline, 5xx): that is the trouble to show.
        if (!isNoSearchStatus(probeError)) throw probeError;
        unavailable = true;
      }
    }
    if (!unavailable) throw error;
    markSearchUnavailable(queryClient);
    return 'unavailable';
  }
}
