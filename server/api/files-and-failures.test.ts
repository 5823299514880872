// The files the answers point at, and what a reader gets when the database goes away
// or is slow: on both database families.
import { Socket as NetSocket, createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { errorBodySchema } from '../../src/lib/api/schemas';
import { DIALECTS } from '../test/databases';
import { openServer, seededSuite } from '../test/seeded-forum';
import type { ServerUnderTest } from '../test/seeded-forum';

/** A TCP relay to the database that a test can cut and restore, as a network or a restart would. */
async function relayTo(port: number): Promise<{ url: (original: string) => string; cut(): Promise<void>; restore(): Promise<void>; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let relayPort = 0;
  const listen = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const s = createServer((client) => {
        const upstream = new NetSocket();
        sockets.add(client).add(upstream);
        const drop = (): void => {
          client.destroy();
          upstream.destroy();
        };
        client.on('error', drop).on('close', drop);
        upstream.on('error', drop).on('close', drop);
        upstream.connect(port, '127.0.0.1', () => {
          client.pipe(upstream);
          upstream.pipe(client);
        });
      });
      s.once('error', reject);
      s.listen(relayPort, '127.0.0.1', () => {
        const address = s.address();
        relayPort = typeof address === 'object' && address ? address.port : relayPort;
        server = s;
        resolve();
      });
    });
  const cut = (): Promise<void> =>
    new Promise((resolve) => {
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      if (!server) return resolve();
      server.close(() => resolve());
      server = null;
    });
  await listen();
  return {
    url: (original) => {
      const u = new URL(original);
      u.port = String(relayPort);
      return u.toString();
    },
    cut,
    restore: listen,
    close: cut,
  };
}

describe.each(DIALECTS)('files and failures on %s', (kind) => {
  const suite = seededSuite(kind);
  const server = (): ServerUnderTest => suite().server;

  it('serves an image inline, with its type, nosniff and a sandboxing policy', async () => {
    const response = await server().get('/api/attachments/1305');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-disposition')).toMatch(/^inline; filename="harbour-at-dusk.jpg"/);
    expect(response.headers.get('content-security-policy')).toContain('sandbox');
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(100);
    const thumbnail = await server().get('/api/attachments/1305/thumbnail');
    expect(thumbnail.status).toBe(200);
  });

  it('sends documents that could run in a browser as downloads of bytes', async () => {
    const pdf = await server().get('/api/attachments/1301');
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/octet-stream');
    expect(pdf.headers.get('content-disposition')).toMatch(/^attachment; filename="Annual report 2024.pdf"/);
    const text = await server().get('/api/attachments/1303');
    expect(text.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const head = await server().get('/api/attachments/1302', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('content-length'))).toBeGreaterThan(0);
  });

  it('answers 404 for a file missing on disk, 403 for one awaiting approval, 404 for none', async () => {
    for (const [path, status] of [
      ['/api/attachments/1313', 404],
      ['/api/attachments/1309', 403],
      ['/api/attachments/1311', 404],
      ['/api/attachments/99999', 404],
      ['/api/attachments/1307/thumbnail', 404],
      ['/api/avatars/1', 200],
      ['/api/avatars/4', 404],
    ] as const) {
      const response = await server().get(path);
      expect({ path, status: response.status }).toEqual({ path, status });
      if (status !== 200) v.parse(errorBodySchema, await response.json());
    }
  });

  it('answers 503 while the database cannot be reached, stays up, and recovers by itself', async () => {
    const relay = await relayTo(new URL(suite().database.readOnlyUrl).port === '' ? 0 : Number(new URL(suite().database.readOnlyUrl).port));
    const viaRelay = openServer(suite().database, { url: relay.url(suite().database.readOnlyUrl), structureTtlMs: 0 });
    try {
      expect((await viaRelay.get('/api/topics/42')).status).toBe(200);
      await relay.cut();
      const down = await viaRelay.get('/api/topics/42');
      expect(down.status).toBe(503);
      expect(down.headers.get('retry-after')).toBe('5');
      expect(v.parse(errorBodySchema, await down.json()).error.code).toBe('unavailable');
      await relay.restore();
      // The pools drop their dead connections on the failed attempt; the next request reconnects.
      let status = 0;
      for (let attempt = 0; attempt < 5 && status !== 200; attempt++) status = (await viaRelay.get('/api/topics/42')).status;
      expect(status).toBe(200);
    } finally {
      await viaRelay.close();
      await relay.close();
    }
  });

  it('answers 503 when a query runs past the statement timeout', async () => {
    const hurried = openServer(suite().database, { statementTimeoutMs: 1 });
    try {
      // A scan of every message's body: never done in a millisecond.
      const response = await hurried.get('/api/search?q=zzzz-no-such-word');
      expect(response.status).toBe(503);
      expect(v.parse(errorBodySchema, await response.json()).error.code).toBe('timeout');
    } finally {
      await hurried.close();
    }
  });
});
