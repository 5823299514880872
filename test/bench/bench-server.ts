// The benchmark's server: test/e2e/static-server.ts (the built app, SPA fallback, /api
// proxied to the mock forum) behind a front that gzips what a real deployment gzips
// (HTML, JS, CSS, JSON — Content-Encoding: gzip, level 9, as for pre-compressed static
// files) and also serves the static comparison pages. The static server itself sends
// everything uncompressed, which would make every byte figure 3–4× too large.
import { createHash } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { startStaticServer } from '../e2e/static-server';

export type BenchServer = {
  url: string;
  /** Serves `body` at `path` (e.g. a static topic page) from now on. */
  addPage: (path: string, body: string, contentType: string) => void;
  close: () => Promise<void>;
};

const COMPRESSIBLE = /^(text\/html|text\/css|text\/javascript|application\/javascript|application\/json|image\/svg\+xml)/;

export async function startBenchServer(options: { root: string; apiTarget: string }): Promise<BenchServer> {
  const upstream = await startStaticServer({ root: options.root, apiTarget: options.apiTarget });
  const pages = new Map<string, { body: Buffer; contentType: string }>();
  // The same bytes are sent hundreds of times (every cold run loads the same chunks).
  const gzipped = new Map<string, Buffer>();
  const gzip = (body: Buffer): Buffer => {
    const key = createHash('sha1').update(body).digest('hex');
    let out = gzipped.get(key);
    if (!out) {
      out = gzipSync(body, { level: 9 });
      if (gzipped.size > 2000) gzipped.clear();
      gzipped.set(key, out);
    }
    return out;
  };

  const send = (req: IncomingMessage, res: ServerResponse, status: number, headers: Record<string, string>, body: Buffer) => {
    const type = headers['content-type'] ?? '';
    const accepts = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const out = { ...headers };
    let payload = body;
    if (accepts && body.length > 0 && COMPRESSIBLE.test(type) && !out['content-encoding']) {
      payload = gzip(body);
      out['content-encoding'] = 'gzip';
      out.vary = 'Accept-Encoding';
    }
    out['content-length'] = String(payload.length);
    res.writeHead(status, out);
    res.end(req.method === 'HEAD' ? undefined : payload);
  };

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const page = pages.get(path);
    if (page) {
      send(req, res, 200, { 'content-type': page.contentType, 'cache-control': 'no-cache' }, page.body);
      return;
    }
    // Ask the static server for the identity encoding, then compress here.
    const headers = { ...req.headers, 'accept-encoding': 'identity' };
    const forward = httpRequest(new URL(req.url ?? '/', upstream.url), { method: req.method, headers }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => {
        const out: Record<string, string> = {};
        for (const [name, value] of Object.entries(answer.headers)) {
          if (value === undefined || name === 'content-length' || name === 'transfer-encoding' || name === 'connection') continue;
          out[name] = Array.isArray(value) ? value.join(', ') : value;
        }
        send(req, res, answer.statusCode ?? 502, out, Buffer.concat(chunks));
      });
    });
    forward.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end('bad gateway');
    });
    req.pipe(forward);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    addPage: (path, body, contentType) => pages.set(path, { body: Buffer.from(body), contentType }),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      await upstream.close();
    },
  };
}
