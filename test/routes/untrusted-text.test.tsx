import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BUSY_BOARD_ID, MULTI_PAGE_TOPIC_ID, SEED_BOARD_ID, SEED_POST_ID, SEED_TOPIC_ID } from '../../mocks/db/ids';
import { server } from '../../mocks/node';
import type { Author, BoardSummary, ForumResponse, TopicResponse, TopicSummary } from '../../src/lib/api/schemas';
import type { SearchResponse } from '../../src/lib/api/search-schemas';
import { mockApi } from '../support/mock-api';
import { renderRoute } from '../render-route';

// Names, titles and subjects come from the forum's members. U+202E (right-to-left
// override) in one of them reverses everything after it on its line, unless the text is
// isolated: "Started by ‮ecilA · 1 reply" would read "Started by Alice · ylper 1".
// And any of them may be a megabyte long.

const RLO = '\u202e';
/** Text that turns the rest of its line around, unless it is isolated. */
const reversing = (text: string) => `${RLO}${text}`;

/**
 * Every place `text` shows sits in an element that isolates it: a <bdi>, or an element
 * with a `dir` attribute (both `unicode-bidi: isolate` in every browser's own style sheet).
 */
async function expectIsolated(text: string, container: HTMLElement = document.body): Promise<void> {
  const elements = await within(container).findAllByText(text);
  for (const element of elements) {
    expect(element.matches('bdi, [dir]'), `${element.outerHTML.slice(0, 100)} isolates "${text}"`).toBe(true);
  }
}

/** As long as no forum allows, to see it cut short: 1,000,000 of `letter`. */
const megabyte = (letter: string) => letter.repeat(1_000_000);
/** What a megabyte of `letter` shows as: its first 300 characters and an ellipsis. */
const clamped = (letter: string) => `${letter.repeat(300)}…`;

function serveTopic(answer: TopicResponse): void {
  server.use(http.get(`*/api/topics/${answer.topic.id}`, () => HttpResponse.json(answer)));
}

/** The seed topic with its title, names and subject replaced by `text(field)`. */
async function seedTopicWith(text: (field: string) => string): Promise<TopicResponse> {
  const answer = await mockApi.topic(SEED_TOPIC_ID);
  const [first] = answer.posts;
  if (!first) throw new Error('the seed topic has a post');
  const author: Author = { ...first.author, name: text('author'), title: text('custom title') };
  return {
    ...answer,
    topic: { ...answer.topic, title: text('title'), starter: { ...answer.topic.starter, name: text('starter') } },
    breadcrumb: answer.breadcrumb.map((crumb) => ({ ...crumb, name: text(crumb.kind) })),
    posts: [{ ...first, subject: text('subject'), author, editedAt: first.postedAt, editedBy: text('editor') }],
  };
}

describe('on a topic page', () => {
  it('isolates the title, starter, crumbs, subject, author, custom title and editor', async () => {
    serveTopic(await seedTopicWith((field) => reversing(field)));
    renderRoute(`/topic/${SEED_TOPIC_ID}`);
    const heading = await screen.findByRole('heading', { level: 1 });
    expect(within(heading).getByText(reversing('title'))).toBeInTheDocument();
    for (const field of ['title', 'starter', 'forum', 'category', 'board', 'subject', 'author', 'custom title', 'editor']) {
      await expectIsolated(reversing(field));
    }
  });

  it('isolates the title a moved-topic notice links to', async () => {
    const answer = await mockApi.topic(SEED_TOPIC_ID);
    serveTopic({ ...answer, topic: { ...answer.topic, movedTo: { id: MULTI_PAGE_TOPIC_ID, title: reversing('moved') } } });
    renderRoute(`/topic/${SEED_TOPIC_ID}`);
    expect(await screen.findByRole('link', { name: reversing('moved') })).toHaveAttribute('href', `/topic/${MULTI_PAGE_TOPIC_ID}`);
    await expectIsolated(reversing('moved'));
  });

  it('shows a megabyte of title, name or subject as its first 300 characters and an ellipsis', async () => {
    const letters: Record<string, string> = { title: 't', starter: 's', subject: 'u', author: 'a', editor: 'e' };
    serveTopic(await seedTopicWith((field) => megabyte(letters[field] ?? 'c')));
    renderRoute(`/topic/${SEED_TOPIC_ID}`);
    const heading = await screen.findByRole('heading', { level: 1 });
    expect(heading.textContent).toBe(clamped('t'));
    for (const letter of ['s', 'u', 'a', 'e', 'c']) expect((await screen.findAllByText(clamped(letter))).length).toBeGreaterThan(0);
    // No text of a megabyte anywhere on the page, nor in the window's title.
    expect(document.body.textContent?.length).toBeLessThan(100_000);
    await waitFor(() => expect(document.title).toBe(clamped('t')));
  });
});

