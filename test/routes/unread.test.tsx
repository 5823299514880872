import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BUSY_BOARD_ID, CRYPTO_BOARD_ID, LOUNGE_BOARD_ID, MOVED_NOTICE_TOPIC_ID, MULTI_PAGE_TOPIC_ID } from '../../mocks/db/ids';
import { server } from '../../mocks/node';
import { getReadPosition, resetReadPositionsCache } from '../../src/lib/unread/read-positions';
import { mockApi } from '../support/mock-api';
import { renderRoute } from '../render-route';

const STORAGE_KEY = 'lectern:read:v1';
const UNREAD = /unread posts? in .*: go to the first unread$/;

// A visit before this page load read the topic up to post `number` of 15 a page.
function rememberEarlierVisit(topicId: number, postId: number, number: number) {
  const store = { topics: { [topicId]: { postId, number, perPage: 15, at: '2020-01-01T00:00:00Z' } }, boards: {} };
  window.localStorage.setItem(STORAGE_KEY, JSON.stringify(store));
  resetReadPositionsCache();
}

async function topicOnBusyBoardWithPages() {
  const board = await mockApi.board(BUSY_BOARD_ID);
  const topic = board.topics.find((t) => !t.sticky && t.replyCount >= 20);
  if (!topic) throw new Error('the busy board should list a topic of two pages or more');
  const pageOne = await mockApi.topic(topic.id, 1);
  const last = pageOne.posts[pageOne.posts.length - 1];
  if (!last) throw new Error('empty page');
  return { topic, lastOfPageOne: last };
}

beforeEach(() => {
  window.localStorage.clear();
  resetReadPositionsCache();
});
afterEach(() => vi.restoreAllMocks());

describe('unread tracking without an account', () => {
  it('remembers the furthest post read on a topic page', async () => {
    renderRoute(`/topic/${MULTI_PAGE_TOPIC_ID}`);
    await screen.findByRole('heading', { level: 1 });
    // jsdom lays nothing out, so every post counts as seen.
    await vi.waitFor(() => expect(getReadPosition(MULTI_PAGE_TOPIC_ID)?.number).toBe(15));
    expect(JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? '{}').topics[MULTI_PAGE_TOPIC_ID].perPage).toBe(15);
  });

  it('marks a topic with new posts in its board by how many are unread, linking to the first unread page', async () => {
    const { topic, lastOfPageOne } = await topicOnBusyBoardWithPages();
    rememberEarlierVisit(topic.id, lastOfPageOne.id, lastOfPageOne.number);
    renderRoute(`/board/${BUSY_BOARD_ID}`);
    // Every post after the 15th of the topic's replyCount + 1 is unread.
    const unread = topic.replyCount + 1 - 15;
    const link = await screen.findByRole('link', { name: `${unread} unread posts in ${topic.title}: go to the first unread` });
    expect(link).toHaveTextContent(new RegExp(`^${unread} unread$`));
    expect(link).toHaveAttribute('href', `/topic/${topic.id}?page=2#new`);
    // Topics never opened here are not flagged.
    expect(screen.getAllByRole('link', { name: UNREAD })).toHaveLength(1);
    expect(screen.queryByText('New')).toBeNull();
  });

  it('says "1 unread post" for a single one', async () => {
    const { topic } = await topicOnBusyBoardWithPages();
    const lastRead = await mockApi.topic(topic.id, Math.ceil((topic.replyCount + 1) / 15));
    const secondLast = lastRead.posts.at(-2);
    if (!secondLast || lastRead.posts.at(-1)?.id !== topic.lastPost.postId) throw new Error('the last page should end with the topic\'s last post');
    rememberEarlierVisit(topic.id, secondLast.id, secondLast.number);
    renderRoute(`/board/${BUSY_BOARD_ID}`);
    expect(await screen.findByRole('link', { name: `1 unread post in ${topic.title}: go to the first unread` })).toHaveTextContent(/^1 unread$/);
  });

  it('shows where new posts begin since the last visit', async () => {
    const { topic, lastOfPageOne } = await topicOnBusyBoardWithPages();
    rememberEarlierVisit(topic.id, lastOfPageOne.id, lastOfPageOne.number);
    renderRoute(`/topic/${topic.id}?page=2#new`);
    const divider = await screen.findByText('New since your last visit');
    const next = divider.closest('p')?.nextElementSibling;
    expect(next?.tagName).toBe('ARTICLE');
    expect(within(next as HTMLElement).getByRole('link', { name: 'Post 16, link to this post' })).toBeInTheDocument();
  });

  it('sends `#new` to the page of the first unread post', async () => {
    const { topic, lastOfPageOne } = await topicOnBusyBoardWithPages();
    rememberEarlierVisit(topic.id, lastOfPageOne.id, lastOfPageOne.number);
    const { history } = renderRoute(`/topic/${topic.id}#new`);
    expect(await screen.findByText('New since your last visit')).toBeInTheDocument();
    expect(history.location.search).toBe('?page=2');
  });

  it('marks a whole board as read', async () => {
    const { topic, lastOfPageOne } = await topicOnBusyBoardWithPages();
    rememberEarlierVisit(topic.id, lastOfPageOne.id, lastOfPageOne.number);
    const { user } = renderRoute(`/board/${BUSY_BOARD_ID}`);
    await screen.findByRole('link', { name: UNREAD });
    await user.click(screen.getByRole('button', { name: 'Mark all as read' }));
    expect(screen.queryByRole('link', { name: UNREAD })).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent('Marked as read');
  });

  it('never flags a moved-topic notice, even when its last post is one that reading the notice cannot reach', async () => {
    const [lounge, crypto] = await Promise.all([mockApi.board(LOUNGE_BOARD_ID), mockApi.board(CRYPTO_BOARD_ID)]);
    const notice = lounge.topics.find((t) => t.id === MOVED_NOTICE_TOPIC_ID);
    const moved = crypto.topics.find((t) => t.id === notice?.movedTo?.id);
    if (!notice?.movedTo || !moved) throw new Error('the Lounge should list the moved-topic notice');
    // The notice's one post was read on an earlier visit. A server may report the moved
    // topic's newest post as the notice's last post: no reading of the notice reaches it.
    rememberEarlierVisit(MOVED_NOTICE_TOPIC_ID, notice.lastPost.postId, 1);
    const answer = { ...lounge, topics: lounge.topics.map((t) => (t.id === notice.id ? { ...t, lastPost: moved.lastPost } : t)) };
    server.use(http.get(`*/api/boards/${LOUNGE_BOARD_ID}`, () => HttpResponse.json(answer)));
    renderRoute(`/board/${LOUNGE_BOARD_ID}`);
    expect(await screen.findByRole('link', { name: `Moved: ${notice.movedTo.title}` })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: UNREAD })).toBeNull();
  });

  it('keeps the page working when storage refuses to save', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    renderRoute(`/topic/${MULTI_PAGE_TOPIC_ID}`);
    expect(await screen.findAllByRole('article')).toHaveLength(15);
    await vi.waitFor(() => expect(warn).toHaveBeenCalled());
    // Still remembered for this visit.
    expect(getReadPosition(MULTI_PAGE_TOPIC_ID)?.number).toBe(15);
  });
});
