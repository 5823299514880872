import { screen, waitFor, within } from '@testing-library/react';
import { delay, http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HUGE_TOPIC_ID, MULTI_PAGE_TOPIC_ID, SEED_POST_ID, SEED_TOPIC_ID } from '../../mocks/db/ids';
import { SEED_IMAGE_NAME, SEED_PARAGRAPHS, SEED_TITLE } from '../../mocks/db/seed-topic';
import { server } from '../../mocks/node';
import { mockApi } from '../support/mock-api';
import { renderRoute } from '../render-route';

// Pages are shown in batches as they arrive, and jsdom is slow on a busy machine.
const SLOW = { timeout: 5_000 };

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
  it('reads like SMF’s print page of the seed topic', async () => {
    renderRoute(`/topic/${SEED_TOPIC_ID}/print`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Bosman Business World' })).toBeInTheDocument();
    expect(document.querySelector('.print-trail')).toHaveTextContent(
      /^News and Research => Crime and war => Topic started by: Dev Sunday on 2024-10-21 15:19$/,
    );

    const article = document.getElementById(`msg${SEED_POST_ID}`) as HTMLElement;
    expect(within(article).getByRole('heading', { level: 2 })).toHaveTextContent(`Title: ${SEED_TITLE}`);
    expect(within(article).getByText(/^Post by:/)).toHaveTextContent(/^Post by: Dev Sunday on 2024-10-21 15:19$/);
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
    expect(screen.getByRole('progressbar', { name: 'The whole topic is loaded (1 page)' })).toHaveAttribute('value', '1');
    expect(screen.getByRole('button', { name: 'Print' })).toBeEnabled();
    expect(screen.getByRole('link', { name: 'Back to the topic' })).toHaveAttribute('href', `/topic/${SEED_TOPIC_ID}`);
    expect(document.title).toBe(`Print: ${SEED_TITLE} · Bosman Business World`);
  });

  it('loads every page of a multi-page topic with its progress shown, then lets you print', async () => {
    // Hold page 3 back a little so the progress can be seen on its way.
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

    const bar = await screen.findByRole('progressbar', { name: 'Loading page 3 of 3…' }, SLOW);
    expect(bar).toHaveAttribute('max', '3');
    expect(bar).toHaveAttribute('value', '2');
    expect(screen.getByRole('button', { name: 'Print' })).toBeDisabled();
    expect(screen.getByText('Printing becomes possible once every page has loaded.')).toBeInTheDocument();
    // Pages 1 and 2 are already readable while page 3 loads.
    expect(screen.getAllByRole('article')).toHaveLength(30);

    releasePage3();
    expect(await screen.findByRole('progressbar', { name: 'All 3 pages loaded' }, SLOW)).toHaveAttribute('value', '3');
    // Announced politely once, at the end, not page by page.
    expect(screen.getByText('All 3 pages loaded', { selector: '[aria-live="polite"]' })).toBeInTheDocument();
    const articles = screen.getAllByRole('article');
    expect(articles).toHaveLength(41);
    const last = (await mockApi.topic(MULTI_PAGE_TOPIC_ID, 3)).posts.at(-1);
    expect(articles.at(-1)).toHaveAttribute('id', `msg${last?.id}`);
    expect(within(articles.at(-1) as HTMLElement).getByText(/^Post by:/)).toHaveTextContent(
      new RegExp(`^Post by: ${last?.author.name} on \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d$`),
    );

    await user.click(screen.getByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalledTimes(1);
  });

  it('switches to text only and back, in the URL so a reload keeps it', async () => {
    const { user, history } = renderRoute(`/topic/${SEED_TOPIC_ID}/print`);
    await screen.findByRole('heading', { level: 1 });
    const images = screen.getByRole('group', { name: 'Images' });
    expect(within(images).getByRole('radio', { name: 'With images' })).toBeChecked();
    const doc = screen.getByRole('heading', { level: 1 }).parentElement as HTMLElement;
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
    expect(screen.getByRole('heading', { level: 1 }).parentElement).toHaveClass('print-text-only');
  });

  it('says which page failed, keeps the pages it has, and recovers on retry', async () => {
    let failing = true;
    const page2 = failPage(MULTI_PAGE_TOPIC_ID, 2, () => failing);
    const { user } = renderRoute(`/topic/${MULTI_PAGE_TOPIC_ID}/print`);

    const alert = await screen.findByRole('alert', {}, SLOW);
    expect(alert).toHaveTextContent('Page 2 could not be loaded: The database is having a nap.');
    // Two automatic retries before giving up.
    expect(page2.calls()).toBe(3);
    expect(screen.getByRole('progressbar', { name: '2 of 3 pages loaded' })).toHaveAttribute('value', '2');
    expect(screen.getByText(/^Page 2 \(posts 16–30\) could not be loaded/)).toBeInTheDocument();
    // Pages 1 and 3 are kept and shown, around the gap.
    expect(screen.getAllByRole('article')).toHaveLength(26);
    expect(screen.getByRole('heading', { level: 1 })).toBeInTheDocument();

    failing = false;
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('progressbar', { name: 'All 3 pages loaded' }, SLOW)).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByText(/could not be loaded/)).toBeNull();
    expect(screen.getAllByRole('article')).toHaveLength(41);
    expect(page2.calls()).toBe(4);
  });

  it('asks only for the pages it does not already have', async () => {
    const requests = recordTopicRequests();
    const { user } = renderRoute(`/topic/${MULTI_PAGE_TOPIC_ID}`);
    await user.click(await screen.findByRole('link', { name: 'Print' }));
    expect(await screen.findByRole('progressbar', { name: 'All 3 pages loaded' }, SLOW)).toBeInTheDocument();
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
    await screen.findByRole('progressbar', { name: /^Loading page \d+ of 667…$/ }, SLOW);
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
    const bar = await screen.findByRole('progressbar', { name: 'Loading page 2 of 2,000…' }, SLOW);
    expect(bar).toHaveAttribute('max', '2000');
    expect(screen.getByText('This topic has 100,000,000 pages; the print view holds the first 2,000.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(`Title: ${SEED_TITLE}`);
    expect(requests.every((request) => Number(request.split(':')[1]) <= 2000)).toBe(true);
  });

  it('opens from the Print link of a topic', async () => {
    const { user, history } = renderRoute(`/topic/${SEED_TOPIC_ID}`);
    await user.click(await screen.findByRole('link', { name: 'Print' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Bosman Business World' })).toBeInTheDocument();
    expect(history.location.pathname).toBe(`/topic/${SEED_TOPIC_ID}/print`);
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(`Title: ${SEED_TITLE}`);
  });

  it('answers SMF’s own print link, index.php?action=printpage;topic=…', async () => {
    const { history } = renderRoute(`/index.php?action=printpage;topic=${SEED_TOPIC_ID}.0`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Bosman Business World' })).toBeInTheDocument();
    expect(history.location.pathname).toBe(`/topic/${SEED_TOPIC_ID}/print`);
  });

  it('says "not found" for a topic that does not exist', async () => {
    renderRoute('/topic/999999/print');
    expect(await screen.findByRole('heading', { level: 1, name: 'Not found' })).toBeInTheDocument();
  });
});
