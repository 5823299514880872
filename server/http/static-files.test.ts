import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../src/lib/security/content-security-policy';
import { createStaticFiles, decodeSegments, fileKey, type StaticFiles } from './static-files';

// Outside dist/, next to it: no request may ever see this.
const secret = 'TOP-SECRET-package-json-outside-dist';

// Big and repetitive enough that brotli and gzip both shrink them.
const indexHtml = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <title>Lectern</title>
    <script type="module" crossorigin src="/assets/app-abc123.js"></script>
    <link rel="stylesheet" crossorigin href="/assets/app-abc123.css">
  </head>
  <body><div id="root"></div>${'<!-- padding for compression -->\n'.repeat(20)}</body>
</html>
`;
const appJs = `export function start() {\n${'  console.log("the reader starts here");\n'.repeat(200)}}\n`;
const appCss = `${'.post { margin: 0 auto; padding: 1rem; }\n'.repeat(100)}`;
const faviconSvg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16">${'<rect width="16" height="16" fill="#336"/>'.repeat(10)}</svg>\n`;
const workerJs = '/* MSW worker */ self.addEventListener("fetch", () => {});\n';
// What a source map would give away: the sources, word for word.
const appMap = JSON.stringify({ version: 3, sources: ['../src/secret-source.ts'], sourcesContent: ['the whole source'], mappings: 'AAAA' });
// Too small to compress.
const robotsTxt = 'ok\n';
// Not a compressible type, however repetitive.
const pngBytes = new Uint8Array(4096).fill(7);

let root: string;
let dist: string;
let staticFiles: StaticFiles;
let app: Hono;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'lectern-static-'));
  dist = join(root, 'dist');
  await mkdir(join(dist, 'assets'), { recursive: true });
  await mkdir(join(dist, '.vite'), { recursive: true });
  await writeFile(join(root, 'package.json'), JSON.stringify({ name: secret }));
  await writeFile(join(dist, 'index.html'), indexHtml);
  await writeFile(join(dist, 'assets', 'app-abc123.js'), appJs);
  await writeFile(join(dist, 'assets', 'app-abc123.css'), appCss);
  await writeFile(join(dist, 'favicon.svg'), faviconSvg);
  await writeFile(join(dist, 'mockServiceWorker.js'), workerJs);
  await writeFile(join(dist, 'assets', 'app-abc123.js.map'), appMap);
  await writeFile(join(dist, 'theme-init.js.MAP'), appMap);
  await writeFile(join(dist, 'robots.txt'), robotsTxt);
  await writeFile(join(dist, 'logo.png'), pngBytes);
  await writeFile(join(dist, '.vite', 'manifest.json'), '{}');
  staticFiles = await createStaticFiles(dist);
  app = new Hono();
  // Mounted before the API on purpose: it must hand /api on, not swallow it.
  app.use(staticFiles.handler);
  app.all('/api/*', (c) => c.json({ error: { code: 'not_found', message: 'No such API route.' } }, 404));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers });

async function bytes(res: Response): Promise<Buffer> {
  return Buffer.from(await res.arrayBuffer());
}

function decode(body: Buffer, coding: string | null): string {
  if (coding === 'br') return brotliDecompressSync(body).toString('utf8');
  if (coding === 'gzip') return gunzipSync(body).toString('utf8');
  return body.toString('utf8');
}

describe('createStaticFiles', () => {
  it('loads the build, without the mock worker, source maps or dot-files', () => {
    expect(staticFiles.built).toBe(true);
    // index.html, two assets, favicon, robots.txt, logo.png.
    expect(staticFiles.files).toBe(6);
  });
});

