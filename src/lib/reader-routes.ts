// The reader's URL scheme in one table (the contract's "Reader URLs"): for every page,
// its path, how its parameters are read and checked, how its address is written, the
// API request that loads it, whether it is kept as a saved copy, and which old SMF links
// lead to it. Everything else derives from this: the router and its loaders (by page
// name, app/pages.tsx), the entry script's early request, prefetch on intent, the 404
// trail, redirects from old links and from quoted links in posts, the saved-copies list,
// every href in the views, and the server's routing. Dependency-free on purpose: the
// entry script and the server read it before (or without) anything else.
import { endpoints, type ApiRequest, type ResourceName } from './api/endpoints';

/** A page of the reader with its parameters, as read from a URL. */
export type ReaderPage =
  | { name: 'forum' }
  | { name: 'board'; boardId: number; page: number }
  /** `postId`: the page that holds this post (`?post=`), which only the server knows. */
  | { name: 'topic'; topicId: number; page: number; postId: number | null }
  | { name: 'post'; postId: number }
  | { name: 'print'; topicId: number }
  /** `q` trimmed; '' asks for words. */
  | { name: 'search'; q: string; page: number };

export type PageName = ReaderPage['name'];
export type PageOf<N extends PageName> = Extract<ReaderPage, { name: N }>;

/** What a URL means to the reader: a page, another address to go to instead, or nothing. */
export type UrlMatch = { page: ReaderPage } | { redirect: string } | { notFound: true };

/** SMF's query parameters, names lower-cased, values decoded. */
type SmfParams = ReadonlyMap<string, string>;

// The parameters a path names by `:name` are ids: positive integers.
type Ids = Record<string, number>;
// A `?page=` that is not canonical (page 1 spelled out, or not a page): redirect without it.
const NOT_CANONICAL = Symbol('not canonical');

type Row<N extends PageName> = {
  path: string;
  read: (ids: Ids, query: URLSearchParams) => Omit<PageOf<N>, 'name'> | typeof NOT_CANONICAL;
  href: (page: Omit<PageOf<N>, 'name'>) => string;
  /** The API request that loads the page; the early request makes the same one. */
  request: ((page: Omit<PageOf<N>, 'name'>) => ApiRequest) | null;
  /** The cached resource a saved copy of the page is kept under, or null for pages not saved. */
  saved: Exclude<ResourceName, 'search'> | null; // search answers are never saved
  /** The old SMF link forms (index.php?…) that lead here: the reader's address, or null. */
  smf: ((params: SmfParams) => string | null) | null;
};

// SMF's defaults, which turn its start offsets (topic=123.30) into our page numbers.
const SMF_POSTS_PER_PAGE = 15;
const SMF_TOPICS_PER_PAGE = 20;

/** A positive integer from a URL segment or parameter, or null when it is not one. */
export function parsePositiveInt(raw: string | null | undefined): number | null {
  if (raw == null || !/^[1-9]\d{0,15}$/.test(raw)) return null;
  const value = Number(raw);
  return Number.isSafeInteger(value) ? value : null;
}

/** The page named by `?page=`: page 1 has no parameter, so `?page=1` and non-pages are not canonical. */
function readPageParam(query: URLSearchParams): number | typeof NOT_CANONICAL {
  const raw = query.get('page');
  if (raw === null) return 1;
  const page = parsePositiveInt(raw);
  return page === null || page === 1 ? NOT_CANONICAL : page;
}

const withPage = (path: string, page: number) => (page > 1 ? `${path}?page=${page}` : path);

/** `N.rest` in an SMF parameter: the id, and what follows the dot (an offset, msgN, new). */
function smfId(value: string | undefined): [number | null, string | undefined] {
  const [id, rest] = (value ?? '').split('.', 2);
  return [parsePositiveInt(id), rest];
}

function pageFromOffset(offset: string | undefined, perPage: number): number {
  const start = offset === '0' ? 0 : parsePositiveInt(offset);
  return start === null ? 1 : Math.floor(start / perPage) + 1;
}

