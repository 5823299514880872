import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiBaseUrl } from './base-url';
import { startEarlyRequest, takeEarlyRequest } from './early-request';
import { apiPath } from './endpoints';
import { boardQueries, topicQueries } from './queries';

afterEach(() => vi.restoreAllMocks());

/** Starts the early request at `href` and returns the URL it fetched, or null. */
function earlyFetch(href: string): string | null {
  const fetch = vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('{}'));
  const url = new URL(href, 'https://forum.example');
  startEarlyRequest(url);
  const asked = fetch.mock.calls[0]?.[0];
  return asked === undefined ? null : String(asked);
}

describe('the request a page load starts before the app has loaded', () => {
  it.each([
    ['/', apiPath('/forum')],
    ['/board/7?page=3', apiPath('/boards/7', { page: 3 })],
    ['/topic/42?page=2', apiPath('/topics/42', { page: 2 })],
    ['/topic/42?post=42001', apiPath('/topics/42', { post: 42001 })],
    ['/post/42001', apiPath('/posts/42001')],
    ['/topic/42/print', apiPath('/topics/42')],
  ])('at %s asks for %s, and the client takes that answer for the same path', async (href, path) => {
    expect(earlyFetch(href)).toBe(`${apiBaseUrl}${path}`);
    expect(takeEarlyRequest(path)).toBeInstanceOf(Promise);
    // Once: a second request for it goes to the network.
    expect(takeEarlyRequest(path)).toBeUndefined();
  });

  it.each([
    ['/topic/42?page=2', () => topicQueries.page(42, 2)],
    ['/board/7', () => boardQueries.page(7, 1)],
  ])('at %s is the request the page’s query makes: one fetch in all', async (href, query) => {
    earlyFetch(href);
    const { queryFn } = query();
    // The answer ('{}') is no topic or board: what counts is where it came from.
    await expect(queryFn?.({ signal: new AbortController().signal } as never)).rejects.toThrow(/API contract/);
    expect(globalThis.fetch).toHaveBeenCalledTimes(1);
  });

  it.each([['/search?q=a'], ['/board/x'], ['/board/7?page=1'], ['/index.php?topic=1'], ['/nowhere']])('asks nothing early at %s', (href) => {
    expect(earlyFetch(href)).toBeNull();
  });
});
