import { describe, expect, it } from 'vitest';
import { boardHref, parsePositiveInt, postHref, topicHref } from './routes';

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
