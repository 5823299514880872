// The server's routes: the contract under /api, the files its answers point at, and
// the reader's production build for everything else. Every failure of the API is the
// contract's error JSON: 4xx for what the request asked, 503 when the database is
// away or slow (the reader retries those), 500 only for our own bugs.
import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import type { Context, MiddlewareHandler } from 'hono';
import { boardPage, forumIndex } from '../api/boards';
import { ApiError } from '../api/context';
import type { ApiContext } from '../api/context';
import { attachmentFile, avatarFile, thumbnailFile } from '../api/files';
import type { FileOptions } from '../api/files';
import { pathId, positiveIntQuery } from '../api/params';
import { searchPosts, searchTopics } from '../api/search';
import { postLocation, topicPage } from '../api/topics';
import { isDatabaseUnavailable, isStatementTimeout } from '../smf/db-errors';
import { seoRoutes } from '../seo/seo-routes';
import { compressJson } from './compress-json';

export interface AppOptions {
  api: ApiContext;
  files: FileOptions;
  /** Serves dist/ with the SPA fallback; absent in API-only tests. */
  staticFiles?: MiddlewareHandler;
  /**
   * The origin readers use (LECTERN_PUBLIC_URL), for robots.txt and the sitemaps; null or
   * absent: each request's own. Only with staticFiles, that is for a server of pages.
   */
  publicOrigin?: string | null;
  log?: (message: string, error?: unknown) => void;
}

function errorJson(status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ error: { code, message } }), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
  });
}

/**
 * Every answer is what any guest sees, so a CDN may share it: for half a minute, and a
 * stale one for five while it fetches afresh. Browsers revalidate each time (max-age=0).
 */
const API_CACHE = 'public, max-age=0, s-maxage=30, stale-while-revalidate=300';

/** JSON with a strong ETag, so a reader revalidating an unchanged page gets a 304. */
function jsonResponse(c: Context, value: unknown): Response {
  const body = JSON.stringify(value);
  const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
  const headers = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': API_CACHE, ETag: etag };
  const match = c.req.header('if-none-match');
  if (match && match.split(',').some((t) => t.trim() === etag)) return new Response(null, { status: 304, headers });
  return new Response(body, { headers });
}

function idOr404(raw: string | undefined, what: string): number {
  const id = pathId(raw);
  if (id === null) throw new ApiError(404, 'not_found', `There is no ${what} "${String(raw).slice(0, 40)}".`);
  return id;
}

export function createApp(options: AppOptions): Hono {
  const { api, files } = options;
  const log = options.log ?? ((message: string, error?: unknown) => console.error(message, error));
  const app = new Hono();

  app.use('/api/*', async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      return errorJson(405, 'method_not_allowed', 'The API only reads: use GET.', { Allow: 'GET, HEAD' });
    }
    await next();
  });
  app.use('/api/*', compressJson());

  app.get('/api/forum', async (c) => jsonResponse(c, await forumIndex(api)));
  app.get('/api/boards/:id', async (c) => {
    const id = idOr404(c.req.param('id'), 'board');
    const page = positiveIntQuery(new URL(c.req.url), 'page') ?? 1;
    return jsonResponse(c, await boardPage(api, id, page));
  });
  app.get('/api/topics/:id', async (c) => {
    const id = idOr404(c.req.param('id'), 'topic');
    const url = new URL(c.req.url);
    const page = positiveIntQuery(url, 'page');
    const post = positiveIntQuery(url, 'post');
    if (page !== null && post !== null) throw new ApiError(400, 'bad_request', 'Give either "page" or "post", not both.');
    if (post !== null) {
      if (!Number.isFinite(post)) throw new ApiError(404, 'not_found', `Topic ${String(id)} has no such post.`);
      return jsonResponse(c, await topicPage(api, id, { post }));
    }
    return jsonResponse(c, await topicPage(api, id, { page: page ?? 1 }));
  });
  app.get('/api/posts/:id', async (c) => jsonResponse(c, await postLocation(api, idOr404(c.req.param('id'), 'post'))));
  app.get('/api/search', async (c) => {
    const url = new URL(c.req.url);
    const q = url.searchParams.getAll('q');
    if (q.length > 1) throw new ApiError(400, 'bad_request', 'Give "q" once.');
    const by = url.searchParams.getAll('by');
    if (by.length > 1 || (by.length === 1 && by[0] !== 'topic')) throw new ApiError(400, 'bad_request', '"by" can only be "topic".');
    const page = positiveIntQuery(url, 'page') ?? 1;
    return jsonResponse(c, by.length === 1 ? await searchTopics(api, q[0] ?? '', page) : await searchPosts(api, q[0] ?? '', page));
  });
  app.get('/api/attachments/:id', (c) => attachmentFile(api, files, idOr404(c.req.param('id'), 'attachment'), c.req.method === 'HEAD'));
  app.get('/api/attachments/:id/thumbnail', (c) =>
    thumbnailFile(api, files, idOr404(c.req.param('id'), 'attachment'), c.req.method === 'HEAD'),
  );
  app.get('/api/avatars/:id', (c) => avatarFile(api, files, idOr404(c.req.param('id'), 'avatar'), c.req.method === 'HEAD'));
  app.all('/api/*', (c) => errorJson(404, 'not_found', `Nothing at ${new URL(c.req.url).pathname.slice(0, 100)}.`));

  if (options.staticFiles) {
    const origin = options.publicOrigin;
    seoRoutes(app, { api, origin: (c) => origin ?? new URL(c.req.url).origin });
    app.use('*', options.staticFiles);
  }

  app.onError((error) => {
    if (error instanceof ApiError) return errorJson(error.status, error.code, error.message);
    if (isStatementTimeout(error)) {
      log('[api] a query ran past the statement timeout', error);
      return errorJson(503, 'timeout', 'The forum took too long to answer. Try again in a moment.', { 'Retry-After': '5' });
    }
    if (isDatabaseUnavailable(error)) {
      log('[api] the database cannot be reached', error);
      return errorJson(503, 'unavailable', "The forum's database cannot be reached right now. Try again in a moment.", { 'Retry-After': '5' });
    }
    log('[api] unexpected error', error);
    return errorJson(500, 'internal', 'Something went wrong on the server.');
  });

  return app;
}
