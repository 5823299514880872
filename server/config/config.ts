// The server's configuration, from the environment and the command line only.
//
// Everything a deployment can set is an environment variable, so the same command
// works under systemd, Docker and a shell. The forum's own Settings.php can stand in
// for a connection URL (SMF_SETTINGS): it is read as text by settings-php.ts and never
// run. This module is pure apart from the `readFile` it is given (and path.resolve's
// use of the working directory), so every rule here is tested without touching disk.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSettingsPhp } from './settings-php';
import type { SettingsVariable, SmfSettingsFile } from './settings-php';

export type DatabaseDialect = 'mysql' | 'postgres';

export interface DatabaseTarget {
  dialect: DatabaseDialect;
  /** A URL the driver takes as is (mysql2 `uri`, pg `connectionString`); it holds the password. */
  url: string;
  /** The same URL with the password replaced by *** — the only form fit for logs. */
  redacted: string;
}

export interface ServerConfig {
  /** null: no database configured, so the server runs the demo forum. */
  database: DatabaseTarget | null;
  /** SMF_TABLE_PREFIX, else $db_prefix from Settings.php, else 'smf_'. */
  tablePrefix: string;
  /** SMF_ATTACHMENTS_DIR; overrides the forum's attachmentUploadDir setting. */
  attachmentsDir: string | null;
  host: string;
  port: number;
  /** SMF_FORUM_NAME, else $mbname from Settings.php. */
  forumName: string | null;
  /** SMF_BOARD_URL, else $boardurl from Settings.php. */
  boardUrl: string | null;
  /** The built SPA: LECTERN_DIST, default <repo>/dist. */
  distDir: string;
  /** The server renderer's build: LECTERN_SSR_DIST, default <repo>/dist-ssr. */
  ssrDir: string;
  /** LECTERN_PUBLIC_URL: the origin readers and search engines use (canonical urls, sitemaps); null: each request's own. */
  publicUrl: string | null;
  statementTimeoutMs: number;
  poolSize: number;
}

export type ConfigResult =
  | { kind: 'help'; text: string }
  | { kind: 'error'; message: string }
  /** `warnings`: things worth a log line that do not stop the server (mostly from Settings.php). */
  | { kind: 'ok'; config: ServerConfig; warnings: readonly string[] };

/** <repo>/dist, found from this file (server/config/) so it holds from any working directory. */
const DEFAULT_DIST_DIR = fileURLToPath(new URL('../../dist', import.meta.url));
const DEFAULT_SSR_DIR = fileURLToPath(new URL('../../dist-ssr', import.meta.url));
const DEFAULT_HOST = '127.0.0.1';
const DEFAULT_PORT = 8080;
const DEFAULT_PREFIX = 'smf_';
const DEFAULT_STATEMENT_TIMEOUT_MS = 5000;
const DEFAULT_POOL_SIZE = 10;
const DEFAULT_DB_PORTS: Readonly<Record<DatabaseDialect, number>> = { mysql: 3306, postgres: 5432 };
// PostgreSQL's statement_timeout is an int of milliseconds; MySQL's max_execution_time is the same.
const MAX_TIMEOUT_MS = 2_147_483_647;
const MAX_POOL_SIZE = 1000;
// The characters SMF's installer allows in a table prefix; the prefix ends up in SQL identifiers.
const TABLE_PREFIX = /^[A-Za-z0-9_$]*$/;
const SCHEMES: Readonly<Record<string, DatabaseDialect>> = {
  mysql: 'mysql', mariadb: 'mysql', postgres: 'postgres', postgresql: 'postgres',
};
const ACCEPTED_SCHEMES = 'mysql://, mariadb://, postgres:// or postgresql://';

interface VariableHelp {
  readonly name: string;
  readonly fallback: string;
  readonly meaning: string;
}