const forum: Row<'forum'> = {
  path: '/',
  read: () => ({}),
  href: () => '/',
  request: () => endpoints.forum(),
  saved: 'forum',
  smf: null,
};

const board: Row<'board'> = {
  path: '/board/:boardId',
  read: ({ boardId = 0 }, query) => {
    const page = readPageParam(query);
    return page === NOT_CANONICAL ? page : { boardId, page };
  },
  href: ({ boardId, page }) => withPage(`/board/${boardId}`, page),
  request: ({ boardId, page }) => endpoints.boardPage(boardId, page),
  saved: 'boards',
  smf: (params) => {
    const [boardId, offset] = smfId(params.get('board'));
    return boardId === null ? null : board.href({ boardId, page: pageFromOffset(offset, SMF_TOPICS_PER_PAGE) });
  },
};

const topic: Row<'topic'> = {
  path: '/topic/:topicId',
  read: ({ topicId = 0 }, query) => {
    const postId = parsePositiveInt(query.get('post'));
    // A post names its page; a ?page= beside it is ignored.
    if (postId !== null) return { topicId, page: 1, postId };
    const page = readPageParam(query);
    return page === NOT_CANONICAL ? page : { topicId, page, postId };
  },
  href: ({ topicId, page, postId }) => (postId === null ? withPage(`/topic/${topicId}`, page) : `/topic/${topicId}?post=${postId}#msg${postId}`),
  request: ({ topicId, page, postId }) => (postId === null ? endpoints.topicPage(topicId, page) : endpoints.topicPageWithPost(topicId, postId)),
  saved: 'topics',
  smf: (params) => {
    const [topicId, position] = smfId(params.get('topic'));
    if (topicId === null) return null;
    const postId = parsePositiveInt(position?.match(/^msg(\d+)$/)?.[1]);
    if (postId !== null) return topic.href({ topicId, page: 1, postId });
    const first = topic.href({ topicId, page: 1, postId: null });
    if (position === 'new') return `${first}#new`;
    return topic.href({ topicId, page: pageFromOffset(position, SMF_POSTS_PER_PAGE), postId: null });
  },
};

const post: Row<'post'> = {
  path: '/post/:postId',
  read: ({ postId = 0 }) => ({ postId }),
  href: ({ postId }) => `/post/${postId}`,
  request: ({ postId }) => endpoints.post(postId),
  saved: 'posts',
  smf: (params) => {
    const postId = parsePositiveInt(params.get('msg'));
    return postId === null ? null : post.href({ postId });
  },
};

const print: Row<'print'> = {
  path: '/topic/:topicId/print',
  read: ({ topicId = 0 }) => ({ topicId }),
  href: ({ topicId }) => `/topic/${topicId}/print`,
  // Page 1 names the topic, its trail and its length; the view loads the other pages.
  request: ({ topicId }) => endpoints.topicPage(topicId, 1),
  saved: 'topics',
  smf: (params) => {
    const [topicId] = smfId(params.get('topic'));
    return params.get('action') === 'printpage' && topicId !== null ? print.href({ topicId }) : null;
  },
};

const search: Row<'search'> = {
  path: '/search',
  read: (_ids, query) => {
    // Spaces around the words change nothing; a query of only spaces is no query.
    const q = (query.get('q') ?? '').trim();
    if (q === '') return { q, page: 1 };
    const page = readPageParam(query);
    return page === NOT_CANONICAL ? page : { q, page };
  },
  href: ({ q, page }) => {
    const params = new URLSearchParams({ q });
    if (page > 1) params.set('page', String(page));
    return `/search?${params.toString()}`;
  },
  request: ({ q, page }) => endpoints.search(q, page),
  saved: null,
  smf: null,
};

/** The table. Its order is the order old SMF links are tried in (print before topic). */
export const readerRoutes: { readonly [N in PageName]: Row<N> } = { print, topic, board, post, search, forum };

