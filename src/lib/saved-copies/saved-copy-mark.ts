// Which data on screen came from a saved copy rather than from the forum. Kept apart
// from the persistence code (which loads lazily) so every view can ask cheaply.
//
// Keyed by the data object and checked against the query's `dataUpdatedAt`: a fresh
// answer always moves `dataUpdatedAt` on, even when structural sharing keeps the very
// same object because the forum sent exactly what was saved. So the mark goes away
// with the first fresh answer, whatever it holds, and needs no clean-up.
const savedCopies = new WeakMap<object, number>();

/** Marks `data`, just put in the cache from a saved copy written at `savedAt`. */
export function markSavedCopy(data: unknown, savedAt: number): void {
  if (typeof data === 'object' && data !== null) savedCopies.set(data, savedAt);
}

/** When the saved copy on screen was written, or null when the data is the forum's latest answer. */
export function savedCopyTime(data: unknown, dataUpdatedAt: number): number | null {
  if (typeof data !== 'object' || data === null) return null;
  const savedAt = savedCopies.get(data);
  return savedAt !== undefined && savedAt === dataUpdatedAt ? savedAt : null;
}
