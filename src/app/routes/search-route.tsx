import type { QueryClient } from '@tanstack/react-query';
import { isSearchKnownUnavailable, loadSearchPage } from '../../features/search/api/search-availability';
import { searchQuery } from '../../features/search/api/search-query';
import type { SearchPageState } from '../../features/search/components/search-page';
import { assertReachable } from '../../lib/connection/offline';
import type { LoaderArgs, ReaderRoute } from '../navigation/route-loader';
import { readPage } from './route-params';

export type SearchLoaderData = { q: string; page: number; state: SearchPageState };

/** `/search?q=TEXT&page=N`: results, a prompt for words, or "search is not available". */
export function searchRoute(queryClient: QueryClient): ReaderRoute<SearchLoaderData> {
  return {
    loader: async ({ request }: LoaderArgs): Promise<SearchLoaderData> => {
      // Spaces around the words change nothing; a query of only spaces is no query.
      const q = (new URL(request.url).searchParams.get('q') ?? '').trim();
      if (q === '') return { q, page: 1, state: 'prompt' };
      const page = readPage(request);
      // Offline, results not seen before fail at once (a known "no search" needs no network).
      if (!isSearchKnownUnavailable(queryClient)) assertReachable(queryClient, searchQuery(q, page).queryKey);
      return { q, page, state: await loadSearchPage(queryClient, q, page) };
    },
    view: async () => (await import('./search-route-view')).SearchRouteView,
  };
}
