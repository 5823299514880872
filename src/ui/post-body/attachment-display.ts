import type { Attachment } from '../../lib/api/schemas';
import { sanitizeUrl } from '../../lib/bbcode/url';

// What an attachment shows as, decided once from the contract's fields. Server URLs go
// through the same rules as post URLs: a compromised or sloppy server cannot smuggle a
// javascript: link in either.
type AttachmentDisplay =
  | {
      kind: 'image';
      /** Shown in the list under the post: the thumbnail when there is one. */
      thumb: string;
      /** Shown inline (at no more than its own size) and in the lightbox, and linked when it breaks. */
      full: string;
      width: number | null;
      height: number | null;
    }
  | { kind: 'file'; href: string }
  | { kind: 'pending' | 'restricted' | 'deleted' | 'unavailable' };

export function attachmentDisplay(att: Attachment | undefined): AttachmentDisplay {
  if (!att) return { kind: 'deleted' };
  switch (att.state) {
    case 'available': {
      const href = att.url ? sanitizeUrl(att.url, 'resource') : null;
      if (!href) return { kind: 'unavailable' };
      const sized = Boolean(att.width && att.height);
      if (sized || att.mimeType?.toLowerCase().startsWith('image/')) {
        const thumb = att.thumbnailUrl ? sanitizeUrl(att.thumbnailUrl, 'resource') : null;
        return {
          kind: 'image',
          thumb: thumb ?? href,
          full: href,
          width: sized ? (att.width ?? null) : null,
          height: sized ? (att.height ?? null) : null,
        };
      }
      return { kind: 'file', href };
    }
    case 'pending':
    case 'restricted':
    case 'deleted':
      return { kind: att.state };
    default:
      return { kind: 'unavailable' };
  }
}

/** 1234567 → "1.2 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const shown = value < 10 ? value.toFixed(1).replace(/\.0$/, '') : String(Math.round(value));
  return `${shown} ${units[unit]}`;
}

export function formatDownloads(n: number): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? 'download' : 'downloads'}`;
}

/** A file's kind as a reader names it, from its extension: "report.PDF" → "PDF". */
export function fileKind(name: string): string | undefined {
  return /\.(\w{1,8})$/.exec(name)?.[1]?.toUpperCase();
}

/**
 * The size an image shows at: its own, shrunk to fit `maxWidth` × `maxHeight`, never grown
 * past it (a 320-px image is never stretched to the column). Given to the <img> as its
 * width and height, so the box is reserved before the file arrives; CSS then only ever
 * shrinks it further, to the column.
 */
export function shownSize(width: number, height: number, maxWidth: number, maxHeight: number): [number, number] {
  const scale = Math.min(1, maxWidth / width, maxHeight / height);
  return [Math.round(width * scale), Math.round(height * scale)];
}
