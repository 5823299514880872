import { queryOptions } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api/client';
import { forumResponseSchema } from '../../../lib/api/schemas';

export function forumQuery() {
  return queryOptions({
    queryKey: ['forum'],
    queryFn: ({ signal }) => apiGet('/forum', forumResponseSchema, { signal }),
  });
}
