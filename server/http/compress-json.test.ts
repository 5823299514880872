import { randomBytes } from 'node:crypto';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { addVary, chooseEncoding, compressJson, isCompressibleType } from './compress-json';

// Well over the 1 KB threshold, and repetitive, as a page of posts is.
const posts = Array.from({ length: 60 }, (_, i) => ({ id: i + 1, author: 'Ada', body: `Post number ${i + 1} of the topic, with its text.` }));
const bigText = 'A line of an attachment, in plain text.\n'.repeat(100);
const binary = new Uint8Array(8192).fill(42);
const noise = new Uint8Array(randomBytes(2048));

function createApp(): Hono {
  const app = new Hono();
  app.use('/api/*', compressJson());
  app.get('/api/posts', (c) => c.json({ posts }));
  app.get('/api/missing', (c) => c.json({ error: { code: 'not_found', message: 'x'.repeat(2000) } }, 404));
  app.get('/api/small', (c) => c.json({ ok: true }));
  app.get('/api/text', (c) => c.text(bigText));
  app.get('/api/length', () => new Response(bigText, { headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': String(bigText.length) } }));
  app.get('/api/tagged', (c) => {
    c.header('ETag', '"v1"');
    c.header('Vary', 'Origin');
    return c.json({ posts });
  });
  app.get('/api/image', () => new Response(binary, { headers: { 'Content-Type': 'image/png' } }));
  app.get('/api/stream', () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(binary);
        controller.close();
      },
    });
    return new Response(stream, { headers: { 'Content-Type': 'application/octet-stream' } });
  });
  app.get('/api/encoded', () => new Response(bigText, { headers: { 'Content-Type': 'text/plain', 'Content-Encoding': 'identity' } }));
  app.get('/api/no-transform', () => new Response(bigText, { headers: { 'Content-Type': 'text/plain', 'Cache-Control': 'private, no-transform' } }));
  app.get('/api/no-content', (c) => c.body(null, 204));
  app.get('/api/not-modified', () => new Response(null, { status: 304, headers: { ETag: '"v1"' } }));
  // Random bytes labelled as text: no coding can shrink them, brotli would only add bytes.
  app.get('/api/random', () => new Response(noise, { headers: { 'Content-Type': 'text/plain' } }));
  return app;
}

const app = createApp();

async function decoded(res: Response): Promise<string> {
  const body = Buffer.from(await res.arrayBuffer());
  expect(res.headers.get('content-length')).toBe(String(body.byteLength));
  const coding = res.headers.get('content-encoding');
  if (coding === 'br') return brotliDecompressSync(body).toString('utf8');
  if (coding === 'gzip') return gunzipSync(body).toString('utf8');
  return body.toString('utf8');
}

