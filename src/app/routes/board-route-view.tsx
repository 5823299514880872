import { BoardPage } from '../../features/board/components/board-page';
import { JumpToBoard } from '../../features/forum-index/components/jump-to-board';
import type { PageOf } from '../../lib/reader-routes';

type BoardViewData = PageOf<'board'>;

/** The board view, loaded as its own chunk: a topic URL never downloads it. */
export function BoardRouteView({ data: { boardId, page } }: { data: BoardViewData }) {
  return <BoardPage key={`${boardId}-${page}`} boardId={boardId} page={page} footer={<JumpToBoard currentBoardId={boardId} />} />;
}
