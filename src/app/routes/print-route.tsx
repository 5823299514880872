import type { QueryClient } from '@tanstack/react-query';
import { useLoaderData, type LoaderFunctionArgs, type RouteObject, type ShouldRevalidateFunctionArgs } from 'react-router-dom';
import { printPageQuery } from '../../features/print/api/print-pages';
import { ensureRouteData } from '../../lib/connection/offline';
import { requireId } from './route-params';

type PrintLoaderData = { topicId: number };

/** `/topic/{id}/print`: the whole topic on one page (SMF's print page). */
export function printRoute(queryClient: QueryClient): RouteObject {
  return {
    path: 'topic/:topicId/print',
    // Page 1 names the topic, its trail and how many pages there are; the view loads the rest.
    loader: async ({ params }: LoaderFunctionArgs): Promise<PrintLoaderData> => {
      const topicId = requireId(params.topicId);
      await ensureRouteData(queryClient, printPageQuery(topicId, 1));
      return { topicId };
    },
    shouldRevalidate: onlyImagesChanged,
    // Its own chunk (and its print styles with it), loaded beside page 1's data.
    lazy: {
      Component: async () => {
        const { PrintPage } = await import('../../features/print/components/print-page');
        return function PrintRouteView() {
          const { topicId } = useLoaderData<PrintLoaderData>();
          // A new topic starts from nothing: its own progress, its own pages.
          return <PrintPage key={topicId} topicId={topicId} />;
        };
      },
    },
  };
}

// Switching between text only and images changes `?images=` alone: nothing to reload.
function onlyImagesChanged({ currentUrl, nextUrl, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs): boolean {
  if (currentUrl.pathname !== nextUrl.pathname || currentUrl.search === nextUrl.search) return defaultShouldRevalidate;
  const withoutImages = (url: URL) => {
    const params = new URLSearchParams(url.search);
    params.delete('images');
    return params.toString();
  };
  return withoutImages(currentUrl) === withoutImages(nextUrl) ? false : defaultShouldRevalidate;
}
