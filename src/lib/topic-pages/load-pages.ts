// Loading many pages of a topic at once, for the print view and "Save all pages". Apart
// from the page query (./bulk-page-query.ts), so that this loads only with the views that use it.
import type { TopicResponse } from '../api/schemas';

/**
 * How many pages to ask for at once. Four keeps a real forum's server (and the
 * browser's six connections per host) free for other requests; a topic of many pages
 * gets six, or 667 pages at 100–400 ms each would take well over a minute.
 */
export function concurrencyFor(totalPages: number): number {
  return totalPages > 50 ? 6 : 4;
}

export type PageOutcome = { ok: true; data: TopicResponse } | { ok: false; error: unknown };

type LoadPagesOptions = {
  /** The pages to load, in the order they are needed. */
  pages: readonly number[];
  concurrency: number;
  signal: AbortSignal;
  load: (page: number) => Promise<TopicResponse>;
  /** Called once per page as it settles; never after `signal` aborts. */
  onSettled: (page: number, outcome: PageOutcome) => void;
};

/**
 * Loads pages with at most `concurrency` requests in flight. Each worker takes the
 * next page in order, so pages arrive roughly in reading order and the view can show
 * them as they come. A failed page does not stop the others: the caller decides.
 */
export async function loadPages({ pages, concurrency, signal, load, onSettled }: LoadPagesOptions): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (!signal.aborted && next < pages.length) {
      const page = pages[next] as number;
      next += 1;
      let outcome: PageOutcome;
      try {
        outcome = { ok: true, data: await load(page) };
      } catch (error) {
        outcome = { ok: false, error };
      }
      if (signal.aborted) return;
      onSettled(page, outcome);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, pages.length)) }, worker));
}