describe('an avatar', () => {
  async function seedPostBy(avatarUrl: string): Promise<HTMLElement> {
    const answer = await mockApi.topic(SEED_TOPIC_ID);
    serveTopic({ ...answer, posts: answer.posts.map((post) => ({ ...post, author: { ...post.author, name: 'Dev Sunday', avatarUrl } })) });
    renderRoute(`/topic/${SEED_TOPIC_ID}`);
    await screen.findByRole('heading', { level: 1 });
    return document.getElementById(`msg${SEED_POST_ID}`) as HTMLElement;
  }

  it.each(['javascript:alert(1)', '//elsewhere.example/a.png', 'data:image/svg+xml,<svg/>'])('at %s is not loaded: the initials show instead', async (url) => {
    const article = await seedPostBy(url);
    expect(article.querySelector('img.avatar')).toBeNull();
    expect(article.querySelector('.avatar-initials')).toHaveTextContent('DS');
  });

  it('from another site is loaded without telling that site which page is read', async () => {
    const article = await seedPostBy('https://avatars.example/dev.png');
    const image = article.querySelector('img.avatar');
    expect(image).toHaveAttribute('src', 'https://avatars.example/dev.png');
    expect(image).toHaveAttribute('referrerpolicy', 'no-referrer');
  });
});

/** A summary of `topic` under a new title, started and last answered by `name`. */
function topicNamed(topic: TopicSummary, title: string, name: string): TopicSummary {
  return { ...topic, title, starter: { ...topic.starter, name }, lastPost: { ...topic.lastPost, topicTitle: title, author: { ...topic.lastPost.author, name } } };
}

/** A board on the index, last posted in by `name` in `topicTitle`, with one child board. */
function boardSummary(id: number, name: string, lastBy: string, topicTitle: string, child: string): BoardSummary {
  const lastPost = { topicId: SEED_TOPIC_ID, topicTitle, postId: SEED_POST_ID, author: { id: 1, name: lastBy }, postedAt: '2024-10-21T15:19:00Z' };
  return { id, name, topicCount: 1, postCount: 1, lastPost, children: [{ id: id + 1, name: child, topicCount: 0, postCount: 0, children: [] }] };
}

