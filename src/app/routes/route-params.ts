import { parsePositiveInt } from '../../lib/routes';
import { RouteNotFound, RouteRedirect } from '../navigation/route-loader';

/** A route's numeric id, or a 404 for the reader's own not-found page. */
export function requireId(raw: string | undefined): number {
  const id = parsePositiveInt(raw);
  if (id === null) throw new RouteNotFound();
  return id;
}

/**
 * The page named by `?page=`. Page 1 has no parameter, so `?page=1` and values that
 * are not pages (`?page=0`, `?page=abc`) redirect to the canonical address.
 */
export function readPage(request: Request): number {
  const url = new URL(request.url);
  const raw = url.searchParams.get('page');
  if (raw === null) return 1;
  const page = parsePositiveInt(raw);
  if (page === null || page === 1) {
    url.searchParams.delete('page');
    throw new RouteRedirect(`${url.pathname}${url.search}${url.hash}`);
  }
  return page;
}
