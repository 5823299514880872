import type { QueryClient } from '@tanstack/react-query';
import type { RouteObject } from 'react-router-dom';
import { AppLayout } from './layout';
import { NotFoundPage, RouteError } from './route-error';
import { boardRoute } from './routes/board-route';
import { forumIndexRoute } from './routes/forum-index-route';
import { legacyRoute } from './routes/legacy-route';
import { printRoute } from './routes/print-route';
import { searchRoute } from './routes/search-route';
import { postRoute, topicRoute } from './routes/topic-route';
import { PageSkeleton } from './page-skeleton';

/** Every route of the reader; the browser and the tests build their routers from this. */
export function createRoutes(queryClient: QueryClient): RouteObject[] {
  return [
    {
      path: '/',
      Component: AppLayout,
      HydrateFallback: PageSkeleton,
      // A failure in the frame itself still gets a page, not a blank screen.
      ErrorBoundary: RouteError,
      children: [
        {
          // Errors of a view render inside the frame, so the header stays.
          ErrorBoundary: RouteError,
          children: [
            forumIndexRoute(queryClient),
            boardRoute(queryClient),
            topicRoute(queryClient),
            postRoute(queryClient),
            printRoute(queryClient),
            searchRoute(queryClient),
            legacyRoute(),
            { path: '*', Component: NotFoundPage },
          ],
        },
      ],
    },
  ];
}
