import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { CHILD_BOARD_ID, GRANDCHILD_BOARD_ID, LOUNGE_BOARD_ID, NEWS_CATEGORY_ID, REDIRECT_BOARD_ID, SEED_BOARD_ID } from '../../mocks/db/ids';
import { server } from '../../mocks/node';
import type { BoardSummary, ForumResponse } from '../../src/lib/api/schemas';
import { axeViolations } from '../axe';
import { mockApi } from '../support/mock-api';
import { renderRoute } from '../render-route';

/** The board index as the mock forum has it, with `change` applied to one board. */
async function indexWith(boardId: number, change: (board: BoardSummary) => BoardSummary): Promise<ForumResponse> {
  const forum = await mockApi.forum();
  const visit = (boards: readonly BoardSummary[]): BoardSummary[] =>
    boards.map((board) => (board.id === boardId ? change(board) : { ...board, children: visit(board.children) }));
  return { ...forum, categories: forum.categories.map((category) => ({ ...category, boards: visit(category.boards) })) };
}

const redirectChild = (id: number, name: string, redirectUrl: string): BoardSummary => ({
  id,
  name,
  description: null,
  redirectUrl,
  topicCount: 0,
  postCount: 0,
  lastPost: null,
  children: [],
});

describe('the board index', () => {
  it('shows the forum name and every category as a section anchored by its id', async () => {
    const { container } = renderRoute('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Bosman Business World' })).toBeInTheDocument();
    const { categories } = await mockApi.forum();
    expect(categories.length).toBeGreaterThanOrEqual(3);
    for (const category of categories) {
      const heading = screen.getByRole('heading', { level: 2, name: category.name });
      expect(heading.closest('section')).toHaveAttribute('id', `c${category.id}`);
    }
    expect(container.querySelector(`#c${NEWS_CATEGORY_ID}`)).toHaveTextContent('News and Research');
    expect(document.title).toBe('Bosman Business World');
  });

  it('lists each board with its description, counts and a link to its last post', async () => {
    renderRoute('/');
    const news = await screen.findByRole('region', { name: 'News and Research' });
    const crime = within(news).getByRole('link', { name: 'Crime and war' });
    expect(crime).toHaveAttribute('href', `/board/${SEED_BOARD_ID}`);
    const { categories } = await mockApi.forum();
    const board = categories.flatMap((c) => c.boards).find((b) => b.id === SEED_BOARD_ID);
    if (!board?.lastPost) throw new Error('the seed board should have a last post');
    const row = crime.closest('li') as HTMLElement;
    if (board.description) expect(within(row).getByText(board.description)).toBeInTheDocument();
    expect(within(row).getByText(new RegExp(`^${board.topicCount} topics?$`))).toBeInTheDocument();
    const lastPost = within(row).getByRole('link', { name: board.lastPost.topicTitle });
    expect(lastPost).toHaveAttribute('href', `/topic/${board.lastPost.topicId}?post=${board.lastPost.postId}#msg${board.lastPost.postId}`);
    expect(row.querySelector('time')).toHaveAttribute('datetime', board.lastPost.postedAt);
  });

  it('lists child boards under their parent, two levels deep', async () => {
    renderRoute('/');
    const child = await screen.findByRole('link', { name: /Startups/ });
    expect(child).toHaveAttribute('href', `/board/${CHILD_BOARD_ID}`);
    const grandchild = document.querySelector(`a[href="/board/${GRANDCHILD_BOARD_ID}"]`);
    expect(grandchild).not.toBeNull();
    // The grandchild is shown inside the child's entry, not as a sibling.
    expect(child.closest('li')?.contains(grandchild)).toBe(true);
  });
});

