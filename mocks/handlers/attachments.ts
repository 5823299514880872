// GET /api/attachments/:id, /api/attachments/:id/thumbnail and /api/avatars/:id:
// the files behind the urls the posts hand out. Images are SVG placeholders of
// their declared size; other files are small bodies sent as downloads. The
// "broken" image answers 404, as a lost file on a real server would.
import { http, HttpResponse } from 'msw';
import type { HttpHandler } from 'msw';
import { forbidden, notFound } from '../db/queries';
import { isImage } from '../db/serialize';
import type { DbAttachment } from '../db/types';
import { avatarSvg, contentDisposition, fileBody, placeholderSvg, thumbnailSize } from './media';
import { errorResponse, idParam } from './respond';
import type { HandlerContext } from './respond';

// Served from the API's own origin, so keep anything active out of it.
const SAFE_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
  'Cache-Control': 'public, max-age=86400',
};

type Lookup = { ok: true; attachment: DbAttachment } | { ok: false; response: Response };

function findServable(ctx: HandlerContext, rawId: string | readonly string[] | undefined): Lookup {
  const id = idParam(rawId);
  const found = id === null ? undefined : ctx.forum().findAttachment(id);
  if (!found) return { ok: false, response: errorResponse(notFound(`There is no attachment "${String(rawId)}".`)) };
  const { attachment, post } = found;
  const topic = ctx.forum().topics.get(post.topicId);
  if (topic && ctx.forum().boardOf(topic).restricted) {
    return { ok: false, response: errorResponse(forbidden('You cannot view this attachment.')) };
  }
  switch (attachment.state) {
    case 'available':
      return attachment.broken
        ? { ok: false, response: errorResponse(notFound('The file of this attachment is missing.')) }
        : { ok: true, attachment };
    case 'pending':
      return { ok: false, response: errorResponse(forbidden('This attachment is awaiting approval.')) };
    case 'restricted':
      return { ok: false, response: errorResponse(forbidden('You cannot view this attachment.')) };
    default:
      // Deleted, and states this server does not serve (such as "quarantined").
      return { ok: false, response: errorResponse(notFound('This attachment is not available.')) };
  }
}

function svgResponse(svg: string, name: string): Response {
  return new HttpResponse(svg, {
    headers: { ...SAFE_HEADERS, 'Content-Type': 'image/svg+xml; charset=utf-8', 'Content-Disposition': contentDisposition('inline', name) },
  });
}

export function attachmentHandlers(ctx: HandlerContext): HttpHandler[] {
  return [
    http.get('*/api/attachments/:id', async ({ params }) => {
      await ctx.pause();
      const found = findServable(ctx, params.id);
      if (!found.ok) return found.response;
      const a = found.attachment;
      if (isImage(a)) {
        return svgResponse(placeholderSvg({ seed: a.id, width: a.width ?? 1, height: a.height ?? 1, label: a.name }), a.name);
      }
      const mimeType = a.mimeType ?? 'application/octet-stream';
      // A text/html or SVG "file" would run on the API's origin if opened; send those as bytes.
      const safeType = /html|svg|xml|javascript/i.test(mimeType) ? 'application/octet-stream' : mimeType;
      const body = fileBody(a.name, mimeType);
      return new HttpResponse(body, {
        headers: {
          ...SAFE_HEADERS,
          'Content-Type': safeType.startsWith('text/') ? `${safeType}; charset=utf-8` : safeType,
          'Content-Disposition': contentDisposition('attachment', a.name),
          'Content-Length': String(body.byteLength),
        },
      });
    }),
    http.get('*/api/attachments/:id/thumbnail', async ({ params }) => {
      await ctx.pause();
      const found = findServable(ctx, params.id);
      if (!found.ok) return found.response;
      const a = found.attachment;
      if (!isImage(a) || !a.thumbnail) return errorResponse(notFound('This attachment has no thumbnail.'));
      const size = thumbnailSize(a.width ?? 1, a.height ?? 1);
      return svgResponse(placeholderSvg({ seed: a.id, ...size, label: a.name }), `thumb_${a.name}`);
    }),
    http.get('*/api/avatars/:id', async ({ params }) => {
      await ctx.pause();
      const id = idParam(params.id);
      const member = id === null ? undefined : ctx.forum().members.get(id);
      // Members without an avatar have no avatarUrl; asking anyway is a 404.
      if (!member?.hasAvatar) return errorResponse(notFound(`There is no avatar "${String(params.id)}".`));
      return svgResponse(avatarSvg(member.id, member.name), `${member.name}.svg`);
    }),
  ];
}
