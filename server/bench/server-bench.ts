// The server's benchmark over a forum of a million messages, on real MariaDB and
// PostgreSQL servers (private ones, db-servers.ts): generates the forum once
// (generate-forum.ts), loads it into each database, serves the app over HTTP on loopback
// through the read-only user, and measures each kind of page with autocannon at 32
// connections, then with one connection (what a request costs when nothing queues).
// Prints Markdown tables, a per-query profile of each page and, for any row that misses
// its goal, the database's plan of its slowest queries. A script that prints figures,
// not a test: nothing here fails on a missed goal.
//
//   npm run bench:server -- [--only=mariadb|postgres] [--messages=N] [--duration=S] [--explain]
//   --messages=N  forum size (default 1,000,000; smaller for a quick look)
//   --duration=S  seconds per row at 32 connections (default 10)
//   --explain     print plans for every row's slowest queries, not only for missed goals
//
// The app runs in a child process of its own (this file with --serve): autocannon
// in the same event loop would delay the responses it is timing.
import { execFileSync, fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { Kysely, MysqlDialect, PostgresDialect, sql } from 'kysely';
import type { LogEvent } from 'kysely';
import { createPool } from 'mysql2';
import type { Pool as MysqlPool, RowDataPacket } from 'mysql2';
import pg from 'pg';
import { boardPage, forumIndex } from '../api/boards';
import type { ApiContext } from '../api/context';
import { searchPosts } from '../api/search';
import { postLocation, topicPage } from '../api/topics';
import { createApp } from '../http/app';
import { TablePrefixPlugin, connectForum } from '../smf/connect';
import type { Dialect } from '../smf/connect';
import { cachedStructure, loadForumStructure } from '../smf/forum-structure';
import type { SmfDatabase } from '../smf/schema';
import { startMariaDb, startPostgres } from '../test/db-servers';
import type { DbServer, DbServerKind } from '../test/db-servers';
import { createTestDatabase } from '../test/test-database';
import { generateForum, loadForum, seconds } from './generate-forum';
import { measure as measureLoad, percentile, settle } from './load-measure';
import type { Measurement, Pids } from './load-measure';
import type { GeneratedForum, LoadTimings } from './generate-forum';

/** As main.ts: settings, boards and permissions are reused this long. */
const STRUCTURE_TTL_MS = 10_000;
const POOL_SIZE = 16;
const STATEMENT_TIMEOUT_MS = 5_000;
const CONNECTIONS = 32;
const PAGE_GOAL_P95_MS = 20;
const SEARCH_GOAL_P95_MS = 150;
/** "Deep pages cost the same as page 1": within this factor of it. */
const DEEP_PAGE_RATIO_GOAL = 1.5;
/** A browser's Accept-Encoding: the server compresses its JSON as it would for a reader. */
const HEADERS = { 'accept-encoding': 'gzip, deflate, br', accept: 'application/json' };

// ---- the app, in the child process ----------------------------------------------------

interface ServeMessage {
  port: number;
}

function isServeMessage(value: unknown): value is ServeMessage {
  return typeof value === 'object' && value !== null && typeof (value as { port?: unknown }).port === 'number';
}

/** The app as main.ts builds it over a forum database, minus the static files. */
function serveApp(): void {
  const url = process.env.LECTERN_BENCH_URL;
  const dialect = process.env.LECTERN_BENCH_DIALECT;
  if (!url || (dialect !== 'mysql' && dialect !== 'postgres')) throw new Error('--serve needs LECTERN_BENCH_URL and LECTERN_BENCH_DIALECT.');
  const database = connectForum({ url, dialect, tablePrefix: 'smf_', statementTimeoutMs: STATEMENT_TIMEOUT_MS, poolSize: POOL_SIZE });
  const api: ApiContext = {
    db: database.db,
    dialect: database.dialect,
    structure: cachedStructure(() => loadForumStructure(database.db), STRUCTURE_TTL_MS),
    forum: { name: 'Benchmark Forum', description: null },
    apiBase: '/api',
  };
  let logged = 0;
  const app = createApp({
    api,
    files: { attachmentsDir: null },
    // A failing route would fail thousands of times a second: the first few say why.
    log: (message, error) => {
      if (logged++ < 5) console.error(`[bench app] ${message}`, error instanceof Error ? error.message : error);
    },
  });
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => {
    const message: ServeMessage = { port: info.port };
    process.send?.(message);
  });
  // The parent going away (or disconnecting) is the signal to stop.
  process.once('disconnect', () => {
    server.close();
    void database.close().finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 2_000).unref();
  });
}

