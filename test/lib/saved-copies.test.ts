import { QueryClient, type QueryKey } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { BUSY_BOARD_ID, MULTI_PAGE_TOPIC_ID, SEED_POST_ID, SEED_TOPIC_ID } from '../../mocks/db/ids';
import type { TopicResponse } from '../../src/lib/api/schemas';
import { createBoundedStorage, EntryTooLargeError, pickEvictions, type EntryInfo } from '../../src/lib/saved-copies/bounded-storage';
import { createSavedCopies } from '../../src/lib/saved-copies/persistence';
import { savedCopyTime } from '../../src/lib/saved-copies/saved-copy-mark';
import { memoryStore } from '../memory-store';
import { mockApi } from '../support/mock-api';

const DAY = 24 * 60 * 60_000;
const limits = { maxEntries: 3, maxSize: 100, maxAge: 30 * DAY };
const row = (size: number, savedAt: number, buster = 'b1'): EntryInfo => ({ size, savedAt, buster });

describe('pickEvictions', () => {
  it('evicts nothing while the new entry fits', () => {
    const index = new Map([['a', row(10, 1)], ['b', row(10, 2)]]);
    expect(pickEvictions(index, row(10, 3), limits)).toEqual([]);
  });

  it('evicts the oldest entries first when there are too many', () => {
    const index = new Map([['new', row(1, 30)], ['old', row(1, 10)], ['mid', row(1, 20)]]);
    expect(pickEvictions(index, row(1, 40), limits)).toEqual(['old']);
  });

  it('evicts as many of the oldest as it takes to fit the size bound', () => {
    const index = new Map([['a', row(40, 1)], ['b', row(40, 2)]]);
    expect(pickEvictions(index, row(70, 3), limits)).toEqual(['a', 'b']);
    expect(pickEvictions(index, row(30, 3), limits)).toEqual(['a']);
  });
});

describe('bounded storage', () => {
  it('stays within the entry bound, keeping the newest, and reads back what it wrote', async () => {
    const store = memoryStore();
    let clock = 0;
    const storage = createBoundedStorage(store, { limits, buster: 'b1', now: () => (clock += 1) });
    for (const key of ['a', 'b', 'c', 'd', 'e']) await storage.setItem(key, `value ${key}`);
    expect([...store.values.keys()].sort()).toEqual(['c', 'd', 'e']);
    expect(await storage.getItem('e')).toBe('value e');
    expect(await storage.getItem('a')).toBeUndefined();
    expect(await storage.usage()).toEqual({ entries: 3, size: 21 });
  });

  it('rewriting a key replaces it instead of counting it twice', async () => {
    const store = memoryStore();
    const storage = createBoundedStorage(store, { limits, buster: 'b1' });
    await storage.setItem('a', 'x'.repeat(60));
    await storage.setItem('a', 'y'.repeat(60));
    expect(store.values.get('a')).toBe('y'.repeat(60));
  });

  it('refuses an entry larger than the whole store, and keeps what it has', async () => {
    const store = memoryStore();
    const storage = createBoundedStorage(store, { limits, buster: 'b1' });
    await storage.setItem('a', 'kept');
    await expect(storage.setItem('b', 'x'.repeat(101))).rejects.toBeInstanceOf(EntryTooLargeError);
    expect(await storage.getItem('a')).toBe('kept');
  });

  it('makes room and tries again once when the browser says its quota is exceeded', async () => {
    const store = memoryStore();
    let clock = 0;
    const storage = createBoundedStorage(store, { limits, buster: 'b1', now: () => (clock += 1) });
    await storage.setItem('old', 'o');
    await storage.setItem('newer', 'n');
    store.failNextPut(new DOMException('full', 'QuotaExceededError'));
    await storage.setItem('incoming', 'i');
    expect([...store.values.keys()].sort()).toEqual(['incoming', 'newer']);
  });

  it('wants a sweep when an entry is expired or from another build, not otherwise', async () => {
    const store = memoryStore();
    let now = 100 * DAY;
    const storage = createBoundedStorage(store, { limits, buster: 'b1', now: () => now });
    await storage.setItem('a', '1');
    expect(await storage.needsSweep()).toBe(false);
    now += 31 * DAY;
    expect(await storage.needsSweep()).toBe(true);
    store.rows.set('a', row(1, now, 'b1'));
    expect(await storage.needsSweep()).toBe(false);
    store.rows.set('b', row(1, now, 'b0'));
    expect(await storage.needsSweep()).toBe(true);
  });
});

