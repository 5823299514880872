import { describe, expect, it } from 'vitest';
import {
  boardHref,
  matchReaderUrl,
  pageHref,
  pageRequest,
  parsePositiveInt,
  postHref,
  readerRoutes,
  smfLinkTarget,
  topicHref,
  type ReaderPage,
  type UrlMatch,
} from './reader-routes';

const at = (href: string): UrlMatch => {
  const url = new URL(href, 'https://forum.example');
  return matchReaderUrl(url);
};

describe('reader URLs', () => {
  it('leave ?page= off page 1, as the contract says', () => {
    expect(boardHref(4)).toBe('/board/4');
    expect(boardHref(4, 1)).toBe('/board/4');
    expect(boardHref(4, 3)).toBe('/board/4?page=3');
    expect(topicHref(100, 2)).toBe('/topic/100?page=2');
  });

  it('link a post by its topic, with the anchor of its element', () => {
    expect(postHref(100, 456)).toBe('/topic/100?post=456#msg456');
  });

  it('read only positive integers as ids and pages', () => {
    expect(parsePositiveInt('12')).toBe(12);
    for (const bad of ['0', '-1', '1.5', '1e3', ' 1', '01', 'abc', '', null, undefined, '99999999999999999999']) {
      expect(parsePositiveInt(bad)).toBeNull();
    }
  });
});

describe('what a reader URL shows', () => {
  it.each<[string, ReaderPage]>([
    ['/', { name: 'forum' }],
    ['/board/7', { name: 'board', boardId: 7, page: 1 }],
    ['/board/7?page=3', { name: 'board', boardId: 7, page: 3 }],
    ['/board/7/', { name: 'board', boardId: 7, page: 1 }],
    ['/topic/42', { name: 'topic', topicId: 42, page: 1, postId: null }],
    ['/topic/42?page=2', { name: 'topic', topicId: 42, page: 2, postId: null }],
    ['/topic/42?post=42001', { name: 'topic', topicId: 42, page: 1, postId: 42001 }],
    ['/topic/42?page=2&post=42001', { name: 'topic', topicId: 42, page: 1, postId: 42001 }],
    ['/post/42001', { name: 'post', postId: 42001 }],
    ['/topic/42/print', { name: 'print', topicId: 42 }],
    ['/search?q=%20pricing%20', { name: 'search', q: 'pricing', page: 1 }],
    ['/search?q=pricing&page=4', { name: 'search', q: 'pricing', page: 4 }],
    ['/search', { name: 'search', q: '', page: 1 }],
    ['/search?q=%20&page=0', { name: 'search', q: '', page: 1 }],
  ])('%s', (href, page) => {
    expect(at(href)).toEqual({ page });
  });

  it('write every page back to the address it was read from', () => {
    for (const href of ['/', '/board/7', '/board/7?page=3', '/topic/42', '/topic/42?page=2', '/post/9', '/topic/42/print', '/search?q=a+b&page=2']) {
      const match = at(href);
      expect('page' in match && pageHref(match.page)).toBe(href);
    }
  });

  it.each([
    ['/board/7?page=1', '/board/7'],
    ['/board/7?page=0', '/board/7'],
    ['/topic/7?page=abc&x=1#msg5', '/topic/7?x=1#msg5'],
    ['/search?q=a&page=1', '/search?q=a'],
  ])('sends the non-canonical %s to %s', (href, redirect) => {
    const url = new URL(href, 'https://forum.example');
    expect(matchReaderUrl(url)).toEqual({ redirect });
  });

  it.each(['/board/x', '/board/0', '/topic/1.5', '/topic/99999999999999999999', '/nowhere', '/topic/3/print/x', '/board'])('has no page at %s', (href) => {
    expect(at(href)).toEqual({ notFound: true });
  });
});

describe('the API request that loads a page', () => {
  it.each([
    ['/', '/forum', ['forum']],
    ['/board/7', '/boards/7', ['boards', 7, { page: 1 }]],
    ['/board/7?page=3', '/boards/7?page=3', ['boards', 7, { page: 3 }]],
    ['/topic/42?page=2', '/topics/42?page=2', ['topics', 42, { page: 2 }]],
    ['/topic/42?post=42001', '/topics/42?post=42001', ['topics', 42, { post: 42001 }]],
    ['/post/42001', '/posts/42001', ['posts', 42001]],
    ['/topic/42/print', '/topics/42', ['topics', 42, { page: 1 }]],
    ['/search?q=a%26b&page=2', '/search?q=a%26b&by=topic&page=2', ['search', 'a&b', { page: 2 }]],
  ])('%s asks for %s', (href, path, key) => {
    const match = at(href);
    if (!('page' in match)) throw new Error(`no page at ${href}`);
    expect(pageRequest(match.page)).toEqual({ path, key });
  });

  it('keeps saved copies of every page but search', () => {
    const saved = Object.entries(readerRoutes).filter(([, row]) => row.saved !== null).map(([name]) => name);
    expect(saved.sort()).toEqual(['board', 'forum', 'post', 'print', 'topic']);
  });
});

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
    ['?TOPIC=5', '/topic/5'],
    ['?topic=abc&board=4', '/board/4'],
    ['', '/'],
    ['?topic=abc', '/'],
    ['?action=profile;u=3', '/'],
  ])('redirect index.php%s to %s', (search, target) => {
    expect(at(`/index.php${search}`)).toEqual({ redirect: target });
  });

  it.each(['?topic=%E0%A4%A', '?board=%E0', '?%E0=1', '?action=printpage;topic=1.0;x=%'])('index.php%s (a malformed %-escape) names no page', (search) => {
    expect(at(`/index.php${search}`)).toEqual({ notFound: true });
  });

  it('lead a quoted link in a post where the old link itself leads', () => {
    for (const link of ['topic=12.30', 'topic=12.msg34#msg34', 'msg=9', 'topic=12.0', 'board=3.40']) {
      expect(smfLinkTarget(link)).toEqual((at(`/index.php?${link.split('#')[0]}`) as { redirect: string }).redirect);
    }
    expect(smfLinkTarget('action=profile;u=3')).toBeNull();
  });
});