async function startAppProcess(url: string, dialect: Dialect): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(fileURLToPath(import.meta.url), ['--serve'], {
    // tsx's loader flags, so the child runs this TypeScript file too.
    execArgv: process.execArgv,
    env: { ...process.env, LECTERN_BENCH_URL: url, LECTERN_BENCH_DIALECT: dialect },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('The app process did not start within 30 s.')), 30_000);
    child.once('message', (message: unknown) => {
      clearTimeout(timer);
      if (isServeMessage(message)) resolve(message.port);
      else reject(new Error(`Unexpected message from the app process: ${JSON.stringify(message)}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The app process exited (${String(code)}) before listening.`));
    });
  });
  return { child, port };
}

async function stopAppProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  if (child.connected) child.disconnect();
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

// ---- options ------------------------------------------------------------------------

interface Options {
  kinds: DbServerKind[];
  messages: number;
  duration: number;
  explainAll: boolean;
}

function parseOptions(args: readonly string[]): Options {
  const value = (name: string): string | undefined => {
    const prefix = `--${name}=`;
    return args.find((a) => a.startsWith(prefix))?.slice(prefix.length);
  };
  for (const arg of args) {
    if (!/^--(only|messages|duration)=|^--explain$/.test(arg)) throw new Error(`Unknown option ${arg}. Options: --only=mariadb|postgres --messages=N --duration=S --explain`);
  }
  const only = value('only');
  if (only !== undefined && only !== 'mariadb' && only !== 'postgres') throw new Error(`--only takes mariadb or postgres, not ${only}.`);
  const messages = Number((value('messages') ?? '1000000').replace(/[_,]/g, ''));
  const duration = Number(value('duration') ?? '10');
  if (!Number.isInteger(messages) || messages < 1_000) throw new Error('--messages wants a whole number of at least 1,000.');
  if (!Number.isFinite(duration) || duration < 1) throw new Error('--duration wants at least 1 second.');
  return { kinds: only ? [only] : ['mariadb', 'postgres'], messages, duration, explainAll: args.includes('--explain') };
}

// ---- rows -----------------------------------------------------------------------------

type Goal = 'page' | 'search';

interface Row {
  name: string;
  goal: Goal;
  /** The next request's path (rows that vary their ids rotate through them). */
  nextPath: () => string;
  /** The same work through the API functions, for the per-query profile. */
  call: (ctx: ApiContext) => Promise<unknown>;
}

