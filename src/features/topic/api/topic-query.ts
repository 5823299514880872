import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { apiGet, apiPath } from '../../../lib/api/client';
import { topicResponseSchema, type TopicResponse } from '../../../lib/api/schemas';

export function topicPageQuery(topicId: number, page: number) {
  return queryOptions({
    queryKey: ['topics', topicId, { page }],
    queryFn: ({ signal }) =>
      apiGet(apiPath(`/topics/${topicId}`, { page: page > 1 ? page : undefined }), topicResponseSchema, { signal }),
  });
}

/** The page of a topic that holds one post (`?post=P`): the server knows which page that is. */
export function topicPostQuery(topicId: number, postId: number) {
  return queryOptions({
    queryKey: ['topics', topicId, { post: postId }],
    queryFn: ({ signal }) => apiGet(apiPath(`/topics/${topicId}`, { post: postId }), topicResponseSchema, { signal }),
  });
}

/**
 * A page reached through `?post=` is also that page by number: file it under both keys
 * so paging away and back, or following a page link, costs no second request.
 */
export function rememberTopicPage(queryClient: QueryClient, data: TopicResponse, updatedAt?: number): void {
  const key = topicPageQuery(data.topic.id, data.page.number).queryKey;
  // Dated as the answer it came from: a saved copy stays a (marked) saved copy under both keys.
  if (!queryClient.getQueryData(key)) queryClient.setQueryData(key, data, updatedAt === undefined ? undefined : { updatedAt });
}
