import { useSuspenseQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { TopicSummary } from '../../../lib/api/schemas';
import { formatCount, pluralize } from '../../../lib/format/format';
import { boardHref, postHref, topicHref } from '../../../lib/reader-routes';
import { BoardList } from '../../../ui/board-list';
import { Breadcrumb } from '../../../ui/breadcrumb';
import { OffForumLink, offForumTarget } from '../../../ui/off-forum-link';
import { Pagination } from '../../../ui/pagination';
import { useHydrated } from '../../../ui/server-render';
import { firstUnreadHref, getReadPosition, hasUnread, markBoardRead, useReadPositionsVersion } from '../../../lib/unread/read-positions';
import { Time } from '../../../ui/time';
import { RefreshNotice } from '../../../ui/refresh-notice';
import { clampText, UntrustedText } from '../../../ui/untrusted-text';
import { boardQueries } from '../../../lib/api/queries';
import '../../../ui/icon.css';

// SMF's default, used to link a long topic's last pages from the board.
const POSTS_PER_PAGE = 15;

/** One board: its child boards and one page of its topics, sticky ones first. */
export function BoardPage({ boardId, page, footer }: { boardId: number; page: number; footer?: ReactNode }) {
  const query = useSuspenseQuery(boardQueries.page(boardId, page));
  const { data } = query;
  const { board, breadcrumb, children, topics } = data;
  const forumName = breadcrumb[0]?.name;
  const hrefFor = (target: number) => boardHref(board.id, target);
  const pageSuffix = data.page.number > 1 ? ` (page ${data.page.number})` : '';
  // Re-render when reading positions change, here or in another tab.
  useReadPositionsVersion();
  // Reading positions live in this browser: a server-rendered page shows them once hydrated.
  const hydrated = useHydrated();
  // A moved-topic notice is a signpost: its one post never changes, and its link leads to
  // another topic, so it is never flagged (a flag there could never be cleared by reading).
  // Each flagged topic with how many of its posts are past the last one read here.
  const unread = new Map(
    hydrated ? topics.filter((topic) => !topic.movedTo && hasUnread(topic, board.id)).map((topic) => [topic.id, unreadCount(topic)] as const) : [],
  );
  return (
    <>
      <title>{clampText(`${board.name}${pageSuffix}${forumName ? ` · ${forumName}` : ''}`)}</title>
      <Breadcrumb crumbs={breadcrumb} />
      <RefreshNotice query={query} />
      <header className="page-header">
        <h1>
          <UntrustedText>{board.name}</UntrustedText>
        </h1>
        {board.description ? <p className="page-description">{board.description}</p> : null}
        {board.redirectUrl ? null : (
          <p className="page-meta">
            {pluralize(board.topicCount, 'topic', 'topics')} · {pluralize(board.postCount, 'post', 'posts')}
          </p>
        )}
      </header>

      {children.length > 0 ? (
        <section aria-labelledby="child-boards-heading" className="child-board-section">
          <h2 id="child-boards-heading">Child boards</h2>
          <BoardList boards={children} headingLevel={3} />
        </section>
      ) : null}

      {board.redirectUrl ? (
        <RedirectNotice redirectUrl={board.redirectUrl} />
      ) : (
        <section aria-labelledby="topics-heading">
          <div className="section-bar">
            <h2 id="topics-heading">Topics</h2>
            {topics.length > 0 ? <MarkAllRead boardId={board.id} topics={topics} /> : null}
            <Pagination current={data.page.number} total={data.page.totalPages} hrefFor={hrefFor} label="Topic pages, top" />
          </div>
          {topics.length === 0 ? (
            <p className="empty">There are no topics in this board yet.</p>
          ) : (
            <ol className="card-list topic-list">
              {topics.map((topic) => (
                <TopicRow key={topic.id} topic={topic} unread={unread.get(topic.id)} />
              ))}
            </ol>
          )}
          <Pagination current={data.page.number} total={data.page.totalPages} hrefFor={hrefFor} label="Topic pages, bottom" />
        </section>
      )}
      {footer}
    </>
  );
}

/**
 * A redirect board (SMF's `redirect`) is a link elsewhere. The reader is told where it
 * leads and follows it only by choice: no automatic redirect off the forum.
 */
function RedirectNotice({ redirectUrl }: { redirectUrl: string }) {
  const target = offForumTarget(redirectUrl);
  return target ? (
    <p className="notice notice-redirect">
      This board is a link to <OffForumLink target={target}>{target.host}</OffForumLink>.
    </p>
  ) : (
    <p className="notice notice-redirect">This board is a link to another site, but its address is not a web address: link unavailable.</p>
  );
}

function MarkAllRead({ boardId, topics }: { boardId: number; topics: readonly TopicSummary[] }) {
  const [done, setDone] = useState(false);
  return (
    <span className="mark-read needs-script">
      <button
        type="button"
        className="button button-small"
        onClick={() => {
          markBoardRead(boardId, topics);
          setDone(true);
        }}
      >
        Mark all as read
      </button>
      <span role="status" className="muted">
        {done ? 'Marked as read' : ''}
      </span>
    </span>
  );
}

// A flagged topic has a reading position: the posts after it are the unread ones. A post
// deleted since can make the sum come short, never below the one that raised the flag.
function unreadCount(topic: TopicSummary): number {
  return Math.max(1, topic.replyCount + 1 - (getReadPosition(topic.id)?.number ?? 0));
}

/** `unread`: how many posts are new since this browser last read the topic, if any. */
function TopicRow({ topic, unread }: { topic: TopicSummary; unread: number | undefined }) {
  const postPages = Math.ceil((topic.replyCount + 1) / POSTS_PER_PAGE);
  const { movedTo } = topic;
  return (
    <li className={topic.sticky ? 'topic-row is-sticky' : 'topic-row'}>
      <div className="topic-main">
        <h3 className="topic-title">
          {movedTo ? (
            // Straight to where the topic lives now; the notice itself stays at its own URL.
            <Link to={topicHref(movedTo.id)}>
              Moved: <UntrustedText>{movedTo.title}</UntrustedText>
            </Link>
          ) : (
            <Link to={topicHref(topic.id)}>
              <UntrustedText>{topic.title}</UntrustedText>
            </Link>
          )}
          {/* Badges and icons come after the title, so every title starts at the same edge. */}
          {topic.sticky ? <span className="badge badge-sticky">Sticky</span> : null}
          {/* SMF locks every moved-topic notice; on one, "Locked" would say nothing. */}
          {topic.locked && !movedTo ? <span className="badge badge-locked">Locked</span> : null}
          {topic.hasAttachments ? <span className="icon icon--paperclip badge-icon" role="img" aria-label="Has attachments" title="Has attachments" /> : null}
          {unread ? (
            // "New" read as "a new topic": the badge says what is new, and how much.
            <Link
              to={firstUnreadHref(topic.id)}
              className="badge badge-new"
              aria-label={`${pluralize(unread, 'unread post', 'unread posts')} in ${clampText(topic.title)}: go to the first unread`}
            >
              {formatCount(unread)} unread
            </Link>
          ) : null}
        </h3>
        <p className="topic-starter muted">
          Started by <span className="author-name"><UntrustedText>{topic.starter.name}</UntrustedText></span>
          {/* A phone leaves the start out: the row keeps its replies and last post. */}
          <span className="topic-started-at">
            , <Time iso={topic.startedAt} />
          </span>
          {postPages > 1 ? (
            <span className="topic-pages">
              {' '}
              · <span className="topic-pages-label">pages: </span>
              <TopicPageLinks topicId={topic.id} pages={postPages} />
            </span>
          ) : null}
        </p>
      </div>
      <p className="topic-stats">
        <span>{pluralize(topic.replyCount, 'reply', 'replies')}</span>
        <span className="topic-views">{pluralize(topic.viewCount, 'view', 'views')}</span>
      </p>
      <p className="topic-last-post">
        <Link to={postHref(topic.lastPost.topicId, topic.lastPost.postId)}>
          <span className="visually-hidden">Last post, </span>
          <Time iso={topic.lastPost.postedAt} />
        </Link>{' '}
        <br />
        <span className="muted">by </span>
        <span className="author-name">
          <UntrustedText>{topic.lastPost.author.name}</UntrustedText>
        </span>
      </p>
    </li>
  );
}

// SMF shows a topic's first and last few pages beside its title, so a reader can
// jump straight to the end of a long thread from the board.
function TopicPageLinks({ topicId, pages }: { topicId: number; pages: number }) {
  const shown = pages <= 4 ? Array.from({ length: pages }, (_, i) => i + 1) : [1, 2, pages - 1, pages];
  return (
    <>
      {shown.map((p, index) => (
        <span key={p}>
          {index > 0 && shown[index - 1] !== p - 1 ? '… ' : null}
          <Link to={topicHref(topicId, p)} aria-label={`Page ${formatCount(p)} of the topic`}>
            {formatCount(p)}
          </Link>{' '}
        </span>
      ))}
    </>
  );
}
