import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { whenIdle } from '../../lib/idle';
import { Optional } from '../../ui/optional';
import { SaveAllPages } from '../../features/saved-copies/components/save-all-pages';
import { TopicPage } from '../../features/topic/components/topic-page';

// Below the posts, so its code comes once the first post has shown and the browser is
// idle; until then an empty box of its height keeps the page from moving when it arrives.
const TopicFooter = lazy(async () => ({ default: (await import('./topic-footer')).TopicFooter }));
const footerPlaceholder = <div className="topic-footer-placeholder" />;

function WhenIdle({ children, placeholder }: { children: ReactNode; placeholder: ReactNode }) {
  const [idle, setIdle] = useState(false);
  useEffect(() => whenIdle(() => setIdle(true)), []);
  return idle ? children : placeholder;
}

export type TopicViewData = { topicId: number; boardId: number; page: number; targetPostId: number | null };

/** The topic view, loaded as its own chunk alongside the topic's data. */
export function TopicRouteView({ data: { topicId, boardId, page, targetPostId } }: { data: TopicViewData }) {
  return (
    <TopicPage
      key={`${topicId}-${page}`}
      topicId={topicId}
      page={page}
      targetPostId={targetPostId}
      actions={<SaveAllPages key={topicId} topicId={topicId} />}
      footer={
        <WhenIdle placeholder={footerPlaceholder}>
          <Optional>
            <Suspense fallback={footerPlaceholder}>
              <TopicFooter boardId={boardId} topicId={topicId} />
            </Suspense>
          </Optional>
        </WhenIdle>
      }
    />
  );
}