describe('on a board', () => {
  it('isolates its name, crumbs, child boards, topic titles, starters, last posters and moved-notice titles', async () => {
    const answer = await mockApi.board(BUSY_BOARD_ID);
    const [first, second, ...rest] = answer.topics;
    if (!first || !second) throw new Error('the busy board has topics');
    server.use(
      http.get(`*/api/boards/${BUSY_BOARD_ID}`, () =>
        HttpResponse.json({
          ...answer,
          board: { ...answer.board, name: reversing('board') },
          breadcrumb: answer.breadcrumb.map((crumb) => ({ ...crumb, name: reversing(crumb.kind) })),
          children: [boardSummary(9001, reversing('child board'), reversing('child poster'), reversing('child topic'), reversing('grandchild'))],
          // The first topic has pages of posts: its starter sits right before "pages: 1 2 3".
          topics: [
            { ...topicNamed(first, reversing('topic'), reversing('starter')), replyCount: 40 },
            { ...second, movedTo: { id: MULTI_PAGE_TOPIC_ID, title: reversing('moved') } },
            ...rest,
          ],
        }),
      ),
    );
    renderRoute(`/board/${BUSY_BOARD_ID}`);
    expect(await screen.findByRole('heading', { level: 1, name: reversing('board') })).toBeInTheDocument();
    for (const field of ['board', 'forum', 'category', 'child board', 'child poster', 'child topic', 'grandchild', 'topic', 'starter', 'moved']) {
      await expectIsolated(reversing(field));
    }
    expect(screen.getByRole('link', { name: `Moved: ${reversing('moved')}` })).toHaveAttribute('href', `/topic/${MULTI_PAGE_TOPIC_ID}`);
  });

  it('shows a megabyte of board name or topic title as its first 300 characters', async () => {
    const answer = await mockApi.board(BUSY_BOARD_ID);
    const [first, ...rest] = answer.topics;
    if (!first) throw new Error('the busy board has topics');
    const board = { ...answer.board, name: megabyte('b') };
    server.use(http.get(`*/api/boards/${BUSY_BOARD_ID}`, () => HttpResponse.json({ ...answer, board, topics: [topicNamed(first, megabyte('t'), megabyte('s')), ...rest] })));
    renderRoute(`/board/${BUSY_BOARD_ID}`);
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe(clamped('b'));
    expect(screen.getByRole('link', { name: clamped('t') })).toBeInTheDocument();
    expect(document.body.textContent?.length).toBeLessThan(100_000);
    await waitFor(() => expect(document.title).toBe(clamped('b')));
  });
});

describe('on the board index', () => {
  it('isolates the forum, category and board names and the last post lines', async () => {
    const index: ForumResponse = {
      forum: { name: reversing('forum') },
      categories: [{ id: 1, name: reversing('category'), boards: [boardSummary(9001, reversing('board'), reversing('poster'), reversing('topic'), reversing('child'))] }],
    };
    server.use(http.get('*/api/forum', () => HttpResponse.json(index)));
    renderRoute('/');
    expect(await screen.findByRole('heading', { level: 1, name: reversing('forum') })).toBeInTheDocument();
    for (const field of ['forum', 'category', 'board', 'poster', 'topic', 'child']) await expectIsolated(reversing(field));
  });

  it('shows a megabyte of forum name as its first 300 characters, in the window title too', async () => {
    server.use(http.get('*/api/forum', () => HttpResponse.json({ forum: { name: megabyte('f') }, categories: [] })));
    renderRoute('/');
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe(clamped('f'));
    await waitFor(() => expect(document.title).toBe(clamped('f')));
  });
});

describe('in search results', () => {
  it('isolates the query, titles, boards, authors, subjects and snippets', async () => {
    const found = (await (await fetch('http://localhost/api/search?q=korean')).json()) as SearchResponse;
    const [first, ...rest] = found.results;
    if (!first) throw new Error('the mock forum has a post about Korea');
    const post = { ...first.post, subject: reversing('subject'), author: { ...first.post.author, name: reversing('author') }, body: `${reversing('snippet')} korean` };
    const result = { post, topic: { ...first.topic, title: reversing('title') }, board: { ...first.board, name: reversing('board') } };
    server.use(http.get('*/api/search', () => HttpResponse.json({ ...found, results: [result, ...rest] })));
    renderRoute(`/search?q=${encodeURIComponent(`korean ${reversing('query')}`)}`);
    expect(await screen.findByRole('heading', { level: 1, name: /Search results for/ })).toBeInTheDocument();
    for (const field of ['title', 'board', 'author', 'subject', 'snippet']) await expectIsolated(reversing(field));
    await expectIsolated(`korean ${reversing('query')}`);
  });
});

