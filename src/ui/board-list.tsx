import { Link } from 'react-router-dom';
import type { BoardSummary } from '../lib/api/schemas';
import { pluralize } from '../lib/format/format';
import { boardHref, postHref } from '../lib/reader-routes';
import { OffForumLink, offForumTarget } from './off-forum-link';
import { Time } from './time';
import { clampText, UntrustedText } from './untrusted-text';

type BoardListProps = {
  boards: readonly BoardSummary[];
  /** The heading level of each board's name, to keep the page's outline in order. */
  headingLevel: 2 | 3;
};

/** Boards as SMF lists them: name, description, child boards, counts and the last post. */
export function BoardList({ boards, headingLevel }: BoardListProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul className="card-list board-list">
      {boards.map((board) => (
        <li key={board.id} className="board-row">
          <div className="board-main">
            <Heading className="board-name">
              <BoardLink board={board} />
            </Heading>
            {board.description ? <p className="board-description">{board.description}</p> : null}
            {board.children.length > 0 ? <ChildBoards boards={board.children} /> : null}
          </div>
          {board.redirectUrl ? (
            // SMF shows a redirect board's click count here; the reader shows where it leads.
            <p className="board-stats board-redirect">{redirectNote(board.redirectUrl, 'Link')}</p>
          ) : (
            <>
              <p className="board-stats">
                <span>{pluralize(board.topicCount, 'topic', 'topics')}</span>
                <span>{pluralize(board.postCount, 'post', 'posts')}</span>
              </p>
              <div className="board-last-post">
                {board.lastPost ? (
                  <p>
                    <span className="muted">Last post by </span>
                    <span className="author-name">
                      <UntrustedText>{board.lastPost.author.name}</UntrustedText>
                    </span>{' '}
                    <br />
                    <span className="muted">in </span>
                    <Link to={postHref(board.lastPost.topicId, board.lastPost.postId)}>
                      <UntrustedText>{board.lastPost.topicTitle}</UntrustedText>
                    </Link>{' '}
                    <br />
                    <Time iso={board.lastPost.postedAt} />
                  </p>
                ) : (
                  <p className="muted">No posts yet</p>
                )}
              </div>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/**
 * A board's name as a link: to its page, or for a redirect board (SMF's `redirect`) to its
 * address off the forum — when that is a web address; otherwise the name alone.
 */
function BoardLink({ board }: { board: BoardSummary }) {
  // "" is how SMF stores "no redirect"; the contract treats it as absent.
  const name = <UntrustedText>{board.name}</UntrustedText>;
  if (!board.redirectUrl) return <Link to={boardHref(board.id)}>{name}</Link>;
  const target = offForumTarget(board.redirectUrl);
  return target ? <OffForumLink target={target}>{name}</OffForumLink> : name;
}

/** "Link to blog.example.com", or "Link unavailable" for an address the reader will not open. */
function redirectNote(redirectUrl: string, word: 'Link' | 'link'): string {
  const target = offForumTarget(redirectUrl);
  return target ? `${word} to ${target.host}` : `${word} unavailable`;
}

// Child boards are listed under their parent, with their own children nested, as SMF does.
function ChildBoards({ boards }: { boards: readonly BoardSummary[] }) {
  return (
    <div className="child-boards">
      <span className="muted">Child boards: </span>
      <ul>
        {boards.map((child) => (
          <li key={child.id}>
            <ChildBoardLink board={child} />
            {child.children.length > 0 ? (
              <>
                {' '}
                <span className="muted">(</span>
                <ChildBoardNames boards={child.children} depth={1} />
                <span className="muted">)</span>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

// Levels of names nested under a child board. Deeper ones are a link away, on that board's
// own page: a line of names cannot show them usefully, and React overflows the stack on a
// tree a few hundred levels deep, which no error boundary catches (the page goes blank).
const NESTED_NAMES_DEPTH = 3;

function ChildBoardNames({ boards, depth }: { boards: readonly BoardSummary[]; depth: number }) {
  return (
    <ul className="child-boards-nested">
      {boards.map((board) => (
        <li key={board.id}>
          <ChildBoardLink board={board} />
          {board.children.length > 0 ? (
            <>
              {' ('}
              {depth < NESTED_NAMES_DEPTH ? (
                <ChildBoardNames boards={board.children} depth={depth + 1} />
              ) : (
                <Link to={boardHref(board.id)} aria-label={`More child boards, in ${clampText(board.name)}`}>
                  more…
                </Link>
              )}
              {')'}
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

// In a line of names there are no counts to stand in for: where a redirect leads is said beside it.
function ChildBoardLink({ board }: { board: BoardSummary }) {
  return (
    <>
      <BoardLink board={board} />
      {board.redirectUrl ? <span className="muted"> — {redirectNote(board.redirectUrl, 'link')}</span> : null}
    </>
  );
}
