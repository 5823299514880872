// @vitest-environment node
// `vite preview` as vite.config.ts sets it up (what `npm run preview` and `npm start`
// serve), on a tiny stand-in build and a stand-in API that reports the headers it got:
// the client's X-Forwarded-* never reach the API, source maps and the build manifest
// are not served, and pages answer only GET and HEAD.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { http, passthrough } from 'msw';
import { preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { server as mswServer } from '../mocks/node';

let outDir: string;
let upstream: Server;
let site: PreviewServer;
let origin: string;
let received: IncomingHttpHeaders[] = [];
const previousTarget = process.env.LECTERN_API_TARGET;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'lectern-preview-'));
  mkdirSync(join(outDir, 'assets'));
  writeFileSync(join(outDir, 'index.html'), '<!doctype html><title>stand-in</title>');
  writeFileSync(join(outDir, 'assets', 'app-abc.js'), 'console.log(1);\n');
  writeFileSync(join(outDir, 'assets', 'app-abc.js.map'), '{"version":3,"sources":["../src/secret.ts"],"mappings":""}');
  mkdirSync(join(outDir, '.vite'));
  writeFileSync(join(outDir, '.vite', 'manifest.json'), '{"src/secret.ts":{"file":"assets/app-abc.js"}}');

  upstream = createServer((req, res) => {
    received.push(req.headers);
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end('{}');
  });
  await new Promise<void>((done) => upstream.listen(0, '127.0.0.1', done));
  // Read by vite.config.ts when preview() loads it.
  process.env.LECTERN_API_TARGET = `http://127.0.0.1:${String((upstream.address() as AddressInfo).port)}`;

  site = await preview({
    configFile: resolve(import.meta.dirname, '../vite.config.ts'),
    logLevel: 'silent',
    build: { outDir },
    preview: { port: 0, strictPort: false, open: false },
  });
  const url = site.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview reported no url');
  origin = url.replace(/\/$/, '');
});

afterAll(async () => {
  await site.close();
  await new Promise<void>((done) => upstream.close(() => done()));
  rmSync(outDir, { recursive: true, force: true });
  if (previousTarget === undefined) delete process.env.LECTERN_API_TARGET;
  else process.env.LECTERN_API_TARGET = previousTarget;
});

// With the unit project's MSW listening, let requests to the loopback servers through.
beforeEach(() => {
  mswServer.use(http.all(/^http:\/\/(127\.0\.0\.1|localhost):\d+\//, () => passthrough()));
  received = [];
});

/** Raw, so the test can send what fetch would refuse or rewrite. */
function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  const { hostname, port } = new URL(origin);
  return new Promise((done, fail) => {
    const req = httpRequest({ host: hostname, port, path, headers, method }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end();
  });
}

describe('vite preview', () => {
  it('passes /api on without the X-Forwarded-* or Forwarded headers a client made up', async () => {
    const answer = await get('/api/forum', {
      'X-Forwarded-Host': 'evil.example',
      'X-Forwarded-Proto': 'javascript',
      'X-Forwarded-For': '203.0.113.9',
      Forwarded: 'host=evil.example;proto=javascript',
    });
    expect(answer.status).toBe(200);
    expect(received).toHaveLength(1);
    const headers = received[0] ?? {};
    const forwarded = Object.keys(headers).filter((name) => name === 'forwarded' || name.startsWith('x-forwarded-'));
    expect(forwarded).toEqual([]);
    expect(JSON.stringify(headers)).not.toMatch(/evil\.example|javascript/);
  });

  it('does not serve source maps, however the path is spelled', async () => {
    for (const path of ['/assets/app-abc.js.map', '/assets/app-abc.js.MAP', '/assets/app-abc.js.%6dap', '/assets/app-abc.js.map?x=1']) {
      const answer = await get(path);
      expect(answer.status, path).toBe(404);
      expect(answer.body, path).not.toContain('secret.ts');
    }
    // The files they belong to are served as usual.
    expect((await get('/assets/app-abc.js')).status).toBe(200);
    expect((await get('/board/4')).body).toContain('stand-in');
  });

  it('does not serve the build manifest or other dot-files, however the path is spelled', async () => {
    for (const path of ['/.vite/manifest.json', '/%2Evite/manifest.json', '/assets/../.vite/manifest.json', '/.vite/manifest.json?x=1', '/.vite/']) {
      const answer = await get(path);
      expect(answer.status, path).toBe(404);
      expect(answer.body, path).not.toContain('secret.ts');
    }
  });

  it('answers TRACE and other methods outside /api with 405, and leaves /api to the API', async () => {
    for (const method of ['TRACE', 'POST', 'PUT', 'DELETE', 'PROPFIND']) {
      for (const path of ['/', '/board/4', '/assets/app-abc.js', '/assets/app-abc.js.map']) {
        const answer = await get(path, {}, method);
        expect(answer.status, `${method} ${path}`).toBe(405);
        expect(answer.headers.allow, `${method} ${path}`).toBe('GET, HEAD');
      }
    }
    expect((await get('/api/forum', {}, 'TRACE')).status).toBe(200);
    expect(received).toHaveLength(1);
  });
});
