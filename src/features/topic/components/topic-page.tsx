import { useSuspenseQuery } from '@tanstack/react-query';
import { Fragment, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { pluralize } from '../../../lib/format/format';
import { printHref, topicHref } from '../../../lib/reader-routes';
import { Breadcrumb } from '../../../ui/breadcrumb';
import { Pagination } from '../../../ui/pagination';
import type { ReaderMarks } from '../../../ui/reader-landmarks';
import { Time } from '../../../ui/time';
import { RefreshNotice } from '../../../ui/refresh-notice';
import { clampText, UntrustedText } from '../../../ui/untrusted-text';
import { topicQueries } from '../../../lib/api/queries';
import { PostArticle } from './post-article';
import { useReadTracking } from './use-read-tracking';
import { TO_POSTS_STATE, useTopicNavigation } from './use-topic-navigation';

type TopicPageProps = {
  topicId: number;
  page: number;
  targetPostId: number | null;
  /** What the app shows under the posts (links to other topics, quick navigation). */
  footer?: ReactNode;
  /** More actions beside "Print" in the topic's header (saving for offline reading). */
  actions?: ReactNode;
};

/** One page of a topic: its header, then its posts oldest first, with pages above and below. */
export function TopicPage({ topicId, page, targetPostId, footer, actions }: TopicPageProps) {
  const query = useSuspenseQuery(topicQueries.page(topicId, page));
  const { data } = query;
  const { topic, breadcrumb, posts } = data;
  const { number, totalPages } = data.page;
  const forumName = breadcrumb[0]?.name;
  const hrefFor = (target: number) => topicHref(topic.id, target);
  const pageSuffix = number > 1 ? ` (page ${number})` : '';
  const postsId = `topic-${topic.id}-posts`;
  useTopicNavigation({ topicId: topic.id, page: number, totalPages, targetPostId, postsId });
  const firstNew = useReadTracking({ topicId: topic.id, posts, page: number, perPage: data.page.size });

  return (
    <>
      <title>{clampText(`${topic.title}${pageSuffix}${forumName ? ` · ${forumName}` : ''}`)}</title>
      {/* React hoists these into <head>: browsers and crawlers learn the page sequence. */}
      {number > 1 ? <link rel="prev" href={hrefFor(number - 1)} /> : null}
      {number < totalPages ? <link rel="next" href={hrefFor(number + 1)} /> : null}
      <Breadcrumb crumbs={breadcrumb} />
      <RefreshNotice query={query} />
      <header className="page-header topic-header">
        <h1>
          {topic.sticky ? <span className="badge badge-sticky">Sticky</span> : null}
          {topic.locked && !topic.movedTo ? <span className="badge badge-locked">Locked</span> : null}
          <UntrustedText>{topic.title}</UntrustedText>
        </h1>
        <p className="page-meta">
          Started by <span className="author-name"><UntrustedText>{topic.starter.name}</UntrustedText></span> on <Time iso={topic.startedAt} relative={false} />
          {' · '}
          {pluralize(topic.replyCount, 'reply', 'replies')} · {pluralize(topic.viewCount, 'view', 'views')}
        </p>
        <div className="topic-actions">
          <Link to={printHref(topic.id)} className="button button-small">
            <svg aria-hidden="true" width="16" height="16" viewBox="0 0 24 24">
              <path fill="currentColor" d="M7 3h10v4H7V3Zm-2 6h14a2 2 0 0 1 2 2v6h-4v4H7v-4H3v-6a2 2 0 0 1 2-2Zm4 7v3h6v-3H9Z" />
            </svg>
            Print
          </Link>
          {actions}
        </div>
        {topic.movedTo ? (
          // SMF's moved-topic notice: the way on comes before the notice's own post.
          <p className="notice notice-moved">
            This topic has moved to <Link to={topicHref(topic.movedTo.id)}><UntrustedText>{topic.movedTo.title}</UntrustedText></Link>
          </p>
        ) : topic.locked ? (
          <p className="notice">This topic is locked: no new replies can be posted.</p>
        ) : null}
      </header>
      <Pagination current={number} total={totalPages} hrefFor={hrefFor} label="Post pages, top" state={TO_POSTS_STATE} />
      <section
        id={postsId}
        className="posts"
        aria-label={`Posts, page ${number} of ${totalPages}`}
        tabIndex={-1}
        // Keyboard reading announces "post 16 of 41" and bounds its jump field with it.
        {...({ 'data-reader-post-count': data.page.totalItems } satisfies ReaderMarks)}
      >
        {posts.map((post) => (
          <Fragment key={post.id}>
            {post.number === firstNew ? (
              // id="new": the anchor of "first unread" links and SMF's `.new#new` links.
              <p id="new" className="new-posts-divider">
                <span>New since your last visit</span>
              </p>
            ) : null}
            <PostArticle post={post} topicId={topic.id} topicTitle={topic.title} targeted={post.id === targetPostId} />
          </Fragment>
        ))}
      </section>
      <Pagination current={number} total={totalPages} hrefFor={hrefFor} label="Post pages, bottom" state={TO_POSTS_STATE} />
      {footer}
    </>
  );
}
