// @vitest-environment node
import { request as httpRequest } from 'node:http';
import { http, passthrough } from 'msw';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { errorBodySchema, forumResponseSchema } from '../src/lib/api/schemas';
import { RESTRICTED_BOARD_ID } from './db/ids';
import { parseLatency, startApiServer } from './http-server';
import type { ApiServer } from './http-server';
import { server as mswServer } from './node';
import { parse } from '../test/support/mock-api';

let api: ApiServer;

beforeAll(async () => {
  api = await startApiServer({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await api.close();
});
// When the unit project's setup has MSW listening, it would answer these
// requests itself; let them through to the real server under test.
beforeEach(() => {
  mswServer.use(http.all(/^http:\/\/127\.0\.0\.1:\d+\//, () => passthrough()));
});

type RawAnswer = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/**
 * A request as a client could really send it: fetch refuses TRACE and forged Host
 * headers, and normalises `//` at the start of a path, which is exactly what to test.
 */
function raw(method: string, path: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  const { hostname, port } = new URL(api.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** Every url in a JSON answer: attachments, thumbnails, avatars. */
function urlsIn(body: string): string[] {
  return [...body.matchAll(/"(?:url|thumbnailUrl|avatarUrl)":"([^"]*)"/g)].map((match) => match[1] ?? '');
}

describe('the mock forum over real HTTP', () => {
  it('listens on a free loopback port and serves the board index', async () => {
    expect(api.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api$/);
    const response = await fetch(`${api.url}/forum`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    // Only the HTTP server adds CORS headers: proof the answer came over the wire.
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const index = parse(forumResponseSchema, await response.json(), 'GET /forum');
    expect(index.forum.name).toBe('Bosman Business World');
  });

  it('answers unknown paths with a JSON 404', async () => {
    const response = await fetch(`${api.url}/no-such-thing`);
    expect(response.status).toBe(404);
    expect(parse(errorBodySchema, await response.json(), '404').error.code).toBe('not_found');
  });

  it('passes handler errors through with their status', async () => {
    const response = await fetch(`${api.url}/boards/${RESTRICTED_BOARD_ID}`);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('builds attachment urls that point back at itself', async () => {
    const response = await fetch(`${api.url}/topics/42`);
    const body = (await response.json()) as { posts: { attachments: { url: string }[] }[] };
    const url = body.posts[0]?.attachments[0]?.url ?? '';
    // Root-relative: the browser resolves it against the origin it used, proxy or not.
    expect(url).toMatch(/^\/api\/attachments\/\d+$/);
    const image = await fetch(new URL(url, api.url));
    expect(image.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
  });

  it('never builds a url from what the client says: forwarded headers, Host, or a // path', async () => {
    const forged = {
      'X-Forwarded-Proto': 'javascript',
      'X-Forwarded-Host': 'alert(1)//',
      Forwarded: 'host=evil.example;proto=javascript',
      Host: 'evil.example',
    };
    for (const path of ['/api/topics/42', '//evil.example/api/topics/42', '/\\evil.example/api/topics/42']) {
      const answer = await raw('GET', path, forged);
      expect(answer.status, path).toBe(200);
      const urls = urlsIn(answer.body);
      expect(urls.length, path).toBeGreaterThan(0);
      for (const url of urls) expect(url, path).toMatch(/^\/api\/(attachments|avatars)\/\d+(\/thumbnail)?$/);
      expect(answer.body, path).not.toMatch(/javascript|evil\.example/);
    }
  });

  it('answers a request target that is no URL with a 400, instead of failing', async () => {
    for (const target of ['http://[', 'http://x:99999/api/forum']) {
      const answer = await raw('GET', target);
      expect(answer.status, target).toBe(400);
      expect(parse(errorBodySchema, JSON.parse(answer.body), target).error.code).toBe('bad_request');
    }
  });

  it('answers a Host header that names no host, instead of failing', async () => {
    for (const host of ['a b', 'x:99999', '[::1', '']) {
      const answer = await raw('GET', '/api/forum', { Host: host });
      expect(answer.status, host).toBe(200);
    }
  });

  it('answers TRACE and every other method it does not serve with 405 and Allow, never 500', async () => {
    for (const method of ['TRACE', 'POST', 'PUT', 'PATCH', 'DELETE', 'PROPFIND', 'M-SEARCH']) {
      for (const path of ['/api/forum', '/api/attachments/1', '/']) {
        const answer = await raw(method, path);
        expect(answer.status, `${method} ${path}`).toBe(405);
        expect(answer.headers.allow, `${method} ${path}`).toBe('GET, HEAD, OPTIONS');
        expect(parse(errorBodySchema, JSON.parse(answer.body), `${method} ${path}`).error.code).toBe('method_not_allowed');
      }
    }
    // A method Node's parser does not know never reaches the server: Node answers 400.
    expect((await raw('TRACK', '/api/forum')).status).toBe(400);
    // The methods it does serve still work.
    expect((await raw('HEAD', '/api/forum')).status).toBe(200);
    expect((await raw('OPTIONS', '/api/forum')).status).toBe(204);
  });

  it('reads LATENCY as min-max', () => {
    expect(parseLatency('100-400')).toEqual([100, 400]);
    expect(parseLatency('400-100')).toEqual([100, 400]);
    expect(parseLatency(undefined)).toBeNull();
    expect(parseLatency('fast')).toBeNull();
  });
});
