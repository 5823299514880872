import { screen, waitFor, within } from '@testing-library/react';
import { delay, http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HUGE_TOPIC_ID, MULTI_PAGE_TOPIC_ID, SEED_POST_ID, SEED_TOPIC_ID, SHOWCASE_TOPIC_ID } from '../../mocks/db/ids';
import { SEED_IMAGE_NAME, SEED_PARAGRAPHS, SEED_TITLE } from '../../mocks/db/seed-topic';
import { server } from '../../mocks/node';
import { mockApi } from '../support/mock-api';
import { renderRoute } from '../render-route';

// Pages are shown in batches as they arrive, and jsdom is slow on a busy machine.
const SLOW = { timeout: 5_000 };

/** The one format every date of the print view is written in (the app's, in English here). */
const DATE = /^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d\d [AP]M$/;

/** The topic pages the app asks the mock forum for, as "topicId:page". */
function recordTopicRequests(): string[] {
  const seen: string[] = [];
  const listener = ({ request }: { request: Request }) => {
    const url = new URL(request.url);
    const match = url.pathname.match(/\/api\/topics\/(\d+)$/);
    if (match) seen.push(`${match[1]}:${url.searchParams.get('page') ?? '1'}`);
  };
  server.events.on('request:start', listener);
  listeners.push(listener);
  return seen;
}
const listeners: ((args: { request: Request }) => void)[] = [];
afterEach(() => {
  for (const listener of listeners.splice(0)) server.events.removeListener('request:start', listener);
  vi.restoreAllMocks();
});

/** Answers one page of one topic with a failure while `fail()` says so; other requests go on to the mock forum. */
function failPage(topicId: number, page: number, fail: () => boolean) {
  let calls = 0;
  server.use(
    http.get(`*/api/topics/${topicId}`, ({ request }) => {
      if (Number(new URL(request.url).searchParams.get('page') ?? '1') !== page) return undefined;
      calls += 1;
      if (!fail()) return undefined;
      return HttpResponse.json({ error: { code: 'internal', message: 'The database is having a nap.' } }, { status: 500 });
    }),
  );
  return { calls: () => calls };
}

