import { onlineManager, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { isApiError } from '../api/api-error';

/**
 * - `online`: all is well.
 * - `offline`: the browser says there is no connection; queries are paused and resume when it returns.
 * - `unreachable`: the browser thinks it is online, but requests fail without an answer
 *   (the Wi-Fi has no internet, the server is down); cleared by the next answer that arrives.
 */
type ConnectionState = 'online' | 'offline' | 'unreachable';

const subscribeOnline = (onChange: () => void) => onlineManager.subscribe(onChange);
const isOnline = () => onlineManager.isOnline();

/** The reader's connection, from the browser's online/offline events and from how requests end. */
export function useConnection(): ConnectionState {
  const online = useSyncExternalStore(subscribeOnline, isOnline, isOnline);
  const queryClient = useQueryClient();
  const [unreachable, setUnreachable] = useState(false);
  useEffect(() => {
    // Watched on the cache rather than set up in createQueryClient, so every client
    // (the app's and each test's) reports failed requests the same way.
    const unsubscribeCache = queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated') return;
      if (event.action.type === 'error' && isApiError(event.action.error) && event.action.error.kind === 'network') setUnreachable(true);
      else if (event.action.type === 'success') setUnreachable(false);
    });
    // Coming back online starts afresh: the refetches it triggers will say if the server is there.
    const unsubscribeOnline = onlineManager.subscribe((nowOnline) => {
      if (nowOnline) setUnreachable(false);
    });
    return () => {
      unsubscribeCache();
      unsubscribeOnline();
    };
  }, [queryClient]);
  if (!online) return 'offline';
  return unreachable ? 'unreachable' : 'online';
}
