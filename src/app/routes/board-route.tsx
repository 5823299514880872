import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs, RouteObject } from 'react-router-dom';
import { boardQuery } from '../../features/board/api/board-query';
import { ensureRouteData } from '../../lib/connection/offline';
import { readPage, requireId } from './route-params';

export type BoardLoaderData = { boardId: number; page: number };

export function boardRoute(queryClient: QueryClient): RouteObject {
  return {
    path: 'board/:boardId',
    loader: async ({ params, request }: LoaderFunctionArgs): Promise<BoardLoaderData> => {
      const boardId = requireId(params.boardId);
      const page = readPage(request);
      await ensureRouteData(queryClient, boardQuery(boardId, page));
      return { boardId, page };
    },
    // The loader is in the main chunk so the data request starts at once; the view
    // downloads alongside it.
    lazy: { Component: async () => (await import('./board-route-view')).BoardRouteView },
  };
}