describe('files', () => {
  it.each([
    ['/index.html', 'text/html; charset=utf-8', indexHtml],
    ['/assets/app-abc123.js', 'text/javascript; charset=utf-8', appJs],
    ['/assets/app-abc123.css', 'text/css; charset=utf-8', appCss],
    ['/favicon.svg', 'image/svg+xml; charset=utf-8', faviconSvg],
    ['/robots.txt', 'text/plain; charset=utf-8', robotsTxt],
  ])('serves %s as %s', async (path, type, content) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
    expect(res.headers.get('content-encoding')).toBeNull();
    const body = await bytes(res);
    expect(body.toString('utf8')).toBe(content);
    expect(res.headers.get('content-length')).toBe(String(body.byteLength));
  });

  it('serves binary files byte for byte, uncompressed', async () => {
    const res = await get('/logo.png', { 'Accept-Encoding': 'br, gzip' });
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(res.headers.get('vary')).toBeNull();
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(pngBytes);
  });

  it('answers HEAD with the headers and no body', async () => {
    const res = await app.request('/assets/app-abc123.js', { method: 'HEAD', headers: { 'Accept-Encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(Number(res.headers.get('content-length'))).toBeGreaterThan(0);
    expect((await bytes(res)).byteLength).toBe(0);
  });

  it('answers methods other than GET and HEAD with 405 and Allow', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'PROPFIND']) {
      for (const path of ['/index.html', '/', '/board/4', '/assets/app-abc123.js', '/assets/missing.js']) {
        const res = await app.request(path, { method });
        expect(res.status, `${method} ${path}`).toBe(405);
        expect(res.headers.get('allow')).toBe('GET, HEAD');
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        expect(await res.text()).not.toContain('<!doctype html>');
      }
    }
  });
});

describe('content coding', () => {
  it.each([
    ['br', 'br'],
    ['gzip', 'gzip'],
    ['gzip, deflate, br, zstd', 'br'],
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0.5, gzip;q=1', 'gzip'],
    ['x-gzip', 'gzip'],
    ['*', 'br'],
    ['*;q=0', null],
    ['br;q=0, gzip;q=0', null],
    ['identity', null],
    ['deflate', null],
    ['', null],
  ])('Accept-Encoding "%s" gets %s, which decodes to the file', async (accept, coding) => {
    for (const [path, content] of [
      ['/index.html', indexHtml],
      ['/assets/app-abc123.js', appJs],
      ['/assets/app-abc123.css', appCss],
      ['/favicon.svg', faviconSvg],
    ] as const) {
      const res = await get(path, accept ? { 'Accept-Encoding': accept } : {});
      expect(res.headers.get('content-encoding'), path).toBe(coding);
      expect(res.headers.get('vary'), path).toBe('Accept-Encoding');
      const body = await bytes(res);
      expect(res.headers.get('content-length'), path).toBe(String(body.byteLength));
      if (coding) expect(body.byteLength, path).toBeLessThan(Buffer.byteLength(content));
      expect(decode(body, coding), path).toBe(content);
    }
  });

  it('does not compress a file compression would not shrink', async () => {
    const res = await get('/robots.txt', { 'Accept-Encoding': 'br, gzip' });
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(res.headers.get('vary')).toBeNull();
    expect(await res.text()).toBe(robotsTxt);
  });
});

