// Compression for what the server computes per request: the API's JSON and the
// attachment text files. The production build has its own, precompressed at start-up
// (static-files.ts), so mount this on /api only; on other responses it would only
// look at bodies static-files.ts has already encoded, and leave them alone.
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Context, MiddlewareHandler } from 'hono';

export type CompressedCoding = 'br' | 'gzip';
export type ContentCoding = CompressedCoding | 'identity';

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * The coding to answer with, of those `available`, for a request's Accept-Encoding.
 * Weights pick between br and gzip (br wins a tie: smaller at the same cost to the
 * browser), and q=0 rules a coding out. Identity is the answer when nothing else is
 * acceptable, even if the client said identity;q=0: a body it may not like beats a 406
 * that no browser would ever show usefully.
 */
export function chooseEncoding(acceptEncoding: string | null | undefined, available: readonly CompressedCoding[]): ContentCoding {
  // No header: RFC 9110 would allow any coding, but a client that sends none (curl, a
  // health check, an old proxy) is better served plainly.
  if (!acceptEncoding || available.length === 0) return 'identity';
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [rawToken = '', ...params] = part.split(';');
    let token = rawToken.trim().toLowerCase();
    if (!token) continue;
    // RFC 9110 §8.4.1.3: x-gzip is gzip.
    if (token === 'x-gzip') token = 'gzip';
    let q = 1;
    for (const param of params) {
      const [name = '', value = ''] = param.split('=');
      if (name.trim().toLowerCase() !== 'q') continue;
      const parsed = Number(value.trim());
      // An unreadable weight makes that coding unacceptable: identity always works.
      q = Number.isFinite(parsed) && value.trim() !== '' ? Math.min(Math.max(parsed, 0), 1) : 0;
    }
    // Repeated tokens: the first one counts, as most parsers do.
    if (!weights.has(token)) weights.set(token, q);
  }
  const star = weights.get('*') ?? 0;
  let best: ContentCoding = 'identity';
  let bestQ = 0;
  // br is looked at first, so the strict `>` keeps it on a tie.
  for (const coding of ['br', 'gzip'] as const) {
    if (!available.includes(coding)) continue;
    const q = weights.get(coding) ?? star;
    if (q > bestQ) {
      best = coding;
      bestQ = q;
    }
  }
  return best;
}

/**
 * Media types worth compressing: text, JSON, XML, JavaScript, SVG. Not text/event-stream,
 * which is written as it happens and must not be buffered.
 */
export function isCompressibleType(contentType: string | null | undefined): boolean {
  if (!contentType) return false;
  const type = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  if (type === 'text/event-stream') return false;
  return (
    type.startsWith('text/') ||
    type === 'application/json' ||
    type === 'application/javascript' ||
    type === 'application/xml' ||
    type === 'image/svg+xml' ||
    type.endsWith('+json') ||
    type.endsWith('+xml')
  );
}

/**
 * A byte array typed as the Fetch API's bodies want it. Node's fs and zlib buffers sit on
 * plain ArrayBuffers, so this is a view, not a copy; the fallback is only for the types.
 */
export function toBody(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const { buffer } = bytes;
  return buffer instanceof ArrayBuffer ? new Uint8Array(buffer, bytes.byteOffset, bytes.byteLength) : Uint8Array.from(bytes);
}

/** Adds Accept-Encoding to a Vary header's value, keeping what is there (and `*`, which already covers it). */
export function addVary(existing: string | null): string {
  if (!existing) return 'Accept-Encoding';
  const names = existing.split(',').map((name) => name.trim().toLowerCase());
  if (names.includes('*') || names.includes('accept-encoding')) return existing;
  return `${existing}, Accept-Encoding`;
}

export type CompressJsonOptions = {
  /** Bodies smaller than this many bytes go out as they are: the coding would cost more than it saves. Default 1024. */
  threshold?: number;
};

/**
 * Hono middleware that compresses a compressible response body of `threshold` bytes or
 * more with brotli (quality 4: about gzip's speed, and smaller) or gzip (level 6), as
 * the request's Accept-Encoding allows. It leaves alone HEAD requests, 1xx/204/206/304
 * answers, bodies that already have a Content-Encoding (send `Content-Encoding: identity`
 * to opt a text stream out) or `Cache-Control: no-transform`, and anything not text-like
 * (images and other binaries, which are streamed and already compressed).
 *
 * It reads the whole body before compressing, which is what the API's answers are
 * anyway (JSON built in memory, attachment text read from the database).
 */
export function compressJson(options: CompressJsonOptions = {}): MiddlewareHandler {
  const threshold = options.threshold ?? 1024;
  return async (c, next) => {
    await next();
    if (c.req.method === 'HEAD') return;
    const res = c.res;
    const { status } = res;
    if (!res.body || status < 200 || status === 204 || status === 206 || status === 304) return;
    if (res.headers.has('content-encoding')) return;
    if (!isCompressibleType(res.headers.get('content-type'))) return;
    if (/(^|,)\s*no-transform\s*(,|$)/i.test(res.headers.get('cache-control') ?? '')) return;
    const declared = res.headers.get('content-length');
    if (declared !== null && Number(declared) < threshold) return;

    const coding = chooseEncoding(c.req.header('accept-encoding'), ['br', 'gzip']);
    if (coding === 'identity') {
      // This client gets the body as it is, but another would get it compressed: caches
      // must key on Accept-Encoding. (Without a length the body might be under the
      // threshold; an extra Vary there costs nothing, reading the body to find out would.)
      res.headers.set('Vary', addVary(res.headers.get('vary')));
      return;
    }

    const bytes = new Uint8Array(await res.arrayBuffer());
    const small = bytes.byteLength < threshold;
    const compressed = small ? null : await compress(bytes, coding);
    const worthIt = compressed !== null && compressed.byteLength < bytes.byteLength;
    // The body stream is spent: the answer is always a new Response. Clearing c.res first
    // stops Hono from copying the old headers (its Content-Length, its ETag) over the new.
    const headers = new Headers(res.headers);
    c.res = undefined;
    c.res = new Response(worthIt ? compressed : toBody(bytes), { status, statusText: res.statusText, headers });
    const out = c.res.headers;
    if (!small) out.set('Vary', addVary(out.get('vary')));
    if (!worthIt || compressed === null) {
      out.set('Content-Length', String(bytes.byteLength));
      return;
    }
    out.set('Content-Encoding', coding);
    out.set('Content-Length', String(compressed.byteLength));
    // Ranges would count bytes of the coded body; the API does not serve any.
    out.delete('Accept-Ranges');
    // A strong ETag names exact bytes, which these no longer are (RFC 9110 §8.8.1): weaken it,
    // as nginx does, so a revalidation still matches.
    const etag = out.get('etag');
    if (etag && !etag.startsWith('W/')) out.set('ETag', `W/${etag}`);
  };
}

async function compress(bytes: Uint8Array, coding: CompressedCoding): Promise<Uint8Array<ArrayBuffer>> {
  // The async zlib calls run on libuv's thread pool, off the event loop.
  const out =
    coding === 'br'
      ? await brotliAsync(bytes, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: 4,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength,
          },
        })
      : await gzipAsync(bytes, { level: 6 });
  return toBody(out);
}

/** A handler's answer, compressed as `compressJson` would: for handlers called outside Hono's routing (the pages). */
export function compressed(handler: (c: Context) => Promise<Response>, options: CompressJsonOptions = {}): (c: Context) => Promise<Response> {
  const middleware = compressJson(options);
  return async (c) => {
    await middleware(c, async () => {
      c.res = await handler(c);
    });
    return c.res;
  };
}
