// The same forum, two servers: the mock API (mocks/db) and the SMF server reading the
// demo forum seeded into real MariaDB and PostgreSQL in SMF's stored format. Every
// answer is validated against the reader's own schemas, then compared with the
// mock's. The few differences are SMF's own rules, each normalised below with why.
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { Forum } from '../../mocks/db/build-forum';
import { HUGE_TOPIC_ID, MULTI_PAGE_TOPIC_ID, RESTRICTED_BOARD_ID } from '../../mocks/db/ids';
import { boardPage, forumIndex, postLocation, topicPage } from '../../mocks/db/queries';
import type { Result } from '../../mocks/db/queries';
import { searchPosts, searchTopics } from '../../mocks/db/search';
import {
  boardResponseSchema, errorBodySchema, forumResponseSchema, postResponseSchema, topicResponseSchema,
} from '../../src/lib/api/schemas';
import { searchResponseSchema, topicSearchResponseSchema } from '../../src/lib/api/search-schemas';
import type { Attachment, BoardSummary, Post } from '../../src/lib/api/schemas';
import { encodeBody } from '../seed/stored-text-encode';
import { decodeBody } from '../smf/stored-text';
import { DIALECTS } from '../test/databases';
import { seededSuite } from '../test/seeded-forum';
import type { SeededForum, ServerUnderTest } from '../test/seeded-forum';

const BASE = '/api';

/** SMF never lists a board a guest cannot see; the mock lists the staff room to test 403s. */
function withoutHiddenBoards(forum: Forum, boards: BoardSummary[]): BoardSummary[] {
  return boards
    .filter((b) => !forum.boards.get(b.id)?.restricted)
    .map((b) => ({ ...b, children: withoutHiddenBoards(forum, b.children) }));
}

/**
 * SMF has no per-file "restricted" (that is a board's permission profile), and it
 * deletes the rows of files an administrator removes, so those entries do not exist
 * in SMF's tables (the body's `[attach]` then shows them as deleted). SMF counts
 * downloads from zero.
 */
function smfAttachments(list: Attachment[]): Attachment[] {
  return list
    .filter((a) => a.state === 'available' || a.state === 'pending')
    .map((a) => ({ ...a, downloads: a.downloads ?? 0 }));
}

/**
 * SMF stores one subject for a topic and its first message: the topic's title is that
 * subject. And saving a post changes a few characters for good (preparsecode and
 * sanitize_chars: carriage returns go, control characters become control pictures,
 * invisible ones U+FFFD, text is NFC): the hostile topic holds them all. The body
 * expected is therefore the mock's as SMF would have saved it, read back; that this
 * round trip is exact for everything else is stored-text.test.ts's business.
 */
function smfPost(post: Post, topicTitle: string): Post {
  return {
    ...post,
    subject: post.number === 1 ? topicTitle : post.subject,
    body: decodeBody(encodeBody(post.body)),
    attachments: smfAttachments(post.attachments),
  };
}

/** Topic lists: SMF keeps no "has attachments" flag; finding it costs a scan, so the server omits it. */
function withoutAttachmentFlag<T extends { hasAttachments?: boolean | null }>(topic: T): T {
  const copy = { ...topic };
  delete copy.hasAttachments;
  return copy;
}

function mockValue<T>(result: Result<T>): { status: number; body: unknown } {
  return result.ok
    ? { status: 200, body: result.value }
    : { status: result.status, body: { error: { code: result.code, message: result.message } } };
}

