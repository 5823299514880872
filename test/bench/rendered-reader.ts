// The server-rendered reader for the benchmark: `npm run server`'s own code (server/main.ts,
// in a process of its own, serving the demo forum from its embedded PostgreSQL) over a
// given production build, and what the benchmark asks of it over plain HTTP: a page's
// bytes as sent, time to first byte one request at a time, and throughput under load
// (autocannon, via server/bench/load-measure.ts, shared with `npm run bench:server`).
import { spawn } from 'node:child_process';
import { Agent, request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { measure, percentile, settle, type Measurement } from '../../server/bench/load-measure';

export type RenderedReader = {
  /** http://127.0.0.1:PORT, no trailing slash. */
  url: string;
  /** The process group's leader (tsx, whose child node process is the server). */
  pid: number;
  close: () => Promise<void>;
};

/** What a browser sends for HTML; the server picks br from it. */
export const BROWSER_HTML_HEADERS = { accept: 'text/html,application/xhtml+xml', 'accept-encoding': 'br, gzip' };

/**
 * Starts `tsx server/main.ts` with PORT=0 over `dist` and `ssrDist`, with no database
 * settings (so the demo forum), and waits for its `lectern: http://…` line. It gets a
 * process group of its own: tsx runs the server in a child process, and closing stops
 * both, by this group's id.
 */
export async function startRenderedReader(options: { root: string; dist: string; ssrDist: string; log: (line: string) => void }): Promise<RenderedReader> {
  // Whatever this shell has configured, the benchmark reads the demo forum.
  const unset = new Set(['DATABASE_URL', 'SMF_SETTINGS', 'LECTERN_PUBLIC_URL']);
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !unset.has(name)));
  const env: NodeJS.ProcessEnv = { ...inherited, PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'production', LECTERN_DIST: options.dist, LECTERN_SSR_DIST: options.ssrDist };
  const child = spawn(join(options.root, 'node_modules/.bin/tsx'), ['server/main.ts'], { cwd: options.root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not start tsx server/main.ts');
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-pid, name);
    } catch {
      // Already gone.
    }
  };
  // If the benchmark dies, the server must not outlive it.
  const onExit = () => signal('SIGKILL');
  process.once('exit', onExit);
  const close = async () => {
    process.off('exit', onExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    signal('SIGTERM');
    const timer = setTimeout(() => signal('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('npm run server printed no `lectern: http://…` line within 90 s')), 90_000);
    let buffered = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      let newline: number;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        options.log(line);
        const found = /^lectern: (http:\/\/\S+?)\/?$/.exec(line.trim());
        if (found?.[1]) {
          clearTimeout(timer);
          resolve(found[1]);
        }
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      for (const line of chunk.split('\n')) if (line.trim()) options.log(line);
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`npm run server exited (${String(child.exitCode ?? child.signalCode)}) before listening`));
    });
  }).catch(async (error: unknown) => {
    await close();
    throw error;
  });
  return { url, pid, close };
}

// ---- plain HTTP -------------------------------------------------------------------------

export type RawResponse = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer; ttfbMs: number; totalMs: number };

/**
 * One GET as sent on the wire: the body exactly as encoded (Node's fetch would decode
 * it), time to the response's head and to its last byte, from the request's start.
 */
export function rawGet(url: string, headers: Record<string, string>, agent?: Agent): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = httpRequest(url, { headers, agent }, (response) => {
      const ttfbMs = performance.now() - started;
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks), ttfbMs, totalMs: performance.now() - started }),
      );
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end();
  });
}

export type HtmlBytes = { raw: number; sent: number; coding: string; gzip9: number; br11: number };

/** A response's bytes: as sent for a browser's Accept-Encoding, and the same body compressed here alike for all. */
export async function htmlBytes(url: string, accept = BROWSER_HTML_HEADERS.accept): Promise<HtmlBytes> {
  const plain = await rawGet(url, { accept, 'accept-encoding': 'identity' });
  const sent = await rawGet(url, { accept, 'accept-encoding': BROWSER_HTML_HEADERS['accept-encoding'] });
  if (plain.status !== 200 || sent.status !== 200) throw new Error(`${url} answered ${String(plain.status)} / ${String(sent.status)}`);
  const coding = String(sent.headers['content-encoding'] ?? 'identity');
  return {
    raw: plain.body.length,
    sent: sent.body.length,
    coding,
    gzip9: gzipSync(plain.body, { level: 9 }).length,
    br11: brotliCompressSync(plain.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } }).length,
  };
}

export type Ttfb = { p50: number; p95: number; p99: number; totalP50: number; totalP95: number; requests: number };

/**
 * `count` requests one after another on one kept-alive connection (as a browser reuses
 * one), after `warmup` that are not counted: the server's time to the response's head
 * (and to its last byte), with nothing queued before each request.
 */
export async function measureTtfb(url: string, headers: Record<string, string>, count: number, warmup: number): Promise<Ttfb> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const heads: number[] = [];
    const totals: number[] = [];
    for (let i = 0; i < warmup + count; i += 1) {
      const answer = await rawGet(url, headers, agent);
      if (answer.status !== 200) throw new Error(`${url} answered ${String(answer.status)}`);
      if (i < warmup) continue;
      heads.push(answer.ttfbMs);
      totals.push(answer.totalMs);
    }
    heads.sort((a, b) => a - b);
    totals.sort((a, b) => a - b);
    return { p50: percentile(heads, 0.5), p95: percentile(heads, 0.95), p99: percentile(heads, 0.99), totalP50: percentile(totals, 0.5), totalP95: percentile(totals, 0.95), requests: count };
  } finally {
    agent.destroy();
  }
}

/**
 * autocannon at `connections` for `seconds` on one path, after a short warm-up at 4
 * connections, each measurement starting with the server idle (settle): the requests
 * autocannon abandons at its deadline are still being answered.
 */
export async function measureThroughput(
  reader: RenderedReader,
  path: string,
  headers: Record<string, string>,
  connections: number,
  seconds: number,
): Promise<Measurement> {
  const target = { origin: reader.url, nextPath: () => path, headers };
  const pids = { app: reader.pid, db: null };
  await measure(target, 4, Math.min(3, seconds));
  await settle(pids);
  const result = await measure(target, connections, seconds, pids);
  await settle(pids);
  return result;
}
