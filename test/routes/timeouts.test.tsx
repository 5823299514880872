import { act, fireEvent, render, screen } from '@testing-library/react';
import { http } from 'msw';
import { UNSAFE_createMemoryHistory as createMemoryHistory } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BUSY_BOARD_ID, SEED_TOPIC_ID } from '../../mocks/db/ids';
import { SEED_TITLE } from '../../mocks/db/seed-topic';
import { server } from '../../mocks/node';
import { App } from '../../src/app/app';
import { Navigator } from '../../src/app/navigation/navigator';
import { createPages } from '../../src/app/pages';
import { createQueryClient } from '../../src/lib/query-client';

/**
 * The reader at `url` with the production query client (its retries and backoff),
 * where renderRoute turns retries off.
 */
function renderWithRetries(url: string) {
  const queryClient = createQueryClient();
  const history = createMemoryHistory({ initialEntries: [url], v5Compat: true });
    return render(<App queryClient={queryClient} navigator={new Navigator(history, createPages(queryClient))} />);
}

/** Lets `ms` of fake time pass, with React rendering what it brings. */
const wait = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

// Fake time: a test of 15 s and more that takes milliseconds, with no real-timer race.
// AbortSignal.timeout runs on Node's own timers, out of the fake clock's reach, so it
// is rebuilt here on the (faked) setTimeout, as a browser's behaves.
beforeEach(async () => {
  // Code loaded on demand (the views; saved copies, looked for when a request
  // fails), loaded before the clock stops: its download is no part of the wait.
  await Promise.all([
    import('../../src/app/routes/topic-route-view'),
    import('../../src/app/routes/board-route-view'),
    import('../../src/app/routes/search-route-view'),
    import('../../src/features/forum-index/components/forum-index-page'),
    import('../../src/features/print/components/print-page'),
    import('../../src/lib/saved-copies/persistence'),
  ]);
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.spyOn(AbortSignal, 'timeout').mockImplementation((ms) => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(new DOMException('The operation timed out.', 'TimeoutError')), ms);
    return controller.signal;
  });
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('a forum that does not answer', () => {
  it('shows "Loading…" for 15 s at most, then says it is taking too long and offers to try again', async () => {
    let requests = 0;
    // Accepts the request and never answers.
    server.use(
      http.get('*/api/topics/:id', () => {
        requests += 1;
        return new Promise<never>(() => undefined);
      }),
    );
    renderWithRetries(`/topic/${SEED_TOPIC_ID}`);

    await wait(14_900);
    expect(screen.getByText('Loading…')).toBeInTheDocument();
    await wait(100);
    // A few real moments for what the failure loads (the look for a saved copy), and at
    // most a few fake ones: the page is there at about 15 s, not after the retries.
    await vi.waitFor(() => expect(screen.getByRole('heading', { level: 1, name: 'The forum is taking too long' })).toBeInTheDocument(), { interval: 10, timeout: 5000 });
    expect(screen.getByText('The server did not answer in time.')).toBeInTheDocument();
    expect(screen.queryByText('Loading…')).toBeNull();
    expect(requests).toBe(1);

    // No spinner comes back while the reader reads the page: it stays until they act.
    await wait(60_000);
    expect(screen.getByRole('heading', { level: 1, name: 'The forum is taking too long' })).toBeInTheDocument();
    expect(requests).toBe(1);

    // The forum answers again: "Try again" shows the topic.
    server.resetHandlers();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    vi.useRealTimers();
    expect(await screen.findByRole('heading', { level: 1, name: SEED_TITLE })).toBeInTheDocument();
  });

  it.each([
    ['the board index', '/'],
    ['a board', `/board/${BUSY_BOARD_ID}`],
    ['search results', '/search?q=troops'],
    ['the print view', `/topic/${SEED_TOPIC_ID}/print`],
  ])('says so after about 15 s on %s too', async (_, url) => {
    server.use(http.get('*/api/*', () => new Promise<never>(() => undefined)));
    renderWithRetries(url);
    await wait(15_100);
    await vi.waitFor(() => expect(screen.getByRole('heading', { level: 1, name: 'The forum is taking too long' })).toBeInTheDocument(), { interval: 10, timeout: 5000 });
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
