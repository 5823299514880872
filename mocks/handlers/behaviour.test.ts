// @vitest-environment node
// How the mock API behaves, per the contract: paging, order, ?post= page math,
// breadcrumbs, error answers, counts, and the files behind attachment urls.
import { getResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  boardResponseSchema, forumResponseSchema, postResponseSchema, topicResponseSchema,
} from '../../src/lib/api/schemas';
import type { BoardSummary, TopicResponse } from '../../src/lib/api/schemas';
import { ATTACHMENT_IDS } from '../db/attachments-topic';
import {
  ATTACHMENTS_TOPIC_ID, BUSY_BOARD_ID, CHILD_BOARD_ID, COMMUNITY_CATEGORY_ID, CRYPTO_BOARD_ID, EMPTY_BOARD_ID,
  GRANDCHILD_BOARD_ID, HUGE_TOPIC_ID, LOUNGE_BOARD_ID, MOVED_NOTICE_TOPIC_ID, MULTI_PAGE_TOPIC_ID, NEWS_CATEGORY_ID,
  REDIRECT_BOARD_ID, RESTRICTED_BOARD_ID, SEED_ATTACHMENT_ID, SEED_BOARD_ID, SEED_POST_ID, SEED_TOPIC_ID,
  handMadePostId, hugePostId,
} from '../db/ids';
import { SEED_TITLE } from '../db/seed-topic';
import { API, get, getValid, listenWithMockServer } from '../../test/support/mock-api';
import { createHandlers } from './handlers';

listenWithMockServer();

function flatten(boards: readonly BoardSummary[]): BoardSummary[] {
  return boards.flatMap((b) => [b, ...flatten(b.children)]);
}

async function allTopicsOf(boardId: number) {
  const first = await getValid(boardResponseSchema, `/boards/${boardId}`);
  const rest = [];
  for (let page = 2; page <= first.page.totalPages; page++) {
    rest.push(...(await getValid(boardResponseSchema, `/boards/${boardId}?page=${page}`)).topics);
  }
  return [...first.topics, ...rest];
}

describe('the board index', () => {
  it('lists categories with boards, child boards and grandchild boards', async () => {
    const { categories } = await getValid(forumResponseSchema, '/forum');
    const news = categories.find((c) => c.id === NEWS_CATEGORY_ID);
    expect(news?.name).toBe('News and Research');
    expect(news?.boards.map((b) => b.name)).toContain('Crime and war');
    const all = flatten(categories.flatMap((c) => c.boards));
    const child = all.find((b) => b.id === CHILD_BOARD_ID);
    expect(child?.children.map((b) => b.id)).toContain(GRANDCHILD_BOARD_ID);
    expect(all.find((b) => b.id === RESTRICTED_BOARD_ID)).toBeDefined();
  });

  it('reports counts and last posts that match the boards themselves', async () => {
    const { categories } = await getValid(forumResponseSchema, '/forum');
    for (const summary of flatten(categories.flatMap((c) => c.boards))) {
      if (summary.id === RESTRICTED_BOARD_ID) continue;
      const topics = await allTopicsOf(summary.id);
      expect(summary.topicCount).toBe(topics.length);
      expect(summary.postCount).toBe(topics.reduce((n, t) => n + t.replyCount + 1, 0));
      const newest = [...topics].sort((a, b) => Date.parse(b.lastPost.postedAt) - Date.parse(a.lastPost.postedAt))[0];
      expect(summary.lastPost?.postId ?? null).toBe(newest?.lastPost.postId ?? null);
    }
  });
});

