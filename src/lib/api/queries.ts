// The forum's data as queries, one factory per resource in TkDodo's style: keys from
// general to specific, `queryOptions` beside the fetcher, used alike by route loaders,
// prefetching and components. Shared data lives here so every feature (topic, print,
// saved copies, search) reads and fills the same cache entries.
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type * as v from 'valibot';
import { apiGet } from './client';
import { boardKeys, endpoints, forumKeys, postKeys, topicKeys, type ApiRequest, type ResourceName } from './endpoints';
import {
  boardResponseSchema,
  forumResponseSchema,
  postResponseSchema,
  topicResponseSchema,
  type TopicResponse,
} from './schemas';

export function query<TSchema extends v.GenericSchema>({ key, path }: ApiRequest, schema: TSchema) {
  // The key names the path (both come from one endpoint) and its resource's schema.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  return queryOptions({
    queryKey: key,
    queryFn: ({ signal }) => apiGet(path, schema, { signal }),
  });
}

export const forumQueries = {
  all: () => forumKeys.all,
  index: () => query(endpoints.forum(), forumResponseSchema),
};

export const boardQueries = {
  all: () => boardKeys.all,
  board: (boardId: number) => boardKeys.board(boardId),
  page: (boardId: number, page: number) => query(endpoints.boardPage(boardId, page), boardResponseSchema),
};

export const topicQueries = {
  all: () => topicKeys.all,
  topic: (topicId: number) => topicKeys.topic(topicId),
  page: (topicId: number, page: number) => query(endpoints.topicPage(topicId, page), topicResponseSchema),
  /** The page that holds `postId`, by the post: filed under its number too by `rememberPage`. */
  pageWithPost: (topicId: number, postId: number) => query(endpoints.topicPageWithPost(topicId, postId), topicResponseSchema),
};

export const postQueries = {
  all: () => postKeys.all,
  /** Where one post lives (topic and page), for links that name only the post. */
  locate: (postId: number) => query(endpoints.post(postId), postResponseSchema),
};

/** The schema each cached resource's answers are checked against (saved copies check theirs again). */
export const resourceSchemas = {
  forum: forumResponseSchema,
  boards: boardResponseSchema,
  topics: topicResponseSchema,
  posts: postResponseSchema,
} as const;

/**
 * A page reached through `?post=` is also that page by number: file it under both keys
 * so paging away and back, or following a page link, costs no second request.
 */
export function rememberTopicPage(queryClient: QueryClient, data: TopicResponse, updatedAt?: number): void {
  const key = topicQueries.page(data.topic.id, data.page.number).queryKey;
  // Dated as the answer it came from: a saved copy stays a (marked) saved copy under both keys.
  if (!queryClient.getQueryData(key)) queryClient.setQueryData(key, data, updatedAt === undefined ? undefined : { updatedAt });
}

/**
 * The query for a request the route table names: its resource's schema, found by the key's
 * first part. Search is not among them: its page loads its own schema, in its own chunk.
 */
export function requestQuery(request: ApiRequest) {
  return query(request, resourceSchemas[request.key[0] as Exclude<ResourceName, 'search'>]);
}
