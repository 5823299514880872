import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { formatCount } from '../lib/format/format';
import type { ReaderMarks } from './reader-landmarks';

type PageItem = { kind: 'page'; page: number } | { kind: 'gap'; key: string };

/**
 * SMF-style condensed page list: the first and last pages, a window around the
 * current one, and gaps between (1 … 4 5 [6] 7 8 … 667). A gap never hides a
 * single page: "1 … 3" becomes "1 2 3".
 *
 * A phone shows one page either side of the current one (1 … 5 [6] 7 … 667), so the
 * list fits one line of 320 px: styles.css folds it from this same list, by position.
 */
export function pageItems(current: number, total: number, around = 2): PageItem[] {
  const pages = new Set<number>([1, total]);
  // Counted by the offset, not the page: `p += 1` never moves past 2^53, and a loop
  // over the pages themselves would run as long as the numbers a server sends.
  for (let offset = -around; offset <= around; offset += 1) {
    const p = current + offset;
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

// Past this many pages the list hides some, so offer a field to reach any of them.
const JUMP_FIELD_FROM = 8;

type PaginationProps = {
  current: number;
  total: number;
  hrefFor: (page: number) => string;
  /** Tells the top and bottom lists apart for screen readers. */
  label: string;
  /** Router state carried by every page link (the topic uses it to scroll to its posts). */
  state?: unknown;
};

export function Pagination({ current, total, hrefFor, label, state }: PaginationProps) {
  if (total <= 1) return null;
  return (
    <nav
      aria-label={label}
      className="pagination"
      {...({ 'data-reader-page': current, 'data-reader-last-page': total } satisfies ReaderMarks)}
    >
      <ul>
        <li>
          {current > 1 ? (
            <Link
              to={hrefFor(current - 1)}
              state={state}
              rel="prev"
              className="pagination-step"
              aria-label="Previous page"
              {...({ 'data-reader-pager': 'prev' } satisfies ReaderMarks)}
            >
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
                state={state}
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
            <Link
              to={hrefFor(current + 1)}
              state={state}
              rel="next"
              className="pagination-step"
              aria-label="Next page"
              {...({ 'data-reader-pager': 'next' } satisfies ReaderMarks)}
            >
              <span className="pagination-step-label">Next </span>
              <span aria-hidden="true">›</span>
            </Link>
          ) : null}
        </li>
      </ul>
      {total >= JUMP_FIELD_FROM ? <JumpToPage total={total} current={current} hrefFor={hrefFor} state={state} /> : null}
    </nav>
  );
}

function JumpToPage({ total, current, hrefFor, state }: Omit<PaginationProps, 'label'>) {
  const navigate = useNavigate();
  const id = useId();
  const [value, setValue] = useState('');
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const page = Number(value);
    // The input's min/max/step already refuse anything else; this guards odd browsers.
    if (!Number.isInteger(page) || page < 1 || page > total) return;
    setValue('');
    if (page !== current) void navigate(hrefFor(page), { state });
  };
  return (
    <form className="pagination-jump" onSubmit={submit}>
      <label htmlFor={id}>Go to page</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={1}
        max={total}
        step={1}
        required
        value={value}
        onChange={(event) => setValue(event.target.value)}
        placeholder={`1–${formatCount(total)}`}
      />
      <button type="submit" className="button">
        Go
      </button>
    </form>
  );
}
