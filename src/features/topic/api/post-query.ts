import { queryOptions } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api/client';
import { postResponseSchema } from '../../../lib/api/schemas';

/** Where one post lives (topic and page), for links that name only the post. */
export function postQuery(postId: number) {
  return queryOptions({
    queryKey: ['posts', postId],
    queryFn: ({ signal }) => apiGet(`/posts/${postId}`, postResponseSchema, { signal }),
  });
}
