// The mock forum as a real HTTP JSON API on loopback, answering from the very
// same MSW handlers (through msw's getResponse). Production builds and browser
// tests talk to it the way they would talk to a deployed server.
//
//   npm run api                      → http://127.0.0.1:8787/api
//   PORT=9000 LATENCY=100-400 npm run api
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getResponse } from 'msw';
import { createHandlers } from './handlers/handlers';

export interface ApiServer {
  /** Base url of the API, e.g. `http://127.0.0.1:8787/api`. */
  url: string;
  close(): Promise<void>;
}

export interface ApiServerOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  latency?: readonly [number, number] | null;
}

// The methods this API answers; everything else is a 405 that says so.
const ALLOWED_METHODS = 'GET, HEAD, OPTIONS';

// A reader on another origin (the Vite dev server) may call this API directly.
const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': ALLOWED_METHODS,
  'Access-Control-Allow-Headers': 'Accept, Content-Type',
};

/**
 * The request as the handlers see it (null when its target is no URL): a GET on this
 * server's own origin. Neither the Host header nor an absolute or `//` request target
 * may pick the origin: both are the client's to forge, and a Host such as `a b` cannot
 * even make a URL. Only the path and query are taken; the handlers' urls are
 * root-relative anyway (respond.ts).
 */
function toFetchRequest(req: IncomingMessage, origin: string): Request | null {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  // An absolute target such as `http://[` or a port past 65535 is no URL: the caller's 400.
  if (!URL.canParse(req.url ?? '/', origin)) return null;
  const target = new URL(req.url ?? '/', origin);
  // HEAD is answered like GET, minus the body; the API only reads, so no request has one.
  return new Request(new URL(`${target.pathname}${target.search}`, origin), { method: 'GET', headers });
}

async function writeResponse(res: ServerResponse, response: Response, head: boolean): Promise<void> {
  const headers: Record<string, string> = { ...CORS };
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const body = Buffer.from(await response.arrayBuffer());
  headers['content-length'] = String(body.byteLength);
  res.writeHead(response.status, headers);
  res.end(head ? undefined : body);
}

function jsonError(status: number, code: string, message: string): Response {
  return new Response(JSON.stringify({ error: { code, message } }), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

export function parseLatency(raw: string | undefined): readonly [number, number] | null {
  const match = raw ? /^(\d+)-(\d+)$/.exec(raw.trim()) : null;
  if (!match) return null;
  const min = Number(match[1]);
  const max = Number(match[2]);
  return min <= max ? [min, max] : [max, min];
}

export function startApiServer(options: ApiServerOptions = {}): Promise<ApiServer> {
  const host = options.host ?? '127.0.0.1';
  const handlers = createHandlers({ latency: options.latency ?? null });

  // Set once listening (port 0 picks one); requests only arrive after that.
  let origin = `http://${host}`;

  const server = createServer((req, res) => {
    void (async () => {
      try {
        if (req.method === 'OPTIONS') {
          res.writeHead(204, CORS);
          res.end();
          return;
        }
        // TRACE, POST, PROPFIND…: the Fetch API refuses some of these outright (a Request
        // with method TRACE throws), which used to surface as a 500. The API only reads.
        if (req.method !== 'GET' && req.method !== 'HEAD') {
          const refused = jsonError(405, 'method_not_allowed', 'The API only reads: use GET.');
          refused.headers.set('Allow', ALLOWED_METHODS);
          await writeResponse(res, refused, false);
          return;
        }
        const head = req.method === 'HEAD';
        const request = toFetchRequest(req, origin);
        if (!request) {
          await writeResponse(res, jsonError(400, 'bad_request', 'The request target is not a valid URL.'), head);
          return;
        }
        const response =
          (await getResponse(handlers, request)) ?? jsonError(404, 'not_found', `Nothing at ${new URL(request.url).pathname}.`);
        await writeResponse(res, response, head);
      } catch (error) {
        console.error('[mock api]', error);
        if (!res.headersSent) await writeResponse(res, jsonError(500, 'internal', 'The mock forum failed.'), false);
        else res.end();
      }
    })();
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8787, host, () => {
      server.off('error', reject);
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : options.port;
      origin = `http://${host.includes(':') ? `[${host}]` : host}:${String(port)}`;
      resolve({
        url: `http://${host}:${String(port)}/api`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.closeAllConnections();
            server.close((error) => (error ? fail(error) : done()));
          }),
      });
    });
  });
}

function runDirectly(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (runDirectly()) {
  const port = Number(process.env.PORT ?? 8787);
  const api = await startApiServer({ port, host: '127.0.0.1', latency: parseLatency(process.env.LATENCY) });
  console.log(`Mock forum API on ${api.url}`);
  const stop = (): void => {
    void api.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
