import { queryOptions } from '@tanstack/react-query';
import { apiGet, apiPath } from '../../../lib/api/client';
import { searchResponseSchema } from '../../../lib/api/schemas';

/** One page of results for the words in `q` (already trimmed, never empty). */
export function searchQuery(q: string, page: number) {
  return queryOptions({
    queryKey: ['search', q, { page }],
    queryFn: ({ signal }) =>
      apiGet(apiPath('/search', { q, page: page > 1 ? page : undefined }), searchResponseSchema, { signal }),
  });
}
