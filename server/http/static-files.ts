// The production build (dist/), served by the Node server on the API's origin, with
// the rules the README gives deployers: the SPA fallback, a year's caching for hashed
// assets, no-cache for the rest, and the Content-Security-Policy on every page.
//
// dist/ is read once, at start-up, into memory, with brotli and gzip variants made
// there and then at the highest settings: it is small (about 0.5 MB without its source
// maps, which are never served), and a request then costs a map lookup, never a disk
// read or a compression.
// A rebuild while the server runs is not picked up, on purpose: the running server
// keeps serving one consistent build (its index.html and the chunks it names) until
// it is restarted.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Context, MiddlewareHandler } from 'hono';
import { contentSecurityPolicy } from '../../src/lib/security/content-security-policy';
import { chooseEncoding, toBody, type CompressedCoding, type ContentCoding } from './compress-json';

export type StaticFiles = {
  /** False when distDir has no index.html: every page then answers 503 and the caller should log a warning. */
  built: boolean;
  /** How many files are held in memory. */
  files: number;
  /**
   * Answers everything outside /api: GET and HEAD (files, the SPA fallback, 404s for
   * missing hashed assets), and any other method with a 405. Passes all of /api to `next()`.
   */
  handler: MiddlewareHandler;
};

type Variant = {
  body: Uint8Array<ArrayBuffer>;
  /** The 200's headers, ready to copy. */
  headers: Readonly<Record<string, string>>;
  /** A 304's: the validators and caching rules, no body metadata. */
  notModified: Readonly<Record<string, string>>;
};

type StaticFile = {
  identity: Variant;
  compressed: Partial<Record<CompressedCoding, Variant>>;
  /** Which compressed variants exist, br first, for chooseEncoding. */
  codings: readonly CompressedCoding[];
  /** Every variant's ETag: a revalidation with any of them is a match (same content). */
  etags: ReadonlySet<string>;
};

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

// Text: compresses well. Images and fonts are compressed formats already.
const compressible = new Set(['.html', '.js', '.mjs', '.css', '.json', '.webmanifest', '.svg', '.txt', '.xml']);

/**
 * Files in dist/ that are never loaded or served. MSW's worker: the production build
 * drops it, but a dist/ left over from a demo build may still hold it, and a page that
 * registered it would answer /api from mock data. Source maps: the build writes them for
 * the size check (`sourcemap: 'hidden'`, no chunk names them); they would hand out the
 * reader's whole source, and were 2.4 MB of the 2.9 MB build held in memory.
 */
function neverServed(key: string): boolean {
  return key === 'mockServiceWorker.js' || /\.map$/i.test(key);
}

const securityHeaders = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
} as const;

const immutable = 'public, max-age=31536000, immutable';

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Loads distDir into memory and returns the handler that serves it. `pages` answers the
 * reader's own URLs (the server renderer); without it they get index.html, for the app to route.
 */
export async function createStaticFiles(distDir: string, pages?: (c: Context) => Promise<Response>): Promise<StaticFiles> {
  const keys = await listFiles(distDir);
  const files = new Map<string, StaticFile>();
  // In parallel: the async zlib calls share libuv's thread pool, so the chunks compress
  // side by side.
  await Promise.all(
    keys.map(async (key) => {
      files.set(key, await loadFile(join(distDir, ...key.split('/')), key));
    }),
  );
  const index = files.get('index.html');
  if (!index) return { built: false, files: files.size, handler: notBuiltHandler };
  return { built: true, files: files.size, handler: createHandler(files, index, pages) };
}

function createHandler(files: ReadonlyMap<string, StaticFile>, index: StaticFile, pages?: (c: Context) => Promise<Response>): MiddlewareHandler {
  return async (c, next) => {
    const pathname = rawPathname(c.req.url);
    if (isApiPath(pathname)) return next();
    const segments = decodeSegments(pathname);
    if (segments === null) return textResponse(c, 400, 'Bad request: the path is not a valid URL path.\n');
    // Hono routes on the decoded path, so /%61pi/… is the API's too.
    if (segments[0] === 'api') return next();
    // Pages and files only read. TRACE, POST… would otherwise fall through to Hono's bare 404.
    const method = c.req.method;
    if (method !== 'GET' && method !== 'HEAD') return methodNotAllowed();

    const key = fileKey(segments);
    const file = key === null ? undefined : files.get(key);
    if (file) return serve(c, file);
    if (key !== null && neverServed(key)) return textResponse(c, 404, 'Not found.\n');
    // A missing hashed asset is a real 404, not index.html: a page left open across a deploy
    // asks for chunks that are gone, and must fail loudly (a failed import, not an HTML page
    // parsed as JavaScript) so the reader's chunk-failure handling reloads it.
    if (segments[0] === 'assets' && segments.length > 1) return textResponse(c, 404, 'Not found.\n');
    // Every other path is one of the reader's own URLs (/topic/12, /board/4): the app
    // routes it, and shows its own not-found page for one it does not know.
    return pages ? pages(c) : serve(c, index);
  };
}

