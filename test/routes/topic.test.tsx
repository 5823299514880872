import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  ATTACHMENTS_TOPIC_ID, HOSTILE_TOPIC_ID, HUGE_TOPIC_ID, LOUNGE_BOARD_ID, MOVED_NOTICE_TOPIC_ID, MULTI_PAGE_TOPIC_ID, SEED_ATTACHMENT_ID, SEED_BOARD_ID,
  SEED_POST_ID, SEED_TOPIC_ID, handMadePostId, hugePostId,
} from '../../mocks/db/ids';
import { SEED_TITLE } from '../../mocks/db/seed-topic';
import { server } from '../../mocks/node';
import { axeViolations } from '../axe';
import { mockApi } from '../support/mock-api';
import { renderRoute } from '../render-route';

describe('a topic', () => {
  it('shows a post\'s subject only when it says more than "Re: <the topic\'s title>", and names every post by it', async () => {
    renderRoute(`/topic/${MULTI_PAGE_TOPIC_ID}`);
    const title = (await screen.findByRole('heading', { level: 1 })).textContent ?? '';
    const replies = document.querySelectorAll('article .post-subject');
    expect(replies.length).toBe(15);
    for (const subject of replies) {
      expect(subject.textContent).toMatch(new RegExp(`^(Re: )?${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
      expect(subject).toHaveClass('visually-hidden');
    }
    // Still each post's name for screen readers.
    expect(screen.getAllByRole('article', { name: `Re: ${title}` }).length).toBe(14);
  });

  it('shows subjects that differ from the topic\'s title', async () => {
    renderRoute(`/topic/${ATTACHMENTS_TOPIC_ID}`);
    const subject = await screen.findByRole('heading', { level: 2, name: 'Pending: awaiting approval' });
    expect(subject).not.toHaveClass('visually-hidden');
  });

  it('shows the seed topic: title, starter, date, breadcrumb and the post word for word', async () => {
    renderRoute(`/topic/${SEED_TOPIC_ID}`);
    expect(await screen.findByRole('heading', { level: 1, name: SEED_TITLE })).toBeInTheDocument();
    const header = screen.getByRole('heading', { level: 1 }).closest('header') as HTMLElement;
    expect(header).toHaveTextContent('Started by Dev Sunday on');
    expect(header.querySelector('time')).toHaveAttribute('datetime', '2024-10-21T15:19:00Z');
    expect(header).toHaveTextContent('0 replies');

    const crumbs = within(screen.getByRole('navigation', { name: 'Breadcrumb' })).getAllByRole('listitem');
    expect(crumbs.map((c) => c.textContent)).toEqual(['Bosman Business World', 'News and Research', 'Crime and war', SEED_TITLE]);
    expect(within(crumbs[2] as HTMLElement).getByRole('link')).toHaveAttribute('href', `/board/${SEED_BOARD_ID}`);

    const article = document.getElementById(`msg${SEED_POST_ID}`) as HTMLElement;
    expect(article.tagName).toBe('ARTICLE');
    expect(within(article).getByRole('heading', { level: 2, name: SEED_TITLE })).toBeInTheDocument();
    expect(article).toHaveTextContent('Dev Sunday');
    expect(article).toHaveTextContent('#1');
    expect(article.querySelector('time')).toHaveAttribute('datetime', '2024-10-21T15:19:00Z');
    expect(article).toHaveTextContent(
      "South Korea's government has issued an urgent demand for the immediate withdrawal of North Korean troops stationed in Russia",
    );
    // A long post shows a part a frame: its end arrives in the frames after its start.
    await waitFor(() => expect(article).toHaveTextContent('could reshape the balance of power in Northeast Asia for years to come.'));
    expect(article).toHaveTextContent('57dcd400-8f8f-11ef-8fb2-ed68f86dd90c.jpg.webp');
    // The [attach] in the body is the post's attachment, shown where it stands as its image:
    // the file itself, since an inline image is drawn at its own size, never a stretched thumbnail.
    const body = article.querySelector('.post-body') as HTMLElement;
    expect(within(body).getByRole('img', { name: '57dcd400-8f8f-11ef-8fb2-ed68f86dd90c.jpg.webp' })).toHaveAttribute(
      'src',
      `/api/attachments/${SEED_ATTACHMENT_ID}`,
    );
    expect(document.title).toBe(`${SEED_TITLE} · Bosman Business World`);
  });

  it('pages through posts with real links above and below the posts', async () => {
    const { user } = renderRoute(`/topic/${MULTI_PAGE_TOPIC_ID}`);
    const top = await screen.findByRole('navigation', { name: 'Post pages, top' });
    const bottom = screen.getByRole('navigation', { name: 'Post pages, bottom' });
    expect(within(top).getByRole('link', { name: 'Page 2' })).toHaveAttribute('href', `/topic/${MULTI_PAGE_TOPIC_ID}?page=2`);
    expect(within(bottom).getByRole('link', { name: 'Page 2' })).toHaveAttribute('href', `/topic/${MULTI_PAGE_TOPIC_ID}?page=2`);
    expect(screen.getAllByRole('article')).toHaveLength(15);
    await user.click(within(bottom).getByRole('link', { name: 'Page 2' }));
    const { posts } = await mockApi.topic(MULTI_PAGE_TOPIC_ID, 2);
    const first = posts[0];
    if (!first) throw new Error('page 2 has no posts');
    expect(await screen.findByRole('link', { name: 'Post 16, link to this post' })).toBeInTheDocument();
    expect(document.getElementById(`msg${first.id}`)).not.toBeNull();
    expect(within(screen.getByRole('navigation', { name: 'Post pages, top' })).getByRole('link', { name: 'Previous page' })).toHaveAttribute(
      'href',
      `/topic/${MULTI_PAGE_TOPIC_ID}`,
    );
  });

  it('lands ?post=P on the page that holds P, with that post focused', async () => {
    const postId = hugePostId(5_000);
    renderRoute(`/topic/${HUGE_TOPIC_ID}?post=${postId}#msg${postId}`);
    const permalink = await screen.findByRole('link', { name: 'Post 5000, link to this post' });
    const article = permalink.closest('article');
    expect(article).toHaveAttribute('id', `msg${postId}`);
    // Focus moves in an effect after the page has rendered.
    await waitFor(() => expect(article).toHaveFocus());
    const top = screen.getByRole('navigation', { name: 'Post pages, top' });
    expect(within(top).getByRole('link', { name: 'Page 334' })).toHaveAttribute('aria-current', 'page');
    expect(within(top).getByRole('link', { name: 'Page 667' })).toBeInTheDocument();
  });

  it('resolves /post/P to its topic and page', async () => {
    const postId = hugePostId(9_999);
    const { history } = renderRoute(`/post/${postId}`);
    expect(await screen.findByRole('link', { name: 'Post 9999, link to this post' })).toBeInTheDocument();
    expect(history.location.pathname).toBe(`/topic/${HUGE_TOPIC_ID}`);
    expect(history.location.search).toBe(`?post=${postId}`);
    expect(history.location.hash).toBe(`#msg${postId}`);
  });

  it('shows the last page of the 10,000-post topic', async () => {
    renderRoute(`/topic/${HUGE_TOPIC_ID}?page=667`);
    expect(await screen.findByRole('link', { name: 'Post 10000, link to this post' })).toBeInTheDocument();
    expect(screen.getAllByRole('article')).toHaveLength(10);
  });

  it('shows guests and deleted members by name, with initials for a missing avatar', async () => {
    // Find a page of the huge topic with a guest on it.
    let page = 1;
    let guestName: string | undefined;
    while (!guestName && page < 20) {
      const data = await mockApi.topic(HUGE_TOPIC_ID, page);
      guestName = data.posts.find((p) => p.author.id === null)?.author.name;
      if (!guestName) page += 1;
    }
    if (!guestName) throw new Error('the huge topic should have guest posts');
    renderRoute(`/topic/${HUGE_TOPIC_ID}${page > 1 ? `?page=${page}` : ''}`);
    const [guestPost] = await screen.findAllByText(guestName, { selector: '.post-author .author-name' });
    const card = (guestPost as HTMLElement).closest('.post-author') as HTMLElement;
    expect(card).toHaveTextContent('Guest or former member');
  });

  it('shows when and by whom a post was edited', async () => {
    let found: { page: number; editedBy: string | null | undefined } | undefined;
    for (let page = 1; !found && page < 20; page += 1) {
      const data = await mockApi.topic(HUGE_TOPIC_ID, page);
      const edited = data.posts.find((p) => p.editedAt);
      if (edited) found = { page, editedBy: edited.editedBy };
    }
    if (!found) throw new Error('the huge topic should have edited posts');
    renderRoute(`/topic/${HUGE_TOPIC_ID}?page=${found.page}`.replace('?page=1', ''));
    const [note] = await screen.findAllByText(/^Last edit:/);
    if (found.editedBy) expect(note).toHaveTextContent(found.editedBy);
    expect((note as HTMLElement).querySelector('time')).toHaveAttribute('datetime');
  });

  it('shows hostile post text as text: no script or handler reaches the page', async () => {
    const { container } = renderRoute(`/topic/${HOSTILE_TOPIC_ID}`);
    await screen.findByRole('heading', { level: 1 });
    expect(container.querySelector('script, iframe, object, embed')).toBeNull();
    expect(container.querySelector('[onerror], [onclick], [onload]')).toBeNull();
    for (const link of container.querySelectorAll('a')) {
      expect(link.getAttribute('href') ?? '').not.toMatch(/^\s*(javascript|data|vbscript):/i);
    }
    expect(container).toHaveTextContent('<script>');
  });
});

describe('a moved-topic notice', () => {
  it('says first where the topic has moved, linking to it, above the post of the notice', async () => {
    const { topic } = await mockApi.topic(MOVED_NOTICE_TOPIC_ID);
    if (!topic.movedTo) throw new Error('the notice should point at the moved topic');
    renderRoute(`/topic/${MOVED_NOTICE_TOPIC_ID}`);
    expect(await screen.findByRole('heading', { level: 1, name: topic.title })).toBeInTheDocument();
    const notice = screen.getByText(/^This topic has moved to/);
    expect(notice).toHaveTextContent(`This topic has moved to ${topic.movedTo.title}`);
    expect(within(notice).getByRole('link', { name: topic.movedTo.title })).toHaveAttribute('href', `/topic/${topic.movedTo.id}`);
    const post = document.getElementById(`msg${handMadePostId(MOVED_NOTICE_TOPIC_ID, 1)}`) as HTMLElement;
    expect(post).toHaveTextContent('Crypto and alternatives');
    expect(notice.compareDocumentPosition(post) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    // A notice is locked by SMF as a matter of course; "no new replies" would say nothing here.
    expect(screen.queryByText(/This topic is locked/)).toBeNull();
    expect(within(screen.getByRole('navigation', { name: 'Breadcrumb' })).getByRole('link', { name: 'Community Lounge' })).toHaveAttribute('href', `/board/${LOUNGE_BOARD_ID}`);
    expect(await axeViolations()).toEqual([]);
  });

  it('leads to the moved topic', async () => {
    const { topic } = await mockApi.topic(MOVED_NOTICE_TOPIC_ID);
    const { user } = renderRoute(`/topic/${MOVED_NOTICE_TOPIC_ID}`);
    await user.click(await screen.findByRole('link', { name: topic.movedTo?.title ?? '' }));
    expect(await screen.findByRole('heading', { level: 1, name: topic.movedTo?.title ?? '' })).toBeInTheDocument();
    expect(screen.queryByText(/^This topic has moved to/)).toBeNull();
  });

  it('is just a locked topic when its target is gone (movedTo null)', async () => {
    const answer = await mockApi.topic(MOVED_NOTICE_TOPIC_ID);
    server.use(http.get(`*/api/topics/${MOVED_NOTICE_TOPIC_ID}`, () => HttpResponse.json({ ...answer, topic: { ...answer.topic, movedTo: null } })));
    renderRoute(`/topic/${MOVED_NOTICE_TOPIC_ID}`);
    expect(await screen.findByText('This topic is locked: no new replies can be posted.')).toBeInTheDocument();
    const heading = screen.getByRole('heading', { level: 1 });
    expect(heading).toHaveTextContent(answer.topic.title);
    expect(within(heading).getByText('Locked')).toBeInTheDocument();
    expect(screen.queryByText(/^This topic has moved to/)).toBeNull();
  });
});

describe('a topic that cannot be shown', () => {
  it('says "not found" for a topic that does not exist', async () => {
    renderRoute('/topic/999999');
    expect(await screen.findByRole('heading', { level: 1, name: 'Not found' })).toBeInTheDocument();
  });

  it('says "not found" for ?post= naming a post of another topic', async () => {
    renderRoute(`/topic/${MULTI_PAGE_TOPIC_ID}?post=${SEED_POST_ID}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Not found' })).toBeInTheDocument();
  });

  it('says "not found" for /post/P when P does not exist', async () => {
    renderRoute('/post/987654321');
    expect(await screen.findByRole('heading', { level: 1, name: 'Not found' })).toBeInTheDocument();
  });
});

describe('reading down and back up', () => {
  it('goes from the index to a board and a topic, then back up by the breadcrumb', async () => {
    const { user } = renderRoute('/');
    await user.click(await screen.findByRole('link', { name: 'Crime and war' }));
    await user.click(await screen.findByRole('link', { name: SEED_TITLE }));
    expect(await screen.findByRole('heading', { level: 1, name: SEED_TITLE })).toBeInTheDocument();
    const crumbs = screen.getByRole('navigation', { name: 'Breadcrumb' });
    await user.click(within(crumbs).getByRole('link', { name: 'Crime and war' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Crime and war' })).toBeInTheDocument();
    await user.click(within(screen.getByRole('navigation', { name: 'Breadcrumb' })).getByRole('link', { name: 'Bosman Business World' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Bosman Business World' })).toBeInTheDocument();
  });
});
