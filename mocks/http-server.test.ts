// @vitest-environment node
import { http, passthrough } from 'msw';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { errorBodySchema, forumResponseSchema } from '../src/lib/api/schemas';
import { RESTRICTED_BOARD_ID } from './db/ids';
import { parseLatency, startApiServer } from './http-server';
import type { ApiServer } from './http-server';
import { server as mswServer } from './node';
import { parse } from './testing/mock-api';

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
    expect(url.startsWith(`${api.url}/attachments/`)).toBe(true);
    const image = await fetch(url);
    expect(image.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
  });

  it('reads LATENCY as min-max', () => {
    expect(parseLatency('100-400')).toEqual([100, 400]);
    expect(parseLatency('400-100')).toEqual([100, 400]);
    expect(parseLatency(undefined)).toBeNull();
    expect(parseLatency('fast')).toBeNull();
  });
});
