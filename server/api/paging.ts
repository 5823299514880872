// Which rows make page N, read from whichever end of the list is nearer: SMF's own
// display does this ("reverse the query for the later pages"), so the last page of a
// 20,000-post topic skips as few index entries as the first does, and the middle page
// is the dearest, at half the list.

export interface Slice {
  /** Offset of the page's first row in the list's own order. */
  offset: number;
  /** How many rows the page has (the last page may be short). */
  limit: number;
  /** Read in the opposite order, skipping `skip` rows from the end; then reverse. */
  reversed: boolean;
  skip: number;
}

export function pageSlice(totalItems: number, page: number, size: number): Slice {
  const offset = (page - 1) * size;
  const limit = Math.max(0, Math.min(size, totalItems - offset));
  const fromEnd = Math.max(0, totalItems - offset - limit);
  return fromEnd < offset ? { offset, limit, reversed: true, skip: fromEnd } : { offset, limit, reversed: false, skip: offset };
}
