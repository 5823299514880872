import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  boardResponseSchema,
  boardSummarySchema,
  forumResponseSchema,
  MAX_BOARD_DEPTH,
  pageSchema,
  topicResponseSchema,
  topicSummarySchema,
} from './schemas';

const author = { id: 1, name: 'Bosman' };
const lastPost = { topicId: 7, topicTitle: 'Hello', postId: 70, author, postedAt: '2024-10-21T15:19:00Z' };
const board = { id: 20, name: 'Company blog', topicCount: 0, postCount: 0, children: [] };
const topic = {
  id: 43,
  title: 'MOVED: Hello',
  starter: author,
  startedAt: '2024-10-21T15:19:00Z',
  replyCount: 0,
  viewCount: 3,
  sticky: false,
  locked: true,
  lastPost,
};

describe('a board summary', () => {
  it('keeps the address of a redirect board', () => {
    const parsed = v.parse(boardSummarySchema, { ...board, redirectUrl: 'https://blog.example.com/' });
    expect(parsed.redirectUrl).toBe('https://blog.example.com/');
  });

  it('reads an ordinary board with the address absent, null or empty, as SMF stores it', () => {
    expect(v.parse(boardSummarySchema, board).redirectUrl).toBeUndefined();
    expect(v.parse(boardSummarySchema, { ...board, redirectUrl: null }).redirectUrl).toBeNull();
    expect(v.parse(boardSummarySchema, { ...board, redirectUrl: '' }).redirectUrl).toBe('');
  });

  it('keeps any string as the address: the reader vets it before it links anything', () => {
    expect(v.parse(boardSummarySchema, { ...board, redirectUrl: 'javascript:alert(1)' }).redirectUrl).toBe('javascript:alert(1)');
  });

  it('refuses an address that is not a string, in child boards too', () => {
    expect(v.safeParse(boardSummarySchema, { ...board, redirectUrl: 42 }).success).toBe(false);
    expect(v.safeParse(boardSummarySchema, { ...board, id: 1, children: [{ ...board, redirectUrl: {} }] }).success).toBe(false);
  });
});

describe("a board's own page", () => {
  it('keeps the address of a redirect board answering no topics', () => {
    const answer = {
      board: { ...board, redirectUrl: 'https://blog.example.com/' },
      breadcrumb: [{ kind: 'forum', id: null, name: 'Forum' }],
      children: [],
      topics: [],
      page: { number: 1, size: 20, totalPages: 1, totalItems: 0 },
    };
    expect(v.parse(boardResponseSchema, answer).board.redirectUrl).toBe('https://blog.example.com/');
  });
});

describe('a topic summary', () => {
  it('keeps where a moved-topic notice points', () => {
    const movedTo = { id: 206, title: 'Hello', boardId: 8 };
    expect(v.parse(topicSummarySchema, { ...topic, movedTo }).movedTo).toEqual(movedTo);
  });

  it('reads a notice whose target board is not given', () => {
    expect(v.parse(topicSummarySchema, { ...topic, movedTo: { id: 206, title: 'Hello' } }).movedTo).toEqual({ id: 206, title: 'Hello', boardId: undefined });
    expect(v.parse(topicSummarySchema, { ...topic, movedTo: { id: 206, title: 'Hello', boardId: null } }).movedTo?.boardId).toBeNull();
  });

  it('reads an ordinary topic, or a notice whose target is gone, with movedTo absent or null', () => {
    expect(v.parse(topicSummarySchema, topic).movedTo).toBeUndefined();
    expect(v.parse(topicSummarySchema, { ...topic, movedTo: null }).movedTo).toBeNull();
  });

  it.each([
    ['an id that is not positive', { id: 0, title: 'Hello' }],
    ['no title', { id: 206 }],
    ['a board id that is not a number', { id: 206, title: 'Hello', boardId: '8' }],
    ['a bare id', 206],
  ])('refuses a movedTo with %s', (_, movedTo) => {
    expect(v.safeParse(topicSummarySchema, { ...topic, movedTo }).success).toBe(false);
  });
});

