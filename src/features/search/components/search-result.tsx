import { Fragment, useMemo } from 'react';
import { Link } from 'react-router-dom';
import type { Post } from '../../../lib/api/schemas';
import type { TopicMatch } from '../../../lib/api/search-schemas';
import { pluralize } from '../../../lib/format/format';
import { boardHref, postHref } from '../../../lib/reader-routes';
import { Time } from '../../../ui/time';
import { clampText, UntrustedText } from '../../../ui/untrusted-text';
import { bbcodeToPlainText } from '../../../lib/bbcode/plain-text';
import { highlight, snippet, type Piece } from '../text/snippet';

type TopicResultProps = {
  entry: TopicMatch;
  pattern: RegExp | null;
  /** False: the counts are only this page's (a server that lists posts, grouped here). */
  byServer: boolean;
};

/** One topic that matched: its title, where it is, how many of its posts match, and the best of them. */
export function TopicResult({ entry, pattern, byServer }: TopicResultProps) {
  const { topic, board, matches, posts } = entry;
  const best = posts[0] as Post;
  const countText = `${pluralize(matches, 'matching post', 'matching posts')}${byServer ? '' : ' on this page'}`;

  return (
    <li className="search-result">
      <h2 className="search-result-title">
        {/* The title leads to the best matching post, as each post's number leads to its own. */}
        <Link to={postHref(topic.id, best.id)}>
          <bdi>
            <Marked pieces={highlight(clampText(topic.title), pattern)} />
          </bdi>
        </Link>
      </h2>
      <p className="search-result-meta">
        <span>
          in{' '}
          <Link to={boardHref(board.id)}>
            <UntrustedText>{board.name}</UntrustedText>
          </Link>
        </span>
        <span className="search-result-count">{countText}</span>
      </p>
      <ol className="search-posts" aria-label={`Matching posts in ${clampText(topic.title)}`}>
        {posts.map((post) => (
          <FoundPost key={post.id} post={post} topicId={topic.id} topicTitle={topic.title} pattern={pattern} />
        ))}
      </ol>
    </li>
  );
}

type FoundPostProps = { post: Post; topicId: number; topicTitle: string; pattern: RegExp | null };

/** One found post: its number (a link to it), who wrote it when, and its words around the matches. */
function FoundPost({ post, topicId, topicTitle, pattern }: FoundPostProps) {
  const excerpt = useMemo(() => snippet(bbcodeToPlainText(post.body), pattern), [post.body, pattern]);
  const subject = post.subject.trim();
  const subjectPieces = highlight(clampText(subject), pattern);
  // Replies are titled "Re: <topic>"; only a subject of its own says something new. But a
  // post found by its subject alone shows it anyway, marked: the words are there, not in the text.
  const ownSubject = subject !== '' && subject !== topicTitle && subject !== `Re: ${topicTitle}`;
  const foundBySubject = !excerpt.pieces.some((piece) => piece.marked) && subjectPieces.some((piece) => piece.marked);

  return (
    <li className="search-post">
      <p className="search-result-meta">
        <span>
          <Link to={postHref(topicId, post.id)} className="search-post-link" aria-label={`Post #${post.number}`}>
            #{post.number}
          </Link>
        </span>
        <span>
          by{' '}
          <span className="author-name">
            <UntrustedText>{post.author.name}</UntrustedText>
          </span>
        </span>
        <Time iso={post.postedAt} />
      </p>
      {ownSubject ? (
        <p className="search-result-subject" dir="auto">
          <Marked pieces={subjectPieces} />
        </p>
      ) : null}
      {excerpt.pieces.length > 0 || foundBySubject ? (
        <p className="search-snippet" dir="auto">
          {foundBySubject && !ownSubject ? (
            // Quietly, before the text: the subject that holds the words (often "Re: <title>").
            <span className="search-snippet-subject">
              <bdi>
                <Marked pieces={subjectPieces} />
              </bdi>
              {' — '}
            </span>
          ) : null}
          {excerpt.cutStart ? '… ' : null}
          <bdi>
            <Marked pieces={excerpt.pieces} />
          </bdi>
          {excerpt.cutEnd ? ' …' : null}
        </p>
      ) : null}
    </li>
  );
}

function Marked({ pieces }: { pieces: readonly Piece[] }) {
  // Pieces are fixed for a render; their position is their identity.
  return pieces.map((piece, index) => (piece.marked ? <mark key={index}>{piece.text}</mark> : <Fragment key={index}>{piece.text}</Fragment>));
}
