// A server for fault tests: the production build and the mock forum's API, as
// test/e2e/static-server.ts serves them, behind a front door that can make chosen
// API requests fail the ways real deployments fail — a 500, a proxy's HTML 502,
// broken or off-contract JSON, an answer that never comes, a connection cut in
// the middle of the body, or no API at all.
//
// The faults live in front of everything else on purpose: a fault injected behind
// the static server's proxy would reach the browser rewritten (as that proxy's own
// 502), and the test would no longer see what it asked for.
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startApiServer } from '../../mocks/http-server';
import { startStaticServer } from './static-server';

export type Fault =
  /** 500 with the contract's JSON error body. */
  | { kind: 'error-500' }
  /** 502 with an HTML body, as a reverse proxy says its upstream is gone. */
  | { kind: 'html-502' }
  /** 200 whose body stops half-way through the JSON. */
  | { kind: 'broken-json' }
  /** 200 with well-formed JSON in the wrong shape. */
  | { kind: 'contract' }
  /** No answer: never (`afterMs` unset), or the real answer after `afterMs`. */
  | { kind: 'hang'; afterMs?: number }
  /** Headers and part of the body, then the connection is destroyed. */
  | { kind: 'drop' };

export type FaultRule = {
  /**
   * A string matches the API path without its query and without `/api`
   * (`/topics/42` matches `/topics/42?page=2`); a RegExp is tested against the
   * path with its query (`/^\/topics\/42\?page=2$/`).
   */
  match: string | RegExp;
  fault: Fault;
  /** How many matching requests fail; every one until `clear()` when unset. */
  times?: number;
};

export type ApiHit = { path: string; fault: Fault['kind'] | 'down' | null };

export type FaultServer = {
  url: string;
  /** Adds a rule; earlier rules win when several match. */
  fail: (rule: FaultRule) => void;
  /** "API down": every /api request has its connection reset, until `apiDown(false)`. */
  apiDown: (down: boolean) => void;
  /** Drops every rule, switches the API back on, and cuts any request left hanging. */
  clear: () => void;
  /** Every /api request seen so far, in order, with the fault it got (null: answered normally). */
  hits: () => readonly ApiHit[];
  close: () => Promise<void>;
};

type ActiveRule = FaultRule & { left: number };

export async function startFaultServer(options: { root: string; headers?: Record<string, string> }): Promise<FaultServer> {
  const api = await startApiServer({ port: 0, host: '127.0.0.1' });
  const app = await startStaticServer({ root: options.root, apiTarget: api.url.replace(/\/api$/, ''), ...(options.headers ? { headers: options.headers } : {}) });

  let rules: ActiveRule[] = [];
  let down = false;
  const log: ApiHit[] = [];
  // Requests held open by a "hang": cut on clear() and close() so no test leaves one behind.
  const held = new Set<{ res: ServerResponse; timer: NodeJS.Timeout | undefined }>();

  const take = (apiPath: string): Fault | null => {
    const pathOnly = apiPath.split('?')[0];
    const rule = rules.find((r) => r.left > 0 && (typeof r.match === 'string' ? r.match === pathOnly : r.match.test(apiPath)));
    if (!rule) return null;
    rule.left -= 1;
    return rule.fault;
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const isApi = url.pathname === '/api' || url.pathname.startsWith('/api/');
    if (!isApi) {
      pass(req, res, app.url);
      return;
    }
    const apiPath = url.pathname.slice('/api'.length) + url.search;
    if (down) {
      log.push({ path: apiPath, fault: 'down' });
      // A TCP reset: the browser sees net::ERR_CONNECTION_RESET, as with a dead backend.
      req.socket.resetAndDestroy();
      return;
    }
    const fault = take(apiPath);
    log.push({ path: apiPath, fault: fault?.kind ?? null });
    if (!fault) {
      pass(req, res, app.url);
      return;
    }
    inject(fault, req, res);
  });

  function inject(fault: Fault, req: IncomingMessage, res: ServerResponse): void {
    const json = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' };
    switch (fault.kind) {
      case 'error-500':
        res.writeHead(500, json);
        res.end(JSON.stringify({ error: { code: 'internal', message: 'Injected failure: the database is down.' } }));
        return;
      case 'html-502':
        res.writeHead(502, { 'Content-Type': 'text/html; charset=utf-8' });
        res.end('<!doctype html><html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>');
        return;
      case 'broken-json':
        res.writeHead(200, json);
        res.end('{"topic":{"id":42,"title":"Half an answ');
        return;
      case 'contract':
        res.writeHead(200, json);
        res.end(JSON.stringify({ topic: { id: 'forty-two', title: null }, posts: 'none' }));
        return;
      case 'hang': {
        const entry = { res, timer: undefined as NodeJS.Timeout | undefined };
        held.add(entry);
        res.on('close', () => {
          clearTimeout(entry.timer);
          held.delete(entry);
        });
        if (fault.afterMs !== undefined) {
          entry.timer = setTimeout(() => {
            held.delete(entry);
            if (!res.destroyed) pass(req, res, app.url);
          }, fault.afterMs);
        }
        return;
      }
      case 'drop': {
        // Promise more than is sent, so the browser knows the body was cut short.
        const partial = '{"topic":{"id":42,"title":"Cut off';
        res.writeHead(200, { ...json, 'Content-Length': String(partial.length * 10) });
        res.write(partial);
        // Give the headers and first bytes time to reach the browser before the cut.
        setTimeout(() => res.destroy(), 50);
        return;
      }
    }
  }

  const cutHeld = (): void => {
    for (const entry of held) {
      clearTimeout(entry.timer);
      entry.res.destroy();
    }
    held.clear();
  };

  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    fail: (rule) => {
      rules.push({ ...rule, left: rule.times ?? Number.POSITIVE_INFINITY });
    },
    apiDown: (value) => {
      down = value;
    },
    clear: () => {
      rules = [];
      down = false;
      cutHeld();
    },
    hits: () => [...log],
    close: async () => {
      cutHeld();
      await new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      });
      await Promise.all([app.close(), api.close()]);
    },
  };
}

// Everything not faulted goes through untouched to the static server (which serves
// dist/ and proxies /api to the mock forum).
function pass(req: IncomingMessage, res: ServerResponse, target: string): void {
  const upstream = new URL(req.url ?? '/', target);
  // The browser's Host goes on unchanged; the static server replaces it for the API.
  const forward = httpRequest(upstream, { method: req.method, headers: req.headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  forward.on('error', () => {
    if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'text/plain' });
    res.end('fault server: upstream failed');
  });
  req.pipe(forward);
}
