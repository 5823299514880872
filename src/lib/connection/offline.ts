// Offline, TanStack Query pauses every fetch until the connection returns. That is
// right for a page already on screen (it keeps its data and refreshes later), but a
// route loader waiting on a paused fetch would leave the reader staring at the old
// page with no answer: loaders check here first (app/navigation/route-data.ts).
import { onlineManager, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { ApiError } from '../api/api-error';

/** The error a loader throws for data it cannot have while offline. */
function offlineError(queryKey: QueryKey): ApiError {
  return new ApiError('network', 'You are offline and this page has not been loaded before.', { path: JSON.stringify(queryKey) });
}

/** Throws `offlineError` when the browser is offline and nothing is cached under `queryKey`. */
export function assertReachable(queryClient: QueryClient, queryKey: QueryKey): void {
  if (!onlineManager.isOnline() && queryClient.getQueryData(queryKey) === undefined) throw offlineError(queryKey);
}
