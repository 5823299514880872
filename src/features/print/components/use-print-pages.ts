import { useQueryClient } from '@tanstack/react-query';
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import { topicQueries } from '../../../lib/api/queries';
import type { TopicResponse } from '../../../lib/api/schemas';
import { concurrencyFor, loadPages, type PageOutcome } from '../../../lib/topic-pages/load-pages';
import { bulkPageQuery } from '../../../lib/topic-pages/bulk-page-query';
import type { PrintRange } from './print-range';

// Pages that arrive within this long of each other are shown in one render: a large
// topic delivers twenty-odd pages a second.
const BATCH_MS = 100;

type PageSlot =
  | { status: 'pending' }
  | { status: 'loaded'; data: TopicResponse }
  | { status: 'failed'; error: unknown };

export type PrintPages = {
  /** One slot per page of the range, its first page (`from`) first. */
  slots: readonly PageSlot[];
  /** The page number of the first slot. */
  from: number;
  total: number;
  loaded: number;
  /** Posts on the pages loaded so far. */
  loadedPosts: number;
  /** Pages that failed after their retries, in page order. */
  failed: readonly number[];
  /** Still waiting for at least one page. */
  loading: boolean;
  /** Asks again for every page not loaded yet; the loaded ones stay. */
  retry: () => void;
};

// A round of loading: a new object (even with the same pages) starts a new round.
type Round = { pages: readonly number[] };

type State = { slots: PageSlot[]; round: Round };

/**
 * The pages of the range already in the cache: page 1 (which the route loaded), and what
 * the server renderer put there (so a reader without JavaScript gets them, and hydration
 * starts from the same slots), and so does reading them before.
 */
function initialState({ from, to }: PrintRange, cached: (page: number) => TopicResponse | undefined): State {
  const slots: PageSlot[] = Array.from({ length: to - from + 1 }, (_, i) => {
    const data = cached(from + i);
    return data ? { status: 'loaded', data } : { status: 'pending' };
  });
  return { slots, round: { pages: Array.from({ length: slots.length }, (_, i) => from + i) } };
}

/**
 * The pages `range` names of a topic, loaded after page 1 (which the route loader fetched
 * and which says how many pages there are) with a bounded number of requests in flight,
 * in reading order. Leaving the view stops the pages not yet asked for and cancels
 * the ones in flight. A page that fails (after its automatic retries) is marked
 * failed; the others carry on. `active: false` stops loading (and true resumes it).
 */
export function usePrintPages(topicId: number, first: TopicResponse, range: PrintRange, active: boolean): PrintPages {
  const queryClient = useQueryClient();
  const { from } = range;
  // The range is fixed for the life of this hook: a new range is a new print view (see PrintPage).
  const [state, setState] = useState(() =>
    initialState(range, (page) =>
      page === 1 ? first : queryClient.getQueryData<TopicResponse>(topicQueries.page(topicId, page).queryKey),
    ),
  );
  const { slots, round } = state;
  const total = slots.length;
  // What is on screen, for the loading effect to read without restarting on every page:
  // which pages are still missing when loading resumes, and when a batch has been shown.
  const shown = useRef<{ slots: readonly PageSlot[]; onCommit: (() => void) | null }>({ slots, onCommit: null });
  useEffect(() => {
    shown.current.slots = slots;
    shown.current.onCommit?.();
  }, [slots]);

  useEffect(() => {
    const view = shown.current;
    const pages = round.pages.filter((page) => view.slots[page - from]?.status === 'pending');
    if (!active || pages.length === 0) return;
    const controller = new AbortController();
    const inFlight = new Set<number>();
    const arrived: [number, PageOutcome][] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    let rendering = false;

    // One batch at a time: the next waits until the last is on screen, so however slow
    // the device, each render takes in everything that arrived meanwhile and renders
    // never pile up behind one another.
    const schedule = () => {
      if (timer === undefined && !rendering && arrived.length > 0) timer = setTimeout(flush, BATCH_MS);
    };
    const flush = () => {
      timer = undefined;
      rendering = true;
      const batch = arrived.splice(0);
      // A transition: showing more pages gives way to what the reader does (typing,
      // clicking), and does not interrupt the router's move to another page, as an
      // ordinary update would, over and over, for as long as pages arrive.
      startTransition(() => {
        setState((prev) => {
          const next = prev.slots.slice();
          for (const [page, outcome] of batch) {
            next[page - from] = outcome.ok ? { status: 'loaded', data: outcome.data } : { status: 'failed', error: outcome.error };
          }
          return { ...prev, slots: next };
        });
      });
    };
    view.onCommit = () => {
      rendering = false;
      schedule();
    };

    void loadPages({
      pages,
      concurrency: concurrencyFor(total),
      signal: controller.signal,
      load: async (page) => {
        inFlight.add(page);
        try {
          // fetchQuery answers from the cache when the page is fresh there, so pages
          // the reader has just read cost no request.
          return await queryClient.fetchQuery(bulkPageQuery(topicId, page));
        } finally {
          inFlight.delete(page);
        }
      },
      onSettled: (page, outcome) => {
        arrived.push([page, outcome]);
        schedule();
      },
    });
    return () => {
      controller.abort();
      view.onCommit = null;
      // Pages that arrived but are not shown yet are in the query cache: resuming
      // takes them from there.
      clearTimeout(timer);
      for (const page of inFlight) {
        void queryClient.cancelQueries({ queryKey: bulkPageQuery(topicId, page).queryKey, exact: true });
      }
    };
  }, [queryClient, topicId, from, total, round, active]);

  const retry = useCallback(() => {
    setState((prev) => {
      const pages: number[] = [];
      const next = prev.slots.map((slot, i): PageSlot => {
        if (slot.status === 'loaded') return slot;
        pages.push(from + i);
        return { status: 'pending' };
      });
      return { slots: next, round: { pages } };
    });
  }, [from]);

  let loaded = 0;
  let loadedPosts = 0;
  const failed: number[] = [];
  slots.forEach((slot, i) => {
    if (slot.status === 'loaded') {
      loaded += 1;
      loadedPosts += slot.data.posts.length;
    } else if (slot.status === 'failed') failed.push(from + i);
  });
  return { slots, from, total, loaded, loadedPosts, failed, loading: loaded + failed.length < total, retry };
}
