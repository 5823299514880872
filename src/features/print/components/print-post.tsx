import { memo } from 'react';
import type { Post } from '../../../lib/api/schemas';
import { PostBody } from '../../../ui/post-body/post-body';
import { UntrustedText } from '../../../ui/untrusted-text';
import { formatPrintDate } from './print-date';

// Under this many characters of BBCode a post fits on a sheet: keep it whole. A longer
// post may break across sheets, or it would leave most of a sheet blank before it.
const SHORT_POST_CHARS = 1500;

/** One post as SMF's print page shows it: "Title:", "Post by: X on DATE", the body. */
const PrintPost = memo(function PrintPost({ post }: { post: Post }) {
  const titleId = `msg${post.id}-title`;
  const short = post.body.length < SHORT_POST_CHARS;
  return (
    <article id={`msg${post.id}`} className={short ? 'print-post print-post-short' : 'print-post'} aria-labelledby={titleId}>
      <h2 id={titleId} className="print-post-title">
        Title:{' '}
        <strong>
          <UntrustedText>{post.subject || 'No subject'}</UntrustedText>
        </strong>
      </h2>
      <p className="print-post-by">
        Post by:{' '}
        <strong>
          <UntrustedText>{post.author.name}</UntrustedText>
        </strong>{' '}
        on <time dateTime={post.postedAt}>{formatPrintDate(post.postedAt)}</time>
      </p>
      <PostBody post={post} />
    </article>
  );
});

/** A page's posts; memoised so a new page arriving re-renders only itself. */
export const PrintPostGroup = memo(function PrintPostGroup({ posts }: { posts: readonly Post[] }) {
  return posts.map((post) => <PrintPost key={post.id} post={post} />);
});