describe('ETags', () => {
  it('gives each coding its own strong ETag', async () => {
    const tags = await Promise.all(
      ['identity', 'br', 'gzip'].map(async (accept) => (await get('/assets/app-abc123.js', { 'Accept-Encoding': accept })).headers.get('etag')),
    );
    for (const tag of tags) expect(tag).toMatch(/^"[\w-]+"$/);
    expect(new Set(tags).size).toBe(3);
  });

  it('answers a matching If-None-Match with a bodiless 304', async () => {
    const first = await get('/index.html', { 'Accept-Encoding': 'br' });
    const etag = first.headers.get('etag') ?? '';
    for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const res = await get('/index.html', { 'Accept-Encoding': 'br', 'If-None-Match': ifNoneMatch });
      expect(res.status, ifNoneMatch).toBe(304);
      expect((await bytes(res)).byteLength).toBe(0);
      expect(res.headers.get('etag')).toBe(etag);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('vary')).toBe('Accept-Encoding');
      expect(res.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
      expect(res.headers.get('content-length')).toBeNull();
    }
  });

  it('accepts the ETag of another coding of the same content', async () => {
    const gz = (await get('/assets/app-abc123.css', { 'Accept-Encoding': 'gzip' })).headers.get('etag') ?? '';
    const res = await get('/assets/app-abc123.css', { 'Accept-Encoding': 'br', 'If-None-Match': gz });
    expect(res.status).toBe(304);
  });

  it('sends the file again when the ETag does not match', async () => {
    const res = await get('/index.html', { 'If-None-Match': '"stale"' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(indexHtml);
  });

  it('revalidates the SPA fallback with index.html’s ETag', async () => {
    const etag = (await get('/index.html')).headers.get('etag') ?? '';
    const res = await get('/topic/12?page=2', { 'If-None-Match': etag });
    expect(res.status).toBe(304);
  });
});

describe('caching and security headers', () => {
  it('caches hashed assets for a year', async () => {
    for (const path of ['/assets/app-abc123.js', '/assets/app-abc123.css']) {
      expect((await get(path)).headers.get('cache-control'), path).toBe('public, max-age=31536000, immutable');
    }
  });

  it('revalidates everything else', async () => {
    for (const path of ['/index.html', '/', '/topic/12?page=2', '/favicon.svg', '/logo.png']) {
      expect((await get(path)).headers.get('cache-control'), path).toBe('no-cache');
    }
  });

  it('sends the Content-Security-Policy with HTML, and only there', async () => {
    for (const path of ['/', '/index.html', '/board/4']) {
      expect((await get(path)).headers.get('content-security-policy'), path).toBe(contentSecurityPolicy);
    }
    for (const path of ['/assets/app-abc123.js', '/favicon.svg']) {
      expect((await get(path)).headers.get('content-security-policy'), path).toBeNull();
    }
  });

  it('sends nosniff and the referrer policy with every answer it gives', async () => {
    for (const path of ['/', '/assets/app-abc123.js', '/logo.png', '/assets/missing.js', '/mockServiceWorker.js', '/%E0%A4%A']) {
      const res = await get(path);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
    }
  });
});

describe('SPA fallback', () => {
  it.each(['/', '/topic/12?page=2', '/board/4', '/topic/12/', '/search?q=a%2Fb', '/no/such/page.js', '/assets'])('serves index.html for %s', async (path) => {
    const res = await get(path, { 'Accept-Encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(decode(await bytes(res), res.headers.get('content-encoding'))).toBe(indexHtml);
  });

  it('answers a missing hashed asset with a real 404', async () => {
    for (const path of ['/assets/missing.js', '/assets/app-old999.css', '/assets/nested/missing.js']) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(await res.text()).not.toContain('<html');
    }
  });

  it('never serves the mock service worker', async () => {
    const res = await get('/mockServiceWorker.js');
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('MSW');
  });

  it('never serves source maps, however the path is spelled', async () => {
    for (const path of ['/assets/app-abc123.js.map', '/assets/app-abc123.js.%6dap', '/assets/app-abc123.js.MAP', '/theme-init.js.MAP', '/theme-init.js.map']) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).not.toContain('secret-source');
    }
  });

  it('does not serve dot-files', async () => {
    const res = await get('/.vite/manifest.json');
    expect(await res.text()).toBe(indexHtml);
  });
});

describe('the API', () => {
  it.each(['/api/topics/1', '/api', '/api/', '/api/assets/x.js', '/%61pi/topics/1'])('is left to the API routes: %s', async (path) => {
    const res = await get(path);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('content-security-policy')).toBeNull();
  });
});

