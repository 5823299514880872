import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  BUSY_BOARD_ID, CHILD_BOARD_ID, EMPTY_BOARD_ID, GRANDCHILD_BOARD_ID, LOUNGE_BOARD_ID, MOVED_NOTICE_TOPIC_ID, REDIRECT_BOARD_ID,
  RESTRICTED_BOARD_ID, SEED_BOARD_ID,
} from '../../mocks/db/ids';
import { server } from '../../mocks/node';
import type { BoardResponse } from '../../src/lib/api/schemas';
import { axeViolations } from '../axe';
import { mockApi } from '../support/mock-api';
import { renderRoute } from '../render-route';

/** The Lounge's moved-topic notice as the board lists it, with where it points. */
async function loungeNotice() {
  const lounge = await mockApi.board(LOUNGE_BOARD_ID);
  const notice = lounge.topics.find((t) => t.id === MOVED_NOTICE_TOPIC_ID);
  if (!notice?.movedTo) throw new Error('the Lounge should list the moved-topic notice');
  return { lounge, notice, movedTo: notice.movedTo };
}

function answerBoard(boardId: number, answer: BoardResponse) {
  server.use(http.get(`*/api/boards/${boardId}`, () => HttpResponse.json(answer)));
}

const breadcrumbItems = () => within(screen.getByRole('navigation', { name: 'Breadcrumb' })).getAllByRole('listitem');

describe('a board', () => {
  it('shows a breadcrumb from the forum through its category, the current board last and not a link', async () => {
    renderRoute(`/board/${SEED_BOARD_ID}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Crime and war' })).toBeInTheDocument();
    const items = breadcrumbItems();
    expect(items.map((item) => item.textContent)).toEqual(['Bosman Business World', 'News and Research', 'Crime and war']);
    expect(within(items[0] as HTMLElement).getByRole('link')).toHaveAttribute('href', '/');
    expect(within(items[1] as HTMLElement).getByRole('link')).toHaveAttribute('href', expect.stringMatching(/^\/#c\d+$/));
    expect(within(items[2] as HTMLElement).queryByRole('link')).toBeNull();
    expect(within(items[2] as HTMLElement).getByText('Crime and war')).toHaveAttribute('aria-current', 'page');
    expect(document.title).toBe('Crime and war · Bosman Business World');
  });

  it('names every parent board in the breadcrumb of a board two levels down', async () => {
    renderRoute(`/board/${GRANDCHILD_BOARD_ID}`);
    await screen.findByRole('heading', { level: 1 });
    const { breadcrumb } = await mockApi.board(GRANDCHILD_BOARD_ID);
    expect(breadcrumb.map((c) => c.kind)).toEqual(['forum', 'category', 'board', 'board', 'board']);
    expect(breadcrumbItems().map((item) => item.textContent)).toEqual(breadcrumb.map((c) => c.name));
    expect(screen.getByRole('navigation', { name: 'Breadcrumb' }).querySelector(`a[href="/board/${CHILD_BOARD_ID}"]`)).not.toBeNull();
  });

  it('keeps a disclosure of the whole trail beside it, for a phone that shows only the way up', async () => {
    const { user } = renderRoute(`/board/${GRANDCHILD_BOARD_ID}`);
    await screen.findByRole('heading', { level: 1 });
    const nav = screen.getByRole('navigation', { name: 'Breadcrumb' });
    const toggle = within(nav).getByLabelText('Full trail');
    const disclosure = toggle.closest('details');
    expect(toggle.tagName).toBe('SUMMARY');
    expect(disclosure).not.toHaveAttribute('open');
    // Folding is the stylesheet's: closed, every crumb is still in the page, the current one marked.
    expect(breadcrumbItems()).toHaveLength(5);
    expect(within(nav).getByText('Funding and investors')).toHaveAttribute('aria-current', 'page');
    await user.click(toggle);
    expect(disclosure).toHaveAttribute('open');
  });

  it('lists its child boards', async () => {
    renderRoute(`/board/${CHILD_BOARD_ID}`);
    const section = await screen.findByRole('region', { name: 'Child boards' });
    expect(within(section).getByRole('link', { name: /Funding/ })).toHaveAttribute('href', `/board/${GRANDCHILD_BOARD_ID}`);
  });

  it('lists topics sticky first, marked, with starter, replies, views and a link to the last post', async () => {
    renderRoute(`/board/${BUSY_BOARD_ID}`);
    const topicsRegion = await screen.findByRole('region', { name: 'Topics' });
    const { topics } = await mockApi.board(BUSY_BOARD_ID);
    const rows = within(topicsRegion).getAllByRole('listitem').filter((li) => li.classList.contains('topic-row'));
    expect(rows).toHaveLength(20);
    const firstSticky = topics.findIndex((t) => !t.sticky);
    expect(firstSticky).toBeGreaterThan(0);
    rows.forEach((row, index) => {
      const topic = topics[index];
      if (!topic) throw new Error('row without topic');
      expect(within(row).getByRole('link', { name: topic.title })).toHaveAttribute('href', `/topic/${topic.id}`);
      expect(within(row).queryByText('Sticky') !== null).toBe(topic.sticky);
      expect(within(row).queryByText('Locked') !== null).toBe(topic.locked);
      expect(row).toHaveTextContent(`Started by ${topic.starter.name}`);
      expect(row).toHaveTextContent(new RegExp(`${topic.replyCount.toLocaleString('en-US')} repl(y|ies)`));
      expect(row).toHaveTextContent(new RegExp(`${topic.viewCount.toLocaleString('en-US')} views?`));
      expect(within(row).getByRole('link', { name: /^Last post/ })).toHaveAttribute('href', `/topic/${topic.id}?post=${topic.lastPost.postId}#msg${topic.lastPost.postId}`);
    });
    expect(topics.some((t) => t.locked)).toBe(true);
  });

  it('pages through its topics with real links, the current page marked', async () => {
    const { user } = renderRoute(`/board/${BUSY_BOARD_ID}`);
    const top = await screen.findByRole('navigation', { name: 'Topic pages, top' });
    expect(within(top).getByRole('link', { name: 'Page 1' })).toHaveAttribute('aria-current', 'page');
    expect(within(top).getByRole('link', { name: 'Page 2' })).toHaveAttribute('href', `/board/${BUSY_BOARD_ID}?page=2`);
    await user.click(within(top).getByRole('link', { name: 'Next page' }));
    // Both page lists, above and below the topics, now mark page 2.
    const current = await screen.findAllByRole('link', { name: 'Page 2', current: 'page' });
    expect(current.map((link) => link.getAttribute('href'))).toEqual([`/board/${BUSY_BOARD_ID}?page=2`, `/board/${BUSY_BOARD_ID}?page=2`]);
    const pageTwo = await mockApi.board(BUSY_BOARD_ID, 2);
    const shown = within(screen.getByRole('region', { name: 'Topics' })).getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent);
    expect(shown).toEqual(pageTwo.topics.map((topic) => expect.stringContaining(topic.title)));
    expect(document.title).toMatch(/\(page 2\)/);
  });

  it('treats ?page=1 and nonsense pages as page 1', async () => {
    const { history } = renderRoute(`/board/${BUSY_BOARD_ID}?page=abc`);
    await screen.findByRole('navigation', { name: 'Topic pages, top' });
    expect(history.location.search).toBe('');
  });

  it('says there are no topics in an empty board', async () => {
    renderRoute(`/board/${EMPTY_BOARD_ID}`);
    expect(await screen.findByText('There are no topics in this board yet.')).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Topic pages, top' })).toBeNull();
  });
});

