import { act, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BUSY_BOARD_ID, MOVED_NOTICE_TOPIC_ID, MULTI_PAGE_TOPIC_ID, REDIRECT_BOARD_ID, SEED_BOARD_ID, SEED_TOPIC_ID } from '../../mocks/db/ids';
import { SEED_TITLE } from '../../mocks/db/seed-topic';
import { server } from '../../mocks/node';
import { savedCopies, startPersisting } from '../../src/lib/saved-copies/persistence';
import { memoryStore } from '../memory-store';
import { mockApi } from '../support/mock-api';

type MemoryStore = ReturnType<typeof memoryStore>;
import { renderRoute } from '../render-route';

// IndexedDB is not in jsdom: the saved copies live in a Map here, behind the real
// persister and the real bounds.
const store = vi.hoisted(() => ({ current: null as MemoryStore | null }));
vi.mock('../../src/lib/saved-copies/indexeddb-store', () => ({
  openIndexedDbStore: () => {
    if (!store.current) throw new Error('no store');
    const current = store.current;
    return {
      get: (key: string) => current.get(key),
      put: (...args: Parameters<typeof current.put>) => current.put(...args),
      delete: (keys: readonly string[]) => current.delete(keys),
      index: () => current.index(),
      entries: () => current.entries(),
      clear: () => current.clear(),
    };
  },
}));

const apiDown = () => server.use(http.get('*/api/*', () => HttpResponse.error()));
const topicKey = (id: number, page = 1) => ['topics', id, { page }];
const savedKeys = () => [...(store.current?.values.keys() ?? [])];

beforeEach(() => {
  store.current ??= memoryStore();
});
afterEach(async () => {
  await savedCopies().clear();
});

/** Opens `url` with the forum up and saves what it loaded, as the app does in idle time. */
async function readWhileOnline(url: string, heading: string): Promise<void> {
  const { queryClient, unmount } = renderRoute(url);
  await screen.findByRole('heading', { level: 1, name: heading });
  const before = savedKeys().length;
  const stop = startPersisting(queryClient);
  await waitFor(() => expect(savedKeys().length).toBeGreaterThan(before), { timeout: 5000 });
  stop();
  unmount();
}

