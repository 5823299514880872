import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { boardReadAt, firstUnreadHref, getReadPosition, markBoardRead, markRead, resetReadPositionsCache } from './read-positions';

const STORAGE_KEY = 'lectern:read:v1';
const position = (postId: number, at = '2020-01-01T00:00:00Z') => ({ postId, number: postId, perPage: 15, at });

function stored(raw: string): void {
  window.localStorage.setItem(STORAGE_KEY, raw);
  resetReadPositionsCache();
}

const saved = () => JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? 'null') as { topics: Record<string, unknown>; boards: Record<string, unknown> };

beforeEach(() => {
  window.localStorage.clear();
  resetReadPositionsCache();
});
afterEach(() => vi.restoreAllMocks());

describe('reading positions read back from storage', () => {
  it('are kept as they were written', () => {
    stored(JSON.stringify({ topics: { 7: position(70) }, boards: { 3: '2020-02-01T00:00:00Z' } }));
    expect(getReadPosition(7)).toEqual(position(70));
    expect(boardReadAt(3)).toBe('2020-02-01T00:00:00Z');
  });

  it.each(['{"topics":null,"boards":null}', 'null', '42', '"text"', '[]', '{"topics":[1],"boards":"x"}', '{not json'])(
    'from a corrupt store (%s) are none, and reading on writes a clean store',
    (raw) => {
      vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      stored(raw);
      expect(getReadPosition(7)).toBeNull();
      expect(boardReadAt(3)).toBeNull();
      expect(firstUnreadHref(7)).toBe('/topic/7');
      markRead(7, { id: 70, number: 5 }, 15);
      markBoardRead(3, []);
      expect(getReadPosition(7)).toMatchObject({ postId: 70, number: 5, perPage: 15 });
      expect(saved().topics).toEqual({ 7: expect.objectContaining({ postId: 70 }) });
      expect(typeof saved().boards[3]).toBe('string');
    },
  );

  it('drop each entry of the wrong shape and keep the rest', () => {
    stored(
      JSON.stringify({
        topics: {
          1: position(10),
          2: null,
          3: { ...position(30), at: 5 },
          4: { ...position(40), number: 1e308 },
          5: { ...position(50), perPage: 0 },
          6: { ...position(60), postId: '60' },
          7: 'read',
        },
        boards: { 1: '2020-02-01T00:00:00Z', 2: null, 3: { at: 'x' } },
      }),
    );
    expect([1, 2, 3, 4, 5, 6, 7].map((id) => getReadPosition(id) !== null)).toEqual([true, false, false, false, false, false, false]);
    expect([1, 2, 3].map((id) => boardReadAt(id))).toEqual(['2020-02-01T00:00:00Z', null, null]);
  });

  it('past the cap of 2,000, with `at` no string, are pruned on the next read post instead of throwing', () => {
    const topics = Object.fromEntries(Array.from({ length: 2500 }, (_, i) => [i + 1, { ...position(i + 1), at: i }]));
    stored(JSON.stringify({ topics: { ...topics, 9999: position(5, '2021-01-01T00:00:00Z') }, boards: {} }));
    expect(() => markRead(10_000, { id: 1, number: 1 }, 15)).not.toThrow();
    expect(Object.keys(saved().topics).sort()).toEqual(['10000', '9999']);
  });
});