function serve(c: Context, file: StaticFile): Response {
  const coding: ContentCoding = file.codings.length ? chooseEncoding(c.req.header('accept-encoding'), file.codings) : 'identity';
  const variant = coding === 'identity' ? file.identity : (file.compressed[coding] ?? file.identity);
  if (matchesETag(c.req.header('if-none-match'), file.etags)) {
    return new Response(null, { status: 304, headers: { ...variant.notModified } });
  }
  // Hono answers HEAD with the headers of the GET it dispatches; the body is dropped there
  // (or here, when the handler is called for HEAD directly). Content-Length stays either way.
  return new Response(c.req.method === 'HEAD' ? null : variant.body, { status: 200, headers: { ...variant.headers } });
}

async function loadFile(path: string, key: string): Promise<StaticFile> {
  const content = toBody(await readFile(path));
  const ext = extname(key).toLowerCase();
  const contentType = contentTypes[ext] ?? 'application/octet-stream';
  const html = ext === '.html';
  const base: Record<string, string> = {
    // Hashed names change with their content, so they can be cached for good; everything
    // else (index.html above all, which names the current chunks) is revalidated each time.
    'Cache-Control': key.startsWith('assets/') ? immutable : 'no-cache',
    ...securityHeaders,
    ...(html ? { 'Content-Security-Policy': contentSecurityPolicy } : {}),
  };
  const hash = createHash('sha256').update(content).digest('base64url').slice(0, 22);

  const compressed: Partial<Record<CompressedCoding, Uint8Array<ArrayBuffer>>> = {};
  if (compressible.has(ext)) {
    const [br, gz] = await Promise.all([brotli(content, constants.BROTLI_MAX_QUALITY), gzipAsync(content, { level: 9 }).then(toBody)]);
    // Only variants that are smaller: a tiny file can come out bigger than it went in.
    if (br.byteLength < content.byteLength) compressed.br = br;
    if (gz.byteLength < content.byteLength) compressed.gzip = gz;
  }
  const codings = (['br', 'gzip'] as const).filter((coding) => compressed[coding] !== undefined);
  // With any compressed variant, what is sent depends on Accept-Encoding, identity included.
  if (codings.length) base.Vary = 'Accept-Encoding';

  const variant = (body: Uint8Array<ArrayBuffer>, coding: ContentCoding): Variant => {
    // Strong ETags, one per coding: each variant is different bytes (RFC 9110 §8.8.3).
    const etag = coding === 'identity' ? `"${hash}"` : `"${hash}-${coding === 'br' ? 'br' : 'gz'}"`;
    const notModified = { ...base, ETag: etag };
    const headers: Record<string, string> = {
      ...notModified,
      'Content-Type': contentType,
      'Content-Length': String(body.byteLength),
    };
    if (coding !== 'identity') headers['Content-Encoding'] = coding;
    return { body, headers, notModified };
  };
  const identity = variant(content, 'identity');
  const variants: Partial<Record<CompressedCoding, Variant>> = {};
  for (const coding of codings) {
    const body = compressed[coding];
    if (body) variants[coding] = variant(body, coding);
  }
  const etags = new Set([identity, ...Object.values(variants)].map((v) => v.notModified.ETag ?? ''));
  return { identity, compressed: variants, codings, etags };
}

async function brotli(content: Uint8Array, quality: number): Promise<Uint8Array<ArrayBuffer>> {
  const out = await brotliAsync(content, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: quality,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: content.byteLength,
    },
  });
  return toBody(out);
}

