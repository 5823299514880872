// @vitest-environment node
// Every endpoint's answers, run through the very schemas the reader validates
// with: if the mock drifts from the contract, these fail with the exact issues.
import { describe, expect, it } from 'vitest';
import {
  boardResponseSchema, errorBodySchema, forumResponseSchema, postResponseSchema, topicResponseSchema,
} from '../../src/lib/api/schemas';
import { searchResponseSchema, topicSearchResponseSchema } from '../../src/lib/api/search-schemas';
import type { BoardSummary } from '../../src/lib/api/schemas';
import {
  ATTACHMENTS_TOPIC_ID, BUSY_BOARD_ID, EMPTY_BOARD_ID, HOSTILE_TOPIC_ID, HUGE_TOPIC_ID, LOUNGE_BOARD_ID,
  MOVED_NOTICE_TOPIC_ID, MULTI_PAGE_TOPIC_ID, REDIRECT_BOARD_ID, RESTRICTED_BOARD_ID, SEED_POST_ID, SEED_TOPIC_ID,
  SHOWCASE_TOPIC_ID, hugePostId,
} from '../db/ids';
import { BOARDS } from '../db/structure';
import { get, getValid, parse, listenWithMockServer } from '../../test/support/mock-api';

listenWithMockServer();

const BOARD_IDS_FOR_TESTS = BOARDS.map((b) => b.id);
const HUGE_POST_IDS_FOR_TESTS = [1, 15, 16, 5_000, 9_991, 10_000].map(hugePostId);

function flatten(boards: readonly BoardSummary[]): BoardSummary[] {
  return boards.flatMap((b) => [b, ...flatten(b.children)]);
}

describe('the contract', () => {
  it('holds for the board index', async () => {
    const index = await getValid(forumResponseSchema, '/forum');
    expect(index.forum.name).toBe('Bosman Business World');
    expect(flatten(index.categories.flatMap((c) => c.boards)).length).toBe(BOARD_IDS_FOR_TESTS.length);
  });

  it.each(BOARD_IDS_FOR_TESTS.filter((id) => id !== RESTRICTED_BOARD_ID))('holds for board %i', async (id) => {
    const board = await getValid(boardResponseSchema, `/boards/${id}`);
    expect(board.board.id).toBe(id);
  });

  it.each([1, 2, 3, 4])('holds for page %i of the busy board', async (page) => {
    const board = await getValid(boardResponseSchema, `/boards/${BUSY_BOARD_ID}?page=${page}`);
    expect(board.page.number).toBe(page);
  });

  it('holds for the empty board', async () => {
    await getValid(boardResponseSchema, `/boards/${EMPTY_BOARD_ID}?page=1`);
  });

  // The schemas strip keys they do not know: these fail if a new field is left out of them.
  it('holds for the redirect board, on the index and on its own, keeping its redirectUrl', async () => {
    const index = await getValid(forumResponseSchema, '/forum');
    const listed = flatten(index.categories.flatMap((c) => c.boards)).find((b) => b.id === REDIRECT_BOARD_ID);
    expect(listed?.redirectUrl).toBe('https://blog.example.com/');
    const board = await getValid(boardResponseSchema, `/boards/${REDIRECT_BOARD_ID}`);
    expect(board.board.redirectUrl).toBe('https://blog.example.com/');
  });

  it('holds for the moved-topic notice, listed and opened, keeping its movedTo', async () => {
    const { topics } = await getValid(boardResponseSchema, `/boards/${LOUNGE_BOARD_ID}`);
    const listed = topics.find((t) => t.id === MOVED_NOTICE_TOPIC_ID);
    expect(listed?.movedTo).toEqual({ id: expect.any(Number), title: expect.any(String), boardId: expect.any(Number) });
    const notice = await getValid(topicResponseSchema, `/topics/${MOVED_NOTICE_TOPIC_ID}`);
    expect(notice.topic.movedTo).toEqual(listed?.movedTo);
    await getValid(topicResponseSchema, `/topics/${notice.topic.movedTo?.id ?? 0}`);
  });

  it.each([
    ['the seed topic', SEED_TOPIC_ID, 1],
    ['the huge topic, first page', HUGE_TOPIC_ID, 1],
    ['the huge topic, a middle page', HUGE_TOPIC_ID, 334],
    ['the huge topic, last page', HUGE_TOPIC_ID, 667],
    ['the showcase, page 1', SHOWCASE_TOPIC_ID, 1],
    ['the showcase, page 2', SHOWCASE_TOPIC_ID, 2],
    ['the hostile topic', HOSTILE_TOPIC_ID, 1],
    ['the attachment states', ATTACHMENTS_TOPIC_ID, 1],
    ['the multi-page topic, page 3', MULTI_PAGE_TOPIC_ID, 3],
    ['the moved-topic notice', MOVED_NOTICE_TOPIC_ID, 1],
  ])('holds for %s', async (_, id, page) => {
    const topic = await getValid(topicResponseSchema, `/topics/${id}?page=${page}`);
    expect(topic.topic.id).toBe(id);
  });

  it('holds for every page of every ordinary topic on the busy board', async () => {
    const { topics } = await getValid(boardResponseSchema, `/boards/${BUSY_BOARD_ID}?page=2`);
    for (const t of topics) await getValid(topicResponseSchema, `/topics/${t.id}`);
  });

  it.each(HUGE_POST_IDS_FOR_TESTS)('holds for ?post=%i', async (postId) => {
    await getValid(topicResponseSchema, `/topics/${HUGE_TOPIC_ID}?post=${postId}`);
  });

  it.each([SEED_POST_ID, ...HUGE_POST_IDS_FOR_TESTS])('holds for post %i', async (postId) => {
    const found = await getValid(postResponseSchema, `/posts/${postId}`);
    expect(found.post.id).toBe(postId);
  });

  it.each(['korean troops', 'never-ending', 'dividend', 'مرحباً', 'script'])('holds for a search for "%s"', async (q) => {
    await getValid(searchResponseSchema, `/search?q=${encodeURIComponent(q)}`);
  });

  it.each(['korean troops', 'never-ending', 'pricing', 'مرحباً', 'script'])('holds for a search by topic for "%s"', async (q) => {
    await getValid(topicSearchResponseSchema, `/search?q=${encodeURIComponent(q)}&by=topic`);
  });

  it.each([
    ['/boards/999', 404],
    ['/boards/abc', 404],
    [`/boards/${RESTRICTED_BOARD_ID}`, 403],
    [`/boards/${BUSY_BOARD_ID}?page=0`, 400],
    [`/boards/${BUSY_BOARD_ID}?page=99`, 404],
    [`/boards/${REDIRECT_BOARD_ID}?page=2`, 404],
    ['/topics/999999', 404],
    [`/topics/${HUGE_TOPIC_ID}?page=1&post=${SEED_POST_ID}`, 400],
    ['/posts/5', 404],
    ['/search?q=', 400],
    ['/search?q=x&by=post', 400],
    ['/search?q=never-ending&by=topic&page=2', 404],
  ])('holds for the error answer of %s', async (path, status) => {
    const answer = await get(path);
    expect(answer.status).toBe(status);
    parse(errorBodySchema, answer.body, path);
  });
});
