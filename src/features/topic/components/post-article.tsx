import { Link } from 'react-router-dom';
import type { Author, Post } from '../../../lib/api/schemas';
import { pluralize } from '../../../lib/format/format';
import { postHref } from '../../../lib/reader-routes';
import { Avatar } from '../../../ui/avatar';
import { PostBody } from '../../../ui/post-body/post-body';
import type { ReaderMarks } from '../../../ui/reader-landmarks';
import { Time } from '../../../ui/time';
import { clampText, UntrustedText } from '../../../ui/untrusted-text';

type PostArticleProps = { post: Post; topicId: number; topicTitle: string; targeted: boolean };

/** One post, as `<article id="msg{id}">`: the contract's anchor for links to it. */
export function PostArticle({ post, topicId, topicTitle, targeted }: PostArticleProps) {
  const subjectId = `msg${post.id}-subject`;
  // A subject that only repeats the topic's title (SMF writes replies' as "Re: " and the
  // title) says nothing the page's heading does not, and would be the loudest text on every
  // post: it is only heard, still naming the post for screen readers.
  const repeated = post.subject === topicTitle || post.subject === `Re: ${topicTitle}`;
  return (
    <article
      id={`msg${post.id}`}
      className={targeted ? 'post is-targeted' : 'post'}
      aria-labelledby={subjectId}
      // Focusable so a deep link (and later, keyboard reading) can move focus to it.
      tabIndex={-1}
      {...({ 'data-reader-post': post.number } satisfies ReaderMarks)}
    >
      <AuthorCard author={post.author} />
      <div className="post-content">
        <header className="post-header">
          <h2 id={subjectId} className={repeated ? 'post-subject visually-hidden' : 'post-subject'}>
            <UntrustedText>{post.subject || 'No subject'}</UntrustedText>
          </h2>
          <p className="post-meta">
            <Link to={postHref(topicId, post.id)} className="post-number" aria-label={`Post ${post.number}, link to this post`}>
              #{post.number}
            </Link>
            {/* Only heard (it is visually hidden): clamped, with no visible order to isolate. */}
            <span className="visually-hidden"> by {clampText(post.author.name)}, </span>
            <Time iso={post.postedAt} />
          </p>
        </header>
        <PostBody post={post} />
        {post.editedAt ? (
          <p className="post-edited muted">
            Last edit: <Time iso={post.editedAt} />
            {post.editedBy ? <> by <UntrustedText>{post.editedBy}</UntrustedText></> : null}
          </p>
        ) : null}
      </div>
    </article>
  );
}

function AuthorCard({ author }: { author: Author }) {
  // SMF keeps a name on posts of guests and deleted members but no profile.
  const kind = author.id === null ? 'Guest or former member' : null;
  return (
    <div className="post-author">
      <Avatar author={author} />
      <div className="post-author-text">
        {/* Lines of their own: dir="auto" isolates them (as <bdi> does) and sets their direction. */}
        <p className="author-name" dir="auto" {...({ 'data-reader-author': '' } satisfies ReaderMarks)}>
          {clampText(author.name)}
        </p>
        {author.title ? (
          <p className="author-title" dir="auto">
            {clampText(author.title)}
          </p>
        ) : null}
        {kind ? <p className="author-title muted">{kind}</p> : null}
        {author.postCount != null ? <p className="author-posts muted">{pluralize(author.postCount, 'post', 'posts')}</p> : null}
      </div>
    </div>
  );
}
