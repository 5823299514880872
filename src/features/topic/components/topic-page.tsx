import { useSuspenseQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useLocation } from 'react-router-dom';
import { pluralize } from '../../../lib/format/format';
import { topicHref } from '../../../lib/routes';
import { Breadcrumb } from '../../../ui/breadcrumb';
import { Pagination } from '../../../ui/pagination';
import { Time } from '../../../ui/time';
import { topicPageQuery } from '../api/topic-query';
import { PostArticle } from './post-article';

type TopicPageProps = { topicId: number; page: number; targetPostId: number | null };

/** One page of a topic: its header, then its posts oldest first, with pages above and below. */
export function TopicPage({ topicId, page, targetPostId }: TopicPageProps) {
  const { data } = useSuspenseQuery(topicPageQuery(topicId, page));
  const { topic, breadcrumb, posts } = data;
  const forumName = breadcrumb[0]?.name;
  const hrefFor = (target: number) => topicHref(topic.id, target);
  const pageSuffix = data.page.number > 1 ? ` (page ${data.page.number})` : '';
  useScrollToPost(targetPostId);

  return (
    <>
      <title>{`${topic.title}${pageSuffix}${forumName ? ` · ${forumName}` : ''}`}</title>
      <Breadcrumb crumbs={breadcrumb} />
      <header className="page-header topic-header">
        <h1>
          {topic.sticky ? <span className="badge badge-sticky">Sticky</span> : null}
          {topic.locked ? <span className="badge badge-locked">Locked</span> : null}
          {topic.title}
        </h1>
        <p className="page-meta">
          Started by <span className="author-name">{topic.starter.name}</span> on <Time iso={topic.startedAt} />
          {' · '}
          {pluralize(topic.replyCount, 'reply', 'replies')} · {pluralize(topic.viewCount, 'view', 'views')}
        </p>
        {topic.locked ? <p className="notice">This topic is locked: no new replies can be posted.</p> : null}
      </header>
      <Pagination current={data.page.number} total={data.page.totalPages} hrefFor={hrefFor} label="Post pages, top" />
      <section className="posts" aria-label={`Posts, page ${data.page.number} of ${data.page.totalPages}`}>
        {posts.map((post) => (
          <PostArticle key={post.id} post={post} topicId={topic.id} targeted={post.id === targetPostId} />
        ))}
      </section>
      <Pagination current={data.page.number} total={data.page.totalPages} hrefFor={hrefFor} label="Post pages, bottom" />
    </>
  );
}

// `?post=P` names a post: bring it into view once it is on the page. A `#msgP` hash
// alone is handled by the router's scroll restoration; this covers links without one.
function useScrollToPost(postId: number | null) {
  const { key } = useLocation();
  useEffect(() => {
    if (postId === null) return;
    const element = document.getElementById(`msg${postId}`);
    if (!element) return;
    element.scrollIntoView({ block: 'start' });
    element.focus({ preventScroll: true });
  }, [postId, key]);
}
