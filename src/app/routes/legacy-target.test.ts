import { describe, expect, it } from 'vitest';
import { RouteNotFound } from '../navigation/route-loader';
import { legacyTarget } from './legacy-target';

describe('old SMF links', () => {
  it.each([
    ['?topic=123.0', '/topic/123'],
    ['?topic=123.30', '/topic/123?page=3'],
    ['?topic=123.29', '/topic/123?page=2'],
    ['?topic=123.msg456', '/topic/123?post=456#msg456'],
    ['?topic=123.new', '/topic/123#new'],
    ['?topic=123', '/topic/123'],
    ['?board=4.0', '/board/4'],
    ['?board=4.20', '/board/4?page=2'],
    ['?board=4.40', '/board/4?page=3'],
    ['?msg=456', '/post/456'],
    ['?action=printpage;topic=123.0', '/topic/123/print'],
    ['?action=printpage&topic=123.0', '/topic/123/print'],
    ['', '/'],
    ['?topic=abc', '/'],
    ['?action=profile;u=3', '/'],
  ])('redirect index.php%s to %s', (search, target) => {
    expect(legacyTarget(search)).toBe(target);
  });
});

describe('an old SMF link with a malformed %-escape', () => {
  it.each(['?topic=%E0%A4%A', '?board=%E0', '?%E0=1', '?action=printpage;topic=1.0;x=%'])('index.php%s names no page: not found, not a URIError', (search) => {
    expect(() => legacyTarget(search)).toThrow(RouteNotFound);
  });
});
