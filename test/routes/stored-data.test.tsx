import { QueryClient } from '@tanstack/react-query';
import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BUSY_BOARD_ID, SEED_TOPIC_ID } from '../../mocks/db/ids';
import { SEED_TITLE } from '../../mocks/db/seed-topic';
import { server } from '../../mocks/node';
import type { TopicResponse } from '../../src/lib/api/schemas';
import { savedCopies } from '../../src/lib/saved-copies/persistence';
import { resetReadPositionsCache } from '../../src/lib/unread/read-positions';
import { memoryStore } from '../memory-store';
import { mockApi } from '../support/mock-api';
import { renderRoute } from '../render-route';

type MemoryStore = ReturnType<typeof memoryStore>;

// IndexedDB is not in jsdom: the saved copies live in a Map here, behind the real persister.
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

const topicKey = ['topics', SEED_TOPIC_ID, { page: 1 }];
const storageKey = `lectern-${JSON.stringify(topicKey)}`;

/** Saves `data` as the topic's saved copy, as a corrupt or edited store would hold it. */
async function saveTopicCopy(data: unknown): Promise<void> {
  const queryClient = new QueryClient();
  queryClient.setQueryData(topicKey, data);
  await savedCopies().saveKey(queryClient, topicKey);
}

beforeEach(() => {
  store.current ??= memoryStore();
  window.localStorage.clear();
  resetReadPositionsCache();
});
afterEach(async () => {
  await savedCopies().clear();
  vi.restoreAllMocks();
});

describe('stored data is input too', () => {
  it.each<[string, (page: TopicResponse) => unknown]>([
    ['no list of posts', (page) => ({ ...page, posts: null })],
    ['a page number of 1e308', (page) => ({ ...page, page: { ...page.page, number: 1e308, totalPages: 1e308 } })],
  ])('a saved copy with %s is dropped: with the forum down, the page says it cannot reach the forum', async (_, corrupt) => {
    await saveTopicCopy(corrupt(await mockApi.topic(SEED_TOPIC_ID)));
    server.use(http.get('*/api/*', () => HttpResponse.error()));
    const { user } = renderRoute(`/topic/${SEED_TOPIC_ID}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Cannot reach the forum' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    expect(store.current?.values.has(storageKey)).toBe(false);

    // And once the forum is back, "Try again" shows the topic.
    server.resetHandlers();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 1, name: SEED_TITLE })).toBeInTheDocument();
  });

  it('reading positions stored as {"topics":null,"boards":null} are reset: boards and topics show, and reading is tracked again', async () => {
    window.localStorage.setItem('lectern:read:v1', '{"topics":null,"boards":null}');
    const board = renderRoute(`/board/${BUSY_BOARD_ID}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Markets and Finance' })).toBeInTheDocument();
    board.unmount();
    renderRoute(`/topic/${SEED_TOPIC_ID}`);
    expect(await screen.findByRole('heading', { level: 1, name: SEED_TITLE })).toBeInTheDocument();
    await vi.waitFor(() => expect(JSON.parse(window.localStorage.getItem('lectern:read:v1') ?? '{}')).toMatchObject({ topics: { [SEED_TOPIC_ID]: {} }, boards: {} }));
  });
});