function benchRows(forum: GeneratedForum): Row[] {
  const { bigBoard, bigTopic, deepPostIds, words, pair } = forum.facts;
  const fixed = (path: string): (() => string) => () => path;
  const middle = Math.ceil(bigTopic.pages / 2);
  let next = 0;
  const mid = words.find((w) => w.word === 'gasket') ?? words[0];
  const common = words.find((w) => w.word === 'carburetor') ?? words[0];
  const profiledPost = deepPostIds[Math.floor(deepPostIds.length / 2)] ?? bigTopic.lastMessageId;
  const rows: Row[] = [
    { name: 'index /api/forum', goal: 'page', nextPath: fixed('/api/forum'), call: (ctx) => forumIndex(ctx) },
    {
      name: `board ${String(bigBoard.id)} (${String(bigBoard.topics)} topics) page 1`,
      goal: 'page',
      nextPath: fixed(`/api/boards/${String(bigBoard.id)}`),
      call: (ctx) => boardPage(ctx, bigBoard.id, 1),
    },
    {
      name: `board ${String(bigBoard.id)} last page (${String(bigBoard.pages)})`,
      goal: 'page',
      nextPath: fixed(`/api/boards/${String(bigBoard.id)}?page=${String(bigBoard.pages)}`),
      call: (ctx) => boardPage(ctx, bigBoard.id, bigBoard.pages),
    },
    {
      name: `topic ${String(bigTopic.id)} (${bigTopic.posts.toLocaleString('en')} posts) page 1`,
      goal: 'page',
      nextPath: fixed(`/api/topics/${String(bigTopic.id)}`),
      call: (ctx) => topicPage(ctx, bigTopic.id, { page: 1 }),
    },
    {
      name: `topic ${String(bigTopic.id)} middle page (${String(middle)})`,
      goal: 'page',
      nextPath: fixed(`/api/topics/${String(bigTopic.id)}?page=${String(middle)}`),
      call: (ctx) => topicPage(ctx, bigTopic.id, { page: middle }),
    },
    {
      name: `topic ${String(bigTopic.id)} last page (${String(bigTopic.pages)})`,
      goal: 'page',
      nextPath: fixed(`/api/topics/${String(bigTopic.id)}?page=${String(bigTopic.pages)}`),
      call: (ctx) => topicPage(ctx, bigTopic.id, { page: bigTopic.pages }),
    },
    {
      name: `post lookup /api/posts/{id} (${String(deepPostIds.length)} ids, 2nd half of the big topic)`,
      goal: 'page',
      // Each request asks for another post, so no one row stays hot in a cache.
      nextPath: () => `/api/posts/${String(deepPostIds[next++ % Math.max(1, deepPostIds.length)] ?? bigTopic.lastMessageId)}`,
      call: (ctx) => postLocation(ctx, profiledPost),
    },
  ];
  if (mid) {
    rows.push({
      name: `search "${mid.word}" (${mid.posts.toLocaleString('en')} posts)`,
      goal: 'search',
      nextPath: fixed(`/api/search?q=${encodeURIComponent(mid.word)}`),
      call: (ctx) => searchPosts(ctx, mid.word, 1),
    });
  }
  const twoWords = pair.words.join(' ');
  rows.push({
    name: `search "${twoWords}" (${pair.posts.toLocaleString('en')} posts)`,
    goal: 'search',
    nextPath: fixed(`/api/search?q=${encodeURIComponent(twoWords)}`),
    call: (ctx) => searchPosts(ctx, twoWords, 1),
  });
  if (common && common !== mid) {
    rows.push({
      name: `search "${common.word}" (${common.posts.toLocaleString('en')} posts; extra: a frequent word)`,
      goal: 'search',
      nextPath: fixed(`/api/search?q=${encodeURIComponent(common.word)}`),
      call: (ctx) => searchPosts(ctx, common.word, 1),
    });
  }
  return rows;
}

// ---- measuring ----------------------------------------------------------------------

function measure(port: number, row: Row, connections: number, durationS: number, pids?: Pids): Promise<Measurement> {
  return measureLoad({ origin: `http://127.0.0.1:${String(port)}`, nextPath: row.nextPath, headers: HEADERS }, connections, durationS, pids);
}