describe('saved copies', () => {
  it('saves a topic once read, and shows it after a reload with the forum down, marked with its age', async () => {
    await readWhileOnline(`/topic/${SEED_TOPIC_ID}`, SEED_TITLE);
    expect(savedKeys()).toContain(`lectern-${JSON.stringify(topicKey(SEED_TOPIC_ID))}`);

    apiDown();
    const { user } = renderRoute(`/topic/${SEED_TOPIC_ID}`);
    expect(await screen.findByRole('heading', { level: 1, name: SEED_TITLE })).toBeInTheDocument();
    const article = screen.getAllByRole('article')[0] as HTMLElement;
    // A long post shows a part a frame: its end arrives in the frames after its start.
    await waitFor(() => expect(article).toHaveTextContent('could reshape the balance of power in Northeast Asia for years to come.'));
    const mark = screen.getByText('Saved copy').closest('p') as HTMLElement;
    expect(mark).toHaveTextContent(/^Saved copy from less than a minute ago — the forum cannot be reached right now\.$/);
    expect(mark.querySelector('time')).toHaveAttribute('datetime');

    // The forum is back: "Try again" brings the fresh page and the mark goes.
    server.resetHandlers();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Up to date.')).toBeInTheDocument();
    expect(screen.queryByText('Saved copy')).toBeNull();
    expect(screen.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeInTheDocument();
  });

  it('marks a board and the board index shown from saved copies too', async () => {
    await readWhileOnline(`/board/${BUSY_BOARD_ID}`, 'Markets and Finance');
    await readWhileOnline('/', 'Bosman Business World');
    apiDown();
    const { unmount } = renderRoute(`/board/${BUSY_BOARD_ID}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Markets and Finance' })).toBeInTheDocument();
    expect(screen.getByText('Saved copy')).toBeInTheDocument();
    unmount();
    renderRoute('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Bosman Business World' })).toBeInTheDocument();
    expect(screen.getByText('Saved copy')).toBeInTheDocument();
  });

  it('keeps a redirect board and a moved-topic notice as they were: the link off the forum, the way to the moved topic', async () => {
    const { topic } = await mockApi.topic(MOVED_NOTICE_TOPIC_ID);
    const movedTitle = topic.movedTo?.title ?? '';
    await readWhileOnline(`/board/${REDIRECT_BOARD_ID}`, 'Company blog');
    await readWhileOnline(`/topic/${MOVED_NOTICE_TOPIC_ID}`, topic.title);
    apiDown();
    const board = renderRoute(`/board/${REDIRECT_BOARD_ID}`);
    expect(await screen.findByRole('link', { name: 'blog.example.com (leaves the forum)' })).toHaveAttribute('href', 'https://blog.example.com/');
    expect(screen.getByText('Saved copy')).toBeInTheDocument();
    board.unmount();
    renderRoute(`/topic/${MOVED_NOTICE_TOPIC_ID}`);
    expect(await screen.findByText(/^This topic has moved to/)).toHaveTextContent(movedTitle);
    expect(screen.getByRole('link', { name: movedTitle })).toHaveAttribute('href', `/topic/${topic.movedTo?.id ?? 0}`);
    expect(screen.getByText('Saved copy')).toBeInTheDocument();
  });

  it('says "Cannot reach the forum" for a page never saved', async () => {
    await readWhileOnline(`/topic/${SEED_TOPIC_ID}`, SEED_TITLE);
    apiDown();
    renderRoute(`/topic/${MULTI_PAGE_TOPIC_ID}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Cannot reach the forum' })).toBeInTheDocument();
  });

  it('never covers a "not found" with an old copy', async () => {
    await readWhileOnline(`/topic/${SEED_TOPIC_ID}`, SEED_TITLE);
    server.use(http.get('*/api/topics/:id', () => HttpResponse.json({ error: { code: 'not_found', message: 'Gone' } }, { status: 404 })));
    renderRoute(`/topic/${SEED_TOPIC_ID}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Not found' })).toBeInTheDocument();
    expect(screen.queryByText('Saved copy')).toBeNull();
  });

  it('shows a saved copy when the server answers 500', async () => {
    await readWhileOnline(`/topic/${SEED_TOPIC_ID}`, SEED_TITLE);
    server.use(http.get('*/api/*', () => HttpResponse.json({ error: { code: 'internal', message: 'Boom' } }, { status: 500 })));
    renderRoute(`/topic/${SEED_TOPIC_ID}`);
    expect(await screen.findByRole('heading', { level: 1, name: SEED_TITLE })).toBeInTheDocument();
    expect(screen.getByText('Saved copy')).toBeInTheDocument();
  });
});

describe('save all pages', () => {
  it('saves every page of a topic with progress and says when done; then each page opens with the forum down', async () => {
    const { user, unmount } = renderRoute(`/topic/${MULTI_PAGE_TOPIC_ID}`);
    await screen.findByRole('navigation', { name: 'Post pages, top' });
    await user.click(screen.getByRole('button', { name: 'Save all pages' }));
    expect(await screen.findByRole('status', {}, { timeout: 5000 })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('All 3 pages saved for offline reading.'), { timeout: 5000 });
    expect(savedKeys()).toEqual(expect.arrayContaining([1, 2, 3].map((page) => `lectern-${JSON.stringify(topicKey(MULTI_PAGE_TOPIC_ID, page))}`)));
    unmount();

    apiDown();
    for (const page of [1, 2, 3]) {
      const view = renderRoute(`/topic/${MULTI_PAGE_TOPIC_ID}${page > 1 ? `?page=${page}` : ''}`);
      expect(await screen.findByRole('link', { name: `Post ${(page - 1) * 15 + 1}, link to this post` })).toBeInTheDocument();
      expect(screen.getByText('Saved copy')).toBeInTheDocument();
      view.unmount();
    }
  });

  it('keeps the pages already saved when one fails, and saves the rest on a second try', async () => {
    const { user } = renderRoute(`/topic/${MULTI_PAGE_TOPIC_ID}`);
    await screen.findByRole('navigation', { name: 'Post pages, top' });
    server.use(http.get('*/api/topics/:id', ({ request }) => (new URL(request.url).searchParams.get('page') === '3' ? HttpResponse.error() : undefined)));
    await user.click(screen.getByRole('button', { name: 'Save all pages' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Page 3 could not be loaded: the forum cannot be reached. 2 of 3 pages are saved; they stay saved.'), {
      timeout: 10_000,
    });
    expect(savedKeys()).toHaveLength(2);

    server.resetHandlers();
    await user.click(screen.getByRole('button', { name: 'Save the remaining pages' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('All 3 pages saved for offline reading.'), { timeout: 5000 });
    expect(savedKeys()).toHaveLength(3);
  });
});

describe('not found, with the breadcrumb so far', () => {
  it('starts with the forum, as every trail does, for a board that does not exist', async () => {
    renderRoute('/board/9999');
    expect(await screen.findByRole('heading', { level: 1, name: 'Not found' })).toBeInTheDocument();
    const crumbs = within(screen.getByRole('navigation', { name: 'Breadcrumb' })).getAllByRole('listitem');
    expect(crumbs.map((crumb) => crumb.textContent)).toEqual(['Bosman Business World', 'Not found']);
    expect(within(crumbs[0] as HTMLElement).getByRole('link')).toHaveAttribute('href', '/');
    expect(screen.getByRole('link', { name: 'Go to the board index' })).toHaveAttribute('href', '/');
  });

  it('shows the board a missing topic was listed in, with a link up to it', async () => {
    const { user } = renderRoute(`/board/${SEED_BOARD_ID}`);
    const link = await screen.findByRole('link', { name: SEED_TITLE });
    server.use(http.get(`*/api/topics/${SEED_TOPIC_ID}`, () => HttpResponse.json({ error: { code: 'not_found', message: 'Deleted' } }, { status: 404 })));
    await act(() => user.click(link));
    expect(await screen.findByRole('heading', { level: 1, name: 'Not found' })).toBeInTheDocument();
    const crumbs = within(screen.getByRole('navigation', { name: 'Breadcrumb' })).getAllByRole('listitem');
    expect(crumbs.map((crumb) => crumb.textContent)).toEqual(['Bosman Business World', 'News and Research', 'Crime and war', 'Not found']);
    expect(screen.getByRole('link', { name: 'Up to Crime and war' })).toHaveAttribute('href', `/board/${SEED_BOARD_ID}`);
    await user.click(screen.getByRole('link', { name: 'Up to Crime and war' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Crime and war' })).toBeInTheDocument();
  });
});