const TOPIC_KEY = ['topics', SEED_TOPIC_ID, { page: 1 }];

/** A page of a topic as the forum answers it, titled `title`. */
async function topicPage(title: string, id = SEED_TOPIC_ID): Promise<TopicResponse> {
  const page = await mockApi.topic(id);
  return { ...page, topic: { ...page.topic, title } };
}

async function loadedClient(data: unknown, queryKey: QueryKey = TOPIC_KEY): Promise<QueryClient> {
  const queryClient = new QueryClient();
  queryClient.setQueryData(queryKey, data);
  return queryClient;
}

describe('saved copies (the persister over the bounded storage)', () => {
  it('restores a saved page into a new cache, dated when it was saved and marked as a saved copy', async () => {
    const store = memoryStore();
    const page = await topicPage('Seoul calls');
    const written = await loadedClient(page);
    const savedAt = written.getQueryState(TOPIC_KEY)?.dataUpdatedAt ?? 0;
    await createSavedCopies(store, { buster: 'b1' }).saveKey(written, TOPIC_KEY);

    const reader = new QueryClient();
    const restored = await createSavedCopies(store, { buster: 'b1' }).restore(reader, TOPIC_KEY);
    expect(restored).toEqual(page);
    const state = reader.getQueryState(TOPIC_KEY);
    expect(state?.dataUpdatedAt).toBe(savedAt);
    expect(savedCopyTime(state?.data, state?.dataUpdatedAt ?? 0)).toBe(savedAt);
  });

  it('the mark goes with the first fresh answer, even one identical to the copy', async () => {
    const store = memoryStore();
    const page = await topicPage('Same');
    await createSavedCopies(store, { buster: 'b1' }).saveKey(await loadedClient(page), TOPIC_KEY);
    const reader = new QueryClient();
    await createSavedCopies(store, { buster: 'b1' }).restore(reader, TOPIC_KEY);
    await reader.fetchQuery({ queryKey: TOPIC_KEY, queryFn: () => page, staleTime: 0 });
    const state = reader.getQueryState(TOPIC_KEY);
    expect(savedCopyTime(state?.data, state?.dataUpdatedAt ?? 0)).toBeNull();
  });

  it('never restores a copy written by another build, and drops it', async () => {
    const store = memoryStore();
    await createSavedCopies(store, { buster: 'old-build' }).saveKey(await loadedClient(await topicPage('Old')), TOPIC_KEY);
    const reader = new QueryClient();
    expect(await createSavedCopies(store, { buster: 'new-build' }).restore(reader, TOPIC_KEY)).toBeUndefined();
    expect(reader.getQueryData(TOPIC_KEY)).toBeUndefined();
    expect(store.values.size).toBe(0);
  });

  it('never restores a copy older than the maximum age', async () => {
    const store = memoryStore();
    await createSavedCopies(store, { buster: 'b1' }).saveKey(await loadedClient(await topicPage('Old')), TOPIC_KEY);
    const later = createSavedCopies(store, { buster: 'b1', limits: { ...limits, maxAge: -1 } });
    expect(await later.restore(new QueryClient(), TOPIC_KEY)).toBeUndefined();
  });

  it('sweeps expired and busted entries, keeping current ones', async () => {
    const store = memoryStore();
    await createSavedCopies(store, { buster: 'old-build' }).saveKey(await loadedClient(await topicPage('Old')), TOPIC_KEY);
    const current = createSavedCopies(store, { buster: 'b1' });
    const other = ['topics', MULTI_PAGE_TOPIC_ID, { page: 1 }];
    const client = new QueryClient();
    const page = await mockApi.topic(MULTI_PAGE_TOPIC_ID);
    await client.fetchQuery({ queryKey: other, queryFn: () => page });
    await current.saveKey(client, other);
    await current.sweep();
    expect([...store.values.keys()]).toEqual([`lectern-${JSON.stringify(other)}`]);
  });
});