/** One request of each row first: a route that fails would make its figures meaningless. */
async function checkRows(port: number, rows: readonly Row[]): Promise<Map<Row, string>> {
  const notes = new Map<Row, string>();
  for (const row of rows) {
    const path = row.nextPath();
    const response = await fetch(`http://127.0.0.1:${String(port)}${path}`, { headers: HEADERS });
    const text = await response.text();
    if (!response.ok) {
      notes.set(row, `${String(response.status)}: ${text.slice(0, 200)}`);
      continue;
    }
    const body = JSON.parse(text) as { page?: number | { number?: number; totalPages?: number; totalItems?: number }; results?: unknown[]; posts?: unknown[]; topics?: unknown[] };
    const items = body.posts?.length ?? body.topics?.length ?? body.results?.length;
    // A post lookup answers the page its post is on; lists answer their own page.
    const page = typeof body.page === 'number'
      ? `on page ${String(body.page)}`
      : body.page ? `page ${String(body.page.number)}/${String(body.page.totalPages)} of ${String(body.page.totalItems)}` : '';
    notes.set(row, [page, items === undefined ? '' : `${String(items)} items`, `${(text.length / 1000).toFixed(1)} kB JSON`].filter(Boolean).join(', '));
  }
  return notes;
}

/** The database server's main process: the one started with this port. */
function findServerPid(port: number): number | null {
  if (!existsSync('/proc')) return null;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      const program = args[0] ?? '';
      if (!/(mariadbd|mysqld|postgres)$/.test(program)) continue;
      const portAt = args.indexOf('-p');
      if (args.includes(`--port=${String(port)}`) || (portAt >= 0 && args[portAt + 1] === String(port))) return Number(entry);
    } catch {
      // Gone, or not ours to read.
    }
  }
  return null;
}

// ---- the per-query profile and plans --------------------------------------------------

interface CapturedQuery {
  sql: string;
  parameters: readonly unknown[];
  ms: number;
}

interface Profiler {
  ctx: ApiContext;
  captured: CapturedQuery[];
  version(): Promise<string>;
  /** Median time of `SELECT 1` through Kysely: the floor under every query's figure. */
  roundTrip(): Promise<number>;
  explain(query: CapturedQuery): Promise<string>;
  close(): Promise<void>;
}

/**
 * A second connection to the forum, through the same read-only user, whose Kysely
 * records every query with its parameters and time: the API functions run on it one
 * at a time, so each query's time is its own, not time spent queueing.
 */
