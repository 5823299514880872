import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BUSY_BOARD_ID, HUGE_TOPIC_ID, LOUNGE_BOARD_ID, MOVED_NOTICE_TOPIC_ID, MULTI_PAGE_TOPIC_ID, SEED_BOARD_ID, SEED_TOPIC_ID } from '../../mocks/db/ids';
import { SEED_TITLE } from '../../mocks/db/seed-topic';
import { server } from '../../mocks/node';
import { mockApi } from '../support/mock-api';
import { renderRoute } from '../render-route';

// Requests the app makes, by path: prefetching and the warm cache are about requests.
const requests: string[] = [];
const record = ({ request }: { request: Request }) => {
  const url = new URL(request.url);
  requests.push(`${url.pathname}${url.search}`);
};
server.events.on('request:start', record);
afterEach(() => {
  requests.length = 0;
  vi.restoreAllMocks();
});

describe('moving around a long topic', () => {
  it('goes to any page of the 10,000-post topic from the page field', async () => {
    const { user } = renderRoute(`/topic/${HUGE_TOPIC_ID}`);
    const top = await screen.findByRole('navigation', { name: 'Post pages, top' });
    await user.type(within(top).getByRole('spinbutton', { name: 'Go to page' }), '500');
    await user.click(within(top).getByRole('button', { name: 'Go' }));
    expect(await screen.findByRole('link', { name: 'Post 7486, link to this post' })).toBeInTheDocument();
    expect(screen.getAllByRole('link', { name: 'Page 500', current: 'page' })).toHaveLength(2);
  });

  it('offers no page field where every page is listed anyway', async () => {
    renderRoute(`/topic/${MULTI_PAGE_TOPIC_ID}`);
    await screen.findByRole('navigation', { name: 'Post pages, top' });
    expect(screen.queryByRole('spinbutton', { name: 'Go to page' })).toBeNull();
  });

  it('tells the browser which pages come before and after', async () => {
    renderRoute(`/topic/${MULTI_PAGE_TOPIC_ID}?page=2`);
    await screen.findByRole('navigation', { name: 'Post pages, top' });
    expect(document.head.querySelector('link[rel="prev"]')).toHaveAttribute('href', `/topic/${MULTI_PAGE_TOPIC_ID}`);
    expect(document.head.querySelector('link[rel="next"]')).toHaveAttribute('href', `/topic/${MULTI_PAGE_TOPIC_ID}?page=3`);
  });

  it('loads the next page before the reader asks for it', async () => {
    renderRoute(`/topic/${MULTI_PAGE_TOPIC_ID}`);
    await screen.findByRole('navigation', { name: 'Post pages, top' });
    await expect.poll(() => requests).toContain(`/api/topics/${MULTI_PAGE_TOPIC_ID}?page=2`);
  });
});

