// Every failure page is one family: the trail from the forum's name down to where it
// happened, a heading, one sentence of what happened, and what the reader can do.
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { FORUM_NAME } from '../../mocks/db/structure';
import { BUSY_BOARD_ID, RESTRICTED_BOARD_ID, SEED_BOARD_ID } from '../../mocks/db/ids';
import { server } from '../../mocks/node';
import { renderRoute } from '../render-route';

const trail = () => within(screen.getByRole('navigation', { name: 'Breadcrumb' })).getAllByRole('listitem').map((crumb) => crumb.textContent);
const tryAgain = () => screen.queryByRole('button', { name: 'Try again' });
const failBoards = (answer: () => Response) => server.use(http.get(`*/api/boards/${BUSY_BOARD_ID}`, answer));

describe('a page that does not exist', () => {
  it('starts its trail with the forum, as every trail does, and says what is missing', async () => {
    renderRoute('/topic/999999');
    expect(await screen.findByRole('heading', { level: 1, name: 'Not found' })).toBeInTheDocument();
    expect(trail()).toEqual([FORUM_NAME, 'Not found']);
    expect(screen.getByText('There is no topic at this address. It may have been moved or deleted, or the link is wrong.')).toBeInTheDocument();
    // Trying again would find nothing more.
    expect(tryAgain()).toBeNull();
    expect(screen.getByRole('link', { name: 'Go to the board index' })).toHaveAttribute('href', '/');
  });

  it('says the same of an address Lectern has no page for', async () => {
    renderRoute('/nowhere');
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    expect(trail()).toEqual([FORUM_NAME, 'Page not found']);
  });
});

describe('a board listed on the index that guests may not read (403)', () => {
  it('names it in its trail and says it is not open to guests, without suggesting a login there is none of', async () => {
    renderRoute(`/board/${RESTRICTED_BOARD_ID}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Not open to guests' })).toBeInTheDocument();
    expect(trail()).toEqual([FORUM_NAME, 'Forum Help', 'Staff room']);
    expect(screen.getByText('This board is not open to guests on this forum, and Lectern reads the forum as a guest.')).toBeInTheDocument();
    expect(screen.getByRole('main').textContent).not.toMatch(/log ?in|sign in|permission/i);
    expect(tryAgain()).toBeNull();
    expect(screen.getByRole('link', { name: 'Up to Forum Help' })).toHaveAttribute('href', expect.stringMatching(/^\/#/));
  });
});

describe('a forum that fails to answer', () => {
  it('says a 5xx is the forum having trouble, in the trail, and Try again loads the page', async () => {
    failBoards(() => HttpResponse.json({ error: { code: 'internal', message: 'Down' } }, { status: 500 }));
    const { user } = renderRoute(`/board/${BUSY_BOARD_ID}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'The forum is having trouble' }, { timeout: 10_000 })).toBeInTheDocument();
    expect(trail()).toEqual([FORUM_NAME, 'Business and Finance', 'Markets and Finance']);
    expect(screen.getByText(/answered with an error \(500\)/)).toBeInTheDocument();
    server.resetHandlers();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Markets and Finance' })).toBeInTheDocument();
  });

  it('says the forum cannot be reached when the connection fails, and offers to try again', async () => {
    failBoards(() => HttpResponse.error());
    renderRoute(`/board/${BUSY_BOARD_ID}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Cannot reach the forum' }, { timeout: 10_000 })).toBeInTheDocument();
    expect(trail()[0]).toBe(FORUM_NAME);
    expect(tryAgain()).toBeEnabled();
  });

  it('says an answer Lectern cannot read is one, and offers to try again', async () => {
    failBoards(() => HttpResponse.json({ topics: 'none' }));
    renderRoute(`/board/${BUSY_BOARD_ID}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'The forum sent something Lectern cannot read' })).toBeInTheDocument();
    expect(trail()).toEqual([FORUM_NAME, 'Business and Finance', 'Markets and Finance']);
    expect(tryAgain()).toBeEnabled();
  });

  it('starts the trail at the board index when not even the forum answers', async () => {
    server.use(http.get('*/api/*', () => HttpResponse.error()));
    renderRoute(`/board/${SEED_BOARD_ID}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Cannot reach the forum' }, { timeout: 10_000 })).toBeInTheDocument();
    expect(trail()).toEqual(['Board index', 'Cannot reach the forum']);
  });
});
