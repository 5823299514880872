// Saved copies: the forum's pages a reader has opened, kept in IndexedDB so that a
// reload with the forum unreachable still shows them. Network first: nothing here
// ever answers before the forum; a route loader asks for a saved copy only once its
// own request has failed (see app/navigation/route-data.ts). This module is loaded
// lazily (after the first render for writing, on a failure for reading): none of it
// is on the way to a topic's first post.
import { experimental_createQueryPersister, type PersistedQuery } from '@tanstack/query-persist-client-core';
import { hashKey, type Query, type QueryClient, type QueryKey } from '@tanstack/react-query';
import * as v from 'valibot';
import { resourceSchemas } from '../api/queries';
import { readerRoutes } from '../reader-routes';
import { createBoundedStorage, type SavedCopyStore, type StorageLimits } from './bounded-storage';
import { openIndexedDbStore } from './indexeddb-store';
import { markSavedCopy, savedCopyTime } from './saved-copy-mark';
import { whenIdle } from '../idle';

/** Bump when what is saved changes shape: every older entry is then ignored and swept. */
const CACHE_FORMAT = 1;

const DAY = 24 * 60 * 60_000;

export const SAVED_COPY_LIMITS: StorageLimits = {
  maxAge: 30 * DAY,
  // A page of posts is about 5–10 kB of JSON: this holds the 667 pages of a
  // 10,000-post topic saved in full with room to spare.
  maxEntries: 2000,
  maxSize: 25_000_000,
};

/**
 * The resources worth reading again offline, as the route table says (the board index,
 * boards, topics, post links; not search), each with the schema its answers are checked against.
 */
const SAVED_RESOURCES = new Map<unknown, v.GenericSchema>(
  Object.values(readerRoutes).flatMap(({ saved }) => (saved === null ? [] : [[saved, resourceSchemas[saved]] as const])),
);

export function isSavedResource(queryKey: QueryKey): boolean {
  return SAVED_RESOURCES.has(queryKey[0]);
}

/** Thrown for a saved entry that cannot be one; the persister then drops it. */
class UnreadableEntryError extends Error {
  override readonly name = 'UnreadableEntryError';
}

/**
 * A saved entry as read from storage. Stored data is input too: storage can be edited
 * by hand, written half by a crash, or hold what an older build got past its checks.
 * This checks only what the persister relies on, cheaply enough for the sweep, which
 * reads every entry: the envelope, and a date no later than `now` (one in the future
 * would keep a copy fresh, unrefreshed, for ever). `savedAnswer` checks the page itself
 * when it is about to be shown. Throws `UnreadableEntryError`.
 */
function readSavedEntry(text: string, now: number): PersistedQuery {
  const entry = JSON.parse(text) as PersistedQuery;
  const envelope = v.object({
    buster: v.string(),
    queryHash: v.string(),
    state: v.object({ dataUpdatedAt: v.pipe(v.number(), v.integer(), v.minValue(1), v.check((at) => at <= now)) }),
  });
  if (!v.safeParse(envelope, entry).success) throw new UnreadableEntryError('A saved copy is not an entry Lectern wrote.');
  return entry;
}

/**
 * The saved answer for `queryKey`, checked as the forum's own answers are: the same
 * schema (`posts: null` failed the page; `page.number: 1e308` hung the tab), and about
 * the board, topic or post the key names. Undefined when it fails.
 */
function savedAnswer(queryKey: QueryKey, data: unknown): unknown {
  const [resource, id] = queryKey;
  const schema = SAVED_RESOURCES.get(resource);
  const result = schema && v.safeParse(schema, data);
  if (!result?.success) return undefined;
  const about = resource === 'forum' || (result.output as Record<string, { id?: unknown } | undefined>)[String(resource).slice(0, -1)]?.id === id;
  return about ? result.output : undefined;
}

/**
 * This build's identity. The entry script's name carries a hash of the whole app
 * (Vite's chunk names hash what they import), so a new build has a new name and an
 * identical rebuild keeps its saved copies. Dev servers and tests have no hashed
 * entry; the format version alone guards them.
 */
function buildId(): string {
  if (typeof document === 'undefined') return '';
  return Array.from(document.querySelectorAll('script[type="module"][src]'), (script) => script.getAttribute('src') ?? '').join(' ');
}

function currentBuster(): string {
  return `${CACHE_FORMAT}:${buildId()}`;
}

