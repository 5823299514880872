import { describe, expect, it } from 'vitest';
import { apiPathForLocation } from './early-request';

describe('the API path a reader URL will ask for first', () => {
  it.each([
    ['/', '', '/forum'],
    ['/board/7', '', '/boards/7'],
    ['/board/7', '?page=3', '/boards/7?page=3'],
    ['/board/7', '?page=1', '/boards/7'],
    ['/topic/42', '', '/topics/42'],
    ['/topic/42', '?page=2', '/topics/42?page=2'],
    ['/topic/42', '?post=42001', '/topics/42?post=42001'],
    ['/topic/42', '?page=abc', '/topics/42'],
    ['/post/42001', '', '/posts/42001'],
  ])('%s%s → %s', (pathname, search, expected) => {
    expect(apiPathForLocation(pathname, search)).toBe(expected);
  });

  it.each([['/topic/42/print'], ['/search'], ['/board/x'], ['/index.php'], ['/nowhere']])('asks nothing early for %s', (pathname) => {
    expect(apiPathForLocation(pathname, '')).toBeNull();
  });
});
