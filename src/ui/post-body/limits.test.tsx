// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
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

describe('large and deep bodies', () => {
  it('renders a 1 MB body', { timeout: 30_000 }, () => {
    // Mostly prose, as long posts are; the parser's worst case is covered in the benchmark.
    const chunk =
      'South Korea\'s government has issued an urgent demand for the [b]immediate withdrawal[/b] of troops, ' +
      'a move that highlights growing regional tensions and a rapidly shifting geopolitical landscape. ' +
      'Observers note https://example.com/analysis and more :) [quote=Ann]Quoted line.[/quote]\n\n';
    const body = chunk.repeat(Math.ceil(1_000_000 / chunk.length)).slice(0, 1_000_000);
    const root = renderBody(body);
    expect(root.querySelectorAll('blockquote').length).toBeGreaterThan(2000);
    expect(root.querySelectorAll('p').length).toBeGreaterThan(4000);
  });

  it.each([
    ['[b]', '[/b]'],
    ['[quote]', '[/quote]'],
    ['[list][*]', '[/list]'],
    ['[table][tr][td]', '[/td][/tr][/table]'],
    ['[url=/x]', '[/url]'],
    ['[color=red][size=2][center]', '[/center][/size][/color]'],
  ])('renders 10,000 nested %s tags with bounded depth', (open, close) => {
    const root = renderBody(`${open.repeat(10_000)}core${close.repeat(10_000)}`);
    expect(root).toHaveTextContent('core');
    expect(domDepth(root)).toBeLessThan(140);
  });

  it('renders 10,000 unclosed tags as text', () => {
    const root = renderBody(`${'[b]'.repeat(10_000)}end`);
    expect(root.textContent?.endsWith('end')).toBe(true);
  });
});