type SavedCopies = {
  /** Writes one query's current data. Throws when storage fails. */
  save: (query: Query) => Promise<void>;
  /** Writes the query under `queryKey`, if it is in the cache. Throws when storage fails. */
  saveKey: (queryClient: QueryClient, queryKey: QueryKey) => Promise<void>;
  /**
   * Puts the saved copy of `queryKey` into the cache, dated when it was saved and
   * marked as a saved copy; undefined when there is none (or it is expired, from
   * another build, or fails the checks of `savedAnswer`: then it is dropped). Throws
   * when storage fails.
   */
  restore: (queryClient: QueryClient, queryKey: QueryKey) => Promise<unknown>;
  /** Drops expired entries and other builds' entries, when the index says there are any. */
  sweep: () => Promise<void>;
  usage: () => Promise<{ entries: number; size: number }>;
  clear: () => Promise<void>;
};

export function createSavedCopies(store: SavedCopyStore, options: { buster: string; now?: () => number; limits?: StorageLimits }): SavedCopies {
  const limits = options.limits ?? SAVED_COPY_LIMITS;
  const now = options.now ?? Date.now;
  const storage = createBoundedStorage(store, { limits, buster: options.buster, now });
  // The persister drops an entry whose reading throws, on restore and in the sweep alike.
  const persister = experimental_createQueryPersister({
    storage,
    buster: options.buster,
    maxAge: limits.maxAge,
    prefix: 'lectern',
    deserialize: (text) => readSavedEntry(text, now()),
  });

  return {
    save: (query) => persister.persistQuery(query),
    saveKey: async (queryClient, queryKey) => {
      const query = queryClient.getQueryCache().find({ queryKey, exact: true });
      if (query) await persister.persistQuery(query);
    },
    restore: async (queryClient, queryKey) => {
      // retrieveQuery answers with the data alone, and hands over the whole entry
      // (with its timestamps) a moment later; wait for both.
      let entry: ((value: PersistedQuery) => void) | undefined;
      const saved = new Promise<PersistedQuery>((resolve) => (entry = resolve));
      const hash = hashKey(queryKey);
      const stored = await persister.retrieveQuery(hash, entry);
      if (stored === undefined) return undefined;
      const { state, queryHash } = await saved;
      // Another page's entry, filed under this page's key by a hand in storage, is not this page.
      const data = queryHash === hash ? savedAnswer(queryKey, stored) : undefined;
      if (data === undefined) {
        await storage.removeItem(`lectern-${hash}`);
        return undefined;
      }
      const shown = queryClient.setQueryData(queryKey, data, { updatedAt: state.dataUpdatedAt });
      markSavedCopy(shown, state.dataUpdatedAt);
      return shown;
    },
    sweep: async () => {
      if (await storage.needsSweep()) await persister.persisterGc();
    },
    usage: () => storage.usage(),
    clear: () => storage.clear(),
  };
}

let instance: SavedCopies | undefined;

/** The reader's saved copies, in IndexedDB. */
export function savedCopies(): SavedCopies {
  instance ??= createSavedCopies(openIndexedDbStore(), { buster: currentBuster() });
  return instance;
}

let reported = false;

/** Storage trouble is told once (private mode would say it on every page), never thrown at the reader. */
export function reportStorageProblem(error: unknown): void {
  if (reported) return;
  reported = true;
  console.warn('[lectern] saved copies are not available: pages will not be kept for offline reading.', error);
}

// Answers within this long of each other are written together, in idle time.
const WRITE_DEBOUNCE_MS = 1000;

/** The query holds the forum's own answer for a saved resource (not one restored from a saved copy). */
function worthSaving(query: Query): boolean {
  const { state } = query;
  return state.status === 'success' && state.data !== undefined && isSavedResource(query.queryKey) && savedCopyTime(state.data, state.dataUpdatedAt) === null;
}

/**
 * Saves every successful answer of a saved resource from now on, and those already in
 * the cache (the page that started the app). Returns a function that stops it.
 */
export function startPersisting(queryClient: QueryClient, copies: SavedCopies = savedCopies()): () => void {
  const cache = queryClient.getQueryCache();
  const pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing = false;

  const flush = async () => {
    writing = true;
    try {
      for (const hash of [...pending]) {
        pending.delete(hash);
        const query = cache.get(hash);
        if (query && worthSaving(query)) await copies.save(query);
      }
    } catch (error) {
      reportStorageProblem(error);
    } finally {
      writing = false;
      if (pending.size > 0) schedule();
    }
  };
  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!writing) whenIdle(() => void flush(), 5000);
    }, WRITE_DEBOUNCE_MS);
  }

  for (const query of cache.getAll()) if (worthSaving(query)) pending.add(query.queryHash);
  if (pending.size > 0) schedule();
  const unsubscribe = cache.subscribe((event) => {
    if (event.type === 'updated' && event.action.type === 'success' && worthSaving(event.query)) {
      pending.add(event.query.queryHash);
      schedule();
    }
  });
  whenIdle(() => void copies.sweep().catch(reportStorageProblem), 5000);
  return () => {
    unsubscribe();
    clearTimeout(timer);
  };
}
