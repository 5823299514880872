import { describe, expect, it } from 'vitest';
import { narrowClass, pageItems } from './pagination';

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

// What a phone shows (styles.css): "far" pages hidden, a "fill" page as a gap.
const renderNarrow = (current: number, total: number) =>
  pageItems(current, total)
    .flatMap((item) => {
      if (item.kind === 'gap') return ['…'];
      const phone = narrowClass(item.page, current, total);
      if (phone === 'pagination-far') return [];
      if (phone === 'pagination-fill') return ['…'];
      return [item.page === current ? `[${item.page}]` : String(item.page)];
    })
    .join(' ');

describe('condensed page lists on a phone', () => {
  it('shows one page either side of the current one', () => {
    expect(renderNarrow(333, 667)).toBe('1 … 332 [333] 334 … 667');
    expect(renderNarrow(6, 667)).toBe('1 … 5 [6] 7 … 667');
    expect(renderNarrow(1, 667)).toBe('[1] 2 … 667');
    expect(renderNarrow(667, 667)).toBe('1 … 666 [667]');
  });

  it('shows a gap where the wider list fills one, and never hides a single page', () => {
    expect(renderNarrow(5, 667)).toBe('1 … 4 [5] 6 … 667');
    expect(renderNarrow(663, 667)).toBe('1 … 662 [663] 664 … 667');
    expect(renderNarrow(4, 667)).toBe('1 2 3 [4] 5 … 667');
    expect(renderNarrow(664, 667)).toBe('1 … 663 [664] 665 666 667');
    expect(renderNarrow(3, 6)).toBe('1 2 [3] 4 5 6');
  });

  it('marks every skipped run of pages with one gap, and only those', () => {
    for (let current = 1; current <= 40; current += 1) {
      const list = renderNarrow(current, 40).split(' ');
      expect(list).toContain(`[${current}]`);
      list.forEach((shown, index) => {
        const before = list[index - 1];
        if (shown === '…') expect(before).not.toBe('…');
        else if (before && before !== '…') expect(Number(shown.replace(/\D/g, ''))).toBe(Number(before.replace(/\D/g, '')) + 1);
        else if (before === '…') expect(Number(shown.replace(/\D/g, ''))).toBeGreaterThan(Number(list[index - 2]?.replace(/\D/g, '')) + 2);
      });
    }
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
