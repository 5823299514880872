import type { EntryInfo, SavedCopyStore } from '../src/lib/saved-copies/bounded-storage';

/** The saved copies' store in memory, for tests: what IndexedDB does, in two Maps. */
export function memoryStore(): SavedCopyStore & { values: Map<string, string>; rows: Map<string, EntryInfo>; failNextPut: (error: Error) => void } {
  const values = new Map<string, string>();
  const rows = new Map<string, EntryInfo>();
  let failure: Error | null = null;
  return {
    values,
    rows,
    failNextPut: (error) => {
      failure = error;
    },
    get: async (key) => values.get(key),
    put: async (key, value, info) => {
      if (failure) {
        const error = failure;
        failure = null;
        throw error;
      }
      values.set(key, value);
      rows.set(key, info);
    },
    delete: async (keys) => {
      for (const key of keys) {
        values.delete(key);
        rows.delete(key);
      }
    },
    index: async () => new Map(rows),
    entries: async () => [...values],
    clear: async () => {
      values.clear();
      rows.clear();
    },
  };
}
