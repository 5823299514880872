import { Fragment, useMemo } from 'react';
import { Link } from 'react-router-dom';
import type { SearchResponse } from '../../../lib/api/schemas';
import { boardHref, postHref } from '../../../lib/reader-routes';
import { Time } from '../../../ui/time';
import { clampText, UntrustedText } from '../../../ui/untrusted-text';
import { bbcodeToPlainText } from '../../../lib/bbcode/plain-text';
import { highlight, snippet, type Piece } from '../text/snippet';

type Result = SearchResponse['results'][number];

/** One found post: where it is, who wrote it when, and its words around the matches. */
export function SearchResult({ result, pattern }: { result: Result; pattern: RegExp | null }) {
  const { post, topic, board } = result;
  const excerpt = useMemo(() => snippet(bbcodeToPlainText(post.body), pattern), [post.body, pattern]);
  // Replies are titled "Re: <topic>"; only a subject of its own says something new.
  const subject = post.subject.trim();
  const ownSubject = subject !== '' && subject !== topic.title && subject !== `Re: ${topic.title}`;

  return (
    <li className="search-result">
      <h2 className="search-result-title">
        <Link to={postHref(topic.id, post.id)}>
          <bdi>
            <Marked pieces={highlight(clampText(topic.title), pattern)} />
          </bdi>
          <span className="visually-hidden">, post {post.number}</span>
        </Link>
      </h2>
      <p className="search-result-meta">
        <span>
          in{' '}
          <Link to={boardHref(board.id)}>
            <UntrustedText>{board.name}</UntrustedText>
          </Link>
        </span>
        <span>
          by{' '}
          <span className="author-name">
            <UntrustedText>{post.author.name}</UntrustedText>
          </span>
        </span>
        <Time iso={post.postedAt} />
        <span aria-hidden="true">#{post.number}</span>
      </p>
      {ownSubject ? (
        <p className="search-result-subject" dir="auto">
          <Marked pieces={highlight(clampText(subject), pattern)} />
        </p>
      ) : null}
      {excerpt.pieces.length > 0 ? (
        <p className="search-snippet" dir="auto">
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
