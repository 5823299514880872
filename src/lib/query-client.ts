import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './api/api-error';

const MAX_RETRIES = 2;

/**
 * Retry only what may pass by itself (no network, timeouts, 5xx), never a 4xx or
 * an answer that breaks the contract: asking again would get the same answer.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  return failureCount < MAX_RETRIES && isApiError(error) && error.isTransient;
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
