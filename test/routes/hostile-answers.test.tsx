import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BUSY_BOARD_ID, LOUNGE_BOARD_ID, MULTI_PAGE_TOPIC_ID, SEED_TOPIC_ID } from '../../mocks/db/ids';
import { server } from '../../mocks/node';
import { MAX_BOARD_DEPTH, type BoardSummary, type ForumResponse } from '../../src/lib/api/schemas';
import { mockApi } from '../support/mock-api';
import { renderRoute } from '../render-route';

// Answers that follow the contract's shape but carry what the reader cannot show: each
// gets the "cannot read" face (with a way to try again), never a hang or a blank page.

const CANNOT_READ = 'The forum sent something Lectern cannot read';

// The contract errors are logged on purpose; keep the test output to the point.
afterEach(() => vi.restoreAllMocks());
const quietly = () => vi.spyOn(console, 'error').mockImplementation(() => undefined);

/** `levels` boards, each the only child board of the one before, from id 9001 down. */
function chainOfBoards(levels: number): BoardSummary {
  let board: BoardSummary = { id: 9000 + levels, name: `Level ${levels}`, topicCount: 0, postCount: 0, children: [] };
  for (let level = levels - 1; level >= 1; level--) {
    board = { id: 9000 + level, name: `Level ${level}`, topicCount: 0, postCount: 0, children: [board] };
  }
  return board;
}

/** The mock forum's board index with `chain` as the Community Lounge's only child board. */
async function indexWithChildren(chain: BoardSummary): Promise<ForumResponse> {
  const forum = await mockApi.forum();
  const boards = (list: readonly BoardSummary[]): BoardSummary[] =>
    list.map((board) => (board.id === LOUNGE_BOARD_ID ? { ...board, children: [chain] } : board));
  return { ...forum, categories: forum.categories.map((category) => ({ ...category, boards: boards(category.boards) })) };
}

describe('an answer for something else than was asked', () => {
  it('is a topic the reader did not ask for: the "cannot read" face, not that topic under this address', async () => {
    quietly();
    const other = await mockApi.topic(MULTI_PAGE_TOPIC_ID);
    server.use(http.get(`*/api/topics/${SEED_TOPIC_ID}`, () => HttpResponse.json(other)));
    renderRoute(`/topic/${SEED_TOPIC_ID}`);
    expect(await screen.findByRole('heading', { level: 1, name: CANNOT_READ })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 1, name: other.topic.title })).toBeNull();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});

describe('numbers past what a forum holds', () => {
  it.each([
    ['page 2^53 of 2^53', { number: 2 ** 53, totalPages: 2 ** 53 }],
    ['page 1 of 1e308', { totalPages: 1e308 }],
    ['page 9 of 3', { number: 9, totalPages: 3 }],
  ])('a board on %s gets the "cannot read" face, not a page list that never ends', async (_, page) => {
    quietly();
    const answer = await mockApi.board(BUSY_BOARD_ID);
    server.use(http.get(`*/api/boards/${BUSY_BOARD_ID}`, () => HttpResponse.json({ ...answer, page: { ...answer.page, ...page } })));
    renderRoute(`/board/${BUSY_BOARD_ID}`);
    expect(await screen.findByRole('heading', { level: 1, name: CANNOT_READ })).toBeInTheDocument();
  });

  it('a topic with an id past 2^32 gets the "cannot read" face', async () => {
    quietly();
    const answer = await mockApi.topic(SEED_TOPIC_ID);
    server.use(http.get(`*/api/topics/${SEED_TOPIC_ID}`, () => HttpResponse.json({ ...answer, posts: answer.posts.map((post) => ({ ...post, id: 2 ** 53 })) })));
    renderRoute(`/topic/${SEED_TOPIC_ID}`);
    expect(await screen.findByRole('heading', { level: 1, name: CANNOT_READ })).toBeInTheDocument();
  });
});

describe('child boards nested deep', () => {
  it('names three levels under a child board, then links to the rest', async () => {
    const index = await indexWithChildren(chainOfBoards(10));
    server.use(http.get('*/api/forum', () => HttpResponse.json(index)));
    renderRoute('/');
    const lounge = (await screen.findByRole('heading', { level: 3, name: 'Community Lounge' })).closest('li') as HTMLElement;
    for (const level of [1, 2, 3, 4]) {
      expect(within(lounge).getByRole('link', { name: `Level ${level}` })).toHaveAttribute('href', `/board/${9000 + level}`);
    }
    expect(within(lounge).queryByRole('link', { name: 'Level 5' })).toBeNull();
    const more = within(lounge).getByRole('link', { name: 'More child boards, in Level 4' });
    expect(more).toHaveAttribute('href', '/board/9004');
    expect(more).toHaveTextContent('more…');
  });

  it('reads the deepest tree the contract allows, every board of it a jump away', async () => {
    // The Community Lounge and 31 levels under it.
    const index = await indexWithChildren(chainOfBoards(MAX_BOARD_DEPTH - 1));
    server.use(http.get('*/api/forum', () => HttpResponse.json(index)));
    const { user } = renderRoute(`/board/${BUSY_BOARD_ID}`);
    await screen.findByRole('heading', { level: 1 });
    await user.click(await screen.findByText('Jump to a board'));
    const nav = await screen.findByRole('navigation', { name: 'Jump to a board' });
    const deepest = await within(nav).findByRole('link', { name: `Level ${MAX_BOARD_DEPTH - 1}` });
    expect(deepest).toHaveAttribute('href', `/board/${9000 + MAX_BOARD_DEPTH - 1}`);
  });

  it('gets the "cannot read" face for a tree 800 levels deep, not a blank page', async () => {
    quietly();
    const index = await indexWithChildren(chainOfBoards(800));
    server.use(http.get('*/api/forum', () => HttpResponse.json(index)));
    renderRoute('/');
    expect(await screen.findByRole('heading', { level: 1, name: CANNOT_READ })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Lectern' })).toBeInTheDocument();
  });
});
