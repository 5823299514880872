// The always-loaded side of saved copies: two small entry points that fetch the
// persistence code (./persistence.ts) only when it is needed, so it stays off the
// way to a page's first content.
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { whenIdle } from '../idle';

/** Starts saving what the reader opens, once the browser is idle after the first render. */
export function schedulePersistence(queryClient: QueryClient): void {
  const start = () => {
    import('./persistence')
      .then(({ startPersisting }) => void startPersisting(queryClient))
      .catch((error: unknown) => console.warn('[lectern] saved copies could not start', error));
  };
  whenIdle(start, 4000);
}

/**
 * Puts the saved copy of `queryKey` into the cache (marked, and dated when saved) and
 * returns its data; undefined when there is none or storage cannot be read.
 */
export async function restoreSavedCopy(queryClient: QueryClient, queryKey: QueryKey): Promise<unknown> {
  // When the chunk itself does not download, there is nothing to read the copy with.
  const persistence = await import('./persistence').catch(() => undefined);
  if (!persistence?.isSavedResource(queryKey)) return undefined;
  try {
    return await persistence.savedCopies().restore(queryClient, queryKey);
  } catch (error) {
    persistence.reportStorageProblem(error);
    return undefined;
  }
}
