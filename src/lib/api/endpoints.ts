// The API's resources as the reader asks for them: for each, its query key (most general
// first, TkDodo style: ['topics', 7, { page: 2 }]) and its request path, built together so
// the two can never disagree. Dependency-free: the entry script's early request uses the
// paths before anything else has loaded, and ./queries.ts wraps them in queryOptions.

declare const apiPathBrand: unique symbol;
/** A request path under the API's base URL, made only here: the early request and the client match on it. */
export type ApiPath = string & { readonly [apiPathBrand]: true };

/** What a reader page loads: where the answer is cached and where it is asked for. */
export type ApiRequest = { readonly key: readonly unknown[]; readonly path: ApiPath };

type QueryParams = Record<string, string | number | undefined>;

/** `path` with its query string; page 1 is asked for without `?page=`, as the reader's own URLs do. */
export function apiPath(path: string, params: QueryParams = {}): ApiPath {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) search.set(key, String(value));
  const query = search.toString();
  return (query ? `${path}?${query}` : path) as ApiPath;
}

const pageParam = (page: number) => (page > 1 ? page : undefined);

/** The resources whose answers are cached under their name, each with its key prefixes. */
export const forumKeys = { all: ['forum'] } as const;
export const boardKeys = { all: ['boards'], board: (boardId: number) => ['boards', boardId] } as const;
export const topicKeys = { all: ['topics'], topic: (topicId: number) => ['topics', topicId] } as const;
export const postKeys = { all: ['posts'] } as const;
export const searchKeys = { all: ['search'] } as const;

export type ResourceName = 'forum' | 'boards' | 'topics' | 'posts' | 'search';

export const endpoints = {
  forum: (): ApiRequest => ({ key: forumKeys.all, path: apiPath('/forum') }),
  boardPage: (boardId: number, page: number): ApiRequest => ({
    key: [...boardKeys.board(boardId), { page }],
    path: apiPath(`/boards/${boardId}`, { page: pageParam(page) }),
  }),
  topicPage: (topicId: number, page: number): ApiRequest => ({
    key: [...topicKeys.topic(topicId), { page }],
    path: apiPath(`/topics/${topicId}`, { page: pageParam(page) }),
  }),
  /** The page of a topic that holds one post (`?post=P`): the server knows which page that is. */
  topicPageWithPost: (topicId: number, postId: number): ApiRequest => ({
    key: [...topicKeys.topic(topicId), { post: postId }],
    path: apiPath(`/topics/${topicId}`, { post: postId }),
  }),
  /** Where one post lives (topic and page), for links that name only the post. */
  post: (postId: number): ApiRequest => ({ key: [...postKeys.all, postId], path: apiPath(`/posts/${postId}`) }),
  /** Results one entry per topic (`by=topic`); a server without that form ignores it and lists posts. */
  search: (q: string, page: number): ApiRequest => ({
    key: [...searchKeys.all, q, { page }],
    path: apiPath('/search', { q, by: 'topic', page: pageParam(page) }),
  }),
};
