import { queryOptions } from '@tanstack/react-query';
import { isApiError } from '../api/api-error';
import { apiGet, apiPath } from '../api/client';
import { topicResponseSchema } from '../api/schemas';

/** Tries per page after the first, for failures that may pass (network, timeout, 5xx). */
export const PAGE_RETRIES = 2;

/**
 * One page of a topic fetched as one of many: "Save all pages" (features/saved-copies), and
 * the print view, whose printPageQuery (features/print/api/print-pages.ts) is this same
 * factory. The key is deliberately the same shape as the topic feature's
 * (`['topics', id, { page }]`) and the request the same URL: pages already read come from
 * the cache, pages loaded here make paging the topic afterwards instant, and a page saved
 * for offline reading is the page the topic view asks for. Features may not import each
 * other, so the topic feature's factory is kept in step by hand; both parse with the
 * same contract schema.
 */
export function bulkPageQuery(topicId: number, page: number) {
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
