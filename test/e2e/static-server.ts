// A small static server for built apps: files from a folder, the SPA fallback a
// deployment needs (unknown paths get index.html), and optionally /api proxied to
// a real API server — the same shape as the README's deployment instructions.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.map': 'application/json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
};

export type StaticServer = { url: string; close: () => Promise<void> };

export async function startStaticServer(options: { root: string; apiTarget?: string; port?: number; headers?: Record<string, string> }): Promise<StaticServer> {
  const root = resolve(options.root);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (options.apiTarget && (path === '/api' || path.startsWith('/api/'))) {
      proxy(req, res, options.apiTarget);
      return;
    }
    void serveFile(root, path, res, options.headers ?? {});
  });
  await new Promise<void>((done) => server.listen(options.port ?? 0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

async function serveFile(root: string, path: string, res: ServerResponse, headers: Record<string, string>): Promise<void> {
  const candidate = normalize(join(root, path));
  const inside = candidate.startsWith(root);
  let file = join(root, 'index.html');
  if (inside) {
    const info = await stat(candidate).catch(() => null);
    if (info?.isFile()) file = candidate;
  }
  const hashed = file.includes(`${join(root, 'assets')}`);
  res.writeHead(200, {
    ...headers,
    'Content-Type': types[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  createReadStream(file).pipe(res);
}

function proxy(req: IncomingMessage, res: ServerResponse, target: string): void {
  const upstream = new URL(req.url ?? '/', target);
  // The API's file urls are root-relative, so it need not know the browser's origin.
  const forward = httpRequest(upstream, { method: req.method, headers: { ...req.headers, host: upstream.host } }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  forward.on('error', () => {
    if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'text/html' });
    res.end('<h1>502 Bad Gateway</h1>');
  });
  req.pipe(forward);
}