function openProfiler(url: string, dialect: Dialect): Profiler {
  const captured: CapturedQuery[] = [];
  const log = (event: LogEvent): void => {
    captured.push({ sql: event.query.sql, parameters: event.query.parameters, ms: event.queryDurationMillis });
  };
  let mysqlPool: MysqlPool | undefined;
  let pgPool: pg.Pool | undefined;
  let kyselyDialect: MysqlDialect | PostgresDialect;
  if (dialect === 'mysql') {
    mysqlPool = createPool({ uri: url, connectionLimit: 2, charset: 'utf8mb4', dateStrings: true });
    kyselyDialect = new MysqlDialect({ pool: mysqlPool });
  } else {
    pgPool = new pg.Pool({ connectionString: url, max: 2 });
    // An idle client hears the server shut down at the end; without a listener that
    // 'error' would end the process before the report is printed.
    pgPool.on('error', () => undefined);
    kyselyDialect = new PostgresDialect({ pool: pgPool });
  }
  const db = new Kysely<SmfDatabase>({ dialect: kyselyDialect, plugins: [new TablePrefixPlugin('smf_')], log });
  const ctx: ApiContext = {
    db,
    dialect,
    // Loaded once and kept: the profile is about each page's own queries.
    structure: cachedStructure(() => loadForumStructure(db), 3_600_000),
    forum: { name: 'Benchmark Forum', description: null },
    apiBase: '/api',
  };
  return {
    ctx,
    captured,
    async version() {
      const { rows } = await sql<{ v: string }>`SELECT VERSION() AS v`.execute(db);
      return rows[0]?.v ?? '?';
    },
    async roundTrip() {
      const times: number[] = [];
      for (let i = 0; i < 200; i++) {
        const started = performance.now();
        await sql`SELECT 1`.execute(db);
        times.push(performance.now() - started);
      }
      return percentile(times.sort((a, b) => a - b), 0.5);
    },
    async explain(query) {
      if (mysqlPool) {
        // ANALYZE runs the statement and reports the plan with actual rows and times.
        const values = query.parameters.map((v): string | number | null => (typeof v === 'number' || typeof v === 'string' ? v : v == null ? null : String(v)));
        const [rows] = await mysqlPool.promise().query<RowDataPacket[]>(`ANALYZE ${query.sql}`, values);
        return textTable(rows.map((r) => ({ ...r })));
      }
      if (!pgPool) return '';
      const result = await pgPool.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${query.sql}`, [...query.parameters]);
      return result.rows.map((r) => r['QUERY PLAN']).join('\n');
    },
    close: () => db.destroy(),
  };
}

function textTable(rows: readonly Record<string, unknown>[]): string {
  const first = rows[0];
  if (!first) return '(no rows)';
  const columns = Object.keys(first);
  const cell = (v: unknown): string => (v === null || v === undefined ? 'NULL' : typeof v === 'object' ? JSON.stringify(v) : String(v as string | number));
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ');
  return [line(columns), widths.map((w) => '-'.repeat(w)).join('-+-'), ...rows.map((r) => line(columns.map((c) => cell(r[c]))))].join('\n');
}

interface QueryProfile {
  sql: string;
  medianMs: number;
  sample: CapturedQuery;
}

/** Runs a row's API call `runs` times; per query (by position), the median time. */
async function profileRow(profiler: Profiler, row: Row, runs: number): Promise<{ totalMs: number; queries: QueryProfile[] }> {
  await row.call(profiler.ctx);
  const perRun: CapturedQuery[][] = [];
  const totals: number[] = [];
  for (let i = 0; i < runs; i++) {
    profiler.captured.length = 0;
    const started = performance.now();
    await row.call(profiler.ctx);
    totals.push(performance.now() - started);
    perRun.push([...profiler.captured]);
  }
  const shape = perRun[0] ?? [];
  const queries = shape.map((sample, i) => {
    const times = perRun.map((r) => r[i]?.ms ?? Number.NaN).filter((t) => !Number.isNaN(t)).sort((a, b) => a - b);
    return { sql: sample.sql, medianMs: percentile(times, 0.5), sample };
  });
  return { totalMs: percentile([...totals].sort((a, b) => a - b), 0.5), queries };
}

function shortSql(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 150 ? `${flat.slice(0, 147)}…` : flat;
}

// ---- reporting ------------------------------------------------------------------------

function ms(value: number): string {
  return Number.isNaN(value) ? '–' : value < 10 ? value.toFixed(2) : value.toFixed(1);
}

function markdownTable(header: readonly string[], rows: readonly (readonly string[])[], rightFrom = 1): string {
  const align = header.map((_, i) => (i >= rightFrom ? '---:' : '---'));
  return [header, align, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

function goalFor(goal: Goal): number {
  return goal === 'page' ? PAGE_GOAL_P95_MS : SEARCH_GOAL_P95_MS;
}

// ---- one database ---------------------------------------------------------------------

const NAMES: Record<DbServerKind, string> = { mariadb: 'MariaDB', postgres: 'PostgreSQL' };

async function benchDatabase(kind: DbServerKind, forum: GeneratedForum, options: Options, out: (text: string) => void): Promise<void> {
  const log = (line: string): void => console.error(`[${kind}] ${line}`);
  let server: DbServer | undefined;
  let app: ChildProcess | undefined;
  let profiler: Profiler | undefined;
  try {
    log('starting the database server');
    server = kind === 'mariadb' ? await startMariaDb() : await startPostgres();
    const database = await createTestDatabase(server);
    log(`loading ${forum.facts.messages.toLocaleString('en')} messages`);
    const timings: LoadTimings = await loadForum(database, forum, log);
    log(`loaded in ${seconds(timings.totalMs)}`);

    profiler = openProfiler(database.readOnlyUrl, database.dialect);
    const version = await profiler.version();
    const started = await startAppProcess(database.readOnlyUrl, database.dialect);
    app = started.child;
    const { port } = started;
    const rows = benchRows(forum);
    const checks = await checkRows(port, rows);
    const pids = { app: app.pid ?? 0, db: findServerPid(server.port) };
    const roundTrip = await profiler.roundTrip();

    const loaded = new Map<Row, Measurement>();
    const single = new Map<Row, Measurement>();
    const warmup = Math.min(3, Math.max(1, Math.round(options.duration / 4)));
    const unloadedSeconds = Math.min(5, Math.max(2, Math.round(options.duration / 3)));
    let settling = 0;
    for (const row of rows) {
      log(`measuring ${row.name}`);
      // Warm the database's caches and the app's JIT for this row, then measure; each
      // measurement starts with the app and the database idle.
      await measure(port, row, 4, warmup);
      settling += await settle(pids);
      single.set(row, await measure(port, row, 1, unloadedSeconds));
      settling += await settle(pids);
      loaded.set(row, await measure(port, row, CONNECTIONS, options.duration, pids));
      settling += await settle(pids);
    }
    log(`profiling each row's queries (${seconds(settling)} spent waiting for idle between measurements)`);
    const profiles = new Map<Row, Awaited<ReturnType<typeof profileRow>>>();
    for (const row of rows) profiles.set(row, await profileRow(profiler, row, 15));

    // ---- the report for this database ----
    const lines: string[] = [];
    lines.push(`## ${NAMES[kind]} — ${version}`, '');
    lines.push(`Forum: ${forum.facts.messages.toLocaleString('en')} messages. Load: ${seconds(timings.totalMs)} `
      + `(rows ${seconds(timings.rowsMs)}${timings.indexesMs > 0 ? `, secondary indexes ${seconds(timings.indexesMs)}` : ''}, `
      + `full-text index ${seconds(timings.fulltextMs)}, ${kind === 'postgres' ? 'VACUUM ANALYZE' : 'ANALYZE'} ${seconds(timings.analyzeMs)}).`);
    for (const note of timings.notes) lines.push(`- ${note}`);
    lines.push(`- \`SELECT 1\` round trip through Kysely (read-only user, loopback): ${ms(roundTrip)} ms median, the floor under each query below.`);
    lines.push('');
    lines.push(`### ${String(CONNECTIONS)} connections, ${String(options.duration)} s per row`, '');
    lines.push(`Each row: ${String(warmup)} s of warm-up at 4 connections, then 1 connection, then ${String(CONNECTIONS)}; before each measurement the bench waits `
      + 'until the app and the database are idle (the requests autocannon abandons at its deadline are still being answered).', '');
    lines.push(markdownTable(
      ['row', 'p50 ms', 'p95 ms', 'req/s', 'non-2xx', 'p95 goal', 'CPU % app / db / autocannon / other'],
      rows.map((row) => {
        const m = loaded.get(row);
        if (!m) return [row.name, '–', '–', '–', '–', '–', '–'];
        const goal = goalFor(row.goal);
        const errors = m.errors > 0 ? ` (+${String(m.errors)} errors)` : '';
        const cpu = m.cpu ? [m.cpu.app, m.cpu.db, m.cpu.bench, m.cpu.other].map((v) => v.toFixed(0)).join(' / ') : '–';
        return [row.name, ms(m.p50), ms(m.p95), m.rps.toFixed(0), `${String(m.non2xx)}${errors}`, `${m.p95 <= goal ? 'met' : 'MISSED'} (≤ ${String(goal)})`, cpu];
      }),
    ));
    lines.push('', 'p50 and p95 are exact (nearest rank over every response\'s time from autocannon\'s `response` event; its own result has no p95). '
      + `CPU in % of one core (${String(cpus().length)} cores = ${String(100 * cpus().length)} %), from /proc: the app process, the database server's processes, `
      + 'this process (autocannon) and everything else on the machine.');
    lines.push('');
    lines.push(`### 1 connection, ${String(unloadedSeconds)} s per row: what one request costs when nothing queues`, '');
    lines.push(markdownTable(
      ['row', 'p50 ms', 'p95 ms', 'req/s', 'non-2xx', 'response'],
      rows.map((row) => {
        const m = single.get(row);
        if (!m) return [row.name, '–', '–', '–', '–', '–'];
        return [row.name, ms(m.p50), ms(m.p95), m.rps.toFixed(0), String(m.non2xx + m.errors), `${(m.meanBytes / 1000).toFixed(1)} kB on the wire; ${checks.get(row) ?? ''}`];
      }),
    ));
    lines.push('');
    const firstLast: [string, Row | undefined, Row | undefined][] = [
      ['board: page 1 → last page', rows[1], rows[2]],
      ['topic: page 1 → middle page', rows[3], rows[4]],
      ['topic: page 1 → last page', rows[3], rows[5]],
    ];
    lines.push(`### Deep pages against page 1 (goal: the same cost, ratio ≤ ${String(DEEP_PAGE_RATIO_GOAL)})`, '');
    lines.push(markdownTable(
      ['pages', `p50 ms @${String(CONNECTIONS)}`, `ratio @${String(CONNECTIONS)}`, 'p50 ms @1', 'ratio @1', 'queries (profile)', 'goal'],
      firstLast.map(([name, first, last]) => {
        const a = first ? loaded.get(first) : undefined;
        const b = last ? loaded.get(last) : undefined;
        const c = first ? single.get(first) : undefined;
        const d = last ? single.get(last) : undefined;
        const pa = first ? profiles.get(first) : undefined;
        const pb = last ? profiles.get(last) : undefined;
        const ratioLoaded = a && b ? b.p50 / a.p50 : Number.NaN;
        const ratioSingle = c && d ? d.p50 / c.p50 : Number.NaN;
        return [
          name, a && b ? `${ms(a.p50)} → ${ms(b.p50)}` : '–', ratioLoaded.toFixed(2), c && d ? `${ms(c.p50)} → ${ms(d.p50)}` : '–', ratioSingle.toFixed(2),
          pa && pb ? `${ms(pa.totalMs)} → ${ms(pb.totalMs)} ms` : '–', ratioSingle <= DEEP_PAGE_RATIO_GOAL ? 'met' : 'MISSED',
        ];
      }),
      1,
    ));
    lines.push('');
    lines.push('### Per-query profile (the API functions run one at a time on a separate read-only pool, median of 15)', '');
    for (const row of rows) {
      const profile = profiles.get(row);
      if (!profile) continue;
      lines.push(`- **${row.name}**: ${ms(profile.totalMs)} ms in ${String(profile.queries.length)} queries`);
      for (const q of profile.queries) lines.push(`  - ${ms(q.medianMs)} ms \`${shortSql(q.sql)}\``);
    }
    lines.push('');

    // Plans: for rows that missed their goal, or for all with --explain.
    const missed = rows.filter((row) => {
      const m = loaded.get(row);
      return options.explainAll || !m || m.p95 > goalFor(row.goal);
    });
    const explained = new Set<string>();
    for (const row of missed) {
      const profile = profiles.get(row);
      if (!profile) continue;
      const slow = [...profile.queries].sort((a, b) => b.medianMs - a.medianMs).slice(0, 2).filter((q) => q.medianMs >= 1 || options.explainAll);
      for (const q of slow) {
        const key = `${q.sql}|${JSON.stringify(q.sample.parameters)}`;
        if (explained.has(key)) continue;
        explained.add(key);
        lines.push(`#### Plan: ${row.name} — ${ms(q.medianMs)} ms`, '', '```sql', q.sql, `-- parameters: ${JSON.stringify(q.sample.parameters).slice(0, 400)}`, '```', '', '```');
        lines.push(await profiler.explain(q.sample).catch((error: unknown) => `EXPLAIN failed: ${error instanceof Error ? error.message : String(error)}`));
        lines.push('```', '');
      }
    }
    out(lines.join('\n'));
  } finally {
    if (app) await stopAppProcess(app).catch(() => undefined);
    if (profiler) await profiler.close().catch(() => undefined);
    if (server) {
      log('stopping the database server');
      await server.stop();
    }
  }
}

// ---- main -----------------------------------------------------------------------------

/** Which code was measured: the commit, and whether the server's sources differ from it. */
function codeVersion(): string {
  try {
    const git = (...args: string[]): string => execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const head = git('rev-parse', '--short', 'HEAD');
    const dirty = git('status', '--porcelain', '--', 'server/api', 'server/smf', 'server/http') !== '';
    return `commit ${head}${dirty ? ' with uncommitted changes in server/api, server/smf or server/http' : ''}`;
  } catch {
    return 'unknown (no git)';
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const out = (text: string): void => {
    process.stdout.write(`${text}\n`);
  };
  const cpu = cpus();
  out('# Lectern server benchmark');
  out('');
  out(`- Machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${String(cpu.length)} cores, ${(totalmem() / 1024 ** 3).toFixed(1)} GB RAM; `
    + `load average at start ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  out(`- Node ${process.version}; the app, the database server and autocannon share these cores. Code: ${codeVersion()}.`);
  out(`- Goals: p95 ≤ ${String(PAGE_GOAL_P95_MS)} ms for page reads, ≤ ${String(SEARCH_GOAL_P95_MS)} ms for searches, at ${String(CONNECTIONS)} connections; `
    + 'deep pages cost the same as page 1.');
  out(`- App: pool of ${String(POOL_SIZE)} connections, statement timeout ${String(STATEMENT_TIMEOUT_MS)} ms, structure cache ${String(STRUCTURE_TTL_MS / 1000)} s (as main.ts), `
    + 'requests with `Accept-Encoding: gzip, deflate, br` as a browser sends.');

  const dir = mkdtempSync(join(tmpdir(), 'lectern-bench-forum-'));
  const removeDir = (): void => rmSync(dir, { recursive: true, force: true });
  // Ctrl-C: the database servers clean up after themselves (db-servers.ts); the
  // generated files (about a gigabyte) would not.
  const onSignal = (): void => {
    removeDir();
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    console.error(`[bench] generating ${options.messages.toLocaleString('en')} messages in ${dir}`);
    const forum = generateForum({ messages: options.messages, dir, log: (line) => console.error(`[bench] ${line}`) });
    const f = forum.facts;
    out(`- Forum: ${f.messages.toLocaleString('en')} messages in ${f.topics.toLocaleString('en')} topics on ${String(f.boards)} boards, `
      + `${f.members.toLocaleString('en')} members, ${f.attachments.toLocaleString('en')} attachment rows; mean body ${String(f.meanBodyLength)} characters; `
      + `generated in ${seconds(forum.generationMs)}.`);
    out(`- Big board ${String(f.bigBoard.id)}: ${String(f.bigBoard.topics)} topics (${String(f.bigBoard.pages)} pages). `
      + `Big topic ${String(f.bigTopic.id)}: ${f.bigTopic.posts.toLocaleString('en')} posts (${String(f.bigTopic.pages)} pages), `
      + `messages ${String(f.bigTopic.firstMessageId)}…${String(f.bigTopic.lastMessageId)}.`);
    out(`- Search words: ${f.words.map((w) => `"${w.word}" ${w.posts.toLocaleString('en')} posts`).join(', ')}; `
      + `"${f.pair.words.join(' ')}" both in ${f.pair.posts.toLocaleString('en')}.`);
    out('');
    for (const kind of options.kinds) {
      try {
        await benchDatabase(kind, forum, options, out);
      } catch (error) {
        // One database failing should not hide the other's figures.
        out(`## ${NAMES[kind]}: failed\n\n\`\`\`\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n\`\`\`\n`);
        process.exitCode = 1;
      }
    }
  } finally {
    removeDir();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

if (process.argv.includes('--serve')) serveApp();
else await main();