const VARIABLES: readonly VariableHelp[] = [
  { name: 'DATABASE_URL', fallback: 'none', meaning: `The forum's database as scheme://user:password@host:port/database, the scheme being ${ACCEPTED_SCHEMES.replace(/:\/\//g, '')}; percent-encode @ : / # % in the user and password.` },
  { name: 'SMF_SETTINGS', fallback: 'none', meaning: "Path to the forum's Settings.php; the connection, table prefix, forum name and board URL are read from it as text (never run)." },
  { name: 'SMF_TABLE_PREFIX', fallback: `$db_prefix from Settings.php, else ${DEFAULT_PREFIX}`, meaning: "Prefix of the forum's table names (letters, digits, _ and $)." },
  { name: 'SMF_ATTACHMENTS_DIR', fallback: "the forum's attachmentUploadDir setting", meaning: 'Directory holding the attachment files; set it when the server sees them at another path than PHP does.' },
  { name: 'SMF_FORUM_NAME', fallback: '$mbname from Settings.php', meaning: 'The forum name shown by the reader.' },
  { name: 'SMF_BOARD_URL', fallback: '$boardurl from Settings.php', meaning: "The forum's own address (http or https), checked and logged at start; the reader does not link back to the forum yet." },
  { name: 'HOST', fallback: DEFAULT_HOST, meaning: 'Address to listen on; 0.0.0.0 or :: listens on every interface.' },
  { name: 'PORT', fallback: String(DEFAULT_PORT), meaning: 'TCP port to listen on, 0 to 65535 (0 picks a free port).' },
  { name: 'LECTERN_DIST', fallback: '<repo>/dist', meaning: 'Directory of the built reader (npm run build) that the server serves.' },
  { name: 'LECTERN_SSR_DIST', fallback: '<repo>/dist-ssr', meaning: 'Directory of the server renderer (npm run build) that renders the pages; without it the server sends the reader without server rendering.' },
  { name: 'LECTERN_PUBLIC_URL', fallback: "each request's own origin", meaning: 'The address readers use (https://forum.example), for canonical links, Open Graph and sitemaps. Set it behind a proxy or CDN.' },
  { name: 'DB_STATEMENT_TIMEOUT_MS', fallback: String(DEFAULT_STATEMENT_TIMEOUT_MS), meaning: 'Longest a single query may run before it is cancelled, in milliseconds.' },
  { name: 'DB_POOL_SIZE', fallback: String(DEFAULT_POOL_SIZE), meaning: `Most database connections held open at once (1 to ${MAX_POOL_SIZE}).` },
];

function helpText(): string {
  const variables = VARIABLES.map((v) => `  ${v.name}  (default: ${v.fallback})\n      ${v.meaning}`).join('\n');
  return `Lectern server: the Lectern reader and its read-only API over an SMF 2.1 forum's database.

Usage: npm run server [-- --help]

Options:
  -h, --help  Print this text and exit.

Everything else is set with environment variables (an empty value counts as unset):
${variables}

With no database configured (neither DATABASE_URL nor SMF_SETTINGS), the demo forum is served.

If both DATABASE_URL and SMF_SETTINGS are set, DATABASE_URL wins for the connection, but the
forum name, board URL and table prefix still come from Settings.php unless SMF_FORUM_NAME,
SMF_BOARD_URL or SMF_TABLE_PREFIX is set.

From Settings.php, $db_type 'mysql' (or the older 'mysqli') and 'postgresql' are read. A
$db_server that is a Unix socket path is used as one (MySQL: ?socketPath=, PostgreSQL: its
directory as ?host=). PHP reaches MySQL's 'localhost' through the socket, Lectern over TCP; if
the database listens only on a socket, put its path in DATABASE_URL (?socketPath=/path).
Values that are code rather than plain literals are never guessed: set DATABASE_URL instead.

Examples:
  DATABASE_URL='mariadb://lectern:s3cr%40t@127.0.0.1:3306/smf' PORT=3000 npm run server
  SMF_SETTINGS=/var/www/forum/Settings.php HOST=0.0.0.0 npm run server
`;
}

/** An environment value, with empty or blank values treated as unset. */
function envValue(env: Record<string, string | undefined>, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value;
}

function integerSetting(
  env: Record<string, string | undefined>, name: string, fallback: number, min: number, max: number, errors: string[],
): number {
  const raw = envValue(env, name);
  if (raw === undefined) return fallback;
  const text = raw.trim();
  const value = /^[0-9]+$/.test(text) ? Number(text) : Number.NaN;
  if (!(value >= min && value <= max)) {
    errors.push(`${name} must be a whole number from ${min} to ${max} (got ${JSON.stringify(raw)}).`);
    return fallback;
  }
  return value;
}

/**
 * Replaces the password, and the value of any password-like query parameter, with ***.
 * It edits the text rather than re-serialising a URL object, so everything else in the
 * log line is exactly what the driver was given. The split follows the URL standard:
 * the authority ends at the first / ? or #, and the user info at its last @.
 */