describe('a redirect board', () => {
  it('shows its header and breadcrumb, and says where it leads, without going there on its own', async () => {
    const { history } = renderRoute(`/board/${REDIRECT_BOARD_ID}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Company blog' })).toBeInTheDocument();
    expect(breadcrumbItems().map((item) => item.textContent)).toEqual(['Bosman Business World', 'Community', 'Company blog']);
    const notice = screen.getByText(/^This board is a link to/);
    expect(notice).toHaveTextContent(/^This board is a link to blog\.example\.com \(leaves the forum\)↗\.$/);
    const link = within(notice).getByRole('link', { name: 'blog.example.com (leaves the forum)' });
    expect(link).toHaveAttribute('href', 'https://blog.example.com/');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    // A link to follow, not a page of topics: no topic list, no counts, no pages.
    expect(screen.queryByRole('region', { name: 'Topics' })).toBeNull();
    expect(screen.queryByText(/0 topics/)).toBeNull();
    expect(screen.queryByRole('navigation', { name: 'Topic pages, top' })).toBeNull();
    expect(history.location.pathname).toBe(`/board/${REDIRECT_BOARD_ID}`);
    expect(document.title).toBe('Company blog · Bosman Business World');
    expect(await axeViolations()).toEqual([]);
  });

  it('says the link is unavailable when the address is not a web address, and links nothing', async () => {
    const answer = await mockApi.board(REDIRECT_BOARD_ID);
    answerBoard(REDIRECT_BOARD_ID, { ...answer, board: { ...answer.board, redirectUrl: 'data:text/html,<script>alert(1)</script>' } });
    renderRoute(`/board/${REDIRECT_BOARD_ID}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Company blog' })).toBeInTheDocument();
    const notice = screen.getByText(/^This board is a link to another site/);
    expect(notice).toHaveTextContent('link unavailable');
    expect(within(notice).queryByRole('link')).toBeNull();
    expect(document.querySelector('a[href^="data:"]')).toBeNull();
    expect(await axeViolations()).toEqual([]);
  });

  it('is listed among child boards as a link off the forum, naming its host', async () => {
    const lounge = await mockApi.board(LOUNGE_BOARD_ID);
    const wiki = { id: 901, name: 'Company wiki', description: 'How we work.', redirectUrl: 'https://wiki.example.com/', topicCount: 0, postCount: 0, lastPost: null, children: [] };
    answerBoard(LOUNGE_BOARD_ID, { ...lounge, children: [...lounge.children, wiki] });
    renderRoute(`/board/${LOUNGE_BOARD_ID}`);
    const section = await screen.findByRole('region', { name: 'Child boards' });
    const link = within(section).getByRole('link', { name: 'Company wiki (leaves the forum)' });
    expect(link).toHaveAttribute('href', 'https://wiki.example.com/');
    const row = link.closest('li') as HTMLElement;
    expect(within(row).getByText('Link to wiki.example.com')).toBeInTheDocument();
    expect(within(row).queryByText('No posts yet')).toBeNull();
    expect(await axeViolations()).toEqual([]);
  });
});

describe('a moved-topic notice in a board', () => {
  it('is listed as "Moved:" and the title, linking straight to where the topic lives now', async () => {
    const { movedTo } = await loungeNotice();
    renderRoute(`/board/${LOUNGE_BOARD_ID}`);
    const link = await screen.findByRole('link', { name: `Moved: ${movedTo.title}` });
    expect(link).toHaveAttribute('href', `/topic/${movedTo.id}`);
    const row = link.closest('li') as HTMLElement;
    // SMF locks every notice; saying so would only be noise.
    expect(within(row).queryByText('Locked')).toBeNull();
    // The notice itself stays where it is: its last post is its own.
    expect(within(row).getByRole('link', { name: /^Last post/ })).toHaveAttribute('href', expect.stringMatching(new RegExp(`^/topic/${MOVED_NOTICE_TOPIC_ID}\\?post=`)));
    expect(await axeViolations()).toEqual([]);
  });

  it('follows the link to the moved topic', async () => {
    const { movedTo } = await loungeNotice();
    const { user } = renderRoute(`/board/${LOUNGE_BOARD_ID}`);
    await user.click(await screen.findByRole('link', { name: `Moved: ${movedTo.title}` }));
    expect(await screen.findByRole('heading', { level: 1, name: movedTo.title })).toBeInTheDocument();
  });

  it('is listed as the topic it is when its target is gone (movedTo null)', async () => {
    const { lounge, notice } = await loungeNotice();
    answerBoard(LOUNGE_BOARD_ID, { ...lounge, topics: lounge.topics.map((t) => (t.id === MOVED_NOTICE_TOPIC_ID ? { ...t, movedTo: null } : t)) });
    renderRoute(`/board/${LOUNGE_BOARD_ID}`);
    expect(await screen.findByRole('link', { name: notice.title })).toHaveAttribute('href', `/topic/${MOVED_NOTICE_TOPIC_ID}`);
    expect(screen.queryByRole('link', { name: /^Moved:/ })).toBeNull();
  });
});

describe('a board that cannot be shown', () => {
  it('says "no access" for a board the server forbids', async () => {
    renderRoute(`/board/${RESTRICTED_BOARD_ID}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Not open to guests' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the board index' })).toHaveAttribute('href', '/');
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });

  it('says "not found" for a board that does not exist', async () => {
    renderRoute('/board/9999');
    expect(await screen.findByRole('heading', { level: 1, name: 'Not found' })).toBeInTheDocument();
    expect(screen.getByText(/The server said/)).toBeInTheDocument();
  });

  it('says "not found" for a page past the last', async () => {
    renderRoute(`/board/${BUSY_BOARD_ID}?page=99`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Not found' })).toBeInTheDocument();
  });

  it('shows the page-not-found page for an id that is not a number', async () => {
    renderRoute('/board/crime');
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
  });
});

describe('a topic with attachments', () => {
  it('is marked by an icon named "Has attachments" after its title, and one without is not', async () => {
    const busy = await mockApi.board(BUSY_BOARD_ID);
    const [withFiles, without] = busy.topics;
    if (!withFiles || !without) throw new Error('the busy board should list topics');
    answerBoard(BUSY_BOARD_ID, {
      ...busy,
      topics: [{ ...withFiles, hasAttachments: true }, { ...without, hasAttachments: false }],
    });
    renderRoute(`/board/${BUSY_BOARD_ID}`);
    const marked = await screen.findByRole('heading', { level: 3, name: (name) => name.includes(withFiles.title) && name.includes('Has attachments') });
    const icon = within(marked).getByRole('img', { name: 'Has attachments' });
    const title = within(marked).getByRole('link', { name: withFiles.title });
    // After the title, so that titles line up whether or not a row has the icon.
    expect(title.compareDocumentPosition(icon) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const plain = screen.getByRole('heading', { level: 3, name: (name) => name.includes(without.title) });
    expect(within(plain).queryByRole('img')).toBeNull();
  });
});
