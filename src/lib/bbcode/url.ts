// URL rules for anything a post can turn into an href or src. Allow-list only:
// http(s), mailto (links only) and same-origin paths. Anything else — other schemes,
// protocol-relative `//host`, backslash tricks, whitespace or control characters,
// HTML entities (never decoded here, so `&#106;avascript:` is simply not allowed) —
// is refused, and the caller renders the text instead.

import { smfLinkTarget } from '../reader-routes';

type UrlKind = 'link' | 'resource';

const MAX_URL_LENGTH = 4096;
// Whitespace, C0/C1 controls, DEL, and characters that have no business in a URL a
// person typed and that browsers treat specially (`\` acts like `/` in http URLs).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN = /[\u0000-\u0020\u007f-\u009f\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f\u3000\ufeff\\"<>`]/u;
const HTTP = /^https?:\/\/[^/?#]/i;
const MAILTO = /^mailto:/i;
const EMAIL = /^[\p{L}\p{N}.!#$%&'*+=?^_{|}~/-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+$/u;

/**
 * Returns a safe href/src for `raw`, or null when it must stay plain text.
 * `link` allows mailto: as well; `resource` (images, downloads) does not.
 */
export function sanitizeUrl(raw: string, kind: UrlKind): string | null {
  if (raw.length === 0 || raw.length > MAX_URL_LENGTH || FORBIDDEN.test(raw)) return null;
  if (raw.startsWith('/')) {
    // A single slash only: `//host` is protocol-relative, i.e. another origin.
    return raw.startsWith('//') ? null : raw;
  }
  if (HTTP.test(raw)) {
    try {
      const url = new URL(raw);
      if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') return null;
      // The serialised form is what the browser will use; it is the form we vetted.
      return url.href;
    } catch {
      return null;
    }
  }
  if (kind === 'link' && MAILTO.test(raw)) {
    // The address alone: ?cc=, &bcc=, &body=… would let a post fill in the reader's mail.
    const address = raw.slice('mailto:'.length).split(/[?#]/)[0] ?? '';
    return EMAIL.test(decodeSafely(address)) ? `mailto:${address}` : null;
  }
  return null;
}

/** SMF accepts `[url=www.example.com]`; it means http. */
export function sanitizeLinkTarget(raw: string): string | null {
  if (/^www\.[a-z0-9-]/i.test(raw)) return sanitizeUrl(`http://${raw}`, 'link');
  return sanitizeUrl(raw, 'link');
}

/** `[email]a@b.c[/email]` → `mailto:a@b.c`, or null for anything that is not an address. */
export function emailHref(address: string): string | null {
  if (address.length > 254 || FORBIDDEN.test(address) || !EMAIL.test(address)) return null;
  // An address may hold ? # %, which in a mailto: URL would start headers (?cc=…) or a
  // fragment: escaped, they stay part of the address.
  return `mailto:${address.replace(/[?#%]/g, encodeURIComponent)}`;
}

function decodeSafely(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * SMF quote links → the reader's own URLs, the same ones the old links redirect to:
 * `msg=123` → `/post/123`; `topic=12.msg34#msg34` → `/topic/12?post=34#msg34`;
 * `topic=12.30` → `/topic/12?page=3`. Anything else → null (the cite line is then not a link).
 */
export function quoteLinkToPath(link: string): string | null {
  return smfLinkTarget(link);
}

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const YOUTUBE_URL =
  /^(?:https?:\/\/)?(?:www\.|m\.)?(?:youtube\.com\/(?:watch\?(?:[^#\s]*&)?v=|embed\/|shorts\/|v\/|live\/)|youtu\.be\/)([A-Za-z0-9_-]{11})(?![A-Za-z0-9_-])/i;

/** The 11-character video id from `[youtube]…[/youtube]` content, or null. */
export function youtubeId(content: string): string | null {
  const s = content.trim();
  if (YOUTUBE_ID.test(s)) return s;
  return YOUTUBE_URL.exec(s)?.[1] ?? null;
}
