import { Link } from 'react-router-dom';
import type { BoardSummary } from '../lib/api/schemas';
import { pluralize } from '../lib/format/format';
import { boardHref, postHref } from '../lib/routes';
import { Time } from './time';

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
              <Link to={boardHref(board.id)}>{board.name}</Link>
            </Heading>
            {board.description ? <p className="board-description">{board.description}</p> : null}
            {board.children.length > 0 ? <ChildBoards boards={board.children} /> : null}
          </div>
          <p className="board-stats">
            <span>{pluralize(board.topicCount, 'topic', 'topics')}</span>
            <span>{pluralize(board.postCount, 'post', 'posts')}</span>
          </p>
          <div className="board-last-post">
            {board.lastPost ? (
              <p>
                <span className="muted">Last post by </span>
                <span className="author-name">{board.lastPost.author.name}</span>
                <br />
                <span className="muted">in </span>
                <Link to={postHref(board.lastPost.topicId, board.lastPost.postId)}>{board.lastPost.topicTitle}</Link>
                <br />
                <Time iso={board.lastPost.postedAt} />
              </p>
            ) : (
              <p className="muted">No posts yet</p>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}

// Child boards are listed under their parent, with their own children nested, as SMF does.
function ChildBoards({ boards }: { boards: readonly BoardSummary[] }) {
  return (
    <div className="child-boards">
      <span className="muted">Child boards: </span>
      <ul>
        {boards.map((child) => (
          <li key={child.id}>
            <Link to={boardHref(child.id)}>{child.name}</Link>
            {child.children.length > 0 ? (
              <>
                {' '}
                <span className="muted">(</span>
                <ChildBoardNames boards={child.children} />
                <span className="muted">)</span>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

function ChildBoardNames({ boards }: { boards: readonly BoardSummary[] }) {
  return (
    <ul className="child-boards-nested">
      {boards.map((board) => (
        <li key={board.id}>
          <Link to={boardHref(board.id)}>{board.name}</Link>
          {board.children.length > 0 ? (
            <>
              {' ('}
              <ChildBoardNames boards={board.children} />
              {')'}
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
