// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { PostBody } from './post-body';
import { imageAttachment, makeAttachment, makePost } from '../../../test/support/post-body';

afterEach(cleanup);

// jsdom has no showModal(); the lightbox falls back to the open attribute, which is
// what these tests see. Real browsers take the showModal() path.
function setup() {
  const user = userEvent.setup();
  const post = makePost('Inline first: [attach id=3]', [
    imageAttachment(1, 'one.jpg'),
    makeAttachment({ id: 2, name: 'notes.txt', url: '/a/2' }),
    imageAttachment(3, 'three.jpg'),
    imageAttachment(4, 'four.jpg'),
  ]);
  render(
    <>
      <PostBody post={post} />
      <PostBody post={makePost('[attach id=9]', [imageAttachment(9, 'other-post.jpg')], 2)} />
    </>,
  );
  return user;
}

const caption = () => screen.getByRole('dialog').querySelector('figcaption');

describe('the image lightbox', () => {

  it('opens on click with the full image, its name as caption, and focus inside', async () => {
    const user = setup();
    await user.click(screen.getByRole('button', { name: 'one.jpg' }));
    // Its code loads on demand: the first opening waits for it.
    const dialog = await screen.findByRole('dialog', { name: 'one.jpg' });
    expect(within(dialog).getByRole('img', { name: 'one.jpg' })).toHaveAttribute('src', '/attachments/1/one.jpg');
    expect(caption()).toHaveTextContent('one.jpg (2 of 3)');
    expect(within(dialog).getByRole('button', { name: 'Close' })).toHaveFocus();
  });

  it('moves between this post’s images with the arrow keys, in reading order', async () => {
    const user = setup();
    await user.click(screen.getByRole('button', { name: 'three.jpg' }));
    await screen.findByRole('dialog');
    expect(caption()).toHaveTextContent('three.jpg (1 of 3)');
    await user.keyboard('{ArrowRight}');
    expect(caption()).toHaveTextContent('one.jpg (2 of 3)');
    await user.keyboard('{ArrowRight}');
    expect(caption()).toHaveTextContent('four.jpg (3 of 3)');
    await user.keyboard('{ArrowRight}');
    expect(caption()).toHaveTextContent('three.jpg (1 of 3)');
    await user.keyboard('{ArrowLeft}');
    expect(caption()).toHaveTextContent('four.jpg (3 of 3)');
  });

  it('has previous and next buttons', async () => {
    const user = setup();
    await user.click(screen.getByRole('button', { name: 'one.jpg' }));
    await screen.findByRole('dialog');
    await user.click(screen.getByRole('button', { name: 'Next image' }));
    expect(caption()).toHaveTextContent('four.jpg');
    await user.click(screen.getByRole('button', { name: 'Previous image' }));
    expect(caption()).toHaveTextContent('one.jpg');
  });

  it('closes on Escape and returns focus to the image that opened it', async () => {
    const user = setup();
    const opener = screen.getByRole('button', { name: 'four.jpg' });
    await user.click(opener);
    await screen.findByRole('dialog');
    await user.keyboard('{ArrowLeft}');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(opener).toHaveFocus();
  });

  it('closes with the close button', async () => {
    const user = setup();
    const opener = screen.getByRole('button', { name: 'one.jpg' });
    await user.click(opener);
    await screen.findByRole('dialog');
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(opener).toHaveFocus();
  });

  it('shows no navigation for a single image', async () => {
    const user = setup();
    await user.click(screen.getByRole('button', { name: 'other-post.jpg' }));
    await screen.findByRole('dialog');
    expect(caption()).toHaveTextContent(/^other-post\.jpg$/);
    expect(screen.queryByRole('button', { name: 'Next image' })).toBeNull();
    await user.keyboard('{ArrowRight}');
    expect(caption()).toHaveTextContent(/^other-post\.jpg$/);
  });
});
