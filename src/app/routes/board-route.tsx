import type { QueryClient } from '@tanstack/react-query';
import { boardQuery } from '../../features/board/api/board-query';
import { ensureRouteData } from '../../lib/connection/offline';
import type { LoaderArgs, ReaderRoute } from '../navigation/route-loader';
import { readPage, requireId } from './route-params';

export type BoardLoaderData = { boardId: number; page: number };

export function boardRoute(queryClient: QueryClient): ReaderRoute<BoardLoaderData> {
  return {
    loader: async ({ params, request }: LoaderArgs): Promise<BoardLoaderData> => {
      const boardId = requireId(params.boardId);
      const page = readPage(request);
      await ensureRouteData(queryClient, boardQuery(boardId, page));
      return { boardId, page };
    },
    // The loader is in the main chunk so the data request starts at once; the view
    // downloads alongside it.
    view: async () => (await import('./board-route-view')).BoardRouteView,
  };
}
