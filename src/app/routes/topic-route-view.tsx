import { lazy, Suspense } from 'react';
import { Optional } from '../../ui/optional';
import { SaveAllPages } from '../../features/print/components/save-all-pages';
import { TopicPage } from '../../features/topic/components/topic-page';
import type { TopicLoaderData } from './topic-route';
import { useLoaderData } from '../navigation/route-loader';

// Below the posts, so its code comes after the first post has shown; until then an
// empty box of its height keeps the page from moving when it arrives.
const TopicFooter = lazy(async () => ({ default: (await import('./topic-footer')).TopicFooter }));

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
        <Optional>
          <Suspense fallback={<div className="topic-footer-placeholder" />}>
            <TopicFooter boardId={boardId} topicId={topicId} />
          </Suspense>
        </Optional>
      }
    />
  );
}
