import { describe, expect, it } from 'vitest';
import { highestPost, planJump, postsPerPage, type PageView } from './post-jump';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
// 41 posts, 15 a page: 1–15, 16–30, 31–41.
const page1: PageView = { numbers: range(1, 15), page: 1, lastPage: 3, total: null };
const page2: PageView = { numbers: range(16, 30), page: 2, lastPage: 3, total: null };
const page3: PageView = { numbers: range(31, 41), page: 3, lastPage: 3, total: null };

describe('postsPerPage', () => {
  it('reads the page size from a full first page or from a later page’s first number', () => {
    expect(postsPerPage(page1)).toBe(15);
    expect(postsPerPage(page2)).toBe(15);
    expect(postsPerPage(page3)).toBe(15);
    expect(postsPerPage({ numbers: range(41, 60), page: 3, lastPage: 9, total: null })).toBe(20);
  });

  it('falls back to SMF’s 15 when the page cannot tell', () => {
    expect(postsPerPage({ numbers: range(1, 4), page: 1, lastPage: 1, total: null })).toBe(15);
    expect(postsPerPage({ numbers: [18], page: 3, lastPage: 3, total: null })).toBe(15);
  });
});

describe('planJump', () => {
  it('stays for a post on this page and opens the page that holds any other', () => {
    expect(planJump(7, page1)).toEqual({ kind: 'here' });
    expect(planJump(16, page1)).toEqual({ kind: 'page', page: 2 });
    expect(planJump(35, page1)).toEqual({ kind: 'page', page: 3 });
    expect(planJump(15, page3)).toEqual({ kind: 'page', page: 1 });
    expect(planJump(5_000, { numbers: range(16, 30), page: 2, lastPage: 667, total: 10_000 })).toEqual({ kind: 'page', page: 334 });
  });

  it('refuses what cannot be a post, with the exact range when the page knows it', () => {
    expect(planJump(0, page1)).toEqual({ kind: 'out-of-range', max: null });
    expect(planJump(Number.NaN, page1)).toEqual({ kind: 'out-of-range', max: null });
    expect(planJump(46, page1)).toEqual({ kind: 'out-of-range', max: null });
    expect(planJump(42, page3)).toEqual({ kind: 'out-of-range', max: 41 });
    expect(planJump(42, { ...page1, total: 41 })).toEqual({ kind: 'out-of-range', max: 41 });
  });

  it('lets through a number the page can only bound (3 pages of 15 may hold 45)', () => {
    expect(highestPost(page1)).toBe(45);
    expect(planJump(44, page1)).toEqual({ kind: 'page', page: 3 });
  });

  it('refuses a missing post on a one-page topic', () => {
    expect(planJump(9, { numbers: range(1, 8), page: 1, lastPage: 1, total: null })).toEqual({ kind: 'out-of-range', max: 8 });
  });
});
