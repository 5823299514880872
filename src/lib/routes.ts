// The reader's public URLs (the contract's "Reader URLs" table), built in one
// place so every link in the app agrees on them. Page 1 never carries ?page=.
export function boardHref(boardId: number, page = 1): string {
  return page > 1 ? `/board/${boardId}?page=${page}` : `/board/${boardId}`;
}

export function topicHref(topicId: number, page = 1): string {
  return page > 1 ? `/topic/${topicId}?page=${page}` : `/topic/${topicId}`;
}

export function postHref(topicId: number, postId: number): string {
  return `/topic/${topicId}?post=${postId}#msg${postId}`;
}

export function categoryHref(categoryId: number): string {
  return `/#c${categoryId}`;
}

/** A positive integer from a URL segment or parameter, or null when it is not one. */
export function parsePositiveInt(raw: string | null | undefined): number | null {
  if (raw == null || !/^[1-9]\d{0,15}$/.test(raw)) return null;
  const value = Number(raw);
  return Number.isSafeInteger(value) ? value : null;
}

/** The reader's search address: `/search?q=TEXT`, with `&page=N` after page 1. */
export function searchHref(q: string, page = 1): string {
  const params = new URLSearchParams({ q });
  if (page > 1) params.set('page', String(page));
  return `/search?${params.toString()}`;
}