describe('prefetching on intent', () => {
  it('loads a topic while its link is hovered, so the click needs no request', async () => {
    const listeners = vi.spyOn(document, 'addEventListener');
    const { user } = renderRoute(`/board/${SEED_BOARD_ID}`);
    const link = await screen.findByRole('link', { name: SEED_TITLE });
    // Prefetch listens from the first idle moment after the page shows, once its code has loaded.
    await waitFor(() => expect(listeners).toHaveBeenCalledWith('mouseover', expect.any(Function)));
    await user.hover(link);
    await expect.poll(() => requests).toContain(`/api/topics/${SEED_TOPIC_ID}`);
    const before = requests.length;
    await user.click(link);
    expect(await screen.findByRole('heading', { level: 1, name: /^Seoul Calls/ })).toBeInTheDocument();
    expect(requests.slice(before).filter((path) => path.startsWith(`/api/topics/${SEED_TOPIC_ID}`))).toEqual([]);
  });

  it('climbs back up the breadcrumb from the warm cache without a request', async () => {
    const { user } = renderRoute(`/board/${SEED_BOARD_ID}`);
    await user.click(await screen.findByRole('link', { name: /^Seoul Calls/ }));
    await screen.findByRole('heading', { level: 1, name: /^Seoul Calls/ });
    const before = requests.length;
    await user.click(within(screen.getByRole('navigation', { name: 'Breadcrumb' })).getByRole('link', { name: 'Crime and war' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Crime and war' })).toBeInTheDocument();
    expect(requests.slice(before).filter((path) => path.startsWith('/api/boards/'))).toEqual([]);
  });
});

describe('quick navigation', () => {
  it('jumps to any board from a topic, the current board marked', async () => {
    const { user } = renderRoute(`/topic/${SEED_TOPIC_ID}`);
    await screen.findByRole('heading', { level: 1 });
    // Below the posts, it arrives once the page has shown.
    await user.click(await screen.findByText('Jump to a board'));
    const nav = await screen.findByRole('navigation', { name: 'Jump to a board' });
    const current = await within(nav).findByRole('link', { name: 'Crime and war' });
    expect(current).toHaveAttribute('aria-current', 'page');
    const { categories } = await mockApi.forum();
    const count = (boards: { children: unknown[] }[]): number => boards.reduce((n, b) => n + 1 + count(b.children as { children: unknown[] }[]), 0);
    const boardLinks = within(nav).getAllByRole('link').filter((a) => a.getAttribute('href')?.startsWith('/board/'));
    expect(boardLinks).toHaveLength(categories.reduce((n, c) => n + count(c.boards), 0));
    await user.click(within(nav).getByRole('link', { name: 'Markets and Finance' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Markets and Finance' })).toBeInTheDocument();
  });

  it('links the previous and next topic of the board, in the board order', async () => {
    const { topics } = await mockApi.board(BUSY_BOARD_ID);
    const [first, second, third] = topics;
    if (!first || !second || !third) throw new Error('the busy board has topics');
    renderRoute(`/topic/${second.id}`);
    const nav = await screen.findByRole('navigation', { name: 'Other topics in this board' });
    expect(within(nav).getByRole('link', { name: new RegExp(`Previous topic.*${escape(first.title)}`) })).toHaveAttribute('href', `/topic/${first.id}`);
    expect(within(nav).getByRole('link', { name: new RegExp(`Next topic.*${escape(third.title)}`) })).toHaveAttribute('href', `/topic/${third.id}`);
  });

  it('leaves moved-topic notices out of the previous and next topic: they lead elsewhere', async () => {
    const { topics } = await mockApi.board(LOUNGE_BOARD_ID);
    const at = topics.findIndex((t) => t.id === MOVED_NOTICE_TOPIC_ID);
    const [before, earlier, after] = [topics[at - 1], topics[at - 2], topics[at + 1]];
    if (at < 2 || !before || !earlier) throw new Error('the Lounge should list the notice below two other topics');
    renderRoute(`/topic/${before.id}`);
    const nav = await screen.findByRole('navigation', { name: 'Other topics in this board' });
    expect(within(nav).getByRole('link', { name: new RegExp(`Previous topic.*${escape(earlier.title)}`) })).toHaveAttribute('href', `/topic/${earlier.id}`);
    const next = within(nav).queryByRole('link', { name: /Next topic/ });
    if (after) expect(next).toHaveAttribute('href', `/topic/${after.id}`);
    else expect(next).toBeNull();
    expect(nav.querySelector(`a[href="/topic/${MOVED_NOTICE_TOPIC_ID}"]`)).toBeNull();
  });

  it('crosses board pages for the neighbours of the last topic on a page', async () => {
    const [pageOne, pageTwo] = await Promise.all([mockApi.board(BUSY_BOARD_ID, 1), mockApi.board(BUSY_BOARD_ID, 2)]);
    const last = pageOne.topics.at(-1);
    const next = pageTwo.topics[0];
    if (!last || !next) throw new Error('the busy board has two pages');
    renderRoute(`/topic/${last.id}`);
    const nav = await screen.findByRole('navigation', { name: 'Other topics in this board' });
    expect(within(nav).getByRole('link', { name: new RegExp(`Next topic.*${escape(next.title)}`) })).toHaveAttribute('href', `/topic/${next.id}`);
  });

  it('links to the board instead when no neighbour is found, so the box it holds open is never empty', async () => {
    // Page 4 of the busy board is past the pages searched for a deep link's neighbours.
    const { topics } = await mockApi.board(BUSY_BOARD_ID, 4);
    const deep = topics[0];
    if (!deep) throw new Error('the busy board has a fourth page');
    renderRoute(`/topic/${deep.id}`);
    const nav = await screen.findByRole('navigation', { name: 'Other topics in this board' });
    expect(within(nav).getByRole('link', { name: /This board.*All its topics/ })).toHaveAttribute('href', `/board/${BUSY_BOARD_ID}`);
    expect(within(nav).queryByRole('link', { name: /Previous topic|Next topic/ })).toBeNull();
  });
});

describe('old SMF links', () => {
  it('open the page that an SMF start offset names', async () => {
    const { history } = renderRoute(`/index.php?topic=${MULTI_PAGE_TOPIC_ID}.15`);
    expect(await screen.findByRole('link', { name: 'Post 16, link to this post' })).toBeInTheDocument();
    expect(`${history.location.pathname}${history.location.search}`).toBe(`/topic/${MULTI_PAGE_TOPIC_ID}?page=2`);
  });

  it('open a post named by msg=', async () => {
    const { posts } = await mockApi.topic(MULTI_PAGE_TOPIC_ID, 3);
    const post = posts[0];
    if (!post) throw new Error('page 3 has posts');
    const { history } = renderRoute(`/index.php?msg=${post.id}`);
    expect(await screen.findByRole('link', { name: `Post ${post.number}, link to this post` })).toBeInTheDocument();
    expect(history.location.pathname).toBe(`/topic/${MULTI_PAGE_TOPIC_ID}`);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
