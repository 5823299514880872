import type { QueryClient } from '@tanstack/react-query';
import type { RouteObject } from 'react-router-dom';
import { AppLayout } from './layout';
import { LoaderRoute, type ReaderRoute } from './navigation/route-loader';
import { NotFoundPage } from './route-error';
import { boardRoute } from './routes/board-route';
import { forumIndexRoute } from './routes/forum-index-route';
import { legacyRoute } from './routes/legacy-route';
import { printRoute } from './routes/print-route';
import { searchRoute } from './routes/search-route';
import { postRoute, topicRoute } from './routes/topic-route';

// The navigator finds the route's loader and view in `handle`; the element shows them.
function page<T>(path: string, route: ReaderRoute<T>): RouteObject {
  const element = <LoaderRoute />;
  return path === '' ? { index: true, element, handle: route } : { path, element, handle: route };
}

/** Every route of the reader, for the navigator and `useRoutes`; the browser and the tests use these. */
export function createRoutes(queryClient: QueryClient): RouteObject[] {
  return [
    {
      path: '/',
      element: <AppLayout />,
      children: [
        page('', forumIndexRoute(queryClient)),
        page('board/:boardId', boardRoute(queryClient)),
        page('topic/:topicId', topicRoute(queryClient)),
        page('post/:postId', postRoute(queryClient)),
        page('topic/:topicId/print', printRoute(queryClient)),
        page('search', searchRoute(queryClient)),
        page('index.php', legacyRoute()),
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ];
}