describe("a topic's own page", () => {
  it('keeps where a moved-topic notice points', () => {
    const answer = {
      topic: { id: 43, title: 'MOVED: Hello', boardId: 3, starter: author, startedAt: '2024-10-21T15:19:00Z', replyCount: 0, viewCount: 3, sticky: false, locked: true, movedTo: { id: 206, title: 'Hello', boardId: 8 } },
      breadcrumb: [],
      posts: [],
      page: { number: 1, size: 15, totalPages: 1, totalItems: 1 },
    };
    expect(v.parse(topicResponseSchema, answer).topic.movedTo).toEqual({ id: 206, title: 'Hello', boardId: 8 });
  });
});

describe('numbers a reader can handle', () => {
  const page = { number: 1, size: 15, totalPages: 1, totalItems: 1 };

  it.each([
    ['2^32 + 1', 2 ** 32 + 1],
    ['2^53', 2 ** 53],
    ['2^53 + 2', 2 ** 53 + 2],
    ['1e308', 1e308],
    ['a fraction', 1.5],
    ['a negative number', -1],
  ])('refuses %s as an id or a count', (_, n) => {
    expect(v.safeParse(topicSummarySchema, { ...topic, id: n }).success).toBe(false);
    expect(v.safeParse(topicSummarySchema, { ...topic, viewCount: n }).success).toBe(false);
    expect(v.safeParse(pageSchema, { ...page, number: n, totalPages: n }).success).toBe(false);
    expect(v.safeParse(pageSchema, { ...page, totalPages: n }).success).toBe(false);
  });

  it('reads ids and counts up to 2^32, as SMF stores them', () => {
    expect(v.parse(topicSummarySchema, { ...topic, id: 2 ** 32, viewCount: 2 ** 32 }).viewCount).toBe(2 ** 32);
    expect(v.parse(pageSchema, { ...page, number: 2 ** 32, totalPages: 2 ** 32 }).number).toBe(2 ** 32);
  });

  it('refuses a page past the last one', () => {
    expect(v.safeParse(pageSchema, { ...page, number: 7, totalPages: 5 }).success).toBe(false);
    expect(v.parse(pageSchema, { ...page, number: 5, totalPages: 5 }).number).toBe(5);
  });

  it('reads page 1 of none: an empty board or search', () => {
    expect(v.parse(pageSchema, { ...page, totalPages: 0, totalItems: 0 }).totalPages).toBe(0);
    expect(v.safeParse(pageSchema, { ...page, number: 2, totalPages: 0, totalItems: 0 }).success).toBe(false);
  });
});

describe('child boards nested deep', () => {
  /** A board with `levels` levels of child boards under it, one board each. */
  function nested(levels: number): unknown {
    let tree = { ...board, id: levels + 1, children: [] as unknown[] };
    for (let level = levels; level >= 1; level--) tree = { ...board, id: level, children: [tree] };
    return tree;
  }

  it(`reads a tree ${MAX_BOARD_DEPTH} levels deep`, () => {
    expect(v.safeParse(boardSummarySchema, nested(MAX_BOARD_DEPTH - 1)).success).toBe(true);
  });

  it('refuses a tree one level deeper, naming where', () => {
    const result = v.safeParse(boardSummarySchema, nested(MAX_BOARD_DEPTH));
    expect(result.success).toBe(false);
    expect(v.getDotPath(result.issues?.[0] as v.BaseIssue<unknown>)).toBe(Array(MAX_BOARD_DEPTH).fill('children.0').join('.'));
  });

  it('refuses a tree 100,000 levels deep without overflowing the stack', () => {
    const json = `${'{"id":1,"name":"b","topicCount":0,"postCount":0,"children":['.repeat(100_000)}${']}'.repeat(100_000)}`;
    const deep: unknown = JSON.parse(json);
    expect(v.safeParse(boardSummarySchema, deep).success).toBe(false);
    expect(v.safeParse(forumResponseSchema, { forum: { name: 'F' }, categories: [{ id: 1, name: 'C', boards: [deep] }] }).success).toBe(false);
  });
});
