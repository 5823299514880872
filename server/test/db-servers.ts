// Real MariaDB and PostgreSQL servers, private to one test run or benchmark: each has
// its own data directory under the system temp dir, its own socket and a free port on
// 127.0.0.1. Nothing here touches a system service or the default ports, so a forum
// database on the same machine can never be read or written by the tests.
//
// Cleanup has three layers, because a test run can end in any way:
// - stop(), from the global setup's teardown or the benchmark;
// - a process 'exit' handler that SIGKILLs the servers (uncaught errors, process.exit);
// - a detached watchdog shell per server that holds a pipe from this process: when this
//   process dies, even by SIGKILL, the pipe closes and the watchdog stops the server
//   and removes its directory.
import { execFile, execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { accessSync, closeSync, constants, existsSync, fstatSync, openSync, readdirSync, realpathSync } from 'node:fs';
import { chown, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { Socket, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { createConnection } from 'mysql2/promise';
import pg from 'pg';

export type DbServerKind = 'mariadb' | 'postgres';

export interface DbServer {
  kind: DbServerKind;
  /** A superuser's URL without a database (MariaDB) or to the `postgres` database. */
  adminUrl: string;
  port: number;
  /** Stops the server (SIGTERM/SIGINT, then SIGKILL), waits for it to exit, removes its directory. */
  stop(): Promise<void>;
}

const READY_DEADLINE_MS = 60_000;
const STOP_GRACE_MS = 15_000;
const START_ATTEMPTS = 3;
const PID_FILE = 'lectern-server.pid';

// ---- processes this module owns -------------------------------------------------

const ownedServers = new Set<ChildProcess>();
let exitHookInstalled = false;

function killOwnedServers(): void {
  for (const child of ownedServers) {
    if (child.pid !== undefined && !hasExited(child)) {
      try {
        process.kill(child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  }
}

function own(child: ChildProcess): void {
  if (!exitHookInstalled) {
    // 'exit' handlers must be synchronous: a signal is all there is time for. The
    // watchdog removes the directory once the server is gone.
    process.on('exit', killOwnedServers);
    exitHookInstalled = true;
  }
  ownedServers.add(child);
  child.once('exit', () => ownedServers.delete(child));
  // A failed kill() is reported as an 'error' event, which would end the process
  // without a listener; the wait for 'exit' and its deadline already cover that case.
  child.on('error', () => undefined);
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

// The watchdog is started before the server (a crash during initdb must not leave the
// directory behind either); it learns the server's PID from a file in the directory.
// An orphaned server that has exited stays a zombie until init reaps it, which some
// container inits are slow to do: a zombie counts as gone.
const WATCHDOG_SCRIPT = `
cat >/dev/null 2>&1
dir="$1"; sig="$2"
pid=""
[ -f "$dir/${PID_FILE}" ] && pid=$(cat "$dir/${PID_FILE}")
if [ -n "$pid" ]; then
  kill -"$sig" "$pid" 2>/dev/null
  i=0
  while kill -0 "$pid" 2>/dev/null && ! grep -q '^State:[[:space:]]*Z' "/proc/$pid/status" 2>/dev/null && [ "$i" -lt 100 ]; do
    sleep 0.1; i=$((i+1))
  done
  kill -KILL "$pid" 2>/dev/null
fi
rm -rf -- "$dir"
`;

function startWatchdog(dir: string, stopSignal: NodeJS.Signals): ChildProcess {
  const watchdog = spawn('/bin/sh', ['-c', WATCHDOG_SCRIPT, 'lectern-db-watchdog', dir, stopSignal.replace(/^SIG/, '')], {
    detached: true,
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  // Neither the watchdog nor its pipe may keep this process alive: the pipe only has
  // to close when the process ends.
  watchdog.on('error', () => undefined);
  watchdog.unref();
  if (watchdog.stdin instanceof Socket) watchdog.stdin.unref();
  return watchdog;
}

function stopWatchdog(watchdog: ChildProcess): void {
  if (!hasExited(watchdog)) watchdog.kill('SIGKILL');
}

async function terminate(child: ChildProcess, signal: NodeJS.Signals, graceMs: number): Promise<void> {
  if (hasExited(child)) return;
  // The server was unref'd so that a forgotten stop() does not hang the process; while
  // we wait for it to exit, it has to keep the event loop alive.
  child.ref();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  try {
    await exited;
  } finally {
    clearTimeout(timer);
  }
}

// ---- helpers --------------------------------------------------------------------

function tail(text: string, chars = 4_000): string {
  return text.length > chars ? `…${text.slice(-chars)}` : text;
}

async function readLog(path: string, from = 0): Promise<string> {
  try {
    return tail((await readFile(path)).subarray(from).toString('utf8'));
  } catch {
    return '(no log)';
  }
}

interface RunOptions {
  uid?: number;
  gid?: number;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

function run(file: string, args: string[], options: RunOptions = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { ...options, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const output = `${stdout}${stderr}`;
      if (error) reject(new Error(`${file} ${args.join(' ')} failed: ${error.message}\n${tail(output)}`));
      else resolve(output);
    });
  });
}

/** A port the kernel just handed out; never 3306 or 5432, which are in no ephemeral range. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('Could not find a free TCP port.');
  return address.port;
}

function findExecutable(name: string, extraDirs: string[] = []): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), ...extraDirs].filter(Boolean);
  for (const dir of dirs) {
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not here.
    }
  }
  return undefined;
}

function isRoot(): boolean {
  return process.getuid?.() === 0;
}

function secret(): string {
  return randomBytes(18).toString('hex');
}

/**
 * Starts a server on a fresh port and waits until `probe` succeeds. Another process can
 * take the port between our check and the server's bind, so a bind failure is retried
 * with a new port.
 */
async function startWithRetries(
  name: string,
  dir: string,
  launch: (port: number, logFd: number) => ChildProcess,
  probe: (port: number) => Promise<void>,
): Promise<{ child: ChildProcess; port: number }> {
  const logPath = join(dir, 'server.log');
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const logFd = openSync(logPath, 'a');
    // Only this attempt's part of the log tells why this attempt failed.
    const logStart = fstatSync(logFd).size;
    let child: ChildProcess;
    try {
      child = launch(port, logFd);
    } finally {
      // The child has its own copy of the descriptor.
      closeSync(logFd);
    }
    if (child.pid === undefined) {
      // spawn() reports a failure to start (ENOENT, EACCES…) as an event, not a throw.
      const [error] = await once(child, 'error');
      throw new Error(`${name} could not be started: ${String(error)}`);
    }
    own(child);
    child.unref();
    await writeFile(join(dir, PID_FILE), String(child.pid));
    const outcome = await waitUntilReady(child, () => probe(port));
    if (outcome === 'ready') return { child, port };
    const log = await readLog(logPath, logStart);
    if (outcome === 'exited' && /Address already in use/i.test(log) && attempt < START_ATTEMPTS) continue;
    if (outcome === 'timeout') await terminate(child, 'SIGKILL', 0);
    const how = outcome === 'exited' ? `exited (${child.exitCode ?? child.signalCode})` : `did not accept connections within ${READY_DEADLINE_MS / 1000} s`;
    throw new Error(`${name} on port ${port} ${how}. Its log (${logPath}):\n${log}`);
  }
}

async function waitUntilReady(child: ChildProcess, probe: () => Promise<void>): Promise<'ready' | 'exited' | 'timeout'> {
  const deadline = Date.now() + READY_DEADLINE_MS;
  const exited = new Promise<'exited'>((resolve) => {
    if (hasExited(child)) resolve('exited');
    else child.once('exit', () => resolve('exited'));
  });
  while (Date.now() < deadline) {
    if (hasExited(child)) return 'exited';
    const attempt = probe().then(() => 'ready' as const, () => 'retry' as const);
    const result = await Promise.race([attempt, exited]);
    if (result !== 'retry') return result;
    await Promise.race([delay(100), exited]);
  }
  return 'timeout';
}

interface Prepared {
  dir: string;
  watchdog: ChildProcess;
}

async function prepareDirectory(prefix: string, stopSignal: NodeJS.Signals): Promise<Prepared> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, watchdog: startWatchdog(dir, stopSignal) };
}

function makeStop(prepared: Prepared, child: ChildProcess, stopSignal: NodeJS.Signals): () => Promise<void> {
  let stopping: Promise<void> | undefined;
  return () => {
    stopping ??= (async () => {
      // Our own stop from here on: the watchdog would otherwise race us for the directory.
      stopWatchdog(prepared.watchdog);
      await terminate(child, stopSignal, STOP_GRACE_MS);
      await rm(prepared.dir, { recursive: true, force: true });
    })();
    return stopping;
  };
}

async function abandon(prepared: Prepared, child?: ChildProcess): Promise<void> {
  stopWatchdog(prepared.watchdog);
  if (child) {
    await terminate(child, 'SIGKILL', 0);
  }
  await rm(prepared.dir, { recursive: true, force: true });
}

// ---- MariaDB --------------------------------------------------------------------

const MARIADB_SBIN = ['/usr/sbin', '/usr/local/sbin', '/sbin'];

function mariadbBinaries(): { installDb: string; server: string } {
  const installDb = findExecutable('mariadb-install-db', MARIADB_SBIN);
  const server = findExecutable('mariadbd', MARIADB_SBIN);
  if (!installDb || !server) {
    throw new Error(
      'MariaDB is not installed (mariadb-install-db and mariadbd are needed). On Debian: '
      + 'DEBIAN_FRONTEND=noninteractive apt-get install -y mariadb-server (.ci/run does this).',
    );
  }
  return { installDb, server };
}

async function mariadbProbe(adminUrl: string): Promise<void> {
  const connection = await createConnection({ uri: adminUrl, connectTimeout: 2_000 });
  try {
    await connection.query('SELECT 1');
  } finally {
    await connection.end().catch(() => undefined);
  }
}

/** A private MariaDB server (Debian's mariadb-server, 10.11 on bookworm). */
export async function startMariaDb(): Promise<DbServer> {
  const binaries = mariadbBinaries();
  const stopSignal: NodeJS.Signals = 'SIGTERM';
  const prepared = await prepareDirectory('lectern-mariadb-', stopSignal);
  const { dir } = prepared;
  let child: ChildProcess | undefined;
  try {
    const dataDir = join(dir, 'data');
    const password = secret();
    const user = 'lectern_admin';
    // The installer's root account only logs in over the socket as the OS user; the
    // tests and the benchmark connect over TCP, so the bootstrap adds a superuser with a
    // password. With --skip-name-resolve every TCP client's host is its IP, 127.0.0.1.
    // The bootstrap runs without grant tables; FLUSH PRIVILEGES loads them, so that
    // CREATE USER is allowed.
    const adminSql = join(dir, 'admin.sql');
    await writeFile(adminSql, [
      'FLUSH PRIVILEGES;',
      `CREATE USER '${user}'@'127.0.0.1' IDENTIFIED BY '${password}';`,
      `GRANT ALL PRIVILEGES ON *.* TO '${user}'@'127.0.0.1' WITH GRANT OPTION;`,
      '',
    ].join('\n'));
    // mariadbd refuses to run as root unless told to; as anyone else it runs as itself.
    const asRoot = isRoot() ? ['--user=root'] : [];
    await run(binaries.installDb, [
      '--no-defaults',
      `--datadir=${dataDir}`,
      ...asRoot,
      '--skip-test-db',
      '--skip-name-resolve',
      '--auth-root-authentication-method=socket',
      `--extra-file=${adminSql}`,
    ], { cwd: dir });

    const adminUrlFor = (port: number) => `mysql://${user}:${password}@127.0.0.1:${port}`;
    const started = await startWithRetries(
      'mariadbd',
      dir,
      (port, logFd) => spawn(binaries.server, [
        '--no-defaults',
        `--datadir=${dataDir}`,
        `--socket=${join(dir, 'mysqld.sock')}`,
        `--pid-file=${join(dir, 'mysqld.pid')}`,
        `--tmpdir=${dir}`,
        `--port=${port}`,
        '--bind-address=127.0.0.1',
        '--skip-name-resolve',
        ...asRoot,
        '--character-set-server=utf8mb4',
        '--collation-server=utf8mb4_unicode_ci',
        // Throwaway data: durability only costs time.
        '--innodb-flush-log-at-trx-commit=0',
        '--skip-innodb-doublewrite',
        '--innodb-buffer-pool-load-at-startup=0',
        '--innodb-buffer-pool-dump-at-shutdown=0',
      ], { cwd: dir, detached: true, stdio: ['ignore', logFd, logFd] }),
      (port) => mariadbProbe(adminUrlFor(port)),
    );
    child = started.child;
    return {
      kind: 'mariadb',
      adminUrl: adminUrlFor(started.port),
      port: started.port,
      stop: makeStop(prepared, started.child, stopSignal),
    };
  } catch (error) {
    await abandon(prepared, child);
    throw error;
  }
}

// ---- PostgreSQL -----------------------------------------------------------------

/** The newest /usr/lib/postgresql/<version>/bin (Debian's layout), else wherever pg_ctl or postgres is. */
function postgresBinDir(): string {
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base)
    ? readdirSync(base).filter((v) => /^\d+$/.test(v) && existsSync(join(base, v, 'bin', 'postgres'))).sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions[0]) return join(base, versions[0], 'bin');
  for (const name of ['pg_ctl', 'postgres']) {
    const found = findExecutable(name);
    if (!found) continue;
    // Debian links only a few of the tools into PATH; the directory they point into has all.
    const bin = dirname(realpathSync(found));
    if (existsSync(join(bin, 'postgres')) && existsSync(join(bin, 'initdb'))) return bin;
  }
  throw new Error(
    'PostgreSQL server binaries (initdb, postgres) were not found. On Debian: '
    + 'DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql (.ci/run does this).',
  );
}

/** PostgreSQL refuses to run as root: as root, run it as the `postgres` OS user. */
function postgresIdentity(): { uid: number; gid: number } | undefined {
  if (!isRoot()) return undefined;
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    if (Number.isInteger(uid) && Number.isInteger(gid) && uid !== 0) return { uid, gid };
  } catch {
    // Handled below.
  }
  throw new Error(
    'Running as root, PostgreSQL has to run as another OS user, and there is no `postgres` user. '
    + 'Installing Debian\'s postgresql package creates it (or: useradd --system postgres).',
  );
}

/** C.UTF-8 when the system has it: LOWER() and friends then handle non-ASCII text. */
function postgresLocale(): string {
  try {
    const locales = execFileSync('locale', ['-a'], { encoding: 'utf8' });
    if (/^C\.utf-?8$/im.test(locales)) return 'C.UTF-8';
  } catch {
    // No `locale` tool: fall back to the one locale that always exists.
  }
  return 'C';
}

async function postgresProbe(adminUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2_000 });
  // A refused connection also emits 'error'; without a listener it would be thrown.
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A private PostgreSQL server (Debian's postgresql, 15 on bookworm). */
export async function startPostgres(): Promise<DbServer> {
  const bin = postgresBinDir();
  const identity = postgresIdentity();
  // SIGINT is PostgreSQL's "fast" shutdown: it ends open sessions instead of waiting for
  // them, so a test that forgot to close a pool cannot hold the teardown.
  const stopSignal: NodeJS.Signals = 'SIGINT';
  const prepared = await prepareDirectory('lectern-postgres-', stopSignal);
  const { dir } = prepared;
  let child: ChildProcess | undefined;
  try {
    const dataDir = join(dir, 'data');
    const password = secret();
    const passwordFile = join(dir, 'superuser-password');
    await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
    if (identity) {
      await chown(dir, identity.uid, identity.gid);
      await chown(passwordFile, identity.uid, identity.gid);
    }
    const asUser: RunOptions = {
      ...(identity ?? {}),
      cwd: dir,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, LC_ALL: 'C', TZ: 'UTC' },
    };
    // Every TCP login needs a password (SCRAM), the superuser's too: the read-only
    // user's password login is then the same path a deployment takes.
    await run(join(bin, 'initdb'), [
      '-D', dataDir,
      '-U', 'postgres',
      `--pwfile=${passwordFile}`,
      '--auth-local=trust',
      '--auth-host=scram-sha-256',
      '-E', 'UTF8',
      `--locale=${postgresLocale()}`,
      '--no-sync',
      '--no-instructions',
    ], asUser);
    await rm(passwordFile, { force: true });

    const adminUrlFor = (port: number) => `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
    const started = await startWithRetries(
      'postgres',
      dir,
      (port, logFd) => spawn(join(bin, 'postgres'), [
        '-D', dataDir,
        '-k', dir,
        '-p', String(port),
        '-h', '127.0.0.1',
        // Throwaway data: durability only costs time.
        '-c', 'fsync=off',
        '-c', 'synchronous_commit=off',
        '-c', 'full_page_writes=off',
      ], { ...asUser, detached: true, stdio: ['ignore', logFd, logFd] }),
      (port) => postgresProbe(adminUrlFor(port)),
    );
    child = started.child;
    return {
      kind: 'postgres',
      adminUrl: adminUrlFor(started.port),
      port: started.port,
      stop: makeStop(prepared, started.child, stopSignal),
    };
  } catch (error) {
    await abandon(prepared, child);
    throw error;
  }
}
