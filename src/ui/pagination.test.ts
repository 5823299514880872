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
