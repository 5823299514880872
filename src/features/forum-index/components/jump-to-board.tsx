import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { BoardSummary } from '../../../lib/api/schemas';
import { boardHref } from '../../../lib/reader-routes';
import { UntrustedText } from '../../../ui/untrusted-text';
import { forumQueries } from '../../../lib/api/queries';
import './jump-to-board.css';

/**
 * SMF's "Jump to" quick navigation, made of real links: every board of the forum,
 * by category. The board list loads when the control is first opened (or comes
 * from the cache when the index was read), so it costs nothing until used.
 */
export function JumpToBoard({ currentBoardId }: { currentBoardId: number | null }) {
  const [open, setOpen] = useState(false);
  const { data, isPending, isError, refetch } = useQuery({ ...forumQueries.index(), enabled: open });
  return (
    <details className="jump-to" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Jump to a board</summary>
      <nav aria-label="Jump to a board" className="jump-to-panel">
        {!open ? null : isPending ? (
          <p className="muted" role="status">
            Loading boards…
          </p>
        ) : isError ? (
          <p role="alert">
            The board list could not be loaded.{' '}
            <button type="button" className="button button-small" onClick={() => void refetch()}>
              Try again
            </button>
          </p>
        ) : (
          <ul>
            {data.categories.map((category) => (
              <li key={category.id}>
                <Link to={`/#c${category.id}`} className="jump-to-category">
                  <UntrustedText>{category.name}</UntrustedText>
                </Link>
                <BoardLinks boards={category.boards} currentBoardId={currentBoardId} />
              </li>
            ))}
          </ul>
        )}
      </nav>
    </details>
  );
}

function BoardLinks({ boards, currentBoardId }: { boards: readonly BoardSummary[]; currentBoardId: number | null }) {
  if (boards.length === 0) return null;
  return (
    <ul>
      {boards.map((board) => (
        <li key={board.id}>
          <Link to={boardHref(board.id)} aria-current={board.id === currentBoardId ? 'page' : undefined}>
            <UntrustedText>{board.name}</UntrustedText>
          </Link>
          <BoardLinks boards={board.children} currentBoardId={currentBoardId} />
        </li>
      ))}
    </ul>
  );
}
