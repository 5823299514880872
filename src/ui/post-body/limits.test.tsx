// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PART_CHARS, PART_NODES } from '../../lib/bbcode/parse';
import { PostBody } from './post-body';
import { makePost } from './test-support';

afterEach(cleanup);

function renderBody(body: string) {
  const { container } = render(<PostBody post={makePost(body)} />);
  expect(container.querySelector('.post-body--failed')).toBeNull();
  return container.querySelector('.post-body') as HTMLElement;
}

function domDepth(root: Element): number {
  let max = 0;
  const stack: Array<[Element, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [el, d] = stack.pop() as [Element, number];
    max = Math.max(max, d);
    for (const child of Array.from(el.children)) stack.push([child, d + 1]);
  }
  return max;
}

const nextPart = () => screen.queryByRole('button', { name: 'Show the next part' });

/** Shows every part, as a reader clicking "Show the next part" would; returns the clicks. */
function showEveryPart(): number {
  let clicks = 0;
  for (let button = nextPart(); button; button = nextPart()) {
    fireEvent.click(button);
    clicks++;
  }
  return clicks;
}

// Mostly prose, as long posts are; the parser's worst cases are in the benchmark.
const CHUNK =
  'South Korea\'s government has issued an urgent demand for the [b]immediate withdrawal[/b] of troops, ' +
  'a move that highlights growing regional tensions and a rapidly shifting geopolitical landscape. ' +
  'Observers note https://example.com/analysis and more :) [quote=Ann]Quoted line.[/quote]\n\n';
const prose = (size: number) => CHUNK.repeat(Math.ceil(size / CHUNK.length)).slice(0, size);

describe('large and deep bodies', () => {
  it('shows an ordinary long post in full, without a notice', () => {
    const root = renderBody(prose(PART_CHARS));
    expect(root).toHaveTextContent(/Observers note/);
    expect(screen.queryByText(/too long to show in full/)).toBeNull();
    expect(nextPart()).toBeNull();
  });

  it('shows a 1 MB body a part at a time: its first part, a notice, and the next part on request', { timeout: 60_000 }, () => {
    const root = renderBody(prose(1_000_000));
    expect(screen.getByText(/This post is too long to show in full \(1% shown\)/)).toBeInTheDocument();
    expect(root.querySelectorAll('blockquote').length).toBeGreaterThan(20);
    expect(root.querySelectorAll('blockquote').length).toBeLessThan(100);

    fireEvent.click(nextPart() as HTMLElement);
    expect(screen.getByText(/too long to show in full \(\d% shown\)/)).toBeInTheDocument();
    expect(root.querySelectorAll('blockquote').length).toBeGreaterThan(100);

    expect(showEveryPart()).toBeGreaterThan(40);
    expect(screen.queryByText(/too long to show in full/)).toBeNull();
    expect(root.querySelectorAll('blockquote').length).toBeGreaterThan(2000);
    expect(root.textContent?.endsWith(prose(1_000_000).slice(-40).replace(/\n/g, ''))).toBe(true);
  });

  it.each([
    ['a line per character', 'x\n'.repeat(100_000)],
    ['smileys', ':) '.repeat(100_000)],
    ['rules', '[hr]'.repeat(100_000)],
    ['list items', `[list]${'[*]a'.repeat(100_000)}[/list]`],
    ['table cells', `[table][tr]${'[td]a'.repeat(100_000)}[/table]`],
    ['bare links', 'http://a.example/ '.repeat(30_000)],
  ])('keeps the first part of a body of %s to about PART_NODES elements', (_, body) => {
    const root = renderBody(body);
    expect(screen.getByText(/too long to show in full/)).toBeInTheDocument();
    expect(root.querySelectorAll('*').length).toBeLessThan(PART_NODES * 2);
  });

  it('starts an edited post again from its first part', () => {
    const notice = () => screen.getByText(/too long to show in full/).textContent;
    const { rerender } = render(<PostBody post={makePost(prose(100_000))} />);
    const first = notice();
    expect(first).toMatch(/\(1\d% shown\)/);
    fireEvent.click(nextPart() as HTMLElement);
    expect(notice()).toMatch(/\(3\d% shown\)/);
    rerender(<PostBody post={makePost(`Edited. ${prose(100_000)}`)} />);
    expect(notice()).toBe(first);
  });

  it.each([
    ['[b]', '[/b]'],
    ['[quote]', '[/quote]'],
    ['[list][*]', '[/list]'],
    ['[table][tr][td]', '[/td][/tr][/table]'],
    ['[url=/x]', '[/url]'],
    ['[color=red][size=2][center]', '[/center][/size][/color]'],
  ])('renders 10,000 nested %s tags with bounded depth, in parts, showing only the text', (open, close) => {
    const root = renderBody(`${open.repeat(10_000)}core${close.repeat(10_000)}`);
    showEveryPart();
    // What the tags said, and nothing more: no tag shows as text (but links in a link do,
    // as they always have: a link cannot hold another).
    for (const cite of Array.from(root.querySelectorAll('.bb-quote__cite'))) cite.remove();
    expect(root.textContent?.replace(/\[\/?url(=\/x)?\]/g, '').trim()).toBe('core');
    expect(domDepth(root)).toBeLessThan(140);
  });

  it('renders 3,000 unclosed tags as text', () => {
    const root = renderBody(`${'[b]'.repeat(3_000)}end`);
    expect(root.textContent).toBe(`${'[b]'.repeat(3_000)}end`);
  });

  it('renders 10,000 unclosed tags, in parts, ending with the text after them', () => {
    const root = renderBody(`${'[b]'.repeat(10_000)}end`);
    showEveryPart();
    expect(root.textContent?.endsWith('end')).toBe(true);
  });
});
