import type { EntryInfo, SavedCopyStore } from './bounded-storage';

/** The database of saved copies; the README tells readers how to clear it. */
const SAVED_COPIES_DB = 'lectern-saved-copies';
const VALUES = 'values';
const INDEX = 'index';

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function committed(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    // A quota error surfaces here, as the transaction's error.
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
    transaction.onabort = () => reject(transaction.error ?? new DOMException('IndexedDB transaction aborted', 'AbortError'));
  });
}

function open(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    // Missing altogether in some private modes and old embedded browsers.
    if (typeof indexedDB === 'undefined') {
      reject(new Error('IndexedDB is not available in this browser.'));
      return;
    }
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.open(name, 1);
    } catch (error) {
      reject(error);
      return;
    }
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(VALUES)) db.createObjectStore(VALUES);
      if (!db.objectStoreNames.contains(INDEX)) db.createObjectStore(INDEX);
    };
    request.onsuccess = () => {
      const db = request.result;
      // Another tab wants to upgrade or delete the database: let it.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened.'));
    // Held open by an older tab: waiting for ever would stall every save, so give up.
    request.onblocked = () => reject(new Error('IndexedDB is blocked by another tab.'));
  });
}

/** The saved copies in IndexedDB: two object stores, the values and their index, written together. */
export function openIndexedDbStore(name = SAVED_COPIES_DB): SavedCopyStore {
  let database: Promise<IDBDatabase> | undefined;
  const db = () => {
    database ??= open(name).catch((error: unknown) => {
      // Opening again later may work (the other tab closed): do not remember the failure.
      database = undefined;
      throw error;
    });
    return database;
  };
  const transaction = async (mode: IDBTransactionMode) => (await db()).transaction([VALUES, INDEX], mode);

  return {
    get: async (key) => {
      const value: unknown = await done((await transaction('readonly')).objectStore(VALUES).get(key));
      return typeof value === 'string' ? value : undefined;
    },
    put: async (key, value, info) => {
      const tx = await transaction('readwrite');
      tx.objectStore(VALUES).put(value, key);
      tx.objectStore(INDEX).put(info, key);
      await committed(tx);
    },
    delete: async (keys) => {
      if (keys.length === 0) return;
      const tx = await transaction('readwrite');
      for (const key of keys) {
        tx.objectStore(VALUES).delete(key);
        tx.objectStore(INDEX).delete(key);
      }
      await committed(tx);
    },
    index: async () => {
      const store = (await transaction('readonly')).objectStore(INDEX);
      const [keys, rows] = await Promise.all([done(store.getAllKeys()), done(store.getAll())]);
      const index = new Map<string, EntryInfo>();
      keys.forEach((key, i) => {
        const row = rows[i] as EntryInfo | undefined;
        if (typeof key === 'string' && row) index.set(key, row);
      });
      return index;
    },
    entries: async () => {
      const store = (await transaction('readonly')).objectStore(VALUES);
      const [keys, values] = await Promise.all([done(store.getAllKeys()), done(store.getAll())]);
      const entries: [string, string][] = [];
      keys.forEach((key, i) => {
        const value: unknown = values[i];
        if (typeof key === 'string' && typeof value === 'string') entries.push([key, value]);
      });
      return entries;
    },
    clear: async () => {
      const tx = await transaction('readwrite');
      tx.objectStore(VALUES).clear();
      tx.objectStore(INDEX).clear();
      await committed(tx);
    },
  };
}