export function redactDatabaseUrl(url: string): string {
  const scheme = url.indexOf('://');
  if (scheme < 0) return url;
  const authorityStart = scheme + 3;
  const authorityEnd = url.slice(authorityStart).search(/[/?#]/);
  const authority = url.slice(authorityStart, authorityEnd < 0 ? url.length : authorityStart + authorityEnd);
  const rest = url.slice(authorityStart + authority.length);
  const at = authority.lastIndexOf('@');
  const colon = authority.indexOf(':');
  const redactedAuthority = at >= 0 && colon >= 0 && colon < at ? `${authority.slice(0, colon)}:***${authority.slice(at)}` : authority;
  // pg also reads ?password= (and mysql2 any option) from the query string.
  const queryStart = rest.indexOf('?');
  if (queryStart < 0) return `${url.slice(0, authorityStart)}${redactedAuthority}${rest}`;
  const hash = rest.indexOf('#', queryStart);
  const query = rest.slice(queryStart + 1, hash < 0 ? rest.length : hash);
  const redactedQuery = query.split('&').map((pair) => {
    const eq = pair.indexOf('=');
    return eq >= 0 && /pass/i.test(pair.slice(0, eq)) ? `${pair.slice(0, eq)}=***` : pair;
  }).join('&');
  return `${url.slice(0, authorityStart)}${redactedAuthority}${rest.slice(0, queryStart + 1)}${redactedQuery}${hash < 0 ? '' : rest.slice(hash)}`;
}

function decodes(part: string): boolean {
  try {
    decodeURIComponent(part);
    return true;
  } catch {
    return false;
  }
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function targetFromUrl(raw: string): DatabaseTarget | string {
  const text = raw.trim();
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(text)?.[1]?.toLowerCase();
  const dialect = scheme === undefined ? undefined : SCHEMES[scheme];
  if (scheme === undefined || dialect === undefined) {
    const got = scheme === undefined ? 'a value without a scheme' : `${scheme}://`;
    return `DATABASE_URL must start with ${ACCEPTED_SCHEMES} (got ${got}).`;
  }
  // mysql2 knows only mysql://; a MariaDB server speaks the same protocol.
  const url = `${dialect === 'mysql' ? 'mysql' : scheme}${text.slice(scheme.length)}`;
  // node-postgres accepts postgres://user@/db?host=/socket/dir, which the URL standard
  // does not (credentials need a host); it retries with a stand-in host, and so do we.
  const parsed = parseUrl(url) ?? (dialect === 'postgres' ? parseUrl(url.replace('@/', '@localhost/')) : null);
  if (!parsed) {
    // The value is not repeated: it may hold a password.
    return 'DATABASE_URL is not a valid URL (its value is not shown, as it may hold a password).';
  }
  if (![parsed.username, parsed.password, parsed.pathname, parsed.hostname].every(decodes)) {
    return 'DATABASE_URL has a malformed %-escape; write a literal % as %25.';
  }
  // libpq-style defaults let PostgreSQL fall back to a database named after the user; mysql2 has none.
  if (dialect === 'mysql' && decodeURIComponent(parsed.pathname.slice(1)) === '') {
    return 'DATABASE_URL names no database: put it after the host, as in mysql://user:password@host:3306/smf.';
  }
  return { dialect, url, redacted: redactDatabaseUrl(url) };
}

interface ServerAddress {
  readonly host: string;
  readonly port: number | null;
  readonly socket: string | null;
}

/** $db_server as PHP's drivers read it: host, host:port, [IPv6]:port, or a Unix socket path. */
function parseDbServer(server: string): ServerAddress {
  let text = server.trim();
  // mysqli's "p:" marks a persistent connection; SMF adds it itself when $db_persist is on.
  if (text.startsWith('p:')) text = text.slice(2);
  if (text.startsWith('/')) return { host: 'localhost', port: null, socket: text };
  const bracketed = /^\[([^\]]+)\](?::([0-9]+))?$/.exec(text);
  if (bracketed) return { host: `[${bracketed[1] ?? ''}]`, port: bracketed[2] === undefined ? null : Number(bracketed[2]), socket: null };
  const colons = text.split(':').length - 1;
  if (colons > 1) return { host: `[${text}]`, port: null, socket: null };
  if (colons === 1) {
    const [host = '', after = ''] = text.split(':');
    // The old "localhost:/tmp/mysql.sock" form names a socket.
    if (after.startsWith('/')) return { host: host || 'localhost', port: null, socket: after };
    return { host: host || 'localhost', port: /^[0-9]+$/.test(after) ? Number(after) : Number.NaN, socket: null };
  }
  return { host: text || 'localhost', port: null, socket: null };
}

function targetFromSettings(settings: SmfSettingsFile, file: string, warnings: string[]): DatabaseTarget | string {
  const needed: SettingsVariable[] = ['db_type', 'db_server', 'db_port', 'db_name', 'db_user', 'db_passwd'];
  const unreadable = needed.filter((key) => settings.notLiteral.includes(key));
  if (unreadable.length > 0) {
    const names = unreadable.map((key) => `$${key}`).join(', ');
    return `${file}: ${names} ${unreadable.length === 1 ? 'is' : 'are'} not a plain literal, and Lectern never runs PHP to work it out; set DATABASE_URL instead.`;
  }
  if (settings.invalid.includes('db_port')) return `${file}: $db_port is not a whole number.`;

  // SMF itself falls back to mysql when $db_type is empty.
  const type = (settings.dbType ?? '').trim().toLowerCase() || 'mysql';
  const dialect: DatabaseDialect | undefined =
    type === 'mysql' || type === 'mysqli' ? 'mysql' : type === 'postgresql' || type === 'postgres' ? 'postgres' : undefined;
  if (!dialect) return `${file}: $db_type is '${settings.dbType ?? ''}'; Lectern reads 'mysql' (or the older 'mysqli') and 'postgresql'.`;

  const name = settings.dbName ?? '';
  if (name === '') return `${file} does not set $db_name, so Lectern does not know which database to read.`;
  const encodedName = encodeURIComponent(name);
  // node-postgres decodes the path with decodeURI, which leaves escapes such as %2F alone.
  if (dialect === 'postgres' && decodeURI(encodedName) !== name) {
    return `${file}: $db_name holds characters (such as / # ? @ :) that node-postgres cannot read from a URL.`;
  }

  const address = parseDbServer(settings.dbServer ?? '');
  const filePort = settings.dbPort ?? 0;
  if (Number.isNaN(address.port) || (address.port !== null && address.port > 65535) || filePort < 0 || filePort > 65535) {
    return `${file}: the port in $db_server or $db_port is not a TCP port (0 to 65535).`;
  }
  if (address.port !== null && filePort !== 0 && address.port !== filePort) {
    warnings.push(`${file}: $db_server names port ${address.port} and $db_port ${filePort}; using ${address.port}, from $db_server.`);
  }
  const port = address.port ?? (filePort === 0 ? DEFAULT_DB_PORTS[dialect] : filePort);

  let socket = address.socket;
  let socketPort: number | null = null;
  if (socket !== null && dialect === 'postgres') {
    // libpq takes the socket's directory; a full /dir/.s.PGSQL.5432 path carries the port too.
    const socketFile = /^(.*)\/\.s\.PGSQL\.([0-9]+)$/.exec(socket);
    if (socketFile) {
      socket = socketFile[1] || '/';
      socketPort = Number(socketFile[2]);
    }
  }

  const user = settings.dbUser ?? '';
  const password = settings.dbPasswd ?? '';
  // encodeURIComponent escapes every character that means something in a URL's userinfo
  // (@ : / # ? % and the rest), and both drivers decode with decodeURIComponent.
  const userinfo = user === '' && password === ''
    ? ''
    : `${encodeURIComponent(user)}${password === '' ? '' : `:${encodeURIComponent(password)}`}@`;
  const host = address.host.startsWith('[') ? address.host : encodeURIComponent(address.host);
  const query = socket === null ? '' : dialect === 'mysql' ? `?socketPath=${encodeURIComponent(socket)}` : `?host=${encodeURIComponent(socket)}`;
  const portPart = socket !== null && dialect === 'mysql' ? '' : `:${socketPort ?? port}`;
  const url = `${dialect}://${userinfo}${host}${portPart}/${encodedName}${query}`;
  if (!parseUrl(url)) return `${file}: $db_server '${settings.dbServer ?? ''}' is not a host name or address Lectern can connect to.`;
  return { dialect, url, redacted: redactDatabaseUrl(url) };
}

function readSettings(file: string, readFile: (path: string) => string): SmfSettingsFile | string {
  let source: string;
  try {
    source = readFile(file);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return `SMF_SETTINGS: could not read ${file}: ${reason}`;
  }
  return parseSettingsPhp(source);
}

/**
 * Works out the server's configuration.
 * `env`: usually process.env. `argv`: the arguments after the script, process.argv.slice(2).
 * `readFile`: reads SMF_SETTINGS as UTF-8 text, e.g. (p) => readFileSync(p, 'utf8').
 * Every problem found is reported at once, one per line of the error message.
 */
export function loadConfig(
  env: Record<string, string | undefined>, argv: readonly string[], readFile: (path: string) => string,
): ConfigResult {
  if (argv.includes('--help') || argv.includes('-h')) return { kind: 'help', text: helpText() };
  const errors: string[] = [];
  const warnings: string[] = [];
  for (const arg of argv) {
    errors.push(arg.startsWith('-')
      ? `Unknown option ${arg}; the server is configured with environment variables (see --help).`
      : `Unexpected argument ${JSON.stringify(arg)}; the server is configured with environment variables (see --help).`);
  }

  const settingsFile = envValue(env, 'SMF_SETTINGS');
  let settings: SmfSettingsFile | null = null;
  if (settingsFile !== undefined) {
    const read = readSettings(settingsFile, readFile);
    if (typeof read === 'string') errors.push(read);
    else {
      settings = read;
      warnings.push(...read.warnings.map((w) => `${settingsFile}: ${w.message}`));
    }
  }

  let database: DatabaseTarget | null = null;
  const databaseUrl = envValue(env, 'DATABASE_URL');
  const target = databaseUrl !== undefined
    ? targetFromUrl(databaseUrl)
    : settings !== null && settingsFile !== undefined ? targetFromSettings(settings, settingsFile, warnings) : null;
  if (typeof target === 'string') errors.push(target);
  else database = target;

  let tablePrefix = envValue(env, 'SMF_TABLE_PREFIX');
  if (tablePrefix !== undefined) {
    if (!TABLE_PREFIX.test(tablePrefix)) errors.push(`SMF_TABLE_PREFIX may hold only letters, digits, _ and $ (got ${JSON.stringify(tablePrefix)}).`);
  } else if (settings !== null && settings.notLiteral.includes('db_prefix')) {
    errors.push(`${settingsFile ?? ''}: $db_prefix is not a plain literal; set SMF_TABLE_PREFIX.`);
  } else if (settings?.dbPrefix !== undefined) {
    // PHP reads a null prefix as ''.
    tablePrefix = settings.dbPrefix ?? '';
    if (!TABLE_PREFIX.test(tablePrefix)) {
      errors.push(`${settingsFile ?? ''}: $db_prefix may hold only letters, digits, _ and $ (got ${JSON.stringify(tablePrefix)}); set SMF_TABLE_PREFIX.`);
    }
  }

  const boardUrlFromEnv = envValue(env, 'SMF_BOARD_URL')?.trim();
  if (boardUrlFromEnv !== undefined && !/^https?:\/\/[^/]/i.test(boardUrlFromEnv)) {
    errors.push(`SMF_BOARD_URL must be an http:// or https:// address (got ${JSON.stringify(boardUrlFromEnv)}).`);
  }
  const attachmentsDir = envValue(env, 'SMF_ATTACHMENTS_DIR');

  const port = integerSetting(env, 'PORT', DEFAULT_PORT, 0, 65535, errors);
  const statementTimeoutMs = integerSetting(env, 'DB_STATEMENT_TIMEOUT_MS', DEFAULT_STATEMENT_TIMEOUT_MS, 1, MAX_TIMEOUT_MS, errors);
  const poolSize = integerSetting(env, 'DB_POOL_SIZE', DEFAULT_POOL_SIZE, 1, MAX_POOL_SIZE, errors);
  const dist = envValue(env, 'LECTERN_DIST');
  const ssrDist = envValue(env, 'LECTERN_SSR_DIST');
  const publicUrl = envValue(env, 'LECTERN_PUBLIC_URL')?.trim();
  let publicOrigin: string | null = null;
  if (publicUrl !== undefined) {
    try {
      const url = new URL(publicUrl);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http');
      publicOrigin = url.origin;
    } catch {
      errors.push(`LECTERN_PUBLIC_URL must be an http:// or https:// address (got ${JSON.stringify(publicUrl)}).`);
    }
  }

  if (errors.length > 0) return { kind: 'error', message: errors.join('\n') };
  return {
    kind: 'ok',
    warnings,
    config: {
      database,
      tablePrefix: tablePrefix ?? DEFAULT_PREFIX,
      // Absolute, so the file server's "is it inside the directory" checks have a fixed root.
      attachmentsDir: attachmentsDir === undefined ? null : resolve(attachmentsDir),
      host: envValue(env, 'HOST')?.trim() ?? DEFAULT_HOST,
      port,
      forumName: envValue(env, 'SMF_FORUM_NAME') ?? (settings?.mbname || null),
      boardUrl: boardUrlFromEnv ?? (settings?.boardurl || null),
      distDir: dist === undefined ? DEFAULT_DIST_DIR : resolve(dist),
      ssrDir: ssrDist === undefined ? DEFAULT_SSR_DIR : resolve(ssrDist),
      publicUrl: publicOrigin,
      statementTimeoutMs,
      poolSize,
    },
  };
}
