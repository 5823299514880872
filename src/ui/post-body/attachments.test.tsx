// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fileKind, formatBytes, formatDownloads, shownSize } from './attachment-display';
import { PostBody } from './post-body';
import { imageAttachment, makeAttachment, makePost } from '../../../test/support/post-body';

afterEach(cleanup);

const list = () => screen.getByRole('list', { name: 'Attachments' });
const card = (name: string) => screen.getByText(name).closest('.att') as HTMLElement;

describe('attachments under the post', () => {
  it('shows an available image as a tile: its thumbnail, lazily, in a reserved box of the image’s shape', () => {
    render(<PostBody post={makePost('Look:', [imageAttachment(1, 'view.jpg')])} />);
    const img = within(list()).getByRole('img', { name: 'view.jpg' });
    expect(img).toHaveAttribute('src', '/attachments/1/thumb-view.jpg');
    expect(img).toHaveAttribute('width', '144');
    expect(img).toHaveAttribute('height', '108');
    expect(img).toHaveAttribute('loading', 'lazy');
    expect(img).toHaveAttribute('decoding', 'async');
    expect(within(list()).getByRole('button', { name: 'view.jpg' })).toHaveAttribute('aria-haspopup', 'dialog');
  });

  it('captions an image, as SMF does, with its name, its own size, its weight and its views', () => {
    render(<PostBody post={makePost('', [imageAttachment(1, 'view.jpg')])} />);
    const caption = within(list()).getByRole('figure').querySelector('figcaption') as HTMLElement;
    expect(caption).toHaveTextContent('view.jpg');
    expect(caption).toHaveTextContent('800 × 600 · 121 KB · 3 views');
  });

  it('keeps a tiny image at its own size in its tile', () => {
    const tiny = { ...imageAttachment(2, 'icon.png'), width: 16, height: 16 };
    render(<PostBody post={makePost('', [tiny])} />);
    const img = screen.getByRole('img', { name: 'icon.png' });
    expect(img).toHaveAttribute('width', '16');
    expect(img).toHaveAttribute('height', '16');
  });

  it('treats an image/* file without dimensions as an image', () => {
    const att = makeAttachment({ id: 2, name: 'scan.png', url: '/a/2', mimeType: 'image/png' });
    render(<PostBody post={makePost('', [att])} />);
    const img = screen.getByRole('img', { name: 'scan.png' });
    expect(img).toHaveAttribute('src', '/a/2');
    expect(img).not.toHaveAttribute('width');
  });

  it('shows an available file as a download with its kind, size and downloads', () => {
    const att = makeAttachment({
      id: 3,
      name: 'report.pdf',
      url: '/attachments/3',
      mimeType: 'application/pdf',
      sizeBytes: 1_258_291,
      downloads: 42,
    });
    render(<PostBody post={makePost('', [att])} />);
    const link = within(list()).getByRole('link', { name: 'report.pdf' });
    expect(link).toHaveAttribute('href', '/attachments/3');
    expect(card('report.pdf')).toHaveTextContent('PDF · 1.2 MB · 42 downloads');
    // The file icon only repeats what the card says: hidden from screen readers.
    expect(card('report.pdf').querySelector('.icon')).toHaveAttribute('aria-hidden', 'true');
  });

  it.each([
    ['pending', 'Waiting for a moderator to approve it', 'att--pending'],
    ['restricted', 'You don’t have permission to open this file', 'att--restricted'],
    ['deleted', 'Removed by an administrator', 'att--deleted'],
    ['quarantined', 'This file is not available', 'att--unavailable'],
  ])('shows a %s attachment as a card of its own look, with its name and why', (state, message, look) => {
    render(<PostBody post={makePost('', [makeAttachment({ id: 4, name: 'secret.zip', state })])} />);
    const c = card('secret.zip');
    expect(c).toHaveTextContent(message);
    expect(c).toHaveClass(look);
    expect(within(c).queryByRole('link')).toBeNull();
    expect(within(c).queryByRole('img')).toBeNull();
  });

  it('links a file on another host with rel="noopener noreferrer", and one of the forum’s own without', () => {
    const atts = [
      makeAttachment({ id: 7, name: 'far.zip', url: 'https://files.example.net/far.zip' }),
      makeAttachment({ id: 8, name: 'near.zip', url: '/attachments/8' }),
    ];
    render(<PostBody post={makePost('', atts)} />);
    expect(within(list()).getByRole('link', { name: 'far.zip' })).toHaveAttribute('rel', 'noopener noreferrer');
    expect(within(list()).getByRole('link', { name: 'near.zip' })).not.toHaveAttribute('rel');
  });

  it('loads an image from another host without telling it the page', () => {
    const far = { ...imageAttachment(9, 'far.jpg'), thumbnailUrl: 'https://files.example.net/thumb-far.jpg' };
    render(<PostBody post={makePost('', [far])} />);
    expect(within(list()).getByRole('img', { name: 'far.jpg' })).toHaveAttribute('referrerpolicy', 'no-referrer');
  });

  it('shows an available attachment without a usable URL as unavailable', () => {
    render(<PostBody post={makePost('', [makeAttachment({ id: 5, name: 'x.txt', url: null })])} />);
    expect(card('x.txt')).toHaveTextContent('This file is not available');
  });

  it('turns an image that fails to load into a file card', () => {
    render(<PostBody post={makePost('', [imageAttachment(6, 'gone.jpg')])} />);
    fireEvent.error(screen.getByRole('img', { name: 'gone.jpg' }));
    expect(screen.queryByRole('img', { name: 'gone.jpg' })).toBeNull();
    const c = card('gone.jpg');
    expect(c).toHaveTextContent('This image could not be loaded');
    expect(within(c).getByRole('link', { name: 'gone.jpg' })).toHaveAttribute('href', '/attachments/6/gone.jpg');
  });

  it('lists nothing when there are no attachments', () => {
    render(<PostBody post={makePost('text')} />);
    expect(screen.queryByRole('list', { name: 'Attachments' })).toBeNull();
  });
});

