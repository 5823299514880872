import { queryOptions } from '@tanstack/react-query';
import { isApiError } from '../../../lib/api/api-error';
import { apiGet, apiPath } from '../../../lib/api/client';
import { topicResponseSchema, type TopicResponse } from '../../../lib/api/schemas';

/** Tries per page after the first, for failures that may pass (network, timeout, 5xx). */
export const PAGE_RETRIES = 2;

/**
 * One page of a topic, for the print view. The key is deliberately the same shape as
 * the topic feature's (`['topics', id, { page }]`) and the request is the same URL: the
 * pages a reader has already read come from the cache, and pages loaded here make
 * paging the topic afterwards instant. Features may not import each other, so the two
 * factories must be kept in step by hand; both parse with the same contract schema.
 */
export function printPageQuery(topicId: number, page: number) {
  return queryOptions({
    queryKey: ['topics', topicId, { page }],
    queryFn: ({ signal }) =>
      apiGet(apiPath(`/topics/${topicId}`, { page: page > 1 ? page : undefined }), topicResponseSchema, { signal }),
    // Set here, not left to the client's defaults: `fetchQuery` does not retry unless
    // told to, and one hiccup among hundreds of requests should not need a click.
    retry: (failureCount, error) => failureCount < PAGE_RETRIES && isApiError(error) && error.isTransient,
    retryDelay: (attempt) => Math.min(500 * 2 ** attempt, 4000),
  });
}

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
