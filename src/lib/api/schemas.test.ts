import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { boardResponseSchema, boardSummarySchema, topicResponseSchema, topicSummarySchema } from './schemas';

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
