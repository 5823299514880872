import { describe, expect, it } from 'vitest';
import { pageItems } from './pagination';

const render = (current: number, total: number) =>
  pageItems(current, total)
    .map((item) => (item.kind === 'gap' ? '…' : item.page === current ? `[${item.page}]` : String(item.page)))
    .join(' ');

describe('condensed page lists', () => {
  it('lists every page of a short topic', () => {
    expect(render(1, 1)).toBe('[1]');
    expect(render(2, 5)).toBe('1 [2] 3 4 5');
  });

  it('condenses a long topic around the current page, as SMF does', () => {
    expect(render(6, 667)).toBe('1 … 4 5 [6] 7 8 … 667');
    expect(render(1, 667)).toBe('[1] 2 3 … 667');
    expect(render(667, 667)).toBe('1 … 665 666 [667]');
  });

  it('never hides a single page behind a gap', () => {
    expect(render(5, 10)).toBe('1 2 3 4 [5] 6 7 … 10');
    expect(render(4, 7)).toBe('1 2 3 [4] 5 6 7');
  });
});

describe('page lists for any numbers', () => {
  // A server's numbers are bounded by the contract's schemas; this list must still end
  // for any it is given: counting pages up from 2^53 - 2 once never did (p + 1 === p).
  it.each([
    [2 ** 53 - 2, 2 ** 53],
    [2 ** 53 + 2, 2 ** 53 + 2],
    [1e308, 1e308],
    [1, Number.MAX_VALUE],
  ])('lists a handful of pages for page %d of %d', (current, total) => {
    const items = pageItems(current, total);
    expect(items.length).toBeLessThanOrEqual(9);
    expect(items[0]).toEqual({ kind: 'page', page: 1 });
    expect(items.at(-1)).toEqual({ kind: 'page', page: total });
  });
});
