import { act, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { HOSTILE_TOPIC_ID, HUGE_TOPIC_ID, SEED_BOARD_ID, SEED_POST_ID, SEED_TOPIC_ID } from '../../mocks/db/ids';
import { SEED_TITLE } from '../../mocks/db/seed-topic';
import { server } from '../../mocks/node';
import type { SearchResponse, TopicSearchResponse } from '../../src/lib/api/search-schemas';
import { postHref } from '../../src/lib/reader-routes';
import { renderRoute } from '../render-route';

async function mockSearch(q: string, page = 1): Promise<SearchResponse> {
  const response = await fetch(`http://localhost/api/search?q=${encodeURIComponent(q)}&page=${page}`);
  return (await response.json()) as SearchResponse;
}

async function mockSearchByTopic(q: string, page = 1): Promise<TopicSearchResponse> {
  const response = await fetch(`http://localhost/api/search?q=${encodeURIComponent(q)}&by=topic&page=${page}`);
  return (await response.json()) as TopicSearchResponse;
}

/** Counts the search requests the app makes while a handler stands in for the server. */
function serveSearch(answer: (url: URL) => Response): { calls: URL[] } {
  const calls: URL[] = [];
  server.use(
    http.get('*/api/search', ({ request }) => {
      const url = new URL(request.url);
      calls.push(url);
      return answer(url);
    }),
  );
  return { calls };
}

const notFoundAnswer = () => HttpResponse.json({ error: { code: 'not_found', message: 'No such page.' } }, { status: 404 });
// The entries of the results list: one per topic (each holds its own list of posts).
const resultItems = () =>
  within(screen.getByRole('list', { name: /^Results/ }))
    .getAllByRole('listitem')
    .filter((item) => item.parentElement?.matches('.search-results'));

describe('search results', () => {
  it('lists each matching topic once, with its board, its count and its best posts, highlighted', async () => {
    renderRoute('/search?q=korean+troops');
    expect(await screen.findByRole('heading', { level: 1, name: /Search results for.*korean troops/ })).toBeInTheDocument();
    expect(document.title).toBe('Search: korean troops');
    expect(screen.getByText('2 posts found in 2 topics')).toBeInTheDocument();
    // The query stays in the header's box.
    expect(within(screen.getByRole('search')).getByRole('searchbox', { name: 'Search the forum' })).toHaveValue('korean troops');

    const [seed, quoted] = resultItems() as [HTMLElement, HTMLElement];
    const title = within(seed).getByRole('heading', { level: 2 });
    expect(title).toHaveTextContent(SEED_TITLE);
    expect(within(title).getByRole('link')).toHaveAttribute('href', postHref(SEED_TOPIC_ID, SEED_POST_ID));
    expect([...title.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Korean', 'Troops']);
    expect(within(seed).getByRole('link', { name: 'Crime and war' })).toHaveAttribute('href', `/board/${SEED_BOARD_ID}`);
    expect(seed).toHaveTextContent('1 matching post');
    const [post] = within(seed).getAllByRole('listitem');
    expect(within(post as HTMLElement).getByRole('link', { name: 'Post #1' })).toHaveAttribute('href', postHref(SEED_TOPIC_ID, SEED_POST_ID));
    expect(post).toHaveTextContent('by Dev Sunday');
    expect(seed.querySelector('time')).toHaveAttribute('datetime', '2024-10-21T15:19:00Z');

    const snippet = seed.querySelector('.search-snippet') as HTMLElement;
    expect(snippet).toHaveTextContent('the immediate withdrawal of North Korean troops stationed in Russia');
    expect([...snippet.querySelectorAll('mark')].map((m) => m.textContent?.toLowerCase())).toEqual(expect.arrayContaining(['korean', 'troops']));

    // The other hit is a quote in the BBCode showcase: its snippet is the quoted words, no tags.
    const quotedSnippet = quoted.querySelector('.search-snippet') as HTMLElement;
    expect(quotedSnippet).toHaveTextContent('North Korean troops');
    expect(quotedSnippet.textContent).not.toMatch(/\[\/?quote|author=|link=msg/);
  });

  it('gives a topic whose title matches one entry, with its title marked, its count and three posts', async () => {
    renderRoute('/search?q=pricing');
    await screen.findByRole('heading', { level: 1, name: /pricing/ });
    const { topics, totalPosts, page } = await mockSearchByTopic('pricing');
    expect(screen.getByText(`${totalPosts} posts found in ${page.totalItems} topics · page 1 of ${page.totalPages}`)).toBeInTheDocument();

    const items = resultItems();
    expect(items).toHaveLength(topics.length);
    // One entry per topic (three topics share the title, so tell them by their links).
    const topicOf = (item: HTMLElement) => within(within(item).getByRole('heading', { level: 2 })).getByRole('link').getAttribute('href')?.split('?')[0];
    expect(items.map(topicOf)).toEqual(topics.map((t) => `/topic/${t.topic.id}`));

    const pricing = items[0] as HTMLElement;
    const title = within(pricing).getByRole('heading', { level: 2 });
    expect(title).toHaveTextContent('Pricing page redesign — before and after');
    expect(within(title).getByText('Pricing', { selector: 'mark' })).toBeInTheDocument();
    expect(pricing).toHaveTextContent(`${topics[0]?.matches} matching posts`);
    const posts = within(within(pricing).getByRole('list', { name: /^Matching posts in Pricing page/ })).getAllByRole('listitem');
    expect(posts).toHaveLength(3);
    // Every post's snippet marks the word it was found by: in its text, or in its subject before the text
    // when only the subject ("Re: Pricing page…") holds it.
    for (const post of posts) {
      const snippet = post.querySelector('.search-snippet') as HTMLElement;
      expect(within(snippet).getAllByText(/^pricing$/i, { selector: 'mark' }).length).toBeGreaterThan(0);
    }
    expect(posts[1]?.querySelector('.search-snippet')).toHaveTextContent(/^Re: Pricing page redesign — before and after — \S/);
  });

  it('shows hostile text as text, with marks and no markup from the post', async () => {
    const { container } = renderRoute('/search?q=script');
    await screen.findByRole('heading', { level: 1, name: /script/ });
    const hostile = resultItems().filter((item) => within(item).queryByRole('heading', { level: 2, name: /Security test: hostile posts/ }));
    expect(hostile).toHaveLength(1);
    expect(container.querySelector('main script, main iframe, main img, main [onerror]')).toBeNull();
    expect(within(hostile[0] as HTMLElement).getAllByText('script', { selector: 'mark' }).length).toBeGreaterThan(0);
    expect(within(hostile[0] as HTMLElement).getByRole('link', { name: /Security test/ }).getAttribute('href')).toMatch(
      new RegExp(`^/topic/${HOSTILE_TOPIC_ID}\\?post=\\d+#msg\\d+$`),
    );
  });

  it('pages through topics, 10 at a time, with real links', async () => {
    const { user, history } = renderRoute('/search?q=the');
    const top = await screen.findByRole('navigation', { name: 'Result pages, top' });
    expect(screen.getByRole('navigation', { name: 'Result pages, bottom' })).toBeInTheDocument();
    expect(resultItems()).toHaveLength(10);
    const { page, totalPosts } = await mockSearchByTopic('the');
    expect(
      screen.getByText(`${totalPosts.toLocaleString()} posts found in ${page.totalItems.toLocaleString()} topics · page 1 of ${page.totalPages}`),
    ).toBeInTheDocument();
    expect(within(top).getByRole('link', { name: 'Page 2' })).toHaveAttribute('href', '/search?q=the&page=2');

    await user.click(within(top).getByRole('link', { name: 'Next page' }));
    await waitFor(() => expect(document.title).toBe('Search: the (page 2)'));
    expect(history.location.search).toBe('?q=the&page=2');
    const second = await mockSearchByTopic('the', 2);
    const first = resultItems()[0] as HTMLElement;
    expect(within(first).getByRole('heading', { level: 2 })).toHaveTextContent(second.topics[0]?.topic.title ?? 'a second page');
    expect(within(screen.getByRole('navigation', { name: 'Result pages, top' })).getByRole('link', { name: 'Page 2' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    expect(within(screen.getByRole('search')).getByRole('searchbox')).toHaveValue('the');
  });

  it('makes the 10,000 matching posts of the never-ending thread one entry', async () => {
    renderRoute('/search?q=never-ending');
    await screen.findByRole('heading', { level: 1, name: /never-ending/ });
    const huge = resultItems().filter((item) => within(item).queryByRole('heading', { level: 2, name: /The never-ending thread/ }));
    expect(huge).toHaveLength(1);
    expect(huge[0]).toHaveTextContent(/10,0\d\d matching posts/);
    expect(within(huge[0] as HTMLElement).getAllByRole('link', { name: /^Post #/ })[0]).toHaveAttribute(
      'href',
      expect.stringMatching(new RegExp(`^/topic/${HUGE_TOPIC_ID}\\?post=`)),
    );
  });

  it('groups the posts of a server that only lists posts, page by page, and says so', async () => {
    const flat = await mockSearch('pricing');
    const { calls } = serveSearch(() => HttpResponse.json(flat));
    renderRoute('/search?q=pricing');
    await screen.findByRole('heading', { level: 1, name: /pricing/ });
    expect(calls[0]?.searchParams.get('by')).toBe('topic');
    expect(screen.getByText(`${flat.page.totalItems} posts found · page 1 of ${flat.page.totalPages}`)).toBeInTheDocument();
    expect(screen.getByText(/lists matching posts one by one; each page’s posts are grouped here by topic/)).toBeInTheDocument();
    const topicIds = [...new Set(flat.results.map((r) => r.topic.id))];
    expect(resultItems()).toHaveLength(topicIds.length);
    const first = resultItems()[0] as HTMLElement;
    const onPage = flat.results.filter((r) => r.topic.id === topicIds[0]).length;
    expect(first).toHaveTextContent(`${onPage} matching post${onPage === 1 ? '' : 's'} on this page`);
    expect(within(first).getAllByRole('link', { name: /^Post #/ })).toHaveLength(onPage);
    expect(within(screen.getByRole('navigation', { name: 'Result pages, top' })).getByRole('link', { name: 'Page 2' })).toHaveAttribute(
      'href',
      '/search?q=pricing&page=2',
    );
  });

  it('says so when no post holds all the words', async () => {
    renderRoute('/search?q=dividend+zzqqxxnotaword');
    expect(await screen.findByText('No posts found')).toBeInTheDocument();
    expect(screen.getByText(/No post contains all of these words/)).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: /^Results/ })).toBeNull();
    expect(screen.queryByRole('navigation', { name: /Result pages/ })).toBeNull();
  });
});

describe('the search box', () => {
  it('is in the header of every view and sends its words to /search?q=', async () => {
    const { user, history } = renderRoute('/');
    await screen.findByRole('heading', { level: 1, name: 'Bosman Business World' });
    const box = within(document.querySelector('.site-header') as HTMLElement).getByRole('searchbox', { name: 'Search the forum' });
    expect(box).toHaveAttribute('type', 'search');
    await user.type(box, 'North Korean{Enter}');
    expect(await screen.findByRole('heading', { level: 1, name: /North Korean/ })).toBeInTheDocument();
    expect(history.location.pathname).toBe('/search');
    expect(new URLSearchParams(history.location.search).get('q')).toBe('North Korean');
    expect(resultItems()[0]).toHaveTextContent(SEED_TITLE);
    expect(screen.getByRole('searchbox')).toHaveValue('North Korean');
    expect(screen.getByRole('searchbox')).toHaveFocus();
  });

  it('does not search for nothing', async () => {
    const { calls } = serveSearch(() => HttpResponse.json({}));
    const { user, history } = renderRoute('/');
    await screen.findByRole('heading', { level: 1, name: 'Bosman Business World' });
    await user.type(screen.getByRole('searchbox'), '   {Enter}');
    expect(history.location.pathname).toBe('/');
    expect(calls).toHaveLength(0);
  });
});

describe('a search with nothing to search for', () => {
  for (const url of ['/search', '/search?q=', '/search?q=%20%20&page=3']) {
    it(`asks for words at ${url}, without asking the server`, async () => {
      const { calls } = serveSearch(() => HttpResponse.json({}));
      renderRoute(url);
      expect(await screen.findByRole('heading', { level: 1, name: 'Search' })).toBeInTheDocument();
      expect(screen.getByText(/Type one or more words into the search at the top/)).toBeInTheDocument();
      expect(document.title).toBe('Search');
      expect(screen.getByRole('search')).toBeInTheDocument();
      expect(calls).toHaveLength(0);
    });
  }
});

describe('a search that fails', () => {
  it('shows the error page for an answer that is not JSON, and keeps the box', async () => {
    serveSearch(() => new HttpResponse('<html>proxy login</html>', { status: 200, headers: { 'Content-Type': 'text/html' } }));
    renderRoute('/search?q=korean');
    expect(await screen.findByRole('heading', { level: 1, name: 'The forum sent something Lectern cannot read' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    expect(screen.getByRole('search')).toBeInTheDocument();
  });

  it('shows the error page for a refused search, and keeps the box', async () => {
    serveSearch(() => HttpResponse.json({ error: { code: 'forbidden', message: 'Guests may not search.' } }, { status: 403 }));
    renderRoute('/search?q=korean');
    expect(await screen.findByRole('heading', { level: 1, name: 'Not open to guests' })).toBeInTheDocument();
    expect(screen.getByRole('search')).toBeInTheDocument();
  });

  it('says "not found" for a page past the last one, and keeps the box', async () => {
    const { page } = await mockSearch('korean');
    renderRoute(`/search?q=korean&page=${page.totalPages + 1}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Not found' })).toBeInTheDocument();
    expect(screen.getByText(/does not exist/)).toBeInTheDocument();
    expect(screen.getByRole('search')).toBeInTheDocument();
  });
});

describe('a server without search', () => {
  it('answering 404 hides the search box for the rest of the session', async () => {
    const { calls } = serveSearch(notFoundAnswer);
    const { user, history } = renderRoute('/search?q=korean');
    expect(await screen.findByRole('heading', { level: 1, name: 'Search is not available' })).toBeInTheDocument();
    expect(document.title).toBe('Search not available');
    expect(screen.queryByRole('search')).toBeNull();
    expect(screen.queryByRole('searchbox')).toBeNull();

    await user.click(screen.getByRole('link', { name: 'board index' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Bosman Business World' })).toBeInTheDocument();
    expect(screen.queryByRole('search')).toBeNull();

    // Remembered: a later search link does not ask the server again.
    act(() => history.push('/search?q=dividend'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Search is not available' })).toBeInTheDocument();
    expect(calls).toHaveLength(1);
  });

  it('answering 501 hides the search box, without retrying', async () => {
    const { calls } = serveSearch(() => HttpResponse.json({ error: { code: 'not_implemented', message: 'No search here.' } }, { status: 501 }));
    renderRoute('/search?q=korean');
    expect(await screen.findByRole('heading', { level: 1, name: 'Search is not available' })).toBeInTheDocument();
    expect(screen.queryByRole('search')).toBeNull();
    expect(calls).toHaveLength(1);
  });

  it('is recognised from a link to a later page by checking page 1', async () => {
    const { calls } = serveSearch(notFoundAnswer);
    renderRoute('/search?q=korean&page=3');
    expect(await screen.findByRole('heading', { level: 1, name: 'Search is not available' })).toBeInTheDocument();
    expect(screen.queryByRole('search')).toBeNull();
    expect(calls.map((url) => url.searchParams.get('page'))).toEqual(['3', null]);
  });
});
