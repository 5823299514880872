// "Save all pages": every page of a topic fetched and written to the saved copies,
// page by page, for reading offline. Loaded only when the reader asks for it.
import type { QueryClient } from '@tanstack/react-query';
import { savedCopies, SAVED_COPY_LIMITS } from '../../../lib/saved-copies/persistence';
import { bulkPageQuery } from '../../../lib/topic-pages/bulk-page-query';
import { concurrencyFor, loadPages } from '../../../lib/topic-pages/load-pages';

/**
 * Pages fetched only to be saved leave the memory cache right after: a 10,000-post
 * topic is 667 pages, and holding them all would cost far more than the page shows.
 * Pages already in the cache (the one on screen) keep their own, longer time.
 */
const SAVE_ONLY_GC_MS = 0;

/** Why saving stopped before the end. */
export type SaveFailure =
  /** A page could not be fetched (after its retries). */
  | { kind: 'page'; page: number; error: unknown }
  /** The browser would not store it: IndexedDB missing, blocked, or full. */
  | { kind: 'storage'; error: unknown }
  /** More pages than the saved copies may hold. */
  | { kind: 'too-large'; total: number; limit: number };

export class SaveAllError extends Error {
  override readonly name = 'SaveAllError';
  readonly failure: SaveFailure;
  constructor(failure: SaveFailure) {
    super(`Saving stopped: ${failure.kind}`);
    this.failure = failure;
  }
}

type SaveAllOptions = {
  queryClient: QueryClient;
  topicId: number;
  signal: AbortSignal;
  /** Pages saved earlier in this session (a retry skips them). Grows as pages are saved. */
  saved: Set<number>;
  /** After each page is written, with the count so far and the topic's page count. */
  onProgress: (saved: number, total: number) => void;
};

/**
 * Fetches page 1 (usually in the cache) to learn how many pages there are, then the
 * rest with the print view's bounded concurrency, writing each to storage as it
 * arrives. Stops at the first page or write that fails, throwing a `SaveAllError`;
 * everything written before stays saved. Resolves with the page count when done or
 * when `signal` aborts.
 */
export async function saveAllPages({ queryClient, topicId, signal, saved, onProgress }: SaveAllOptions): Promise<number> {
  const copies = savedCopies();
  const fetchAndSave = async (page: number) => {
    const options = bulkPageQuery(topicId, page);
    const data = await queryClient.fetchQuery({ ...options, gcTime: SAVE_ONLY_GC_MS });
    if (signal.aborted) return data;
    try {
      // Straight after the fetch, before the cache lets a save-only page go.
      await copies.saveKey(queryClient, options.queryKey);
    } catch (error) {
      throw new SaveAllError({ kind: 'storage', error });
    }
    saved.add(page);
    return data;
  };

  const first = await fetchAndSave(1).catch((error: unknown) => {
    throw error instanceof SaveAllError ? error : new SaveAllError({ kind: 'page', page: 1, error });
  });
  const total = Math.max(1, first.page.totalPages);
  if (total > SAVED_COPY_LIMITS.maxEntries) throw new SaveAllError({ kind: 'too-large', total, limit: SAVED_COPY_LIMITS.maxEntries });
  onProgress(saved.size, total);

  const controller = new AbortController();
  const stop = () => controller.abort();
  signal.addEventListener('abort', stop);
  const inFlight = new Set<number>();
  let failure: SaveAllError | undefined;
  try {
    await loadPages({
      pages: Array.from({ length: total - 1 }, (_, i) => i + 2).filter((page) => !saved.has(page)),
      concurrency: concurrencyFor(total),
      signal: controller.signal,
      load: async (page) => {
        inFlight.add(page);
        try {
          return await fetchAndSave(page);
        } finally {
          inFlight.delete(page);
        }
      },
      onSettled: (page, outcome) => {
        if (outcome.ok) {
          onProgress(saved.size, total);
          return;
        }
        failure ??= outcome.error instanceof SaveAllError ? outcome.error : new SaveAllError({ kind: 'page', page, error: outcome.error });
        controller.abort();
      },
    });
  } finally {
    signal.removeEventListener('abort', stop);
    // Stopped or failed: requests still out are of no use now.
    for (const page of inFlight) void queryClient.cancelQueries({ queryKey: bulkPageQuery(topicId, page).queryKey, exact: true });
  }
  if (failure && !signal.aborted) throw failure;
  return total;
}
