import { queryOptions } from '@tanstack/react-query';
import { isApiError } from '../api/api-error';
import { topicQueries } from '../api/queries';

/** Tries per page after the first, for failures that may pass (network, timeout, 5xx). */
const PAGE_RETRIES = 2;

/**
 * One page of a topic fetched as one of many, for the print view and "Save all pages":
 * the topic's own query (same key, same request), so pages already read come from the
 * cache, pages loaded here make paging the topic afterwards instant, and a page saved for
 * offline reading is the page the topic view asks for; with retries of its own.
 */
export function bulkPageQuery(topicId: number, page: number) {
  return queryOptions({
    ...topicQueries.page(topicId, page),
    // Set here, not left to the client's defaults: `fetchQuery` does not retry unless
    // told to, and one hiccup among hundreds of requests should not need a click.
    retry: (failureCount, error) => failureCount < PAGE_RETRIES && isApiError(error) && error.isTransient,
    retryDelay: (attempt) => Math.min(500 * 2 ** attempt, 4000),
  });
}
