import { queryOptions } from '@tanstack/react-query';
import { apiGet, apiPath } from '../../../lib/api/client';
import { boardResponseSchema } from '../../../lib/api/schemas';

export function boardQuery(boardId: number, page: number) {
  return queryOptions({
    queryKey: ['boards', boardId, { page }],
    // Page 1 is asked for without ?page=, as the reader's own URLs do.
    queryFn: ({ signal }) =>
      apiGet(apiPath(`/boards/${boardId}`, { page: page > 1 ? page : undefined }), boardResponseSchema, { signal }),
  });
}
