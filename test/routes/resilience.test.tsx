import { onlineManager } from '@tanstack/react-query';
import { act, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { BUSY_BOARD_ID, SEED_BOARD_ID, SEED_TOPIC_ID } from '../../mocks/db/ids';
import { SEED_TITLE } from '../../mocks/db/seed-topic';
import { server } from '../../mocks/node';
import { apiTimeoutMs } from '../../src/lib/api/base-url';
import { mockApi } from '../support/mock-api';
import { renderRoute } from '../render-route';

const goOffline = () => act(() => void window.dispatchEvent(new Event('offline')));
const goOnline = () => act(() => void window.dispatchEvent(new Event('online')));

// onlineManager is one per process: no test may leave the next one offline.
afterEach(() => onlineManager.setOnline(true));

describe('stale beats blank', () => {
  it('keeps a topic on screen when its refresh fails, says so, and a retry recovers', async () => {
    const { user, queryClient } = renderRoute(`/topic/${SEED_TOPIC_ID}`);
    expect(await screen.findByRole('heading', { level: 1, name: SEED_TITLE })).toBeInTheDocument();

    // The whole server is gone (each of the page's queries fails).
    server.use(http.get('*/api/*', () => HttpResponse.error()));
    await act(() => queryClient.invalidateQueries());

    expect(await screen.findByText(/This page could not be refreshed/)).toBeInTheDocument();
    // The content is still there, word for word.
    expect(screen.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeInTheDocument();
    expect(screen.getAllByRole('article').length).toBeGreaterThan(0);
    // A refetch that fails without an answer is also a lost connection.
    expect(await screen.findByText('Cannot reach the forum.')).toBeInTheDocument();

    server.resetHandlers();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Up to date.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    expect(screen.queryByText('Cannot reach the forum.')).toBeNull();
    expect(screen.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeInTheDocument();
  });

  it('keeps a board on screen through a server error on refresh', async () => {
    const { queryClient } = renderRoute(`/board/${BUSY_BOARD_ID}`);
    const heading = await screen.findByRole('heading', { level: 1 });
    server.use(http.get('*/api/boards/:id', () => HttpResponse.json({ error: { code: 'internal', message: 'Boom' } }, { status: 500 })));
    await act(() => queryClient.invalidateQueries());
    expect(await screen.findByText(/This page could not be refreshed/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toBe(heading);
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    // A server that answers is reachable: no connection banner for a 500.
    expect(screen.queryByText('Cannot reach the forum.')).toBeNull();
  });

  it('shows no notice on the board index while refreshes succeed', async () => {
    const { queryClient } = renderRoute('/');
    await screen.findByRole('heading', { level: 1, name: 'Bosman Business World' });
    await act(() => queryClient.invalidateQueries());
    expect(screen.queryByText(/could not be refreshed/)).toBeNull();
  });
});

describe('offline', () => {
  it('says so in a banner, pauses refreshes and resumes them when the connection returns', async () => {
    const { queryClient } = renderRoute('/');
    await screen.findByRole('heading', { level: 1, name: 'Bosman Business World' });
    let requests = 0;
    const count = () => void (requests += 1);
    server.events.on('request:start', count);

    await goOffline();
    const banner = screen.getByText('You are offline.').closest('[aria-live="polite"]') as HTMLElement;
    expect(banner).toHaveTextContent('Pages you have already opened still work');

    // A refresh while offline waits instead of failing: no request, no notice.
    await act(() => void queryClient.invalidateQueries());
    expect(requests).toBe(0);
    expect(screen.queryByText(/could not be refreshed/)).toBeNull();

    const original = await mockApi.forum();
    server.use(http.get('*/api/forum', () => HttpResponse.json({ ...original, forum: { ...original.forum, name: 'Bosman Business World, refreshed' } })));
    await goOnline();
    expect(screen.queryByText('You are offline.')).toBeNull();
    expect(await screen.findByRole('heading', { level: 1, name: 'Bosman Business World, refreshed' })).toBeInTheDocument();
    server.events.removeListener('request:start', count);
  });

  it('navigates to pages already visited, and fails fast with "Cannot reach the forum" for others', async () => {
    const { user } = renderRoute('/');
    await user.click(await screen.findByRole('link', { name: 'Crime and war' }));
    await user.click(await screen.findByRole('link', { name: SEED_TITLE }));
    expect(await screen.findByRole('heading', { level: 1, name: SEED_TITLE })).toBeInTheDocument();

    await goOffline();
    await user.click(within(screen.getByRole('navigation', { name: 'Breadcrumb' })).getByRole('link', { name: 'Crime and war' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Crime and war' })).toBeInTheDocument();
    expect(screen.getByText('You are offline.')).toBeInTheDocument();

    await user.click(within(screen.getByRole('navigation', { name: 'Breadcrumb' })).getByRole('link', { name: 'Bosman Business World' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Bosman Business World' })).toBeInTheDocument();
    // A board never opened: the error page at once, not a request paused until the
    // connection returns nor one left to the client's timeout. Half the timeout leaves a
    // busy machine room (two test files at a time on two cores) and still tells them apart.
    const started = performance.now();
    await user.click(screen.getByRole('link', { name: 'Markets and Finance' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Cannot reach the forum' }, { timeout: apiTimeoutMs / 2 })).toBeInTheDocument();
    expect(performance.now() - started).toBeLessThan(apiTimeoutMs / 2);
    expect(screen.getByText('You are offline.')).toBeInTheDocument();

    // Back online, "Try again" loads it.
    await goOnline();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Markets and Finance' })).toBeInTheDocument();
    expect(SEED_BOARD_ID).not.toBe(BUSY_BOARD_ID);
  });
});