// Stored data is input too: what a saved copy says is checked as the forum's answers
// are, and an entry that fails is dropped, never shown.
describe('a saved copy read back from storage', () => {
  const storageKey = `lectern-${JSON.stringify(TOPIC_KEY)}`;

  /** Saves a good copy, then lets `tamper` rewrite the stored entry as JSON. */
  async function tampered(tamper: (entry: { queryKey: unknown; queryHash: unknown; state: { data: TopicResponse; dataUpdatedAt: unknown } }) => unknown) {
    const store = memoryStore();
    await createSavedCopies(store, { buster: 'b1' }).saveKey(await loadedClient(await topicPage('Good')), TOPIC_KEY);
    const entry = JSON.parse(store.values.get(storageKey) ?? 'null') as Parameters<typeof tamper>[0];
    store.values.set(storageKey, JSON.stringify(tamper(entry)));
    return store;
  }

  it.each<[string, Parameters<typeof tampered>[0]]>([
    ['posts: null', (entry) => ({ ...entry, state: { ...entry.state, data: { ...entry.state.data, posts: null } } })],
    ['page.number: 1e308', (entry) => ({ ...entry, state: { ...entry.state, data: { ...entry.state.data, page: { ...entry.state.data.page, number: 1e308, totalPages: 1e308 } } } })],
    ['a topic other than the one its key names', (entry) => ({ ...entry, state: { ...entry.state, data: { ...entry.state.data, topic: { ...entry.state.data.topic, id: 7 } } } })],
    ['no date', (entry) => ({ ...entry, state: { ...entry.state, dataUpdatedAt: 'yesterday' } })],
    ['a date in the future', (entry) => ({ ...entry, state: { ...entry.state, dataUpdatedAt: Date.now() + DAY } })],
    ['state: null', (entry) => ({ ...entry, state: null })],
    ['null', () => null],
    ['a number', () => 42],
  ])('is dropped when it holds %s', async (_, tamper) => {
    const store = await tampered(tamper);
    const reader = new QueryClient();
    expect(await createSavedCopies(store, { buster: 'b1' }).restore(reader, TOPIC_KEY)).toBeUndefined();
    expect(reader.getQueryData(TOPIC_KEY)).toBeUndefined();
    expect(store.values.has(storageKey)).toBe(false);
  });

  it('is dropped when it is not JSON at all', async () => {
    const store = await tampered((entry) => entry);
    store.values.set(storageKey, '{"buster":"b1",');
    expect(await createSavedCopies(store, { buster: 'b1' }).restore(new QueryClient(), TOPIC_KEY)).toBeUndefined();
    expect(store.values.has(storageKey)).toBe(false);
  });

  it('is dropped when it is another page filed under this page’s key', async () => {
    const store = memoryStore();
    const otherKey = ['topics', SEED_TOPIC_ID, { page: 2 }];
    const copies = createSavedCopies(store, { buster: 'b1' });
    await copies.saveKey(await loadedClient(await topicPage('Page two'), otherKey), otherKey);
    store.values.set(storageKey, store.values.get(`lectern-${JSON.stringify(otherKey)}`) ?? '');
    expect(await copies.restore(new QueryClient(), TOPIC_KEY)).toBeUndefined();
    expect(store.values.has(storageKey)).toBe(false);
  });

  it('is dropped by the sweep when it is no entry Lectern wrote, and the others are kept', async () => {
    const store = await tampered((entry) => ({ ...entry, state: { ...entry.state, dataUpdatedAt: null } }));
    const good = ['topics', MULTI_PAGE_TOPIC_ID, { page: 1 }];
    const copies = createSavedCopies(store, { buster: 'b1' });
    await copies.saveKey(await loadedClient(await mockApi.topic(MULTI_PAGE_TOPIC_ID), good), good);
    // A sweep runs when the index says something is due: an entry of another build.
    store.rows.set('lectern-other', { size: 1, savedAt: 1, buster: 'b0' });
    await copies.sweep();
    expect([...store.values.keys()]).toEqual([`lectern-${JSON.stringify(good)}`]);
  });

  it.each([
    ['the board index', ['forum'], () => mockApi.forum()],
    ['a board', ['boards', BUSY_BOARD_ID, { page: 1 }], () => mockApi.board(BUSY_BOARD_ID)],
    ['a post link', ['posts', SEED_POST_ID], async () => (await fetch(`http://localhost/api/posts/${SEED_POST_ID}`)).json()],
  ] as const)('is restored when it is %s as the forum answered it', async (_, queryKey, answer) => {
    const store = memoryStore();
    const data: unknown = await answer();
    await createSavedCopies(store, { buster: 'b1' }).saveKey(await loadedClient(data, [...queryKey]), [...queryKey]);
    expect(await createSavedCopies(store, { buster: 'b1' }).restore(new QueryClient(), [...queryKey])).toEqual(data);
  });
});
