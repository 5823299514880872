import type { AsyncStorage } from '@tanstack/query-persist-client-core';

/** What the index knows of one saved entry, without reading the entry itself. */
export type EntryInfo = {
  /** Characters of serialized JSON: the measure of the size bound. */
  size: number;
  /** When it was written (ms since the epoch): the oldest go first. */
  savedAt: number;
  /** The buster it was written with: another build's entries are swept. */
  buster: string;
};

/**
 * The raw store under the saved copies: IndexedDB in the browser, a Map in tests.
 * Values are serialized JSON; beside them, a small index of sizes and times so that
 * bounding the store never needs to read the (large) values.
 */
export interface SavedCopyStore {
  get(key: string): Promise<string | undefined>;
  /** Writes a value and its index row together. */
  put(key: string, value: string, info: EntryInfo): Promise<void>;
  delete(keys: readonly string[]): Promise<void>;
  /** Every key with its index row. */
  index(): Promise<Map<string, EntryInfo>>;
  /** Every key with its value (for the persister's sweep). */
  entries(): Promise<[string, string][]>;
  clear(): Promise<void>;
}

export type StorageLimits = {
  maxEntries: number;
  /** Characters of serialized JSON, all entries together. */
  maxSize: number;
  /** Milliseconds; older entries are expired. */
  maxAge: number;
};

/** Thrown when one entry alone is larger than the whole store may be. */
export class EntryTooLargeError extends Error {
  override readonly name = 'EntryTooLargeError';
}

/**
 * The keys to remove, oldest first, so that `incoming` fits within the limits beside
 * what `index` holds. `index` must not hold the incoming key itself.
 */
export function pickEvictions(index: ReadonlyMap<string, EntryInfo>, incoming: EntryInfo, limits: Pick<StorageLimits, 'maxEntries' | 'maxSize'>): string[] {
  let count = index.size + 1;
  let size = incoming.size;
  for (const info of index.values()) size += info.size;
  if (count <= limits.maxEntries && size <= limits.maxSize) return [];
  const oldestFirst = [...index].sort(([, a], [, b]) => a.savedAt - b.savedAt);
  const victims: string[] = [];
  for (const [key, info] of oldestFirst) {
    if (count <= limits.maxEntries && size <= limits.maxSize) break;
    victims.push(key);
    count -= 1;
    size -= info.size;
  }
  return victims;
}

function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED');
}

type BoundedStorage = Required<AsyncStorage<string>> & {
  /** True when an entry is expired or was written by another build: worth a sweep. */
  needsSweep: () => Promise<boolean>;
  usage: () => Promise<{ entries: number; size: number }>;
  clear: () => Promise<void>;
};

/**
 * The persister's storage (TanStack's getItem/setItem/removeItem/entries) over a
 * `SavedCopyStore`, kept within `limits`: each write first evicts the oldest entries
 * it would not fit beside. When the browser's own quota runs out first, a quarter of
 * the entries go (oldest first) and the write is tried once more.
 */
export function createBoundedStorage(store: SavedCopyStore, options: { limits: StorageLimits; buster: string; now?: () => number }): BoundedStorage {
  const { limits, buster, now = Date.now } = options;

  const write = async (key: string, value: string, info: EntryInfo) => {
    const index = await store.index();
    index.delete(key);
    const victims = pickEvictions(index, info, limits);
    if (victims.length > 0) await store.delete(victims);
    try {
      await store.put(key, value, info);
    } catch (error) {
      if (!isQuotaError(error) || index.size === 0) throw error;
      for (const victim of victims) index.delete(victim);
      const oldestQuarter = [...index]
        .sort(([, a], [, b]) => a.savedAt - b.savedAt)
        .slice(0, Math.max(1, Math.ceil(index.size / 4)))
        .map(([k]) => k);
      await store.delete(oldestQuarter);
      await store.put(key, value, info);
    }
  };

  return {
    getItem: (key) => store.get(key),
    setItem: async (key, value) => {
      const info: EntryInfo = { size: value.length, savedAt: now(), buster };
      if (info.size > limits.maxSize) throw new EntryTooLargeError(`An entry of ${info.size} characters does not fit in ${limits.maxSize}.`);
      await write(key, value, info);
    },
    removeItem: (key) => store.delete([key]),
    entries: () => store.entries(),
    needsSweep: async () => {
      const oldest = now() - limits.maxAge;
      for (const info of (await store.index()).values()) {
        if (info.buster !== buster || info.savedAt < oldest) return true;
      }
      return false;
    },
    usage: async () => {
      let size = 0;
      const index = await store.index();
      for (const info of index.values()) size += info.size;
      return { entries: index.size, size };
    },
    clear: () => store.clear(),
  };
}
