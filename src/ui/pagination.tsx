import { Link } from 'react-router-dom';
import { formatCount } from '../lib/format/format';

type PageItem = { kind: 'page'; page: number } | { kind: 'gap'; key: string };

/**
 * SMF-style condensed page list: the first and last pages, a window around the
 * current one, and gaps between (1 … 4 5 [6] 7 8 … 667). A gap never hides a
 * single page: "1 … 3" becomes "1 2 3".
 */
export function pageItems(current: number, total: number, around = 2): PageItem[] {
  const pages = new Set<number>([1, total]);
  for (let p = current - around; p <= current + around; p += 1) {
    if (p >= 1 && p <= total) pages.add(p);
  }
  const sorted = [...pages].sort((a, b) => a - b);
  const items: PageItem[] = [];
  let previous = 0;
  for (const page of sorted) {
    if (page - previous === 2) items.push({ kind: 'page', page: previous + 1 });
    else if (page - previous > 2) items.push({ kind: 'gap', key: `gap-${previous}` });
    items.push({ kind: 'page', page });
    previous = page;
  }
  return items;
}

type PaginationProps = {
  current: number;
  total: number;
  hrefFor: (page: number) => string;
  /** Tells the top and bottom lists apart for screen readers. */
  label: string;
};

export function Pagination({ current, total, hrefFor, label }: PaginationProps) {
  if (total <= 1) return null;
  return (
    <nav aria-label={label} className="pagination">
      <ul>
        <li>
          {current > 1 ? (
            <Link to={hrefFor(current - 1)} rel="prev" className="pagination-step" aria-label="Previous page">
              <span aria-hidden="true">‹</span>
              <span className="pagination-step-label"> Previous</span>
            </Link>
          ) : null}
        </li>
        {pageItems(current, total).map((item) =>
          item.kind === 'gap' ? (
            <li key={item.key} className="pagination-gap" aria-hidden="true">
              …
            </li>
          ) : (
            <li key={item.page}>
              <Link
                to={hrefFor(item.page)}
                aria-current={item.page === current ? 'page' : undefined}
                aria-label={`Page ${formatCount(item.page)}`}
              >
                {formatCount(item.page)}
              </Link>
            </li>
          ),
        )}
        <li>
          {current < total ? (
            <Link to={hrefFor(current + 1)} rel="next" className="pagination-step" aria-label="Next page">
              <span className="pagination-step-label">Next </span>
              <span aria-hidden="true">›</span>
            </Link>
          ) : null}
        </li>
      </ul>
    </nav>
  );
}
