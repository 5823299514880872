// For the post body's tests (src/ui/post-body/*.test.tsx): posts and attachments to
// render, and a check of the rendered markup. Test code only, so it lives outside src/.
import type { Attachment, Post } from '../../src/lib/api/schemas';

export function makePost(body: string, attachments: Attachment[] = [], id = 1): Post {
  return {
    id,
    number: 1,
    subject: 'Test post',
    author: { id: 7, name: 'Alice' },
    postedAt: '2024-10-21T15:19:00Z',
    body,
    attachments,
  };
}

export function makeAttachment(overrides: Partial<Attachment> & { id: number }): Attachment {
  return { name: `file-${overrides.id}.bin`, state: 'available', ...overrides };
}

export function imageAttachment(id: number, name = `photo-${id}.jpg`): Attachment {
  return makeAttachment({
    id,
    name,
    url: `/attachments/${id}/${name}`,
    thumbnailUrl: `/attachments/${id}/thumb-${name}`,
    mimeType: 'image/jpeg',
    width: 800,
    height: 600,
    sizeBytes: 123_456,
    downloads: 3,
  });
}

// Elements the renderer is allowed to produce. Anything else in its output is a bug.
const ALLOWED_TAGS = new Set([
  'div', 'p', 'span', 'b', 'i', 'u', 's', 'sub', 'sup', 'a', 'br', 'hr', 'blockquote',
  'cite', 'time', 'pre', 'code', 'figure', 'figcaption', 'button', 'ul', 'ol', 'li',
  'table', 'tbody', 'tr', 'td', 'th', 'img', 'dialog', 'bdi',
]);
const FORBIDDEN_TAGS = new Set([
  'script', 'iframe', 'object', 'embed', 'style', 'link', 'meta', 'form', 'base', 'frame',
  'frameset', 'svg', 'math', 'template', 'applet', 'input', 'textarea', 'select', 'portal',
]);
const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'srcset', 'poster', 'background', 'data', 'cite', 'ping']);
const BAD_SCHEME = /^(?:javascript|data|vbscript):/;
const BAD_STYLE = /position|url\s*\(|expression|behavior|binding|@import|javascript/;
const YOUTUBE_EMBED = /^https:\/\/www\.youtube-nocookie\.com\/embed\/[A-Za-z0-9_-]{11}\?autoplay=1$/;

/**
 * Everything unsafe in a rendered subtree, as readable strings (empty when safe).
 * `allowYoutubeIframe`: a clicked facade's nocookie embed is expected.
 */
export function findUnsafeMarkup(root: Element, { allowYoutubeIframe = false } = {}): string[] {
  const problems: string[] = [];
  for (const el of [root, ...Array.from(root.querySelectorAll('*'))]) {
    const tag = el.tagName.toLowerCase();
    const youtube = tag === 'iframe' && allowYoutubeIframe && YOUTUBE_EMBED.test(el.getAttribute('src') ?? '');
    if (el !== root && !youtube && (FORBIDDEN_TAGS.has(tag) || !ALLOWED_TAGS.has(tag))) {
      problems.push(`element <${tag}>`);
    }
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      // Browsers ignore whitespace and control characters around and inside schemes.
      // eslint-disable-next-line no-control-regex -- stripping control characters is the point
      const value = attr.value.replace(/[\u0000-\u0020\u007f-\u009f]+/g, '').toLowerCase();
      if (name.startsWith('on')) problems.push(`<${tag} ${name}>`);
      if (name === 'srcdoc' || name === 'formaction' || name === 'action') problems.push(`<${tag} ${name}>`);
      if (URL_ATTRS.has(name) && BAD_SCHEME.test(value)) problems.push(`<${tag} ${name}="${attr.value}">`);
      if ((name === 'href' || name === 'src') && value.startsWith('//')) problems.push(`<${tag} ${name}="${attr.value}"> (protocol-relative)`);
      if (name === 'style' && BAD_STYLE.test(value)) problems.push(`<${tag} style="${attr.value}">`);
    }
  }
  return problems;
}
