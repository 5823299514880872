import type { QueryClient } from '@tanstack/react-query';
import { forumQuery } from '../../features/forum-index/api/forum-query';
import { ensureRouteData } from '../../lib/connection/offline';
import type { ReaderRoute } from '../navigation/route-loader';

export function forumIndexRoute(queryClient: QueryClient): ReaderRoute<null> {
  return {
    // Loaders start the request as soon as the URL is known (before any component
    // renders) and the component reads the same cache entry.
    loader: async () => {
      await ensureRouteData(queryClient, forumQuery());
      return null;
    },
    view: async () => (await import('../../features/forum-index/components/forum-index-page')).ForumIndexPage,
  };
}