describe('a redirect board on the board index', () => {
  it('links off the forum to its address, naming the host in place of the counts and the last post', async () => {
    renderRoute('/');
    const community = await screen.findByRole('region', { name: 'Community' });
    const link = within(community).getByRole('link', { name: 'Company blog (leaves the forum)' });
    expect(link).toHaveAttribute('href', 'https://blog.example.com/');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    expect(link).toHaveTextContent('↗');
    expect(within(community).getByRole('heading', { level: 3, name: 'Company blog (leaves the forum)' })).toBeInTheDocument();
    const row = link.closest('li') as HTMLElement;
    expect(within(row).getByText('Link to blog.example.com')).toBeInTheDocument();
    expect(within(row).queryByText(/^\d+ (topics?|posts?)$/)).toBeNull();
    expect(within(row).queryByText('No posts yet')).toBeNull();
    // Never a link to its own board page from the list: the board is the link.
    expect(document.querySelector(`main a[href="/board/${REDIRECT_BOARD_ID}"]`)).toBeNull();
    expect(await axeViolations()).toEqual([]);
  });

  it('shows the name as plain text, "link unavailable", when the address is not a web address', async () => {
    const index = await indexWith(REDIRECT_BOARD_ID, (board) => ({ ...board, redirectUrl: 'javascript:alert(1)' }));
    server.use(http.get('*/api/forum', () => HttpResponse.json(index)));
    renderRoute('/');
    const community = await screen.findByRole('region', { name: 'Community' });
    const heading = within(community).getByRole('heading', { level: 3, name: 'Company blog' });
    expect(within(heading).queryByRole('link')).toBeNull();
    const row = heading.closest('li') as HTMLElement;
    expect(within(row).getByText('Link unavailable')).toBeInTheDocument();
    expect(document.querySelector('a[href^="javascript"]')).toBeNull();
    expect(await axeViolations()).toEqual([]);
  });

  it('is a link off the forum among child boards too, saying where it leads', async () => {
    const index = await indexWith(LOUNGE_BOARD_ID, (board) => ({
      ...board,
      children: [...board.children, redirectChild(901, 'Company wiki', 'https://wiki.example.com/start'), redirectChild(902, 'Old archive', 'ftp://archive.example.com/')],
    }));
    server.use(http.get('*/api/forum', () => HttpResponse.json(index)));
    renderRoute('/');
    const wiki = await screen.findByRole('link', { name: 'Company wiki (leaves the forum)' });
    expect(wiki).toHaveAttribute('href', 'https://wiki.example.com/start');
    expect(wiki).toHaveAttribute('rel', 'noopener noreferrer');
    const lounge = screen.getByRole('heading', { level: 3, name: 'Community Lounge' }).closest('li') as HTMLElement;
    expect(lounge.contains(wiki)).toBe(true);
    expect(wiki.closest('li')).toHaveTextContent(/^Company wiki \(leaves the forum\)↗ — link to wiki\.example\.com$/);
    const archive = within(lounge).getByText('Old archive').closest('li') as HTMLElement;
    expect(within(archive).queryByRole('link')).toBeNull();
    expect(archive).toHaveTextContent('Old archive — link unavailable');
    expect(await axeViolations()).toEqual([]);
  });
});

describe('when the board index cannot be loaded', () => {
  it('says the server is in trouble on a 500 and recovers on retry', async () => {
    server.use(http.get('*/api/forum', () => HttpResponse.json({ error: { code: 'internal', message: 'boom' } }, { status: 500 }), { once: true }));
    const { user } = renderRoute('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'The forum is having trouble' })).toBeInTheDocument();
    expect(screen.getByText(/answered with an error \(500\)/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Bosman Business World' })).toBeInTheDocument();
  });

  it('says so when a 502 proxy answers with an HTML page', async () => {
    server.use(http.get('*/api/forum', () => new HttpResponse('<h1>Bad gateway</h1>', { status: 502, headers: { 'Content-Type': 'text/html' } })));
    renderRoute('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'The forum is having trouble' })).toBeInTheDocument();
    expect(screen.getByText(/\(502\)/)).toBeInTheDocument();
  });

  it('says the answer cannot be read when it is not JSON', async () => {
    server.use(http.get('*/api/forum', () => new HttpResponse('<html>login</html>', { status: 200, headers: { 'Content-Type': 'text/html' } })));
    renderRoute('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'The forum sent something Lectern cannot read' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('says the answer cannot be read when it breaks the contract', async () => {
    server.use(http.get('*/api/forum', () => HttpResponse.json({ forum: { name: 42 }, categories: null })));
    renderRoute('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'The forum sent something Lectern cannot read' })).toBeInTheDocument();
  });

  it('says the forum cannot be reached when the network fails', async () => {
    server.use(http.get('*/api/forum', () => HttpResponse.error()));
    renderRoute('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Cannot reach the forum' })).toBeInTheDocument();
  });
});

describe('an address the reader does not know', () => {
  it('shows a page-not-found page with a way home', async () => {
    const { user } = renderRoute('/no/such/page');
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Go to the board index' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Bosman Business World' })).toBeInTheDocument();
  });
});
