import { memo } from 'react';
import type { Post } from '../../../lib/api/schemas';
import { formatCount } from '../../../lib/format/format';
import { PostBody } from '../../../ui/post-body/post-body';
import { useShownZone } from '../../../ui/server-render';
import { UntrustedText } from '../../../ui/untrusted-text';
import { formatPrintDate } from './print-date';

// Under this many characters of BBCode a post fits on a sheet: keep it whole. A longer
// post may break across sheets, or it would leave most of a sheet blank before it.
const SHORT_POST_CHARS = 1500;

/**
 * One post: its author, number and date on one line, its subject only where it says
 * something the topic's title does not (SMF writes every reply's as "Re: <title>"), then
 * the body.
 */
const PrintPost = memo(function PrintPost({ post, topicTitle }: { post: Post; topicTitle: string }) {
  const zone = useShownZone();
  const titleId = `msg${post.id}-title`;
  const short = post.body.length < SHORT_POST_CHARS;
  const subject = post.subject.trim();
  const repeated = subject === '' || subject === topicTitle || subject === `Re: ${topicTitle}`;
  return (
    <article id={`msg${post.id}`} className={short ? 'print-post print-post-short' : 'print-post'} aria-labelledby={titleId}>
      <header className="print-post-head">
        <h2 id={titleId} className="print-post-title">
          <span className="print-post-number">#{formatCount(post.number)}</span>{' '}
          <UntrustedText>{post.author.name}</UntrustedText>
        </h2>
        <p className="print-post-date">
          <time dateTime={post.postedAt}>{formatPrintDate(post.postedAt, zone)}</time>
        </p>
      </header>
      {repeated ? null : (
        <p className="print-post-subject">
          <UntrustedText>{subject}</UntrustedText>
        </p>
      )}
      <PostBody post={post} />
    </article>
  );
});

/** A page's posts; memoised so a new page arriving re-renders only itself. */
export const PrintPostGroup = memo(function PrintPostGroup({ posts, topicTitle }: { posts: readonly Post[]; topicTitle: string }) {
  return posts.map((post) => <PrintPost key={post.id} post={post} topicTitle={topicTitle} />);
});