describe('in the print view', () => {
  it('isolates the forum name, the trail, the starter, subjects and authors', async () => {
    serveTopic(await seedTopicWith((field) => reversing(field)));
    renderRoute(`/topic/${SEED_TOPIC_ID}/print`);
    expect(await screen.findByRole('heading', { level: 1, name: reversing('title') })).toBeInTheDocument();
    for (const field of ['forum', 'category', 'board', 'title', 'starter', 'subject', 'author']) await expectIsolated(reversing(field));
    expect(document.querySelector('.print-trail')).toHaveTextContent(`${reversing('forum')} › ${reversing('category')} › ${reversing('board')}`);
    expect(document.querySelector('.print-meta')).toHaveTextContent(`Started by ${reversing('starter')} on`);
  });

  it('shows a megabyte of title as its first 300 characters in the window title', async () => {
    serveTopic(await seedTopicWith((field) => (field === 'title' ? megabyte('t') : field)));
    renderRoute(`/topic/${SEED_TOPIC_ID}/print`);
    await screen.findByRole('heading', { level: 1 });
    // "Print: " and the title's first 293 characters.
    await waitFor(() => expect(document.title).toBe(`Print: ${'t'.repeat(293)}…`));
  });
});

describe('below a topic', () => {
  it('isolates the titles of the previous and next topic', async () => {
    const answer = await mockApi.board(SEED_BOARD_ID);
    const seed = answer.topics.find((topic) => topic.id === SEED_TOPIC_ID);
    const [other] = answer.topics.filter((topic) => topic.id !== SEED_TOPIC_ID);
    if (!seed || !other) throw new Error('the seed board has the seed topic and another');
    const topics = [{ ...other, id: 9001, title: reversing('previous') }, seed, { ...other, id: 9002, title: reversing('next') }];
    server.use(http.get(`*/api/boards/${SEED_BOARD_ID}`, () => HttpResponse.json({ ...answer, topics, page: { ...answer.page, totalPages: 1 } })));
    renderRoute(`/topic/${SEED_TOPIC_ID}`);
    await screen.findByRole('navigation', { name: 'Other topics in this board' });
    for (const field of ['previous', 'next']) await expectIsolated(reversing(field));
  });

  it('isolates category and board names in "Jump to a board"', async () => {
    const index = await mockApi.forum();
    const categories = index.categories.map((category, at) => (at === 0 ? { ...category, name: reversing('category'), boards: [boardSummary(9001, reversing('board'), 'x', 'y', reversing('child'))] } : category));
    server.use(http.get('*/api/forum', () => HttpResponse.json({ ...index, categories })));
    const { user } = renderRoute(`/topic/${SEED_TOPIC_ID}`);
    await user.click(await screen.findByText('Jump to a board'));
    await screen.findByRole('navigation', { name: 'Jump to a board' });
    for (const field of ['category', 'board', 'child']) await expectIsolated(reversing(field));
  });
});

describe('on a "not found" page', () => {
  afterEach(() => vi.restoreAllMocks());

  it('isolates the name of the board it leads up to', async () => {
    // The missing board is logged on purpose; keep the output to the point.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const index: ForumResponse = { forum: { name: 'Forum' }, categories: [{ id: 1, name: 'Category', boards: [boardSummary(9001, reversing('parent'), 'x', 'y', 'Gone')] }] };
    server.use(
      http.get('*/api/forum', () => HttpResponse.json(index)),
      http.get('*/api/boards/9002', () => HttpResponse.json({ error: { code: 'not_found', message: 'No such board.' } }, { status: 404 })),
    );
    const { user } = renderRoute('/');
    await user.click(await screen.findByRole('link', { name: 'Gone' }));
    const up = await screen.findByRole('link', { name: `Up to ${reversing('parent')}` });
    expect(up).toHaveAttribute('href', '/board/9001');
    await expectIsolated(reversing('parent'), up);
  });
});
