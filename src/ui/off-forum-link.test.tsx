import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { OffForumLink, offForumTarget } from './off-forum-link';

describe('offForumTarget', () => {
  it.each([
    ['https://blog.example.com/', 'https://blog.example.com/', 'blog.example.com'],
    ['http://example.com', 'http://example.com/', 'example.com'],
    ['HTTPS://Blog.Example.com:8443/news?x=1#top', 'https://blog.example.com:8443/news?x=1#top', 'blog.example.com:8443'],
    // The host as the browser will reach it, not as it is spelt: no look-alike letters.
    ['https://bücher.example/', 'https://xn--bcher-kva.example/', 'xn--bcher-kva.example'],
  ])('follows the web address %s', (raw, href, host) => {
    expect(offForumTarget(raw)).toEqual({ href, host });
  });

  it.each([
    'javascript:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'mailto:blog@example.com',
    'ftp://example.com/',
    '/board/3',
    '//evil.example/',
    'blog.example.com',
    'https://blog.example.com/"onmouseover="x',
    '',
  ])('refuses %j', (raw) => {
    expect(offForumTarget(raw)).toBeNull();
  });
});

describe('OffForumLink', () => {
  it('says it leaves the forum, and gives the other site neither the page nor its address', () => {
    const target = offForumTarget('https://blog.example.com/');
    if (!target) throw new Error('a web address should be followed');
    render(<OffForumLink target={target}>Company blog</OffForumLink>);
    const link = screen.getByRole('link', { name: 'Company blog (leaves the forum)' });
    expect(link).toHaveAttribute('href', 'https://blog.example.com/');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    // On screen: the name and an arrow; the words are for screen readers, the arrow is not.
    expect(screen.getByText('(leaves the forum)')).toHaveClass('visually-hidden');
    expect(screen.getByText('↗')).toHaveAttribute('aria-hidden', 'true');
  });
});