/** The reader's address of a page. */
export function pageHref(page: ReaderPage): string {
  // Each row writes its own page: the cast pairs a page with the row of its name.
  return (readerRoutes[page.name] as Row<PageName>).href(page as never);
}

/** The API request that loads a page (its query key and path). */
export function pageRequest(page: ReaderPage): ApiRequest {
  return (readerRoutes[page.name] as Row<PageName>).request?.(page as never) ?? endpoints.forum();
}

// The hrefs the views write, named for reading.
export const boardHref = (boardId: number, page = 1): string => board.href({ boardId, page });
export const topicHref = (topicId: number, page = 1): string => topic.href({ topicId, page, postId: null });
export const postHref = (topicId: number, postId: number): string => topic.href({ topicId, page: 1, postId });
export const printHref = (topicId: number): string => print.href({ topicId });
export const searchHref = (q: string, page = 1): string => search.href({ q, page });
/** A category is a section of the board index. */
export const categoryHref = (categoryId: number): string => `${forum.href({})}#c${categoryId}`;

// Paths as patterns: `/topic/:topicId` → /^\/topic\/([^/]+)\/?$/i, names in order.
const compiled = (Object.keys(readerRoutes) as PageName[]).map((name) => {
  const names: string[] = [];
  const source = readerRoutes[name].path.replace(/:(\w+)/g, (_, id: string) => {
    names.push(id);
    return '([^/]+)';
  });
  return { name, names, pattern: new RegExp(`^${source === '/' ? '/' : `${source}/?`}$`, 'i') };
});

/** What a reader URL shows, with its parameters checked; `/index.php?…` (an old SMF link) redirects. */
export function matchReaderUrl(url: { pathname: string; search: string; hash?: string }): UrlMatch {
  if (/^\/index\.php$/i.test(url.pathname)) {
    const params = readSmfParams(url.search);
    // A malformed %-escape names no page: "not found", where "Try again" would fail the same way.
    return params ? { redirect: smfTarget(params) ?? '/' } : { notFound: true };
  }
  for (const { name, names, pattern } of compiled) {
    const found = pattern.exec(url.pathname);
    if (!found) continue;
    const ids: Ids = {};
    for (const [index, id] of names.entries()) {
      const value = parsePositiveInt(found[index + 1]);
      if (value === null) return { notFound: true };
      ids[id] = value;
    }
    const query = new URLSearchParams(url.search);
    const read = readerRoutes[name].read(ids, query);
    if (read === NOT_CANONICAL) {
      query.delete('page');
      const rest = query.toString();
      return { redirect: `${url.pathname}${rest ? `?${rest}` : ''}${url.hash ?? ''}` };
    }
    return { page: { name, ...read } as ReaderPage };
  }
  return { notFound: true };
}

/**
 * SMF separates parameters with `&` or `;` (index.php?action=printpage;topic=123.0),
 * which URLSearchParams does not understand, so read them by hand. Null when a
 * %-escape is malformed.
 */
function readSmfParams(search: string): SmfParams | null {
  const params = new Map<string, string>();
  try {
    for (const part of search.replace(/^\?/, '').split(/[&;]/)) {
      if (!part) continue;
      const [key = '', value = ''] = part.split('=', 2);
      params.set(decodeURIComponent(key).toLowerCase(), decodeURIComponent(value));
    }
  } catch {
    return null;
  }
  return params;
}

/** Where an old SMF link's parameters point in the reader, or null when they name no page of it. */
function smfTarget(params: SmfParams): string | null {
  for (const name of Object.keys(readerRoutes) as PageName[]) {
    const target = readerRoutes[name].smf?.(params);
    if (target) return target;
  }
  return null;
}

/**
 * An SMF quote's `link` (`msg=123`, `topic=12.msg34#msg34`, `topic=12.30`) as a reader
 * address, the same one the old link itself redirects to; null when it names no page.
 */
export function smfLinkTarget(link: string): string | null {
  const params = readSmfParams(link.split('#', 1)[0] ?? '');
  return params && smfTarget(params);
}
