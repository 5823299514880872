// What crawlers read: /robots.txt, which keeps them out of the API and the search
// results (endless, and `noindex` anyway) and points them at the sitemaps; /sitemap.xml,
// a sitemap index; and /sitemaps/{boards|topics}-N.xml, its pages. Registered by the
// server's app before the reader's static files, which would otherwise answer these
// paths with the SPA's index.html.
import { createHash } from 'node:crypto';
import type { Context, Hono } from 'hono';
import type { ApiContext } from '../api/context';
import { MAX_URLS_PER_SITEMAP, sitemapPages, sitemapPaths } from './sitemap-data';
import type { SitemapKind } from './sitemap-data';
import { sitemapIndexXml, urlsetXml } from './sitemap-xml';

export interface SeoOptions {
  api: ApiContext;
  /**
   * The site's origin (`https://forum.example`, no trailing slash) that the absolute URLs
   * start with. The caller decides it, from configuration rather than from a Host header
   * a client could forge into someone else's sitemap.
   */
  origin: (c: Context) => string;
  /** URLs per sitemap: the protocol's 50,000 unless a test wants small pages. */
  pageSize?: number;
}

const XML = 'application/xml; charset=utf-8';
const TEXT = 'text/plain; charset=utf-8';
// Crawlers revalidate on every visit (cheap with the ETag); a shared cache keeps a copy
// for an hour and may serve a stale one for a day while it refetches, since a sitemap
// index reads the whole topics table in a few queries.
const CACHE_CONTROL = 'public, max-age=0, s-maxage=3600, stale-while-revalidate=86400';

/** A text answer with a strong ETag (a hash of the body, as the API's JSON has), 304 on a match. */
function cachedResponse(c: Context, body: string, contentType: string): Response {
  const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
  const headers = { 'Content-Type': contentType, 'Cache-Control': CACHE_CONTROL, ETag: etag };
  const match = c.req.header('if-none-match');
  if (match && match.split(',').some((t) => t.trim() === etag)) return new Response(null, { status: 304, headers });
  return new Response(body, { headers });
}

function notFound(): Response {
  return new Response('No such sitemap.\n', { status: 404, headers: { 'Content-Type': TEXT, 'Cache-Control': CACHE_CONTROL } });
}

export function robotsTxt(origin: string): string {
  return [
    'User-agent: *',
    'Allow: /',
    // The JSON the reader loads: not pages, and every one is reachable as a page already.
    'Disallow: /api/',
    // Search results: unbounded combinations of words, each also marked noindex.
    'Disallow: /search',
    '',
    `Sitemap: ${origin}/sitemap.xml`,
    '',
  ].join('\n');
}

const SITEMAP_FILE = /^(boards|topics)-([1-9][0-9]{0,8})\.xml$/;

const sitemapHref = (origin: string, kind: SitemapKind, page: number): string => `${origin}/sitemaps/${kind}-${String(page)}.xml`;

/**
 * Adds the crawler routes to `app`. Database errors are thrown, for the app's onError
 * to answer (503 when the database is away); a forum closed to guests answers 403 there.
 */
export function seoRoutes(app: Hono, options: SeoOptions): void {
  const { api } = options;
  const size = options.pageSize ?? MAX_URLS_PER_SITEMAP;
  if (!Number.isInteger(size) || size < 1 || size > MAX_URLS_PER_SITEMAP) {
    throw new RangeError(`pageSize must be a whole number from 1 to ${String(MAX_URLS_PER_SITEMAP)}, not ${String(size)}.`);
  }
  const origin = (c: Context): string => options.origin(c).replace(/\/+$/, '');

  app.get('/robots.txt', (c) => cachedResponse(c, robotsTxt(origin(c)), TEXT));

  app.get('/sitemap.xml', async (c) => {
    const pages = await sitemapPages(api, size);
    // Nothing a guest may read: an index must name at least one sitemap, so there is none.
    if (pages.length === 0) return notFound();
    const base = origin(c);
    return cachedResponse(c, sitemapIndexXml(pages.map((p) => ({ loc: sitemapHref(base, p.kind, p.page), lastmod: p.lastmod }))), XML);
  });

  // 50,000 URLs of about 100 bytes each (origin, a /topic/N path, a lastmod and the tags)
  // make about 5 MB, a tenth of the protocol's 50 MB limit on an uncompressed sitemap;
  // even a 500-character origin stays under 30 MB.
  app.get('/sitemaps/:file', async (c) => {
    const found = SITEMAP_FILE.exec(c.req.param('file'));
    if (!found) return notFound();
    const kind = found[1] === 'boards' ? 'boards' : 'topics';
    const paths = await sitemapPaths(api, kind, Number(found[2]), size);
    if (paths === null) return notFound();
    const base = origin(c);
    return cachedResponse(c, urlsetXml(paths.map((p) => ({ loc: `${base}${p.path}`, lastmod: p.lastmod }))), XML);
  });
}
