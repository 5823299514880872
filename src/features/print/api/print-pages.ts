import { queryOptions } from '@tanstack/react-query';
import { isApiError } from '../../../lib/api/api-error';
import { apiGet, apiPath } from '../../../lib/api/client';
import { topicResponseSchema } from '../../../lib/api/schemas';

/** Tries per page after the first, for failures that may pass (network, timeout, 5xx). */
export const PAGE_RETRIES = 2;

/**
 * One page of a topic, for the print view. The key is deliberately the same shape as
 * the topic feature's (`['topics', id, { page }]`) and the request is the same URL: the
 * pages a reader has already read come from the cache, and pages loaded here make
 * paging the topic afterwards instant. Features may not import each other, so the two
 * factories must be kept in step by hand; both parse with the same contract schema.
 */
export function printPageQuery(topicId: number, page: number) {
  return queryOptions({
    queryKey: ['topics', topicId, { page }],
    queryFn: ({ signal }) =>
      apiGet(apiPath(`/topics/${topicId}`, { page: page > 1 ? page : undefined }), topicResponseSchema, { signal }),
    // Set here, not left to the client's defaults: `fetchQuery` does not retry unless
    // told to, and one hiccup among hundreds of requests should not need a click.
    retry: (failureCount, error) => failureCount < PAGE_RETRIES && isApiError(error) && error.isTransient,
    retryDelay: (attempt) => Math.min(500 * 2 ** attempt, 4000),
  });
}
