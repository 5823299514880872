// Loading a search page, in the search chunk (the app imports it when a search is opened):
// its schemas and queries stay off the way to a topic's first post.
import type { QueryClient } from '@tanstack/react-query';
import { isApiError } from '../../../lib/api/api-error';
import { searchQueries } from '../../../lib/api/search-queries';
import { isSearchKnownUnavailable, markSearchUnavailable } from './search-availability';

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
