// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { describe, expect, it } from 'vitest';
import { emailHref, quoteLinkToPath, sanitizeLinkTarget, sanitizeUrl, youtubeId } from './url';

describe('sanitizeUrl', () => {
  it.each([
    ['http://example.com', 'http://example.com/'],
    ['https://example.com/a?b=c#d', 'https://example.com/a?b=c#d'],
    ['HTTPS://Example.com/Path', 'https://example.com/Path'],
    ['/topic/12?post=34#msg34', '/topic/12?post=34#msg34'],
    ['/', '/'],
  ])('allows %s', (raw, expected) => {
    expect(sanitizeUrl(raw, 'link')).toBe(expected);
    expect(sanitizeUrl(raw, 'resource')).toBe(expected);
  });

  it('allows mailto for links but not for images or downloads', () => {
    expect(sanitizeUrl('mailto:someone@example.com', 'link')).toBe('mailto:someone@example.com');
    expect(sanitizeUrl('mailto:someone@example.com', 'resource')).toBeNull();
    expect(sanitizeUrl('mailto:not-an-address', 'link')).toBeNull();
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    '\tjavascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0001javascript:alert(1)',
    'javascript\u0000:alert(1)',
    '&#106;avascript:alert(1)',
    '&#x6A;avascript:alert(1)',
    'jav&#x09;ascript:alert(1)',
    '%6Aavascript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'DATA:image/svg+xml,<svg onload=alert(1)>',
    'vbscript:msgbox(1)',
    'VBScript:msgbox(1)',
    'livescript:alert(1)',
    'file:///etc/passwd',
    'ftp://example.com/x',
    '//evil.example/x',
    '/\\evil.example/x',
    '\\\\evil.example\\x',
    'http:evil.example',
    'https:/evil.example',
    'http://',
    'http://exa mple.com',
    'http://example.com/"onmouseover="alert(1)',
    'http://example.com/<script>',
    ' http://example.com',
    'http://example.com\u2028',
    'example.com',
    'www.example.com',
    '',
  ])('refuses %j', (raw) => {
    expect(sanitizeUrl(raw, 'link')).toBeNull();
    expect(sanitizeUrl(raw, 'resource')).toBeNull();
  });
});

it('refuses absurdly long URLs', () => {
  expect(sanitizeUrl(`http://example.com/${'a'.repeat(5000)}`, 'link')).toBeNull();
});

describe('sanitizeLinkTarget', () => {
  it('treats www. hosts as http, like SMF', () => {
    expect(sanitizeLinkTarget('www.example.com/x')).toBe('http://www.example.com/x');
    expect(sanitizeLinkTarget('javascript:alert(1)')).toBeNull();
  });
});

describe('emailHref', () => {
  it('makes a mailto link from an address and refuses anything else', () => {
    expect(emailHref('a.b@example.org')).toBe('mailto:a.b@example.org');
    expect(emailHref('javascript:alert(1)//@x.y')).toBeNull();
    expect(emailHref('no at sign')).toBeNull();
    expect(emailHref('a@b.c" onclick="x')).toBeNull();
  });
});

describe('quoteLinkToPath', () => {
  it('maps SMF quote links to reader URLs', () => {
    expect(quoteLinkToPath('msg=123')).toBe('/post/123');
    expect(quoteLinkToPath('topic=12.msg34#msg34')).toBe('/topic/12?post=34#msg34');
    expect(quoteLinkToPath('topic=12.msg34')).toBe('/topic/12?post=34#msg34');
    expect(quoteLinkToPath('topic=12.0')).toBe('/topic/12');
    // The same page the old link itself redirects to (SMF's offset 30 at 15 posts a page).
    expect(quoteLinkToPath('topic=12.30')).toBe('/topic/12?page=3');
  });

  it('refuses anything else', () => {
    expect(quoteLinkToPath('javascript:alert(1)')).toBeNull();
    expect(quoteLinkToPath('https://evil.example')).toBeNull();
    expect(quoteLinkToPath('topic=x.msg1')).toBeNull();
  });

  it('writes only reader addresses of its own: extra parameters are ignored, never copied', () => {
    expect(quoteLinkToPath('msg=12;javascript:x')).toBe('/post/12');
    expect(quoteLinkToPath('topic=12.msg34;x=<b>#"onclick')).toBe('/topic/12?post=34#msg34');
  });
});

describe('youtubeId', () => {
  it.each([
    ['dQw4w9WgXcQ', 'dQw4w9WgXcQ'],
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'dQw4w9WgXcQ'],
    ['https://www.youtube.com/watch?feature=share&v=dQw4w9WgXcQ&t=1', 'dQw4w9WgXcQ'],
    ['https://youtu.be/dQw4w9WgXcQ', 'dQw4w9WgXcQ'],
    ['https://www.youtube.com/embed/dQw4w9WgXcQ', 'dQw4w9WgXcQ'],
    ['https://youtube.com/shorts/dQw4w9WgXcQ', 'dQw4w9WgXcQ'],
  ])('finds the id in %s', (raw, id) => {
    expect(youtubeId(raw)).toBe(id);
  });

  it.each(['dQw4w9WgXc', 'dQw4w9WgXcQQ', '"><script>', 'https://evil.example/watch?v=dQw4w9WgXcQ', 'javascript:alert(1)'])(
    'refuses %s',
    (raw) => {
      expect(youtubeId(raw)).toBeNull();
    },
  );
});