describe('compressJson', () => {
  it.each([
    ['br', 'br'],
    ['gzip, deflate, br', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip;q=0.8', 'gzip'],
  ])('compresses JSON for Accept-Encoding "%s" with %s', async (accept, coding) => {
    const res = await app.request('/api/posts', { headers: { 'Accept-Encoding': accept } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe(coding);
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(JSON.parse(await decoded(res))).toEqual({ posts });
  });

  it('compresses error bodies and text too', async () => {
    const missing = await app.request('/api/missing', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-encoding')).toBe('gzip');
    expect(JSON.parse(await decoded(missing))).toMatchObject({ error: { code: 'not_found' } });
    for (const path of ['/api/text', '/api/length']) {
      const res = await app.request(path, { headers: { 'Accept-Encoding': 'br' } });
      expect(res.headers.get('content-encoding'), path).toBe('br');
      expect(await decoded(res), path).toBe(bigText);
    }
  });

  it('sends identity, with Vary, to a client that takes no coding', async () => {
    for (const headers of [{} as Record<string, string>, { 'Accept-Encoding': 'identity' }, { 'Accept-Encoding': 'br;q=0, gzip;q=0' }, { 'Accept-Encoding': 'deflate' }]) {
      const res = await app.request('/api/posts', { headers });
      expect(res.headers.get('content-encoding')).toBeNull();
      expect(res.headers.get('vary')).toBe('Accept-Encoding');
      expect(JSON.parse(await res.text())).toEqual({ posts });
    }
  });

  it('leaves bodies under 1 KB alone', async () => {
    const res = await app.request('/api/small', { headers: { 'Accept-Encoding': 'br, gzip' } });
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(res.headers.get('vary')).toBeNull();
    expect(await res.json()).toEqual({ ok: true });
  });

  it('sends a body compression would not shrink as it is', async () => {
    for (const coding of ['br', 'gzip']) {
      const res = await app.request('/api/random', { headers: { 'Accept-Encoding': coding } });
      expect(res.headers.get('content-encoding')).toBeNull();
      expect(res.headers.get('vary')).toBe('Accept-Encoding');
      expect(res.headers.get('content-length')).toBe(String(noise.byteLength));
      expect(new Uint8Array(await res.arrayBuffer())).toEqual(noise);
    }
  });

  it('keeps other Vary names and weakens a strong ETag', async () => {
    const res = await app.request('/api/tagged', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('vary')).toBe('Origin, Accept-Encoding');
    expect(res.headers.get('etag')).toBe('W/"v1"');
    expect(JSON.parse(await decoded(res))).toEqual({ posts });
  });

  it('leaves binaries, streamed or not, untouched', async () => {
    for (const path of ['/api/image', '/api/stream']) {
      const res = await app.request(path, { headers: { 'Accept-Encoding': 'br, gzip' } });
      expect(res.headers.get('content-encoding'), path).toBeNull();
      expect(res.headers.get('vary'), path).toBeNull();
      expect(new Uint8Array(await res.arrayBuffer()), path).toEqual(binary);
    }
  });

  it('leaves a body that has a coding, or asks for no transform, untouched', async () => {
    const encoded = await app.request('/api/encoded', { headers: { 'Accept-Encoding': 'br' } });
    expect(encoded.headers.get('content-encoding')).toBe('identity');
    expect(await encoded.text()).toBe(bigText);
    const kept = await app.request('/api/no-transform', { headers: { 'Accept-Encoding': 'br' } });
    expect(kept.headers.get('content-encoding')).toBeNull();
    expect(await kept.text()).toBe(bigText);
  });

  it('leaves 204, 304 and HEAD alone', async () => {
    const noContent = await app.request('/api/no-content', { headers: { 'Accept-Encoding': 'br' } });
    expect(noContent.status).toBe(204);
    expect(noContent.headers.get('content-encoding')).toBeNull();
    const notModified = await app.request('/api/not-modified', { headers: { 'Accept-Encoding': 'br' } });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get('content-encoding')).toBeNull();
    const head = await app.request('/api/posts', { method: 'HEAD', headers: { 'Accept-Encoding': 'br' } });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-encoding')).toBeNull();
  });

  it('takes another threshold', async () => {
    const small = new Hono();
    small.use(compressJson({ threshold: 0 }));
    small.get('/x', (c) => c.json({ ok: true, text: 'tiny tiny tiny tiny tiny tiny tiny tiny' }));
    const res = await small.request('/x', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(JSON.parse(await decoded(res))).toEqual({ ok: true, text: 'tiny tiny tiny tiny tiny tiny tiny tiny' });
  });
});

describe('chooseEncoding', () => {
  it.each([
    [undefined, ['br', 'gzip'], 'identity'],
    ['', ['br', 'gzip'], 'identity'],
    ['br, gzip', ['br', 'gzip'], 'br'],
    ['gzip, br', ['br', 'gzip'], 'br'],
    ['GZIP', ['br', 'gzip'], 'gzip'],
    ['br', ['gzip'], 'identity'],
    ['br, gzip', ['gzip'], 'gzip'],
    ['br;q=0', ['br', 'gzip'], 'identity'],
    ['br;q=0, *', ['br', 'gzip'], 'gzip'],
    ['*;q=0.5, gzip', ['br', 'gzip'], 'gzip'],
    ['br; q=0.2, gzip; q=0.9', ['br', 'gzip'], 'gzip'],
    ['br;q=1.000, gzip;q=1', ['br', 'gzip'], 'br'],
    ['br;q=abc, gzip', ['br', 'gzip'], 'gzip'],
    ['x-gzip', ['br', 'gzip'], 'gzip'],
    ['identity;q=0', ['br', 'gzip'], 'identity'],
    ['br, gzip', [], 'identity'],
  ] as const)('%s of %j → %s', (accept, available, expected) => {
    expect(chooseEncoding(accept, available)).toBe(expected);
  });
});

describe('helpers', () => {
  it('knows the compressible types', () => {
    for (const type of ['application/json', 'application/json; charset=utf-8', 'application/problem+json', 'text/plain', 'text/html; charset=utf-8', 'image/svg+xml', 'application/xml']) {
      expect(isCompressibleType(type), type).toBe(true);
    }
    for (const type of [null, '', 'image/png', 'application/octet-stream', 'text/event-stream', 'application/zip']) {
      expect(isCompressibleType(type), String(type)).toBe(false);
    }
  });

  it('adds Accept-Encoding to Vary once', () => {
    expect(addVary(null)).toBe('Accept-Encoding');
    expect(addVary('Origin')).toBe('Origin, Accept-Encoding');
    expect(addVary('accept-encoding')).toBe('accept-encoding');
    expect(addVary('*')).toBe('*');
  });
});