describe('the print view', () => {
  it('reads as a document: the trail, the title, who started it, then each post with its author, number and date', async () => {
    renderRoute(`/topic/${SEED_TOPIC_ID}/print`);
    expect(await screen.findByRole('heading', { level: 1, name: SEED_TITLE })).toBeInTheDocument();
    expect(document.querySelector('.print-trail')).toHaveTextContent(/^Bosman Business World › News and Research › Crime and war$/);
    expect(document.querySelector('.print-meta')).toHaveTextContent(new RegExp(`^Started by Dev Sunday on ${DATE.source.slice(1, -1)} · 1 post$`));

    const article = document.getElementById(`msg${SEED_POST_ID}`) as HTMLElement;
    expect(article).toHaveAccessibleName('#1 Dev Sunday');
    // The post's subject only repeats the topic's title: not shown again.
    expect(within(article).queryByText(SEED_TITLE)).toBeNull();
    expect(article).toHaveTextContent(SEED_IMAGE_NAME);
    // Every paragraph of the seed, in order (a long post shows a part a frame: wait for its end).
    await waitFor(() => expect(article).toHaveTextContent(SEED_PARAGRAPHS[SEED_PARAGRAPHS.length - 1] ?? ''));
    const text = article.textContent ?? '';
    let from = 0;
    for (const paragraph of SEED_PARAGRAPHS) {
      const at = text.indexOf(paragraph, from);
      expect({ paragraph: paragraph.slice(0, 40), found: at >= 0 }).toEqual({ paragraph: paragraph.slice(0, 40), found: true });
      from = at + paragraph.length;
    }
    expect(screen.getByRole('progressbar', { name: 'Loaded the whole topic (1 post)' })).toHaveAttribute('value', '1');
    expect(screen.getByRole('button', { name: 'Print' })).toBeEnabled();
    expect(screen.getByRole('link', { name: 'Back to the topic' })).toHaveAttribute('href', `/topic/${SEED_TOPIC_ID}`);
    // A topic of one page has no pages to choose from.
    expect(screen.queryByRole('form', { name: 'Pages to print' })).toBeNull();
    expect(document.title).toBe(`Print: ${SEED_TITLE} · Bosman Business World`);
  });

  it('writes every date in one format: the topic’s, each post’s and each quote’s', async () => {
    renderRoute(`/topic/${SHOWCASE_TOPIC_ID}/print`);
    await screen.findByRole('heading', { level: 1 });
    await waitFor(() => expect(document.querySelectorAll('.print-document .bb-quote time').length).toBeGreaterThan(1));
    const dates = [...document.querySelectorAll('.print-document time')].map((time) => time.textContent);
    expect(dates.length).toBeGreaterThan(5);
    expect(dates.filter((date) => !DATE.test(date ?? ''))).toEqual([]);
  });

  it('loads every page of a multi-page topic with its progress shown, and prints what has loaded at any time', async () => {
    // Hold page 3 back so the progress can be seen on its way.
    let releasePage3: () => void = () => undefined;
    const page3Held = new Promise<void>((resolve) => (releasePage3 = resolve));
    server.use(
      http.get(`*/api/topics/${MULTI_PAGE_TOPIC_ID}`, async ({ request }) => {
        if (new URL(request.url).searchParams.get('page') === '3') await page3Held;
        return undefined;
      }),
    );
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    const { user } = renderRoute(`/topic/${MULTI_PAGE_TOPIC_ID}/print`);

    const bar = await screen.findByRole('progressbar', { name: 'Loaded 30 of 41 posts' }, SLOW);
    expect(bar).toHaveAttribute('max', '41');
    expect(bar).toHaveAttribute('value', '30');
    expect(screen.getByText('Loaded 30 of 41 posts', { selector: '.print-progress-text' })).toBeVisible();
    expect(screen.getAllByRole('article')).toHaveLength(30);
    // Printing need not wait: it prints the posts loaded so far, and the printout says so at its end.
    expect(screen.getByRole('button', { name: 'Print' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Print' })).toHaveAccessibleDescription('Print now for the posts loaded so far, or wait for the rest.');
    expect(document.querySelector('.print-partial')).toHaveTextContent(
      'This printout holds 30 of 41 posts; the rest had not loaded when it was printed.',
    );
    await user.click(screen.getByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalledTimes(1);

    releasePage3();
    expect(await screen.findByRole('progressbar', { name: 'Loaded all 41 posts' }, SLOW)).toHaveAttribute('value', '41');
    // Announced politely once, at the end, not page by page.
    expect(screen.getByText('Loaded all 41 posts', { selector: '[aria-live="polite"]' })).toBeInTheDocument();
    expect(document.querySelector('.print-partial')).toBeNull();
    const articles = screen.getAllByRole('article');
    expect(articles).toHaveLength(41);
    const last = (await mockApi.topic(MULTI_PAGE_TOPIC_ID, 3)).posts.at(-1);
    expect(articles.at(-1)).toHaveAttribute('id', `msg${last?.id}`);
    expect(articles.at(-1)).toHaveAccessibleName(`#41 ${last?.author.name}`);

    await user.click(screen.getByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalledTimes(2);
  });

  it('tells screen readers of the progress at the start, each quarter and the end, not at every page', async () => {
    // The huge topic cut to 8 pages, of which pages past the third wait.
    const answers = await Promise.all([1, 2, 3].map((page) => mockApi.topic(HUGE_TOPIC_ID, page)));
    server.use(
      http.get(`*/api/topics/${HUGE_TOPIC_ID}`, async ({ request }) => {
        const answer = answers[Number(new URL(request.url).searchParams.get('page') ?? '1') - 1];
        if (!answer) return delay('infinite');
        return HttpResponse.json({ ...answer, page: { ...answer.page, totalPages: 8, totalItems: 120 } });
      }),
    );
    renderRoute(`/topic/${HUGE_TOPIC_ID}/print`);
    const live = await screen.findByText('Loading 120 posts…', { selector: '[aria-live="polite"]' }, SLOW);
    await screen.findByRole('progressbar', { name: 'Loaded 45 of 120 posts' }, SLOW);
    // Three pages of eight: the first quarter, whatever the page count says on screen.
    expect(live).toHaveTextContent(/^25% of the posts loaded$/);
  });

  it('loads only the pages of a range chosen in the form, in the URL so it can be shared', async () => {
    const requests = recordTopicRequests();
    const { user, history } = renderRoute(`/topic/${MULTI_PAGE_TOPIC_ID}/print?images=0`);
    await screen.findByRole('progressbar', { name: 'Loaded all 41 posts' }, SLOW);
    const form = screen.getByRole('form', { name: 'Pages to print' });
    expect(within(form).getByRole('spinbutton', { name: 'Pages from' })).toHaveValue(1);
    expect(within(form).getByRole('spinbutton', { name: 'to' })).toHaveValue(3);

    await user.clear(within(form).getByRole('spinbutton', { name: 'Pages from' }));
    await user.type(within(form).getByRole('spinbutton', { name: 'Pages from' }), '2');
    await user.clear(within(form).getByRole('spinbutton', { name: 'to' }));
    await user.type(within(form).getByRole('spinbutton', { name: 'to' }), '2');
    await user.click(within(form).getByRole('button', { name: 'Show these pages' }));

    expect(await screen.findByRole('progressbar', { name: 'Loaded all 15 posts' }, SLOW)).toHaveAttribute('max', '15');
    expect(new URLSearchParams(history.location.search)).toEqual(new URLSearchParams('images=0&from=2&to=2'));
    const articles = screen.getAllByRole('article');
    expect(articles).toHaveLength(15);
    expect(articles[0]).toHaveAccessibleName(/^#16 /);
    expect(document.querySelector('.print-meta')).toHaveTextContent(/· Pages 2–2 of 3, posts 16–30$/);
    expect(screen.getByRole('radio', { name: 'Text only' })).toBeChecked();
    // The whole topic is one link away.
    expect(screen.getByRole('link', { name: 'Whole topic' })).toHaveAttribute('href', `/topic/${MULTI_PAGE_TOPIC_ID}/print?images=0`);
    expect(requests.filter((r) => r.startsWith(`${MULTI_PAGE_TOPIC_ID}:`)).sort()).toEqual([
      `${MULTI_PAGE_TOPIC_ID}:1`,
      `${MULTI_PAGE_TOPIC_ID}:2`,
      `${MULTI_PAGE_TOPIC_ID}:3`,
    ]);
  });

  it('opens a range from its URL and asks for no page outside it (but page 1, which names the topic)', async () => {
    const requests = recordTopicRequests();
    renderRoute(`/topic/${HUGE_TOPIC_ID}/print?from=500&to=502`);
    expect(await screen.findByRole('progressbar', { name: 'Loaded all 45 posts' }, SLOW)).toHaveAttribute('value', '45');
    expect(screen.getAllByRole('article')[0]).toHaveAccessibleName(/^#7,486 /);
    expect(requests.filter((r) => r.startsWith(`${HUGE_TOPIC_ID}:`)).sort()).toEqual(
      [1, 500, 501, 502].map((page) => `${HUGE_TOPIC_ID}:${page}`).sort(),
    );
  });

  it('reads a range given backwards or past the end as the pages it can mean', async () => {
    renderRoute(`/topic/${MULTI_PAGE_TOPIC_ID}/print?from=9&to=2`);
    expect(await screen.findByRole('progressbar', { name: 'Loaded all 26 posts' }, SLOW)).toBeInTheDocument();
    expect(document.querySelector('.print-meta')).toHaveTextContent(/· Pages 2–3 of 3, posts 16–41$/);
  });

  it('switches to text only and back, in the URL so a reload keeps it', async () => {
    const { user, history } = renderRoute(`/topic/${SEED_TOPIC_ID}/print`);
    await screen.findByRole('heading', { level: 1 });
    const images = screen.getByRole('group', { name: 'Images' });
    expect(within(images).getByRole('radio', { name: 'With images' })).toBeChecked();
    const doc = screen.getByRole('heading', { level: 1 }).closest('.print-document') as HTMLElement;
    expect(doc).not.toHaveClass('print-text-only');
    expect(screen.getByRole('img', { name: SEED_IMAGE_NAME })).toBeInTheDocument();

    await user.click(within(images).getByRole('radio', { name: 'Text only' }));
    expect(history.location.search).toBe('?images=0');
    expect(within(images).getByRole('radio', { name: 'Text only' })).toBeChecked();
    // Images are hidden by the text-only class (CSS; checked in Chromium by the browser test); the name stays.
    expect(doc).toHaveClass('print-text-only');
    expect(screen.getByText(SEED_IMAGE_NAME)).toBeInTheDocument();

    await user.click(within(images).getByRole('radio', { name: 'With images' }));
    expect(history.location.search).toBe('');
    expect(doc).not.toHaveClass('print-text-only');
  });

  it('opens in text only from ?images=0', async () => {
    renderRoute(`/topic/${SEED_TOPIC_ID}/print?images=0`);
    await screen.findByRole('heading', { level: 1 });
    expect(screen.getByRole('radio', { name: 'Text only' })).toBeChecked();
    expect(screen.getByRole('heading', { level: 1 }).closest('.print-document')).toHaveClass('print-text-only');
  });

  it('says which page failed, keeps the pages it has, and recovers on retry', async () => {
    let failing = true;
    const page2 = failPage(MULTI_PAGE_TOPIC_ID, 2, () => failing);
    const { user } = renderRoute(`/topic/${MULTI_PAGE_TOPIC_ID}/print`);

    const alert = await screen.findByRole('alert', {}, SLOW);
    expect(alert).toHaveTextContent('Page 2 could not be loaded: The database is having a nap.');
    // Two automatic retries before giving up.
    expect(page2.calls()).toBe(3);
    expect(screen.getByRole('progressbar', { name: 'Loaded 26 of 41 posts' })).toHaveAttribute('value', '26');
    expect(screen.getByText(/^Page 2 \(posts 16–30\) could not be loaded/)).toBeInTheDocument();
    // Pages 1 and 3 are kept and shown, around the gap.
    expect(screen.getAllByRole('article')).toHaveLength(26);
    expect(screen.getByRole('heading', { level: 1 })).toBeInTheDocument();

    failing = false;
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('progressbar', { name: 'Loaded all 41 posts' }, SLOW)).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByText(/could not be loaded/)).toBeNull();
    expect(screen.getAllByRole('article')).toHaveLength(41);
    expect(page2.calls()).toBe(4);
  });

  it('asks only for the pages it does not already have', async () => {
    const requests = recordTopicRequests();
    const { user } = renderRoute(`/topic/${MULTI_PAGE_TOPIC_ID}`);
    await user.click(await screen.findByRole('link', { name: 'Print' }));
    expect(await screen.findByRole('progressbar', { name: 'Loaded all 41 posts' }, SLOW)).toBeInTheDocument();
    expect(requests.filter((r) => r.startsWith(`${MULTI_PAGE_TOPIC_ID}:`)).sort()).toEqual([
      `${MULTI_PAGE_TOPIC_ID}:1`,
      `${MULTI_PAGE_TOPIC_ID}:2`,
      `${MULTI_PAGE_TOPIC_ID}:3`,
    ]);
  });

  it('stops loading when the reader leaves, and never has more than a few pages in flight', async () => {
    // Pages 2 and 3 answer at once; later ones wait until the reader has left, so the test
    // sees the pages in flight at their most and what happens after, at any machine speed.
    let inFlight = 0;
    let most = 0;
    let leave = () => {};
    const left = new Promise<void>((resolve) => {
      leave = resolve;
    });
    const held: Request[] = [];
    server.use(
      http.get(`*/api/topics/${HUGE_TOPIC_ID}`, async ({ request }) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        if (Number(new URL(request.url).searchParams.get('page')) > 3) {
          held.push(request);
          await left;
        }
        inFlight -= 1;
        return undefined;
      }),
    );
    const requests = recordTopicRequests();
    const { user } = renderRoute(`/topic/${HUGE_TOPIC_ID}/print`);
    await screen.findByRole('progressbar', { name: /^Loaded [\d,]+ of 10,000 posts$/ }, SLOW);
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(45), SLOW);
    await waitFor(() => expect(inFlight).toBe(6), SLOW);
    await user.click(screen.getByRole('link', { name: 'Back to the topic' }));
    expect(await screen.findByRole('link', { name: 'Post 1, link to this post' }, SLOW)).toBeInTheDocument();
    // Leaving cancels the requests still in flight…
    await waitFor(() => expect(held.filter((request) => !request.signal.aborted)).toEqual([]), SLOW);
    const atLeave = requests.length;
    // …and their answers, when they come, start no more.
    leave();
    await waitFor(() => expect(inFlight).toBe(0), SLOW);
    expect(requests.length).toBe(atLeave);
    expect(held.length).toBeGreaterThan(0);
    expect(most).toBe(6);
  });

  it('holds the first 2,000 pages of a topic that claims 100,000,000, and says so, as "Save all pages" would', async () => {
    const first = await mockApi.topic(SEED_TOPIC_ID);
    server.use(
      http.get(`*/api/topics/${SEED_TOPIC_ID}`, async ({ request }) => {
        if (new URL(request.url).searchParams.has('page')) await delay('infinite');
        return HttpResponse.json({ ...first, page: { ...first.page, totalPages: 100_000_000, totalItems: 1_500_000_000 } });
      }),
    );
    const requests = recordTopicRequests();
    renderRoute(`/topic/${SEED_TOPIC_ID}/print`);
    const bar = await screen.findByRole('progressbar', { name: 'Loaded 1 of 30,000 posts' }, SLOW);
    expect(bar).toHaveAttribute('max', '30000');
    expect(screen.getByText('This topic has 100,000,000 pages; the print view holds the first 2,000.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('#1 Dev Sunday');
    expect(requests.every((request) => Number(request.split(':')[1]) <= 2000)).toBe(true);
  });

  it('opens from the Print link of a topic', async () => {
    const { user, history } = renderRoute(`/topic/${SEED_TOPIC_ID}`);
    await user.click(await screen.findByRole('link', { name: 'Print' }));
    expect(await screen.findByRole('heading', { level: 1, name: SEED_TITLE })).toBeInTheDocument();
    expect(history.location.pathname).toBe(`/topic/${SEED_TOPIC_ID}/print`);
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('#1 Dev Sunday');
  });

  it('answers SMF’s own print link, index.php?action=printpage;topic=…', async () => {
    const { history } = renderRoute(`/index.php?action=printpage;topic=${SEED_TOPIC_ID}.0`);
    expect(await screen.findByRole('heading', { level: 1, name: SEED_TITLE })).toBeInTheDocument();
    expect(history.location.pathname).toBe(`/topic/${SEED_TOPIC_ID}/print`);
  });

  it('says "not found" for a topic that does not exist', async () => {
    renderRoute('/topic/999999/print');
    expect(await screen.findByRole('heading', { level: 1, name: 'Not found' })).toBeInTheDocument();
  });
});
