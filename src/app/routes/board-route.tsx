import type { QueryClient } from '@tanstack/react-query';
import { useLoaderData, type LoaderFunctionArgs, type RouteObject } from 'react-router-dom';
import { boardQuery } from '../../features/board/api/board-query';
import { BoardPage } from '../../features/board/components/board-page';
import { JumpToBoard } from '../../features/forum-index/components/jump-to-board';
import { readPage, requireId } from './route-params';

export function boardRoute(queryClient: QueryClient): RouteObject {
  return {
    path: 'board/:boardId',
    loader: async ({ params, request }: LoaderFunctionArgs) => {
      const boardId = requireId(params.boardId);
      const page = readPage(request);
      await queryClient.ensureQueryData(boardQuery(boardId, page));
      return { boardId, page };
    },
    Component: BoardRouteComponent,
  };
}

function BoardRouteComponent() {
  const { boardId, page } = useLoaderData<{ boardId: number; page: number }>();
  return <BoardPage key={`${boardId}-${page}`} boardId={boardId} page={page} footer={<JumpToBoard currentBoardId={boardId} />} />;
}