describe('a board', () => {
  it('pages 20 topics at a time, sticky first, then by last post id, highest first (SMF order)', async () => {
    const topics = await allTopicsOf(BUSY_BOARD_ID);
    expect(topics.length).toBeGreaterThanOrEqual(65);
    const page1 = await getValid(boardResponseSchema, `/boards/${BUSY_BOARD_ID}`);
    expect(page1.page).toEqual({ number: 1, size: 20, totalPages: Math.ceil(topics.length / 20), totalItems: topics.length });
    expect(page1.topics).toHaveLength(20);
    expect(new Set(topics.map((t) => t.id)).size).toBe(topics.length);
    const stickyCount = topics.filter((t) => t.sticky).length;
    expect(stickyCount).toBeGreaterThanOrEqual(2);
    expect(topics.slice(0, stickyCount).every((t) => t.sticky)).toBe(true);
    for (const group of [topics.slice(0, stickyCount), topics.slice(stickyCount)]) {
      const lastPostIds = group.map((t) => t.lastPost.postId);
      expect(lastPostIds).toEqual([...lastPostIds].sort((a, b) => b - a));
    }
    expect(topics.filter((t) => t.locked).length).toBeGreaterThanOrEqual(2);
    expect(topics.some((t) => t.sticky && t.locked)).toBe(true);
  });

  it('gives each topic a reply count and last post that match the topic', async () => {
    const { topics } = await getValid(boardResponseSchema, `/boards/${BUSY_BOARD_ID}?page=3`);
    for (const summary of topics) {
      const first = await getValid(topicResponseSchema, `/topics/${summary.id}`);
      expect(first.topic.replyCount).toBe(summary.replyCount);
      expect(first.page.totalItems).toBe(summary.replyCount + 1);
      const last = await getValid(topicResponseSchema, `/topics/${summary.id}?page=${first.page.totalPages}`);
      const lastPost = last.posts.at(-1);
      expect(summary.lastPost).toMatchObject({ topicId: summary.id, postId: lastPost?.id, postedAt: lastPost?.postedAt });
      expect(summary.startedAt).toBe(first.posts[0]?.postedAt);
    }
  });

  it('orders by the id of the last post, not its time, as SMF does: the seed topic sits below later ids with older posts', async () => {
    // The seed topic's only post (id 42001) dates from October 2024; generated posts have
    // ids from 100001 up, some of them dated before it. SMF sorts on id_last_msg.
    const { topics } = await getValid(boardResponseSchema, `/boards/${SEED_BOARD_ID}`);
    expect(topics.at(-1)?.id).toBe(SEED_TOPIC_ID);
    const seed = topics.at(-1);
    const olderButListedAbove = topics.filter((t) => t.id !== SEED_TOPIC_ID && Date.parse(t.lastPost.postedAt) < Date.parse(seed?.lastPost.postedAt ?? ''));
    expect(olderButListedAbove.length).toBeGreaterThan(0);
    for (const t of topics.slice(0, -1)) expect(t.lastPost.postId).toBeGreaterThan(SEED_POST_ID);
  });

  it('has breadcrumbs from the forum through every parent board', async () => {
    const { breadcrumb } = await getValid(boardResponseSchema, `/boards/${GRANDCHILD_BOARD_ID}`);
    expect(breadcrumb.map((c) => [c.kind, c.id])).toEqual([
      ['forum', null],
      ['category', expect.any(Number)],
      ['board', expect.any(Number)],
      ['board', CHILD_BOARD_ID],
      ['board', GRANDCHILD_BOARD_ID],
    ]);
    expect(breadcrumb[0]?.name).toBe('Bosman Business World');
  });

  it('lists its child boards', async () => {
    const { children } = await getValid(boardResponseSchema, `/boards/${CHILD_BOARD_ID}`);
    expect(children.map((c) => c.id)).toEqual([GRANDCHILD_BOARD_ID]);
  });

  it('answers an empty board with one empty page', async () => {
    const board = await getValid(boardResponseSchema, `/boards/${EMPTY_BOARD_ID}`);
    expect(board.topics).toEqual([]);
    expect(board.page).toEqual({ number: 1, size: 20, totalPages: 1, totalItems: 0 });
    expect((await get(`/boards/${EMPTY_BOARD_ID}?page=2`)).status).toBe(404);
  });
});

