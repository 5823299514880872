// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { PART_CHARS } from '../../lib/bbcode/parse';
import { PostBody } from './post-body';
import type * as RenderModule from './render-bbcode';
import { makePost } from '../../../test/support/post-body';

// A renderer bug is simulated for one body only, so the neighbouring post shows that
// the failure stays inside its own post.
vi.mock('./render-bbcode', async (importOriginal) => {
  const real = await importOriginal<typeof RenderModule>();
  return {
    ...real,
    renderBbcode: (...args: Parameters<typeof real.renderBbcode>) => {
      const [nodes] = args;
      if (JSON.stringify(nodes).includes('BOOM')) throw new Error('renderer bug');
      return real.renderBbcode(...args);
    },
  };
});

beforeEach(() => {
  // React reports caught errors on the console; expected here.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

it('shows the raw text of a post that cannot be rendered, and the rest of the page', () => {
  const { rerender } = render(
    <>
      <PostBody post={makePost('[b]BOOM[/b] <raw>', [], 1)} />
      <PostBody post={makePost('A [b]fine[/b] post', [], 2)} />
    </>,
  );
  expect(screen.getByText('This post could not be displayed')).toBeInTheDocument();
  expect(screen.getByText('[b]BOOM[/b] <raw>').tagName).toBe('PRE');
  expect(screen.getByText('fine').tagName).toBe('B');

  // An edited body gets a fresh attempt.
  rerender(
    <>
      <PostBody post={makePost('[b]mended[/b]', [], 1)} />
      <PostBody post={makePost('A [b]fine[/b] post', [], 2)} />
    </>,
  );
  expect(screen.queryByText('This post could not be displayed')).toBeNull();
  expect(screen.getByText('mended').tagName).toBe('B');
});

it('shows no more than the first part of a long post that cannot be rendered', () => {
  const body = `[b]BOOM[/b] ${'x'.repeat(1_000_000)}`;
  render(<PostBody post={makePost(body)} />);
  const raw = screen.getByText(/^\[b\]BOOM\[\/b\] x+$/);
  expect(raw.tagName).toBe('PRE');
  expect(raw.textContent?.length).toBe(PART_CHARS);
});
