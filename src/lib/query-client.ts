import { onlineManager, QueryClient } from '@tanstack/react-query';
import { isApiError } from './api/api-error';

const MAX_RETRIES = 2;

/**
 * Retry only what may pass by itself (no network, 5xx), never a 4xx or an answer
 * that breaks the contract: asking again would get the same answer.
 * Not a timeout either: the reader has already waited 15 s for it, and two more
 * attempts with their backoff kept "Loading…" on screen for 48.8 s. Failing at once
 * shows the timeout page with "Try again" (or the page's saved copy) after 15 s.
 * Not while offline either: a retry would pause until the connection returns and
 * hold a navigation hostage; failing at once shows the offline page (or, for a page
 * on screen, keeps its content with a refresh notice) and reconnecting refetches.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  return failureCount < MAX_RETRIES && isApiError(error) && error.isTransient && error.kind !== 'timeout' && onlineManager.isOnline();
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Forum pages change slowly; a minute of freshness lets the route loaders'
        // fetch serve the component without a second request, and makes climbing
        // back up the breadcrumb instant.
        staleTime: 60_000,
        gcTime: 30 * 60_000,
        retry: shouldRetry,
        retryDelay: (attempt) => Math.min(1000 * 2 ** attempt, 8000),
      },
    },
  });
}