describe.each(DIALECTS)('the SMF server on %s answers as the mock forum does', (kind) => {
  const suite = seededSuite(kind);
  const server = (): ServerUnderTest => suite().server;
  const seeded = (): SeededForum => suite().seeded;

  it('for the board index', async () => {
    const { status, body } = await server().json('/api/forum');
    expect(status).toBe(200);
    const parsed = v.parse(forumResponseSchema, body);
    const mock = forumIndex(seeded().forum, BASE);
    expect(parsed).toEqual({
      ...mock,
      categories: mock.categories
        .map((c) => ({ ...c, boards: withoutHiddenBoards(seeded().forum, c.boards) }))
        .filter((c) => c.boards.length > 0),
    });
  });

  it('for the first and last page of every board', async () => {
    for (const board of seeded().forum.boards.values()) {
      const last = Math.max(1, Math.ceil(board.topicIds.length / 20));
      for (const page of new Set([1, 2, last, last + 1])) {
        const { status, body } = await server().json(`/api/boards/${String(board.id)}?page=${String(page)}`);
        const mock = mockValue(boardPage(seeded().forum, board.id, page, BASE));
        expect({ board: board.id, page, status }).toEqual({ board: board.id, page, status: mock.status });
        if (status !== 200) {
          expect(v.parse(errorBodySchema, body).error.code).toBe(v.parse(errorBodySchema, mock.body).error.code);
          continue;
        }
        const expected = v.parse(boardResponseSchema, mock.body);
        expect(v.parse(boardResponseSchema, body)).toEqual({
          ...expected,
          children: withoutHiddenBoards(seeded().forum, expected.children),
          topics: expected.topics.map(withoutAttachmentFlag),
        });
      }
    }
  });

  it('for every page of every topic but the huge one, and pages of the huge one', async () => {
    const pages: [number, number][] = [];
    for (const topic of seeded().forum.topics.values()) {
      const last = Math.max(1, Math.ceil(topic.postCount / 15));
      if (topic.id === HUGE_TOPIC_ID) pages.push([topic.id, 1], [topic.id, 2], [topic.id, 334], [topic.id, last], [topic.id, last + 1]);
      else for (let page = 1; page <= last; page++) pages.push([topic.id, page]);
    }
    expect(pages.length).toBeGreaterThan(200);
    for (const [id, page] of pages) {
      const { status, body } = await server().json(`/api/topics/${String(id)}?page=${String(page)}`);
      const mock = mockValue(topicPage(seeded().forum, id, { page }, BASE));
      expect({ id, page, status }).toEqual({ id, page, status: mock.status });
      if (status !== 200) continue;
      const expected = v.parse(topicResponseSchema, mock.body);
      expect(v.parse(topicResponseSchema, body)).toEqual({ ...expected, posts: expected.posts.map((p) => smfPost(p, expected.topic.title)) });
    }
  });

  it('for a post looked up by id, and a topic opened at a post', async () => {
    const multi = seeded().forum.topics.get(MULTI_PAGE_TOPIC_ID);
    const huge = seeded().forum.topics.get(HUGE_TOPIC_ID);
    if (!multi || !huge) throw new Error('the demo forum lost its long topics');
    for (const post of [multi.postAt(1), multi.postAt(16), multi.postAt(41), huge.postAt(9_999)]) {
      const { status, body } = await server().json(`/api/posts/${String(post.id)}`);
      expect(status).toBe(200);
      const expected = v.parse(postResponseSchema, mockValue(postLocation(seeded().forum, post.id, BASE)).body);
      expect(v.parse(postResponseSchema, body)).toEqual({ ...expected, post: smfPost(expected.post, expected.topic.title) });

      const at = await server().json(`/api/topics/${String(post.topicId)}?post=${String(post.id)}`);
      const mockAt = v.parse(topicResponseSchema, mockValue(topicPage(seeded().forum, post.topicId, { post: post.id }, BASE)).body);
      expect(v.parse(topicResponseSchema, at.body).page).toEqual(mockAt.page);
    }
  });

  it('for errors: unknown ids, pages past the end, a board guests may not open', async () => {
    for (const [path, code] of [
      ['/api/boards/999', 'not_found'],
      [`/api/boards/${String(RESTRICTED_BOARD_ID)}`, 'forbidden'],
      ['/api/topics/999999', 'not_found'],
      ['/api/posts/999999999', 'not_found'],
      ['/api/topics/42?page=0', 'bad_request'],
      ['/api/topics/42?page=2', 'not_found'],
    ] as const) {
      const response = await server().get(path);
      expect({ path, code: v.parse(errorBodySchema, await response.json()).error.code }).toEqual({ path, code });
    }
  });

  it('for search: the same posts (SMF lists them newest first)', async () => {
    for (const q of ['Seoul troops', 'bootstrapping', 'zzzz-no-such-word']) {
      const { status, body } = await server().json(`/api/search?q=${encodeURIComponent(q)}`);
      const mock = mockValue(searchPosts(seeded().forum, q, 1, BASE));
      expect(status).toBe(mock.status);
      const ours = v.parse(searchResponseSchema, body);
      const theirs = v.parse(searchResponseSchema, mock.body);
      expect(ours.page).toEqual(theirs.page);
      if (theirs.page.totalPages === 1) {
        const byId = (a: { post: Post }, b: { post: Post }) => a.post.id - b.post.id;
        expect([...ours.results].sort(byId)).toEqual(
          [...theirs.results].map((r) => ({ ...r, post: smfPost(r.post, r.topic.title) })).sort(byId),
        );
      }
    }
  });

  it('for search by topic: the same topics in the same order, with the same counts and best posts', async () => {
    // Words the mock's tag-free text and SMF's stored text hold alike (as for the plain search).
    for (const q of ['Seoul troops', 'bootstrapping', 'pricing', 'korean', 'zzzz-no-such-word']) {
      const { status, body } = await server().json(`/api/search?q=${encodeURIComponent(q)}&by=topic`);
      const mock = mockValue(searchTopics(seeded().forum, q, 1, BASE));
      expect({ q, status }).toEqual({ q, status: mock.status });
      const ours = v.parse(topicSearchResponseSchema, body);
      const theirs = v.parse(topicSearchResponseSchema, mock.body);
      expect({ q, page: ours.page, totalPosts: ours.totalPosts }).toEqual({ q, page: theirs.page, totalPosts: theirs.totalPosts });
      expect(ours.topics).toEqual(theirs.topics.map((t) => ({ ...t, posts: t.posts.map((p) => smfPost(p, t.topic.title)) })));
    }
  });
});
