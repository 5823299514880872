// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deep } from '../../../test/deep';
import { PART_NODES } from '../../lib/bbcode/parse';
import { PostBody } from './post-body';
import { makePost } from '../../../test/support/post-body';

// A long body is rendered a part at a time, one part a frame: animation frames are the
// test's to give (fake timers), never waited for.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame'] });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** Lets the browser draw frames until the body has shown what it shows without asking. */
function frames(): void {
  for (let frame = 0; frame < 1_000 && vi.getTimerCount() > 0; frame++) {
    act(() => {
      vi.advanceTimersToNextFrame();
    });
  }
}

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
const notice = () => screen.queryByText(/too long to show in full/)?.textContent ?? null;

/** Shows every part, as a reader clicking "Show the next part" would; returns the clicks. */
function showEveryPart(): number {
  frames();
  let clicks = 0;
  for (let button = nextPart(); button; button = nextPart()) {
    fireEvent.click(button);
    frames();
    clicks++;
  }
  return clicks;
}

// Mostly prose, as long posts are; the parser's worst cases are in the benchmark.
const CHUNK =
  "South Korea's government has issued an urgent demand for the [b]immediate withdrawal[/b] of troops, " +
  'a move that highlights growing regional tensions and a rapidly shifting geopolitical landscape. ' +
  'Observers note https://example.com/analysis and more :) [quote=Ann]Quoted line.[/quote]\n\n';
const prose = (size: number) => CHUNK.repeat(Math.ceil(size / CHUNK.length)).slice(0, size);

describe('large and deep bodies', () => {
  it('shows a post as long as SMF allows by default (20,000 characters) in full, a part a frame, without a notice', () => {
    const body = prose(20_000);
    const root = renderBody(body);
    const first = root.querySelectorAll('blockquote').length;
    frames();
    expect(root.querySelectorAll('blockquote').length).toBeGreaterThan(3 * first);
    expect(root.textContent?.endsWith(body.slice(-30))).toBe(true);
    expect(notice()).toBeNull();
    expect(nextPart()).toBeNull();
  });

  it('shows a 1 MB body up to 20,000 characters, says it is too long to show in full, and shows more on request', () => {
    const body = prose(1_000_000);
    const root = renderBody(body);
    frames();
    expect(notice()).toBe('This post is too long to show in full (2% shown). Show the next part');
    // About 20,000 characters: a quote every 330.
    expect(root.querySelectorAll('blockquote').length).toBeGreaterThan(55);
    expect(root.querySelectorAll('blockquote').length).toBeLessThan(100);

    fireEvent.click(nextPart() as HTMLElement);
    frames();
    expect(notice()).toMatch(/\(4% shown\)/);
    expect(root.querySelectorAll('blockquote').length).toBeGreaterThan(115);
  });

  // Every part, a click each, to the body's end: all 1 MB under `npm run test:deep` (half a
  // minute of jsdom); 200,000 characters otherwise, the same way in a fifth of the clicks.
  const size = deep ? 1_000_000 : 200_000;
  it(`shows every part on request, to the end of a body of ${size.toLocaleString('en')} characters`, () => {
    const body = prose(size);
    const root = renderBody(body);
    // About 20,000 characters a click.
    expect(showEveryPart()).toBeGreaterThan(size / 40_000);
    expect(notice()).toBeNull();
    // A quote every 330 characters, to the last.
    expect(root.querySelectorAll('blockquote').length).toBeGreaterThan(size / 345);
    expect(root.textContent?.endsWith(body.slice(-30))).toBe(true);
  });

  it('keeps the button, and the focus on it, while the parts asked for arrive', () => {
    renderBody(prose(100_000));
    frames();
    const button = nextPart() as HTMLElement;
    button.focus();
    fireEvent.click(button);
    act(() => {
      vi.advanceTimersToNextFrame();
    });
    expect(nextPart()).toBe(button);
    expect(button).toHaveFocus();
  });

  it.each([
    ['a line per character', 'x\n'.repeat(100_000)],
    ['smileys', ':) '.repeat(100_000)],
    ['rules', '[hr]'.repeat(100_000)],
    ['list items', `[list]${'[*]a'.repeat(100_000)}[/list]`],
    ['table cells', `[table][tr]${'[td]a'.repeat(100_000)}[/table]`],
    ['bare links', 'http://a.example/ '.repeat(30_000)],
    ['links packed without spaces', '"http://a.example/'.repeat(30_000)],
  ])('renders a body of %s about PART_NODES elements at a time', (_, body) => {
    const root = renderBody(body);
    const counts = [root.querySelectorAll('*').length];
    for (let frame = 0; frame < 3; frame++) {
      act(() => {
        vi.advanceTimersToNextFrame();
      });
      counts.push(root.querySelectorAll('*').length);
    }
    const steps = counts.slice(1).map((count, i) => count - (counts[i] as number));
    for (const step of [counts[0] as number, ...steps]) expect(step).toBeLessThan(PART_NODES * 2);
    expect(Math.min(...steps)).toBeGreaterThan(0);
  });

  it('starts an edited post again from its beginning', () => {
    const { rerender } = render(<PostBody post={makePost(prose(100_000))} />);
    frames();
    const first = notice();
    expect(first).toMatch(/\(2\d% shown\)/);
    fireEvent.click(nextPart() as HTMLElement);
    frames();
    expect(notice()).toMatch(/\(4\d% shown\)/);
    rerender(<PostBody post={makePost(`Edited. ${prose(100_000)}`)} />);
    frames();
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

  it('renders 1,000 unclosed tags as text', () => {
    const root = renderBody(`${'[b]'.repeat(1_000)}end`);
    frames();
    expect(root.textContent).toBe(`${'[b]'.repeat(1_000)}end`);
  });

  it('renders 10,000 unclosed tags, in parts, ending with the text after them', () => {
    const root = renderBody(`${'[b]'.repeat(10_000)}end`);
    showEveryPart();
    expect(root.textContent?.endsWith('end')).toBe(true);
  });
});
