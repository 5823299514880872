import type { QueryClient } from '@tanstack/react-query';
import { printPageQuery } from '../../features/print/api/print-pages';
import { ensureRouteData } from '../../lib/connection/offline';
import { shouldRetry } from '../../lib/query-client';
import { useLoaderData, useNavigationInfo, type LoaderArgs, type ReaderRoute } from '../navigation/route-loader';
import { requireId } from './route-params';

type PrintLoaderData = { topicId: number };

/** `/topic/{id}/print`: the whole topic on one page (SMF's print page). */
export function printRoute(queryClient: QueryClient): ReaderRoute<PrintLoaderData> {
  return {
    // Page 1 names the topic, its trail and how many pages there are; the view loads the rest.
    loader: async ({ params }: LoaderArgs): Promise<PrintLoaderData> => {
      const topicId = requireId(params.topicId);
      // The app's retries, not the print pages' own: those retry a timeout, which kept the
      // reader on the skeleton for 45 s instead of 15 (see shouldRetry).
      await ensureRouteData(queryClient, { ...printPageQuery(topicId, 1), retry: shouldRetry });
      return { topicId };
    },
    // Its own chunk (and its print styles with it), loaded beside page 1's data.
    view: async () => {
      const { PrintPage } = await import('../../features/print/components/print-page');
      return function PrintRouteView() {
        const { topicId } = useLoaderData<PrintLoaderData>();
        const { pending, location } = useNavigationInfo();
        // A new topic starts from nothing: its own progress, its own pages. Switching
        // "text only" replaces the URL and keeps this page (and its loaded pages).
        return <PrintPage key={topicId} topicId={topicId} leaving={pending !== null && pending.pathname !== location.pathname} />;
      };
    },
  };
}
