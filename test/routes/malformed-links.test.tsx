import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SEED_TOPIC_ID } from '../../mocks/db/ids';
import { SEED_TITLE } from '../../mocks/db/seed-topic';
import { renderRoute } from '../render-route';

// A %-escape that decodes to no character (%E0%A4%A, %E0) makes decodeURIComponent
// throw. Such a link names no page: the reader says "not found", and never offers a
// "Try again" that would only fail the same way.
describe('a link with a malformed %-escape', () => {
  it.each([
    '/index.php?topic=%E0%A4%A',
    '/index.php?%E0=1',
    '/topic/%E0%A4%A',
    '/topic/%E0/print',
    '/board/%E0',
    '/post/%E0',
    '/%E0%A4%A',
  ])('%s shows "Page not found", without "Try again"', async (url) => {
    renderRoute(url);
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });

  it('in the search words is searched for as it reads, with the broken escape as �', async () => {
    renderRoute('/search?q=%E0');
    expect(await screen.findByRole('heading', { level: 1, name: 'Search results for �' })).toBeInTheDocument();
  });

  it('in the #anchor of a topic leaves the topic on screen', async () => {
    renderRoute(`/topic/${SEED_TOPIC_ID}#%E0`);
    expect(await screen.findByRole('heading', { level: 1, name: SEED_TITLE })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 1, name: 'Something went wrong' })).toBeNull();
  });
});
