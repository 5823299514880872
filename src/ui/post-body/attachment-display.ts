import type { Attachment } from '../../lib/api/schemas';
import { sanitizeUrl } from '../../lib/bbcode/url';

// What an attachment shows as, decided once from the contract's fields. Server URLs go
// through the same rules as post URLs: a compromised or sloppy server cannot smuggle a
// javascript: link in either.
type AttachmentDisplay =
  | {
      kind: 'image';
      /** Shown in the post: the thumbnail when there is one. */
      src: string;
      /** Shown in the lightbox and linked when the image breaks. */
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
          src: thumb ?? href,
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

// [MIME pattern, extension pattern, icon]; the first match wins.
const ICONS: Array<[RegExp, RegExp, string]> = [
  [/^image\//i, /\.(png|jpe?g|gif|webp|avif|bmp|svg|heic)$/i, '🖼️'],
  [/\/pdf$/i, /\.pdf$/i, '📕'],
  [/zip|rar|7z|x-tar|gzip|compressed/i, /\.(zip|rar|7z|tar|gz|tgz|bz2|xz)$/i, '🗜️'],
  [/^audio\//i, /\.(mp3|ogg|wav|flac|m4a)$/i, '🎵'],
  [/^video\//i, /\.(mp4|webm|mkv|mov|avi)$/i, '🎬'],
  [/spreadsheet|excel|csv/i, /\.(xlsx?|ods|csv)$/i, '📊'],
  [/presentation|powerpoint/i, /\.(pptx?|odp)$/i, '📽️'],
  [/msword|wordprocessing|opendocument\.text|rtf/i, /\.(docx?|odt|rtf)$/i, '📝'],
  [/^text\/plain/i, /\.(txt|md|log)$/i, '📄'],
  [/^$/, /\.(js|ts|php|py|c|cpp|h|java|rb|go|rs|sh|json|xml|html?|css|sql)$/i, '💻'],
];

/** An emoji for the file's type, from its MIME type or its extension. */
export function fileIcon(name: string, mimeType: string | null | undefined): string {
  for (const [mime, ext, icon] of ICONS) {
    if ((mimeType && mime.test(mimeType)) || ext.test(name)) return icon;
  }
  return '📎';
}