describe('a topic', () => {
  it('pages 15 posts at a time, oldest first, numbered from 1', async () => {
    const page2 = await getValid(topicResponseSchema, `/topics/${MULTI_PAGE_TOPIC_ID}?page=2`);
    expect(page2.page).toMatchObject({ number: 2, size: 15 });
    expect(page2.page.totalPages).toBeGreaterThanOrEqual(3);
    expect(page2.posts.map((p) => p.number)).toEqual(Array.from({ length: 15 }, (_, i) => 16 + i));
    const times = page2.posts.map((p) => Date.parse(p.postedAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(page2.posts[1]?.subject).toBe(`Re: ${page2.topic.title}`);
  });

  it('serves the 10,000-post topic first, middle and last page', async () => {
    const first = await getValid(topicResponseSchema, `/topics/${HUGE_TOPIC_ID}`);
    expect(first.page).toEqual({ number: 1, size: 15, totalPages: 667, totalItems: 10_000 });
    expect(first.topic.replyCount).toBe(9_999);
    expect(first.posts[0]?.id).toBe(hugePostId(1));
    const middle = await getValid(topicResponseSchema, `/topics/${HUGE_TOPIC_ID}?page=334`);
    expect(middle.posts.map((p) => p.number)).toEqual(Array.from({ length: 15 }, (_, i) => 4_996 + i));
    const last = await getValid(topicResponseSchema, `/topics/${HUGE_TOPIC_ID}?page=667`);
    expect(last.posts.map((p) => p.number)).toEqual(Array.from({ length: 10 }, (_, i) => 9_991 + i));
    expect(last.posts.at(-1)?.id).toBe(1_010_000);
    expect((await get(`/topics/${HUGE_TOPIC_ID}?page=668`)).status).toBe(404);
  });

  it.each([
    [1, 1],
    [15, 1],
    [16, 2],
    [5_000, 334],
    [5_010, 334],
    [5_011, 335],
    [9_991, 667],
    [10_000, 667],
  ])('answers ?post= for post number %i with page %i', async (number, page) => {
    const postId = hugePostId(number);
    const answer = await getValid(topicResponseSchema, `/topics/${HUGE_TOPIC_ID}?post=${postId}`);
    expect(answer.page.number).toBe(page);
    expect(answer.posts.some((p) => p.id === postId)).toBe(true);
  });

  it('puts post 1_005_000 of the huge topic on page 334', async () => {
    const answer = await getValid(topicResponseSchema, `/topics/${HUGE_TOPIC_ID}?post=1005000`);
    expect(answer.page.number).toBe(334);
    expect(answer.posts.find((p) => p.id === 1_005_000)?.number).toBe(5_000);
  });

  it('has breadcrumbs ending in the topic', async () => {
    const { breadcrumb } = await getValid(topicResponseSchema, `/topics/${SEED_TOPIC_ID}`);
    expect(breadcrumb).toEqual([
      { kind: 'forum', id: null, name: 'Bosman Business World' },
      { kind: 'category', id: NEWS_CATEGORY_ID, name: 'News and Research' },
      { kind: 'board', id: SEED_BOARD_ID, name: 'Crime and war' },
      { kind: 'topic', id: SEED_TOPIC_ID, name: SEED_TITLE },
    ]);
  });
});

describe('a redirect board', () => {
  it('is listed in Community as a link to its address, with no topics, posts or last post', async () => {
    const { categories } = await getValid(forumResponseSchema, '/forum');
    const community = categories.find((c) => c.id === COMMUNITY_CATEGORY_ID);
    const blog = community?.boards.find((b) => b.id === REDIRECT_BOARD_ID);
    expect(blog).toMatchObject({ name: 'Company blog', redirectUrl: 'https://blog.example.com/', topicCount: 0, postCount: 0, lastPost: null, children: [] });
  });

  it('answers its own page 1 with no topics and no child boards, and no page 2', async () => {
    const board = await getValid(boardResponseSchema, `/boards/${REDIRECT_BOARD_ID}`);
    expect(board.board).toMatchObject({ id: REDIRECT_BOARD_ID, redirectUrl: 'https://blog.example.com/', topicCount: 0, postCount: 0 });
    expect(board.breadcrumb.map((c) => c.name)).toEqual(['Bosman Business World', 'Community', 'Company blog']);
    expect(board.topics).toEqual([]);
    expect(board.children).toEqual([]);
    expect(board.page).toEqual({ number: 1, size: 20, totalPages: 1, totalItems: 0 });
    expect((await get(`/boards/${REDIRECT_BOARD_ID}?page=2`)).status).toBe(404);
  });

  it('is the only one: every other board says redirectUrl null', async () => {
    const { categories } = await getValid(forumResponseSchema, '/forum');
    const others = flatten(categories.flatMap((c) => c.boards)).filter((b) => b.id !== REDIRECT_BOARD_ID);
    expect(others.length).toBeGreaterThan(10);
    for (const board of others) expect(board.redirectUrl).toBeNull();
  });
});

describe('a moved-topic notice', () => {
  it('is listed in the Lounge, pointing at the topic it names in Crypto and alternatives', async () => {
    const { topics } = await getValid(boardResponseSchema, `/boards/${LOUNGE_BOARD_ID}`);
    const notice = topics.find((t) => t.id === MOVED_NOTICE_TOPIC_ID);
    if (!notice?.movedTo) throw new Error('the Lounge should list the moved-topic notice');
    expect(notice).toMatchObject({ title: `MOVED: ${notice.movedTo.title}`, locked: true, replyCount: 0 });
    expect(notice.movedTo.boardId).toBe(CRYPTO_BOARD_ID);
    const moved = await getValid(topicResponseSchema, `/topics/${notice.movedTo.id}`);
    expect(moved.topic).toMatchObject({ id: notice.movedTo.id, title: notice.movedTo.title, boardId: CRYPTO_BOARD_ID, movedTo: null });
    const { topics: crypto } = await getValid(boardResponseSchema, `/boards/${CRYPTO_BOARD_ID}`);
    expect(crypto.map((t) => t.id)).toContain(notice.movedTo.id);
    // Every other topic of the Lounge is an ordinary one.
    for (const t of topics) if (t.id !== MOVED_NOTICE_TOPIC_ID) expect(t.movedTo).toBeNull();
  });

  it('reads as SMF writes one: a single post, with the new board and the topic linked by their SMF addresses', async () => {
    const notice = await getValid(topicResponseSchema, `/topics/${MOVED_NOTICE_TOPIC_ID}`);
    const target = notice.topic.movedTo;
    expect(notice.topic.movedTo).toEqual({ id: expect.any(Number), title: expect.any(String), boardId: CRYPTO_BOARD_ID });
    expect(notice.posts).toHaveLength(1);
    const post = notice.posts[0];
    expect(post?.id).toBe(handMadePostId(MOVED_NOTICE_TOPIC_ID, 1));
    expect(post?.body).toContain(`[url=/index.php?board=${CRYPTO_BOARD_ID}.0]Crypto and alternatives[/url]`);
    expect(post?.body).toContain(`[iurl]/index.php?topic=${target?.id ?? 0}.0[/iurl]`);
    // Posted after the topic it points at was started: it was moved, then the notice left.
    const moved = await getValid(topicResponseSchema, `/topics/${target?.id ?? 0}`);
    expect(Date.parse(post?.postedAt ?? '')).toBeGreaterThan(Date.parse(moved.topic.startedAt));
  });
});

describe('a post link', () => {
  it('answers the post, its topic and the page holding it', async () => {
    const answer = await getValid(postResponseSchema, `/posts/${hugePostId(5_000)}`);
    expect(answer).toMatchObject({ post: { id: 1_005_000, number: 5_000 }, topic: { id: HUGE_TOPIC_ID }, page: 334 });
    const seed = await getValid(postResponseSchema, `/posts/${SEED_POST_ID}`);
    expect(seed).toMatchObject({ topic: { id: SEED_TOPIC_ID }, page: 1 });
  });
});

describe('errors', () => {
  const error = (code: string) => ({ error: { code, message: expect.stringMatching(/\S/) } });

  it.each([
    ['/boards/999', 404, 'not_found'],
    ['/boards/0', 404, 'not_found'],
    ['/boards/abc', 404, 'not_found'],
    [`/boards/${BUSY_BOARD_ID}?page=99`, 404, 'not_found'],
    [`/boards/${BUSY_BOARD_ID}?page=0`, 400, 'bad_request'],
    [`/boards/${BUSY_BOARD_ID}?page=-1`, 400, 'bad_request'],
    [`/boards/${BUSY_BOARD_ID}?page=1.5`, 400, 'bad_request'],
    [`/boards/${BUSY_BOARD_ID}?page=two`, 400, 'bad_request'],
    [`/boards/${BUSY_BOARD_ID}?page=`, 400, 'bad_request'],
    [`/boards/${BUSY_BOARD_ID}?page=1&page=2`, 400, 'bad_request'],
    [`/boards/${RESTRICTED_BOARD_ID}`, 403, 'forbidden'],
    ['/topics/999999', 404, 'not_found'],
    [`/topics/${HUGE_TOPIC_ID}?page=0`, 400, 'bad_request'],
    [`/topics/${HUGE_TOPIC_ID}?page=2&post=${hugePostId(20)}`, 400, 'bad_request'],
    [`/topics/${HUGE_TOPIC_ID}?post=abc`, 400, 'bad_request'],
    [`/topics/${HUGE_TOPIC_ID}?post=${SEED_POST_ID}`, 404, 'not_found'],
    [`/topics/${HUGE_TOPIC_ID}?post=1010001`, 404, 'not_found'],
    [`/topics/${HUGE_TOPIC_ID}?page=99999999999999999999`, 404, 'not_found'],
    ['/posts/1', 404, 'not_found'],
    ['/posts/1010001', 404, 'not_found'],
    ['/attachments/999999', 404, 'not_found'],
  ])('%s answers %i %s', async (path, status, code) => {
    const answer = await get(path);
    expect(answer.status).toBe(status);
    expect(answer.headers.get('content-type')).toMatch(/application\/json/);
    expect(answer.body).toEqual(error(code));
  });

  it('keeps the restricted board’s topics and posts out of reach too', async () => {
    const { categories } = await getValid(forumResponseSchema, '/forum');
    const staff = flatten(categories.flatMap((c) => c.boards)).find((b) => b.id === RESTRICTED_BOARD_ID);
    const last = staff?.lastPost;
    expect(last).toBeTruthy();
    expect((await get(`/topics/${last?.topicId}`)).status).toBe(403);
    expect((await get(`/posts/${last?.postId}`)).status).toBe(403);
  });
});

describe('attachment and avatar files', () => {
  async function seedPost(): Promise<TopicResponse['posts'][number]> {
    const { posts } = await getValid(topicResponseSchema, `/topics/${SEED_TOPIC_ID}`);
    const post = posts[0];
    if (!post) throw new Error('no seed post');
    return post;
  }

  it('serves an image as an SVG of its size, and a smaller thumbnail', async () => {
    const image = (await seedPost()).attachments[0];
    expect(image?.id).toBe(SEED_ATTACHMENT_ID);
    const full = await fetch(new URL(image?.url ?? '', API));
    expect(full.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    const svg = await full.text();
    expect(svg).toContain(`width="${image?.width}" height="${image?.height}"`);
    expect(svg).toContain('57dcd400-8f8f-11ef-8fb2-ed68f86dd90c.jpg.webp');
    const thumb = await fetch(new URL(image?.thumbnailUrl ?? '', API));
    expect(thumb.status).toBe(200);
    const w = Number(/width="(\d+)"/.exec(await thumb.text())?.[1]);
    expect(w).toBeLessThan(image?.width ?? 0);
  });

  it('serves files as downloads with their type, and a broken image as 404', async () => {
    const { posts } = await getValid(topicResponseSchema, `/topics/${ATTACHMENTS_TOPIC_ID}`);
    const all = posts.flatMap((p) => p.attachments);
    const pdf = all.find((a) => a.id === ATTACHMENT_IDS.pdf);
    const response = await fetch(new URL(pdf?.url ?? '', API));
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="Annual report 2024\.pdf"/);
    expect(new TextDecoder().decode(await response.arrayBuffer())).toMatch(/^%PDF-1\.4/);

    const broken = all.find((a) => a.id === ATTACHMENT_IDS.broken);
    expect(broken).toMatchObject({ state: 'available', url: expect.stringContaining('/attachments/') });
    expect((await fetch(new URL(broken?.url ?? '', API))).status).toBe(404);

    for (const state of ['pending', 'restricted', 'deleted', 'quarantined']) {
      const a = all.find((x) => x.state === state);
      expect(a, state).toBeDefined();
      expect(a?.url ?? null).toBeNull();
      expect(a?.thumbnailUrl ?? null).toBeNull();
    }
    expect((await get(`/attachments/${ATTACHMENT_IDS.pending}`)).status).toBe(403);
    expect((await get(`/attachments/${ATTACHMENT_IDS.restricted}`)).status).toBe(403);
    expect((await get(`/attachments/${ATTACHMENT_IDS.deleted}`)).status).toBe(404);
  });

  it('serves avatars for members who have one, and none for the rest', async () => {
    const { posts } = await getValid(topicResponseSchema, `/topics/${HUGE_TOPIC_ID}?page=2`);
    const withAvatar = posts.find((p) => p.author.avatarUrl);
    const avatar = await fetch(new URL(withAvatar?.author.avatarUrl ?? '', API));
    expect(avatar.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(await avatar.text()).toContain('<svg');
    const { body } = await get('/forum');
    expect(JSON.stringify(body)).toContain('"avatarUrl":null');
  });

  it('builds root-relative urls, keeping a plain prefix before /api', async () => {
    const response = await fetch(`http://127.0.0.1:3000/prefix/api/topics/${SEED_TOPIC_ID}`);
    const { posts } = (await response.json()) as TopicResponse;
    expect(posts[0]?.attachments[0]?.url).toBe(`/prefix/api/attachments/${SEED_ATTACHMENT_ID}`);
    expect(posts[0]?.author.avatarUrl).toMatch(/^\/prefix\/api\/avatars\/\d+$/);
    expect(API).toBe('http://localhost/api');
  });

  it('never takes an origin from forwarded headers, and drops a prefix that is not plain path', async () => {
    const handlers = createHandlers({ latency: null });
    const forged = { 'X-Forwarded-Proto': 'javascript', 'X-Forwarded-Host': 'alert(1)//', Forwarded: 'host=evil.example' };
    const cases: [string, string][] = [
      [`http://127.0.0.1:3000/api/topics/${SEED_TOPIC_ID}`, '/api'],
      [`http://127.0.0.1:3000/a.b/c~d/api/topics/${SEED_TOPIC_ID}`, '/a.b/c~d/api'],
      // Each would make a protocol-relative url (another origin) or an odd one.
      [`http://127.0.0.1:3000//evil.example/api/topics/${SEED_TOPIC_ID}`, '/api'],
      [`http://127.0.0.1:3000/%2F%2Fevil.example/api/topics/${SEED_TOPIC_ID}`, '/api'],
      [`http://127.0.0.1:3000/x/../api/topics/${SEED_TOPIC_ID}`, '/api'],
    ];
    for (const [url, base] of cases) {
      const response = await getResponse(handlers, new Request(url, { headers: forged }));
      const { posts } = (await response?.json()) as TopicResponse;
      expect(posts[0]?.attachments[0]?.url, url).toBe(`${base}/attachments/${SEED_ATTACHMENT_ID}`);
      expect(posts[0]?.author.avatarUrl, url).toMatch(new RegExp(`^${base.replace(/[.~]/g, '\\$&')}/avatars/\\d+$`));
    }
  });
});

describe('latency', () => {
  it('is off with null, and a delay within the range otherwise', async () => {
    const request = () => new Request(`${API}/forum`);
    let start = performance.now();
    await getResponse(createHandlers({ latency: null }), request());
    expect(performance.now() - start).toBeLessThan(50);
    start = performance.now();
    const response = await getResponse(createHandlers({ latency: [80, 90] }), request());
    expect(response?.status).toBe(200);
    expect(performance.now() - start).toBeGreaterThanOrEqual(75);
  });
});
