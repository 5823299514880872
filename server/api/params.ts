// Request parameters. Ids and pages are positive integers within SMF's column
// ranges (INT UNSIGNED at most); anything else names nothing (404 for a path id)
// or is a mistake (400 for a query parameter), never a database error.
import { badRequest } from './context';

/** SMF's largest id column is INT UNSIGNED. */
const MAX_ID = 4_294_967_295;

export function pathId(raw: string | undefined): number | null {
  if (raw === undefined || !/^[1-9][0-9]{0,9}$/.test(raw)) return null;
  const id = Number(raw);
  return id <= MAX_ID ? id : null;
}

/**
 * A positive integer query parameter or null when absent. Zero, negatives,
 * fractions, words and repeats are a 400. Very large pages parse as Infinity, which
 * the caller reports as past the last page.
 */
export function positiveIntQuery(url: URL, name: string): number | null {
  const values = url.searchParams.getAll(name);
  if (values.length === 0) return null;
  const raw = values[0];
  if (values.length > 1 || raw === undefined) throw badRequest(`Give "${name}" once.`);
  if (!/^[0-9]+$/.test(raw) || /^0+$/.test(raw)) {
    throw badRequest(`"${name}" must be a positive integer, not "${raw.slice(0, 40)}".`);
  }
  const n = Number(raw);
  return Number.isSafeInteger(n) ? n : Number.POSITIVE_INFINITY;
}
