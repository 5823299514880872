// Search is optional for a server (the contract): one without it answers 404 or 501,
// and the reader then hides its search box for the rest of the session. The verdict
// lives in the query cache, so each app (and each test's fresh cache) starts out
// assuming search works and learns otherwise from the first search it makes.
import { queryOptions, type QueryClient } from '@tanstack/react-query';

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

export function markSearchUnavailable(queryClient: QueryClient): void {
  queryClient.setQueryData(searchAvailabilityQuery().queryKey, false);
}
