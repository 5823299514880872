import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import type { BoardSummary } from '../lib/api/schemas';
import { BoardList } from './board-list';

/** A board with `levels` levels of child boards under it, one each: "Board 1" holds "Board 2"… */
function chainOfBoards(levels: number): BoardSummary {
  let board: BoardSummary = { id: levels + 1, name: `Board ${levels + 1}`, topicCount: 0, postCount: 0, children: [] };
  for (let level = levels; level >= 1; level--) board = { id: level, name: `Board ${level}`, topicCount: 0, postCount: 0, children: [board] };
  return board;
}

describe('child boards in a board list', () => {
  // The schema refuses trees this deep; the list must not depend on it. Rendered whole,
  // 800 levels overflowed the stack inside React, where no error boundary sees it.
  it.each([800, 100_000])('shows a tree %i levels deep to a bounded depth, with a link to the rest', (levels) => {
    render(
      <MemoryRouter>
        <BoardList boards={[chainOfBoards(levels)]} headingLevel={2} />
      </MemoryRouter>,
    );
    expect(screen.getByRole('heading', { level: 2, name: 'Board 1' })).toBeInTheDocument();
    for (const level of [2, 3, 4, 5]) expect(screen.getByRole('link', { name: `Board ${level}` })).toHaveAttribute('href', `/board/${level}`);
    expect(screen.queryByRole('link', { name: 'Board 6' })).toBeNull();
    expect(screen.getByRole('link', { name: 'More child boards, in Board 5' })).toHaveAttribute('href', '/board/5');
    expect(document.querySelectorAll('ul').length).toBeLessThanOrEqual(6);
  });

  it('says nothing more when the tree ends within the depth shown', () => {
    render(
      <MemoryRouter>
        <BoardList boards={[chainOfBoards(4)]} headingLevel={2} />
      </MemoryRouter>,
    );
    expect(screen.getByRole('link', { name: 'Board 5' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /^More child boards/ })).toBeNull();
  });
});
