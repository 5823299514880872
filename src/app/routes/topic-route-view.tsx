import { TopicNeighbours } from '../../features/board/components/topic-neighbours';
import { JumpToBoard } from '../../features/forum-index/components/jump-to-board';
import { SaveAllPages } from '../../features/print/components/save-all-pages';
import { TopicPage } from '../../features/topic/components/topic-page';
import type { TopicLoaderData } from './topic-route';
import { useLoaderData } from '../navigation/route-loader';

/** The topic view, loaded as its own chunk alongside the topic's data. */
export function TopicRouteView() {
  const { topicId, boardId, page, targetPostId } = useLoaderData<TopicLoaderData>();
  return (
    <TopicPage
      key={`${topicId}-${page}`}
      topicId={topicId}
      page={page}
      targetPostId={targetPostId}
      actions={<SaveAllPages key={topicId} topicId={topicId} />}
      footer={
        <>
          <TopicNeighbours boardId={boardId} topicId={topicId} />
          <JumpToBoard currentBoardId={boardId} />
        </>
      }
    />
  );
}