describe('paths that try to leave dist/', () => {
  // What each may get: index.html (the URL parser folds the dots away, leaving a page
  // path), a 404 (under /assets/), or a 400 (not a valid path at all). Never the secret.
  it.each([
    ['/../package.json', 200],
    ['/%2e%2e/package.json', 200],
    ['/%2E%2E/%2e%2e/package.json', 200],
    ['/..%2fpackage.json', 200],
    ['/%2e%2e%2fpackage.json', 200],
    ['/..%5cpackage.json', 200],
    ['/..\\package.json', 200],
    ['/assets/..%2f..%2fpackage.json', 404],
    ['/assets/..%5c..%5cpackage.json', 404],
    ['/assets/%2e%2e/%2e%2e/package.json', 200],
    ['/%00', 400],
    ['/index.html%00', 400],
    ['/assets/app-abc123.js%00.png', 400],
    ['/%E0%A4%A', 400],
    ['/%C0%AE%C0%AE/package.json', 400],
    ['/%', 400],
  ])('%s gets %i and nothing from outside dist', async (path, status) => {
    const res = await get(path, { 'Accept-Encoding': 'identity' });
    expect(res.status).toBe(status);
    const body = await res.text();
    expect(body).not.toContain(secret);
    if (status === 200) expect(body).toBe(indexHtml);
  });

  it('decodes each segment on its own and refuses what cannot name a file', () => {
    expect(decodeSegments('/assets/app%20x.js')).toEqual(['assets', 'app x.js']);
    expect(decodeSegments('/a%2fb')).toEqual(['a/b']);
    expect(decodeSegments('/%E0%A4%A')).toBeNull();
    expect(decodeSegments('/a%00b')).toBeNull();
    expect(fileKey(['assets', 'app.js'])).toBe('assets/app.js');
    for (const segments of [['..', 'package.json'], ['.', 'index.html'], ['a/b'], ['a\\b'], ['assets', ''], ['']]) {
      expect(fileKey(segments), segments.join('|')).toBeNull();
    }
  });

  describe('over a real socket, where no client normalised the path', () => {
    let server: ServerType;
    let port: number;

    beforeAll(async () => {
      server = await new Promise<ServerType>((ready) => {
        const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => ready(s));
      });
      port = (server.address() as AddressInfo).port;
    });

    afterAll(async () => {
      await new Promise<void>((done) => server.close(() => done()));
    });

    // Writes the request line as given and reads the whole answer.
    const raw = (target: string, method = 'GET') =>
      new Promise<string>((done, fail) => {
        const socket = connect(port, '127.0.0.1', () => {
          socket.end(`${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
        });
        const chunks: Buffer[] = [];
        socket.on('data', (chunk: Buffer) => chunks.push(chunk));
        socket.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
        socket.on('error', fail);
      });

    it.each(['/../package.json', '/../../package.json', '/assets/../../package.json', '/%2e%2e/package.json', '/..%2f..%2fpackage.json', '/assets/..%2fpackage.json'])(
      '%s reaches nothing outside dist',
      async (target) => {
        const answer = await raw(target);
        expect(answer).toMatch(/^HTTP\/1\.1 (200|400|404) /);
        expect(answer).not.toContain(secret);
      },
    );

    // The Fetch API refuses to make a TRACE request, so only a socket can send one.
    it.each(['/', '/index.html', '/assets/app-abc123.js'])('answers TRACE %s with 405, not 500', async (target) => {
      const answer = await raw(target, 'TRACE');
      expect(answer).toMatch(/^HTTP\/1\.1 405 /);
      expect(answer.toLowerCase()).toContain('allow: get, head\r\n');
    });

    it('serves a file with the length it promises', async () => {
      const answer = await raw('/assets/app-abc123.css');
      expect(answer).toMatch(/^HTTP\/1\.1 200 /);
      expect(answer.toLowerCase()).toContain(`content-length: ${Buffer.byteLength(appCss)}\r\n`);
      expect(answer.endsWith(appCss)).toBe(true);
    });
  });
});

describe('without a build', () => {
  it.each([
    ['a dist/ without index.html', async (dir: string) => {
      await mkdir(join(dir, 'assets'), { recursive: true });
      await writeFile(join(dir, 'assets', 'left-over.js'), 'x');
      return dir;
    }],
    ['no dist/ at all', async (dir: string) => join(dir, 'missing')],
  ])('answers every page with a plain 503 for %s', async (_name, prepare) => {
    const dir = await mkdtemp(join(tmpdir(), 'lectern-unbuilt-'));
    try {
      const unbuilt = await createStaticFiles(await prepare(dir));
      expect(unbuilt.built).toBe(false);
      const bare = new Hono();
      bare.use(unbuilt.handler);
      bare.all('/api/*', (c) => c.json({ ok: true }));

      for (const path of ['/', '/topic/12?page=2', '/assets/left-over.js', '/index.html']) {
        const res = await bare.request(path);
        expect(res.status, path).toBe(503);
        expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
        expect(res.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        expect(res.headers.get('cache-control')).toBe('no-store');
        const html = await res.text();
        expect(html).toContain("Lectern's reader is not built");
        expect(html).toContain('npm run build');
        expect(html).not.toMatch(/<script|<style|style=/i);
      }
      const post = await bare.request('/topic/12', { method: 'POST' });
      expect(post.status).toBe(405);
      expect(post.headers.get('allow')).toBe('GET, HEAD');
      const api = await bare.request('/api/forum');
      expect(api.status).toBe(200);
      expect(await api.json()).toEqual({ ok: true });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
