import { TopicNeighbours } from '../../features/board/components/topic-neighbours';
import { JumpToBoard } from '../../features/forum-index/components/jump-to-board';

/** Below the posts: previous/next topic and "Jump to a board". */
export function TopicFooter({ boardId, topicId }: { boardId: number; topicId: number }) {
  return (
    <>
      <TopicNeighbours boardId={boardId} topicId={topicId} />
      <JumpToBoard currentBoardId={boardId} />
    </>
  );
}
