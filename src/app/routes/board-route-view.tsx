import { BoardPage } from '../../features/board/components/board-page';
import { JumpToBoard } from '../../features/forum-index/components/jump-to-board';
import type { BoardLoaderData } from './board-route';
import { useLoaderData } from '../navigation/route-loader';

/** The board view, loaded as its own chunk: a topic URL never downloads it. */
export function BoardRouteView() {
  const { boardId, page } = useLoaderData<BoardLoaderData>();
  return <BoardPage key={`${boardId}-${page}`} boardId={boardId} page={page} footer={<JumpToBoard currentBoardId={boardId} />} />;
}
