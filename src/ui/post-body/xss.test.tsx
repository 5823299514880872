// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, fireEvent, render } from '@testing-library/react';
import fc from 'fast-check';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';
import type { MockInstance } from 'vitest';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseBbcode } from '../../lib/bbcode/parse';
import { XSS_CORPUS } from '../../../test/support/xss-corpus';
import { PostBody } from './post-body';
import { runs } from '../../../test/deep';
import { findUnsafeMarkup, imageAttachment, makeAttachment, makePost } from '../../../test/support/post-body';

const RUNS = runs(200);

// Attachments for `[attach id=1..3]` in generated bodies, in several states.
const ATTACHMENTS = [
  imageAttachment(1),
  makeAttachment({ id: 2, name: 'notes.pdf', url: '/files/2', mimeType: 'application/pdf', sizeBytes: 2048 }),
  makeAttachment({ id: 3, name: 'x.zip', state: 'pending' }),
  makeAttachment({ id: 4, name: 'evil.png', url: 'javascript:alert(1)', width: 10, height: 10 }),
];

afterEach(cleanup);

it('the safety check itself catches unsafe markup', () => {
  const root = document.createElement('div');
  const img = document.createElement('img');
  img.setAttribute('src', ' JaVa\tScRiPt:alert(1)');
  img.setAttribute('onerror', 'alert(1)');
  const div = document.createElement('div');
  div.setAttribute('style', 'position: fixed');
  root.append(img, div, document.createElement('script'), document.createElement('iframe'));
  expect(findUnsafeMarkup(root)).toHaveLength(5);
});

describe('the XSS corpus', () => {
  it('holds at least 60 vectors', () => {
    expect(XSS_CORPUS.length).toBeGreaterThanOrEqual(60);
  });

  it.each(XSS_CORPUS.map((body, i) => [i, body] as const))('vector %i renders as inert text', (_i, body) => {
    const { container } = render(<PostBody post={makePost(body, ATTACHMENTS)} />);
    expect(container.querySelector('.post-body--failed')).toBeNull();
    expect(findUnsafeMarkup(container)).toEqual([]);
  });

  it('stays safe with every YouTube facade clicked', () => {
    const body = `${XSS_CORPUS.join('\n')}\n[youtube]dQw4w9WgXcQ[/youtube]`;
    // The corpus is longer than a part: the rest comes a part a frame, frames the test gives.
    vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame'] });
    const { container, getAllByRole } = render(<PostBody post={makePost(body, ATTACHMENTS)} />);
    while (vi.getTimerCount() > 0) act(() => vi.advanceTimersToNextFrame());
    vi.useRealTimers();
    for (const button of getAllByRole('button', { name: 'Play YouTube video' })) fireEvent.click(button);
    expect(container.querySelectorAll('iframe')).toHaveLength(1);
    expect(findUnsafeMarkup(container, { allowYoutubeIframe: true })).toEqual([]);
  });

  it('refuses a javascript: URL even from the server (attachment 4 shows as unavailable)', () => {
    const { getByText } = render(<PostBody post={makePost('', ATTACHMENTS)} />);
    expect(getByText('evil.png').closest('.att')).toHaveTextContent('This file is not available');
  });
});

// ---- Properties --------------------------------------------------------------------

const TAGS = [
  'b', 'i', 'u', 's', 'sub', 'sup', 'color', 'size', 'font', 'center', 'left', 'right',
  'justify', 'ltr', 'rtl', 'hr', 'br', 'me', 'nobbc', 'pre', 'code', 'quote', 'list', 'li',
  '*', 'table', 'tr', 'td', 'th', 'url', 'iurl', 'email', 'img', 'attach', 'youtube',
  'html', 'script', 'style', 'iframe', 'attachment',
] as const;

const attrValue = fc.oneof(
  fc.constantFrom(
    'red', '#fff', 'javascript:alert(1)', 'JaVaScRiPt:x', ' javascript:x', 'http://example.com/a',
    '/topic/1', '//evil.example', 'data:text/html,x', 'vbscript:x', '12px', '7', 'Arial',
    'expression(alert(1))', 'red;position:fixed', 'url(x)', 'decimal', '1', '3', 'msg=1',
    'topic=1.msg2#msg2', '"quoted"', '&#106;avascript:x', 'a@b.example', 'dQw4w9WgXcQ',
    '" onmouseover="alert(1)', 'deleted by admin',
  ),
  fc.string({ maxLength: 12 }),
);
const attr = fc.oneof(
  fc.constant(''),
  attrValue.map((v) => `=${v}`),
  fc
    .tuple(fc.constantFrom('author', 'link', 'date', 'width', 'height', 'alt', 'id', 'type', 'onclick', 'style'), attrValue)
    .map(([k, v]) => ` ${k}=${v}`),
);
const openTag = fc.tuple(fc.constantFrom(...TAGS), attr);
const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    ':)', ' ;D ', ' >:( ', '\n', '\n\n', ' http://example.com/a_(b) ', '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>', '"', "'", '[', ']', '[/', 'javascript:alert(1)', ' 8) ',
    'العربية', 'עברית', '[attachment deleted by admin]', '\u202e', '\u0000', '&#106;',
  ),
);

/** Tag soup: tags and text in any order, closed or not. */
const soup = fc
  .array(
    fc.oneof(
      openTag.map(([t, a]) => `[${t}${a}]`),
      fc.constantFrom(...TAGS).map((t) => `[/${t}]`),
      text,
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

/** Well-nested markup, as an author (or an attacker) who knows BBCode writes it. */
const nested = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc
      .tuple(openTag, fc.array(tie('node'), { maxLength: 4 }))
      .map(([[t, a], kids]) => `[${t}${a}]${kids.join('')}[/${t}]`),
  ),
})).node;

describe('rendering any input', () => {
  let container: HTMLDivElement;
  let root: Root;
  // React reports invalid nesting (<div> in <p>, <a> in <a>…) on the console.
  let consoleError: MockInstance;

  // One root for thousands of runs: mounting a fresh tree each time is the slow part.
  beforeAll(() => {
    // Tells React that act() is in use here (Testing Library only does so for its own calls).
    Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true });
    container = document.createElement('div');
    root = createRoot(container);
    consoleError = vi.spyOn(console, 'error');
  });
  afterAll(() => {
    act(() => root.unmount());
    consoleError.mockRestore();
  });

  const check = (body: string) => {
    parseBbcode(body);
    act(() => root.render(<PostBody post={makePost(body, ATTACHMENTS)} />));
    if (container.querySelector('.post-body--failed')) throw new Error('the error boundary caught a render failure');
    const problems = findUnsafeMarkup(container);
    if (problems.length > 0) throw new Error(problems.join('\n'));
    if (consoleError.mock.calls.length > 0) throw new Error(`React complained: ${String(consoleError.mock.calls[0]?.[0])}`);
  };

  it('never throws and never emits unsafe markup for random strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 120 }), check), { numRuns: RUNS });
  });

  it('never throws and never emits unsafe markup for tag soup', () => {
    fc.assert(fc.property(soup, check), { numRuns: RUNS });
  });

  it('never throws and never emits unsafe markup for nested BBCode', () => {
    fc.assert(fc.property(nested, check), { numRuns: RUNS });
  });
});
