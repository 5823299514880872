/**
 * The most pages the print view holds at once: as many as "Save all pages" keeps (30,000
 * posts at SMF's 15 a page). A topic claiming more, even 100,000,000, gets its first pages
 * and a note saying so, never a hang; a range past that is cut to this many pages.
 */
export const MAX_PRINT_PAGES = 2000;

/** The pages of a topic the print view shows, both ends included, page 1 first. */
export type PrintRange = {
  from: number;
  to: number;
  /** Chosen by `?from=`/`?to=`, as opposed to the whole topic (as much of it as fits). */
  chosen: boolean;
};

/**
 * The range `?from=N&to=M` asks for, within the topic's `totalPages`. Either end may be
 * left out (from the first page, to the last); ends given the wrong way round are
 * swapped; anything that is not a page number counts as left out, so an old or mangled
 * link still shows the topic. Kept in the print feature, not the route table, because
 * only this view (and the server's prefetch for it) reads it.
 */
export function readPrintRange(query: URLSearchParams, totalPages: number): PrintRange {
  const last = Math.max(1, totalPages);
  const askedFrom = pageNumber(query.get('from'));
  const askedTo = pageNumber(query.get('to'));
  const chosen = askedFrom !== null || askedTo !== null;
  const a = Math.min(askedFrom ?? 1, last);
  const b = Math.min(askedTo ?? last, last);
  const from = Math.min(a, b);
  const to = Math.min(Math.max(a, b), from + MAX_PRINT_PAGES - 1);
  return { from, to, chosen };
}

/**
 * A page number from the URL, or null. Not reader-routes' parsePositiveInt: importing that
 * from this lazy chunk makes the entry chunk export it, which costs bytes before a topic's
 * first post (the JS budget); a page number needs no more than this.
 */
function pageNumber(raw: string | null): number | null {
  if (raw === null || !/^[1-9]\d{0,8}$/.test(raw)) return null;
  return Number(raw);
}

/** How many posts pages `from`…`to` hold, from the topic's page size and post count. */
export function postsInRange({ from, to }: PrintRange, pageSize: number, totalPosts: number): number {
  return Math.max(0, Math.min(to * pageSize, totalPosts) - (from - 1) * pageSize);
}
