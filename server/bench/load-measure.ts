// Load measurement shared by the server benchmarks (server-bench.ts over SMF databases,
// test/bench/app-bench.ts over the server-rendered reader): autocannon with exact
// percentiles, and where the machine's CPU went meanwhile (from /proc).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { cpus } from 'node:os';
import autocannon from 'autocannon';

export interface Measurement {
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  requests: number;
  non2xx: number;
  errors: number;
  meanBytes: number;
  cpu: CpuShare | null;
}

/** The q-quantile of sorted values, by nearest rank. */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

/**
 * autocannon's result has p50, p97.5 and p99 but no p95, so every response's time is
 * kept (from its 'response' event) and the percentiles are exact, by nearest rank.
 */
/** What autocannon asks for: each request's path from `nextPath` (rows may rotate ids). */
export interface LoadTarget {
  origin: string;
  nextPath: () => string;
  headers: Record<string, string>;
}

/** The processes whose CPU a measurement reports (the app and its children; a database server, if separate). */
export interface Pids {
  app: number;
  db: number | null;
}

export async function measure(target: LoadTarget, connections: number, durationS: number, pids?: Pids): Promise<Measurement> {
  const latencies: number[] = [];
  let bytes = 0;
  const before = pids ? readCpu() : null;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.origin,
        connections,
        duration: durationS,
        // A slow search under load can take seconds; counted as a timeout it would
        // leave its work running in the app and the database, and say less.
        timeout: 30,
        headers: target.headers,
        requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: target.nextPath() }) }],
      },
      (error: unknown, done: autocannon.Result) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(done)),
    );
    instance.on('response', (_client, _status, responseBytes, responseTime) => {
      latencies.push(responseTime);
      bytes += responseBytes;
    });
  });
  const cpu = pids ? cpuShare(before, readCpu(), pids) : null;
  latencies.sort((a, b) => a - b);
  return {
    cpu,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    rps: result.requests.total / Math.max(0.001, result.duration),
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    meanBytes: latencies.length > 0 ? bytes / latencies.length : 0,
  };
}

// ---- where the CPU went ---------------------------------------------------------------

// Two cores are shared by the app, the database server, autocannon and whatever else
// runs on the machine: each row says how much each of them took, from /proc (Linux
// only; elsewhere the column stays empty).

interface CpuSnapshot {
  /** Busy and total jiffies of the whole machine, all cores. */
  busy: number;
  total: number;
  /** Per process: parent and user+system jiffies. */
  processes: Map<number, { ppid: number; ticks: number }>;
}

export function readCpu(): CpuSnapshot | null {
  if (!existsSync('/proc/stat')) return null;
  const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
  const total = fields.slice(0, 8).reduce((a, b) => a + b, 0);
  // idle and iowait are the only fields that are not work.
  const busy = total - (fields[3] ?? 0) - (fields[4] ?? 0);
  const processes = new Map<number, { ppid: number; ticks: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name may hold spaces and parentheses: fields start after the last ')'.
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      processes.set(Number(entry), { ppid: Number(rest[1]), ticks: Number(rest[11]) + Number(rest[12]) });
    } catch {
      // The process ended between readdir and read.
    }
  }
  return { busy, total, processes };
}

function descendants(snapshot: CpuSnapshot, root: number): Set<number> {
  const tree = new Set<number>([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, p] of snapshot.processes) {
      if (!tree.has(pid) && tree.has(p.ppid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  return tree;
}

export interface CpuShare {
  /** Each in percent of one core. */
  app: number;
  db: number;
  bench: number;
  other: number;
}

export function cpuShare(before: CpuSnapshot | null, after: CpuSnapshot | null, pids: Pids): CpuShare | null {
  if (!before || !after || after.total <= before.total) return null;
  const cores = cpus().length;
  // Jiffies of the whole machine advance `cores` times per tick of wall time.
  const wallTicks = (after.total - before.total) / cores;
  const used = (root: number | null, withChildren = true): number => {
    if (root === null) return 0;
    let ticks = 0;
    for (const pid of withChildren ? descendants(after, root) : [root]) {
      ticks += (after.processes.get(pid)?.ticks ?? 0) - (before.processes.get(pid)?.ticks ?? 0);
    }
    return (100 * ticks) / wallTicks;
  };
  const app = used(pids.app);
  const db = used(pids.db);
  // This process alone: the app and the database servers are its children.
  const bench = used(process.pid, false);
  const busy = (100 * (after.busy - before.busy)) / wallTicks;
  return { app, db, bench, other: Math.max(0, busy - app - db - bench) };
}

/**
 * Waits until the app and the database are idle again (under 15 % of a core for a
 * second), at most two minutes. autocannon stops at its deadline, but the app still
 * answers the requests it had accepted, and a slow search keeps the database busy
 * for seconds after that: the next measurement must not pay for the last one.
 */
export async function settle(pids: Pids): Promise<number> {
  const started = performance.now();
  for (;;) {
    const before = readCpu();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const share = cpuShare(before, readCpu(), pids);
    const waited = performance.now() - started;
    if (!share || share.app + share.db < 15 || waited > 120_000) return waited;
  }
}
