// Unread tracking without an account: what this browser has read, per topic, kept
// in localStorage. A topic is "tracked" once opened; it has news when its last post
// is newer than the last post read here. Storage may be full, disabled or throw
// (private modes, quotas): every access is guarded, and a failure only costs the
// markers, never the page.
import { useSyncExternalStore } from 'react';
import { topicHref } from '../reader-routes';

type ReadPosition = {
  /** The highest post read: its id and its number in the topic (1 = opening post). */
  postId: number;
  number: number;
  /** The topic's page size when it was read, to link straight to the first unread page. */
  perPage: number;
  /** When it was read (ISO); the oldest entries are dropped first past the cap. */
  at: string;
};

type Store = { topics: Record<string, ReadPosition>; boards: Record<string, string> };

const STORAGE_KEY = 'lectern:read:v1';
// A few hundred bytes a topic: thousands of topics stay far below storage quotas.
const MAX_TOPICS = 2000;

// Positions recorded before this page load are "your last visit"; newer ones are
// this visit's reading, which must not draw a "new posts" line under the reader.
const loadedAt = Date.now();

let cache: Store | null = null;
let version = 0;
const listeners = new Set<() => void>();

function load(): Store {
  if (cache) return cache;
  let stored: unknown;
  try {
    stored = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? 'null');
  } catch (error) {
    console.warn('[lectern] reading positions could not be loaded', error);
  }
  return (cache = readStore(stored));
}

// Stored data is input too: an older build, another tab or a hand in the console may
// have written anything under the key. Entries of the right shape are kept and the rest
// dropped, so a corrupt store is reset rather than fatal (`topics: null` failed every
// board and topic page; an `at` that is no string made pruning throw).
function readStore(value: unknown): Store {
  const { topics, boards } = (value ?? {}) as Record<string, unknown>;
  return {
    topics: valid(topics, (entry) => {
      const p = entry as Partial<Record<keyof ReadPosition, unknown>> | null;
      return typeof p?.at === 'string' && [p.postId, p.number, p.perPage].every((n) => Number.isSafeInteger(n) && (n as number) > 0);
    }),
    boards: valid(boards, (at) => typeof at === 'string'),
  };
}

/** The entries of `record` that pass `ok`; none when it is no object at all. */
function valid<T>(record: unknown, ok: (value: unknown) => boolean): Record<string, T> {
  // `?? 0`: entries of nothing, where null and undefined would throw.
  return Object.fromEntries(Object.entries((record ?? 0) as object).filter(([, value]) => ok(value)));
}

function save(store: Store): void {
  cache = store;
  version += 1;
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(store));
  } catch (error) {
    // Full or forbidden storage: keep the positions for this visit, say so in the console.
    console.warn('[lectern] reading positions could not be saved', error);
  }
  for (const listener of listeners) listener();
}

function prune(topics: Record<string, ReadPosition>): Record<string, ReadPosition> {
  const entries = Object.entries(topics);
  if (entries.length <= MAX_TOPICS) return topics;
  entries.sort(([, a], [, b]) => b.at.localeCompare(a.at));
  return Object.fromEntries(entries.slice(0, MAX_TOPICS));
}

export function getReadPosition(topicId: number): ReadPosition | null {
  return load().topics[topicId] ?? null;
}

/** Records that posts up to this one were read; never moves a position backwards. */
export function markRead(topicId: number, post: { id: number; number: number }, perPage: number): void {
  const store = load();
  const known = store.topics[topicId];
  if (known && known.number >= post.number && known.postId >= post.id) return;
  const position: ReadPosition = { postId: post.id, number: post.number, perPage, at: new Date().toISOString() };
  save({ ...store, topics: prune({ ...store.topics, [topicId]: position }) });
}

/** "Mark all as read" for a board: every post in it up to now counts as read. */
export function markBoardRead(boardId: number, topics: readonly { id: number; lastPost: { postId: number }; replyCount: number }[]): void {
  const store = load();
  const now = new Date().toISOString();
  const updated = { ...store.topics };
  for (const topic of topics) {
    const known = updated[topic.id];
    if (known) updated[topic.id] = { ...known, postId: Math.max(known.postId, topic.lastPost.postId), number: Math.max(known.number, topic.replyCount + 1), at: now };
  }
  save({ topics: prune(updated), boards: { ...store.boards, [boardId]: now } });
}

/** Where the previous visit stopped reading, or null if this is the first visit. */
export function lastVisitPosition(topicId: number): ReadPosition | null {
  const position = getReadPosition(topicId);
  return position && Date.parse(position.at) < loadedAt ? position : null;
}

export function boardReadAt(boardId: number): string | null {
  return load().boards[boardId] ?? null;
}

type TopicLike = { id: number; lastPost: { postId: number; postedAt: string } };

/** News in a topic this browser has opened: a last post newer than the last one read. */
export function hasUnread(topic: TopicLike, boardId: number): boolean {
  const position = getReadPosition(topic.id);
  if (!position || topic.lastPost.postId <= position.postId) return false;
  const markedAt = boardReadAt(boardId);
  return !(markedAt && Date.parse(markedAt) >= Date.parse(topic.lastPost.postedAt));
}

/** The page holding the first unread post, anchored at the "new posts" divider. */
export function firstUnreadHref(topicId: number): string {
  const position = getReadPosition(topicId);
  return position ? `${topicHref(topicId, Math.floor(position.number / Math.max(1, position.perPage)) + 1)}#new` : topicHref(topicId);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab read something: drop the cache so the next read sees it.
  const onStorage = (event: StorageEvent) => {
    if (event.key !== STORAGE_KEY) return;
    cache = null;
    version += 1;
    listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** Re-renders the caller whenever reading positions change (here or in another tab). */
export function useReadPositionsVersion(): number {
  return useSyncExternalStore(subscribe, () => version, () => 0);
}

/** For tests: forget the in-memory copy so the next read goes to storage. */
export function resetReadPositionsCache(): void {
  cache = null;
  version += 1;
}