/**
 * Every file under dir, as '/'-separated paths relative to it. Dot-files are left out
 * (nothing in a build needs them served), and so are symbolic links, which Vite never
 * writes and which could reach outside dist/. A missing dir is an empty build.
 */
async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!prefix && (code === 'ENOENT' || code === 'ENOTDIR')) return [];
    throw error;
  }
  const nested = await Promise.all(
    entries.map(async (entry): Promise<string[]> => {
      if (entry.name.startsWith('.')) return [];
      const key = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) return listFiles(join(dir, entry.name), key);
      if (!entry.isFile() || neverServed(key)) return [];
      return [key];
    }),
  );
  return nested.flat();
}

/** The path of an absolute request URL, still percent-encoded (without query or fragment). */
function rawPathname(url: string): string {
  const start = url.indexOf('/', url.indexOf('://') + 3);
  if (start === -1) return '/';
  let end = url.length;
  const query = url.indexOf('?', start);
  if (query !== -1) end = query;
  const fragment = url.indexOf('#', start);
  if (fragment !== -1 && fragment < end) end = fragment;
  return url.slice(start, end);
}

function isApiPath(pathname: string): boolean {
  return pathname === '/api' || pathname.startsWith('/api/');
}

/**
 * The path's segments, each percent-decoded on its own (so an encoded slash stays inside
 * its segment, where fileKey refuses it). Null for a path no URL of ours can have:
 * invalid percent-encoding or UTF-8, or a NUL.
 */
export function decodeSegments(pathname: string): string[] | null {
  const segments: string[] = [];
  for (const raw of pathname.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment.includes('\0')) return null;
    segments.push(segment);
  }
  return segments;
}

/**
 * The key a file would have in the in-memory map, or null when the segments cannot name
 * one: empty, `.` or `..` segments, or a slash or backslash decoded from inside a segment.
 * Files are only ever looked up in that map, never on disk, so nothing outside dist/ can
 * be reached however a path is spelled; refusing these keeps the one path to each file.
 */
export function fileKey(segments: readonly string[]): string | null {
  for (const segment of segments) {
    if (segment === '' || segment === '.' || segment === '..' || segment.includes('/') || segment.includes('\\')) return null;
  }
  return segments.join('/');
}

/** If-None-Match's weak comparison (RFC 9110 §13.1.2): W/ is ignored, `*` matches anything. */
function matchesETag(header: string | undefined, etags: ReadonlySet<string>): boolean {
  if (!header) return false;
  for (const part of header.split(',')) {
    const tag = part.trim();
    if (tag === '*' || etags.has(tag.startsWith('W/') ? tag.slice(2) : tag)) return true;
  }
  return false;
}

function textResponse(c: Context, status: 400 | 404, text: string): Response {
  const body = new TextEncoder().encode(text);
  return new Response(c.req.method === 'HEAD' ? null : body, {
    status,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Length': String(body.byteLength),
      // Not cached: during a deploy a chunk can be missing for a moment, then present.
      'Cache-Control': 'no-store',
      ...securityHeaders,
    },
  });
}

function methodNotAllowed(): Response {
  const body = new TextEncoder().encode('Method not allowed: pages and files answer GET and HEAD.\n');
  return new Response(body, {
    status: 405,
    headers: {
      Allow: 'GET, HEAD',
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Length': String(body.byteLength),
      'Cache-Control': 'no-store',
      ...securityHeaders,
    },
  });
}

// Plain on purpose: no script and no inline style, which the policy it is sent with forbids.
const notBuiltPage = new TextEncoder().encode(`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Lectern is not built</title>
  </head>
  <body>
    <h1>Lectern's reader is not built</h1>
    <p>Lectern's reader is not built: run <code>npm run build</code>, then restart the server.</p>
    <p>The API under <code>/api/</code> is running.</p>
  </body>
</html>
`);

const notBuiltHandler: MiddlewareHandler = async (c, next) => {
  const method = c.req.method;
  if (isApiPath(rawPathname(c.req.url))) return next();
  if (method !== 'GET' && method !== 'HEAD') return methodNotAllowed();
  return new Response(method === 'HEAD' ? null : notBuiltPage, {
    status: 503,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': String(notBuiltPage.byteLength),
      'Cache-Control': 'no-store',
      'Content-Security-Policy': contentSecurityPolicy,
      ...securityHeaders,
    },
  });
};
