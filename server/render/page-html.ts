// The server-rendered reader: every reader URL answered with the page's HTML, its real
// status, its metadata and the data the browser hydrates from. The reader's own code
// (route table, loaders, views) runs in the renderer that Vite builds into dist-ssr/
// (render-entry.tsx); this side loads it, answers its API requests in-process, and
// writes the document around what it renders, into the build's own index.html.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'hono';
import { contentSecurityPolicy } from '../../src/lib/security/content-security-policy';
import type { PageName } from '../../src/lib/reader-routes';
import type { PageMeta } from './page-meta';
import type * as RenderEntry from './render-entry';
import { checkViewModules, pageAssets, type Manifest } from './view-assets';

type Renderer = typeof RenderEntry;

export type PageRenderer = {
  /** Answers a reader URL (GET or HEAD) with its page, a redirect, or its error page. */
  respond(c: Context): Promise<Response>;
};

export type PageRendererOptions = {
  /** The browser build (dist/): its index.html is the document every page is written into. */
  distDir: string;
  /** The renderer's build (dist-ssr/), or the module itself (tests load it from source). */
  renderer: string | Renderer;
  /** Answers the reader's API requests in-process: the server's own app. */
  fetchApi: (request: Request) => Promise<Response>;
  /** The forum's public origin for canonical and Open Graph urls; null: the request's own. */
  publicOrigin: string | null;
  /** The server's clock (tests fix it). */
  now?: () => number;
};

const MINUTE = 60_000;

/** Without JavaScript, the controls that need it step aside (public/no-script.css). */
const NO_SCRIPT = '<noscript><link rel="stylesheet" href="/no-script.css"></noscript>';

/** Short for HTML: a CDN may serve it a minute, and a stale copy while it fetches a fresh one. */
const PAGE_CACHE = 'public, max-age=0, s-maxage=60, stale-while-revalidate=600';
const MISSING_CACHE = 'public, max-age=0, s-maxage=60';
const securityHeaders = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
} as const;

/** The parts of index.html the page is written between. */
type Template = { id: string; beforeHead: string; beforeRoot: string; afterRoot: string };

export function splitTemplate(indexHtml: string): Template {
  const root = '<div id="root"></div>';
  const at = indexHtml.indexOf(root);
  const title = /<title>[^<]*<\/title>/.exec(indexHtml);
  if (at === -1 || !title) throw new Error('index.html has no <div id="root"></div> or no <title>: is it the reader\'s build?');
  const withoutDefaults = (html: string) =>
    html
      // The page writes its own description, and a rendered page needs no "needs JavaScript" notice.
      .replace(/\s*<meta name="description"[^>]*>/, '')
      .replace(/\s*<noscript>[\s\S]*?<\/noscript>/, '');
  const head = indexHtml.slice(0, title.index).replace('<html lang="en">', '<html lang="en" data-rendered="server">');
  return {
    id: createHash('sha256').update(indexHtml).digest('base64url').slice(0, 16),
    beforeHead: withoutDefaults(head),
    beforeRoot: withoutDefaults(indexHtml.slice(title.index + title[0].length, at)),
    afterRoot: withoutDefaults(indexHtml.slice(at + root.length)),
  };
}

/** Text for an HTML attribute value or element content. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * JSON for a <script type="application/json"> (or ld+json) block. No `<` survives, so
 * neither `</script>` nor `<!--` in a post can end the block or change how the HTML
 * parser reads it; U+2028/9 are escaped for any reader that treats it as script.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * The head's metadata, with absolute urls. `titleHtml` is the title as React wrote it in
 * <title>, escaped already (React escapes & < > " ' alike in text and attributes).
 */
export function metaTags(meta: PageMeta, titleHtml: string, origin: string): string {
  const url = (path: string) => `${origin}${path}`;
  const tags: string[] = [];
  const add = (tag: string) => tags.push(tag);
  if (meta.description) add(`<meta name="description" content="${escapeHtml(meta.description)}">`);
  if (meta.noindex) add('<meta name="robots" content="noindex">');
  if (meta.canonical) add(`<link rel="canonical" href="${escapeHtml(url(meta.canonical))}">`);
  if (meta.prev) add(`<link rel="prev" href="${escapeHtml(url(meta.prev))}">`);
  if (meta.next) add(`<link rel="next" href="${escapeHtml(url(meta.next))}">`);
  add(`<meta property="og:type" content="${meta.type}">`);
  add(`<meta property="og:title" content="${titleHtml}">`);
  if (meta.description) add(`<meta property="og:description" content="${escapeHtml(meta.description)}">`);
  if (meta.canonical) add(`<meta property="og:url" content="${escapeHtml(url(meta.canonical))}">`);
  add('<meta name="twitter:card" content="summary">');
  add(`<meta name="twitter:title" content="${titleHtml}">`);
  if (meta.description) add(`<meta name="twitter:description" content="${escapeHtml(meta.description)}">`);
  if (meta.structuredData) add(`<script type="application/ld+json">${scriptJson(absoluteUrls(meta.structuredData, origin))}</script>`);
  return tags.join('\n    ');
}