describe('inline attachments', () => {
  it('shows an inline image in full, at no more than its own size, within a box that leaves room for the words', () => {
    const small = { ...imageAttachment(1, 'small.jpg'), width: 320, height: 180 };
    const large = { ...imageAttachment(2, 'large.jpg'), width: 1200, height: 675 };
    render(<PostBody post={makePost('[attach id=1]\n[attach id=2]', [small, large])} />);
    const smallImg = screen.getByRole('img', { name: 'small.jpg' });
    expect(smallImg).toHaveAttribute('src', '/attachments/1/small.jpg');
    expect([smallImg.getAttribute('width'), smallImg.getAttribute('height')]).toEqual(['320', '180']);
    const largeImg = screen.getByRole('img', { name: 'large.jpg' });
    expect([largeImg.getAttribute('width'), largeImg.getAttribute('height')]).toEqual(['560', '315']);
  });

  it('honours the size an [attach] asks for, but never grows an image past its own', () => {
    const atts = [imageAttachment(1, 'narrow.jpg'), imageAttachment(2, 'short.jpg'), imageAttachment(3, 'huge.jpg')];
    render(<PostBody post={makePost('[attach id=1 width=200]\n[attach id=2 height=60]\n[attach id=3 width=4000]', atts)} />);
    const size = (name: string) => {
      const img = screen.getByRole('img', { name });
      return [img.getAttribute('width'), img.getAttribute('height')];
    };
    expect(size('narrow.jpg')).toEqual(['200', '150']);
    expect(size('short.jpg')).toEqual(['80', '60']);
    expect(size('huge.jpg')).toEqual(['800', '600']);
  });

  it('places [attach] where the body says and does not list it twice', () => {
    const atts = [imageAttachment(1, 'inline.jpg'), makeAttachment({ id: 2, name: 'other.txt', url: '/a/2' })];
    const { container } = render(<PostBody post={makePost('Before\n[attach id=1]inline.jpg[/attach]\nAfter', atts)} />);
    const bodyEl = container.querySelector('.post-body') as HTMLElement;
    expect(within(bodyEl).getByRole('img', { name: 'inline.jpg' })).toBeInTheDocument();
    expect(within(list()).queryByRole('img')).toBeNull();
    expect(within(list()).getByRole('link', { name: 'other.txt' })).toBeInTheDocument();
    expect(screen.getAllByRole('img', { name: 'inline.jpg' })).toHaveLength(1);
  });

  it('accepts [attach id=N] with no name and closing tag', () => {
    const { container } = render(<PostBody post={makePost('[attach id=1]', [imageAttachment(1)])} />);
    expect(within(container.querySelector('.post-body') as HTMLElement).getByRole('img')).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Attachments' })).toBeNull();
  });

  it('shows an [attach] the post lacks as deleted (the contract’s meaning) under its number, not the name the author typed', () => {
    render(<PostBody post={makePost('[attach id=777]Invoice.pdf[/attach]')} />);
    expect(card('Attachment 777')).toHaveTextContent('Removed by an administrator');
    expect(screen.queryByText(/Invoice\.pdf/)).toBeNull();
  });

  it('turns SMF’s “[attachment deleted by admin]” line into the deleted card', () => {
    const { container } = render(<PostBody post={makePost('My photos:\n\n[attachment deleted by admin]')} />);
    expect(container.querySelector('.post-body')).not.toHaveTextContent('[attachment deleted by admin]');
    expect(container.querySelector('.att--deleted')).toHaveTextContent('Removed by an administrator');
  });
});

describe('formatting helpers', () => {
  it('formats sizes', () => {
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(2048)).toBe('2 KB');
    expect(formatBytes(150 * 1024)).toBe('150 KB');
    expect(formatBytes(1_258_291)).toBe('1.2 MB');
    expect(formatBytes(5 * 1024 ** 3)).toBe('5 GB');
  });

  it('formats download counts', () => {
    expect(formatDownloads(1)).toBe('1 download');
    expect(formatDownloads(1234)).toBe('1,234 downloads');
  });

  it('names a file’s kind by its extension', () => {
    expect(fileKind('a.zip')).toBe('ZIP');
    expect(fileKind('Annual report.Pdf')).toBe('PDF');
    expect(fileKind('pdfguide.txt')).toBe('TXT');
    expect(fileKind('README')).toBeUndefined();
  });

  it('shrinks an image to fit a box, keeping its shape, and never grows it', () => {
    expect(shownSize(1200, 675, 640, 400)).toEqual([640, 360]);
    expect(shownSize(600, 900, 640, 400)).toEqual([267, 400]);
    expect(shownSize(16, 16, 144, 112)).toEqual([16, 16]);
  });
});
