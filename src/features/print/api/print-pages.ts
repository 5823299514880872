import { queryOptions } from '@tanstack/react-query';
import { isApiError } from '../../../lib/api/api-error';
import { topicQueries } from '../../../lib/api/queries';

/** Tries per page after the first, for failures that may pass (network, timeout, 5xx). */
export const PAGE_RETRIES = 2;

/**
 * One page of a topic, for the print view: the topic's own query (same key, same
 * request), so the pages a reader has already read come from the cache and pages loaded
 * here make paging the topic afterwards instant; with retries of its own.
 */
export function printPageQuery(topicId: number, page: number) {
  return queryOptions({
    ...topicQueries.page(topicId, page),
    // Set here, not left to the client's defaults: `fetchQuery` does not retry unless
    // told to, and one hiccup among hundreds of requests should not need a click.
    retry: (failureCount, error) => failureCount < PAGE_RETRIES && isApiError(error) && error.isTransient,
    retryDelay: (attempt) => Math.min(500 * 2 ** attempt, 4000),
  });
}