/** JSON-LD with every `url` made absolute. */
function absoluteUrls(value: unknown, origin: string): unknown {
  if (Array.isArray(value)) return value.map((item) => absoluteUrls(item, origin));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, key === 'url' && typeof item === 'string' && item.startsWith('/') ? `${origin}${item}` : absoluteUrls(item, origin)]),
  );
}

/** The first language of Accept-Language that this Node's Intl formats, else en-US. */
export function negotiateLocale(acceptLanguage: string | undefined): string {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((value) => value !== undefined);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.tag !== '' && entry.tag !== '*' && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    try {
      const [supported] = Intl.NumberFormat.supportedLocalesOf(tag);
      if (supported) return supported;
    } catch {
      // Not a language tag at all: try the next.
    }
  }
  return 'en-US';
}

function matchesETag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((part) => {
    const tag = part.trim();
    return tag === '*' || tag.replace(/^W\//, '') === bare;
  });
}

/** The build's manifest, or none (a test's bare index.html): then only index.html's files are named. */
async function readManifest(distDir: string): Promise<Manifest> {
  try {
    return JSON.parse(await readFile(join(distDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
}

export async function createPageRenderer(options: PageRendererOptions): Promise<PageRenderer> {
  const indexHtml = await readFile(join(options.distDir, 'index.html'), 'utf8');
  const template = splitTemplate(indexHtml);
  const manifest = await readManifest(options.distDir);
  if (Object.keys(manifest).length > 0) checkViewModules(manifest);
  const announced = new Set([...indexHtml.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1] ?? ''));
  // Per page name, the links its document adds to index.html's: worked out once.
  const assetLinks = new Map<PageName | null, { head: string; end: string }>();
  const stylesheet = (href: string) => `<link rel="stylesheet" crossorigin href="${escapeHtml(href)}">`;
  const linksFor = (page: PageName | null): { head: string; end: string } => {
    let links = assetLinks.get(page);
    if (links === undefined) {
      const { styles, lateStyles, scripts } = pageAssets(manifest, page, announced);
      links = {
        head: [...styles.map(stylesheet), ...scripts.map((href) => `<link rel="modulepreload" crossorigin href="${escapeHtml(href)}">`)].join('\n    '),
        end: lateStyles.map(stylesheet).join(''),
      };
      assetLinks.set(page, links);
    }
    return links;
  };
  const renderer: Renderer =
    typeof options.renderer === 'string' ? ((await import(pathToFileURL(join(options.renderer, 'render-entry.js')).href)) as Renderer) : options.renderer;
  renderer.answerApiWith(options.fetchApi);
  const clock = options.now ?? Date.now;

  return {
    async respond(c) {
      const requestUrl = new URL(c.req.url);
      const origin = options.publicOrigin ?? requestUrl.origin;
      const locale = negotiateLocale(c.req.header('accept-language'));
      const now = Math.floor(clock() / MINUTE) * MINUTE;
      const rendered = await renderer.renderPage({ url: requestUrl, locale, now });
      if (rendered.kind === 'redirect') {
        return new Response(null, {
          status: rendered.status,
          headers: { Location: rendered.to, 'Cache-Control': rendered.status === 301 ? 'public, max-age=86400' : 'no-cache', ...securityHeaders },
        });
      }
      const title = /^<title>([^<]*)<\/title>/.exec(rendered.head)?.[1] ?? 'Lectern';
      const headers: Record<string, string> = {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': contentSecurityPolicy,
        // The page is written in the reader's language's formats: caches keep one per language.
        Vary: 'Accept-Language',
        'Cache-Control': rendered.status === 200 ? PAGE_CACHE : rendered.status < 500 ? MISSING_CACHE : 'no-store',
        ...securityHeaders,
      };
      if (rendered.status === 200) {
        // Weak: the same data on the same build is the same page, though "5 minutes ago" moves on.
        const data = rendered.state.queries.queries.map((query) => [query.queryHash, query.state.data]);
        const etag = `W/"${createHash('sha1').update(JSON.stringify([template.id, requestUrl.pathname, requestUrl.search, locale, data])).digest('base64url')}"`;
        headers.ETag = etag;
        if (matchesETag(c.req.header('if-none-match'), etag)) return new Response(null, { status: 304, headers });
      }
      const links = linksFor(rendered.view);
      const state = `<script type="application/json" id="lectern-state">${scriptJson(rendered.state)}</script>`;
      const parts = [
        template.beforeHead,
        rendered.head,
        `\n    ${metaTags(rendered.meta, title, origin)}`,
        template.beforeRoot.replace('</head>', `  ${links.head}\n    ${NO_SCRIPT}\n  </head>`),
        `<div id="root">`,
        rendered.html,
        `</div>\n    ${state}${links.end}`,
        template.afterRoot,
      ];
      if (c.req.method === 'HEAD') return new Response(null, { status: rendered.status, headers });
      // The head first: its stylesheets and scripts start downloading while the rest arrives.
      const encoder = new TextEncoder();
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(encoder.encode(parts.slice(0, 4).join('')));
          controller.enqueue(encoder.encode(parts.slice(4).join('')));
          controller.close();
        },
      });
      return new Response(body, { status: rendered.status, headers });
    },
  };
}
