import type { QueryClient } from '@tanstack/react-query';
import type { RouteObject } from 'react-router-dom';
import { forumQuery } from '../../features/forum-index/api/forum-query';
import { ensureRouteData } from '../../lib/connection/offline';

export function forumIndexRoute(queryClient: QueryClient): RouteObject {
  return {
    index: true,
    // Loaders start the request as soon as the URL is known (before any component
    // renders) and the component reads the same cache entry.
    loader: async () => {
      await ensureRouteData(queryClient, forumQuery());
      return null;
    },
    lazy: { Component: async () => (await import('../../features/forum-index/components/forum-index-page')).ForumIndexPage },
  };
}
