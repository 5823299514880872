import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runs } from '../../test/deep';
import { loadConfig, redactDatabaseUrl } from './config';
import type { ConfigResult, ServerConfig } from './config';

const SETTINGS_PATH = '/var/www/forum/Settings.php';

/** How PHP's var_export() (and so SMF's updateSettingsFile) writes a string. */
const varExport = (value: string): string => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** A Settings.php shaped like SMF 2.1's, with these values in its Database Info section. */
function settingsPhp(values: Record<string, string | number> = {}): string {
  const all: Record<string, string | number> = {
    mbname: 'Fretboard Friends',
    boardurl: 'https://fretboard.example/forum',
    db_type: 'mysql',
    db_port: 0,
    db_server: 'localhost',
    db_name: 'smf',
    db_user: 'smf_reader',
    db_passwd: 'pa55word',
    db_prefix: 'smf_',
    ...values,
  };
  const lines = Object.entries(all).map(([name, value]) =>
    `/**\n * $${name}\n *\n * @var ${typeof value === 'number' ? 'int' : 'string'}\n */\n$${name} = ${typeof value === 'number' ? value : varExport(value)};`);
  return `<?php\n\n########## Database Info ##########\n${lines.join('\n')}\n$db_persist = false;\n$cachedir = dirname(__FILE__) . '/cache';\n\n`
    + "if (file_exists(dirname(__FILE__) . '/install.php'))\n{\n\t$secure = false;\n}\n\n?>";
}

/** A readFile that knows one file, and fails like fs does for any other. */
function filesystem(files: Record<string, string>): (path: string) => string {
  return (path) => {
    const text = files[path];
    if (text === undefined) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
    return text;
  };
}

const noFiles = filesystem({});

function expectOk(result: ConfigResult): ServerConfig {
  if (result.kind !== 'ok') throw new Error(`expected a configuration, got ${JSON.stringify(result)}`);
  return result.config;
}

function expectError(result: ConfigResult): string {
  if (result.kind !== 'error') throw new Error(`expected an error, got ${JSON.stringify(result)}`);
  return result.message;
}

function withSettings(values: Record<string, string | number> = {}, env: Record<string, string> = {}): ConfigResult {
  return loadConfig({ SMF_SETTINGS: SETTINGS_PATH, ...env }, [], filesystem({ [SETTINGS_PATH]: settingsPhp(values) }));
}

describe('with nothing configured', () => {
  const config = expectOk(loadConfig({}, [], noFiles));

  it('serves the demo forum: there is no database', () => {
    expect(config.database).toBeNull();
  });

  it('uses the documented defaults', () => {
    expect(config).toEqual({
      database: null,
      tablePrefix: 'smf_',
      attachmentsDir: null,
      host: '127.0.0.1',
      port: 8080,
      forumName: null,
      boardUrl: null,
      distDir: resolve(import.meta.dirname, '../../dist'),
      ssrDir: resolve(import.meta.dirname, '../../dist-ssr'),
      publicUrl: null,
      statementTimeoutMs: 5000,
      poolSize: 10,
    });
  });

  it('takes the public origin from LECTERN_PUBLIC_URL, and refuses one that is not a web address', () => {
    expect(expectOk(loadConfig({ LECTERN_PUBLIC_URL: 'https://forum.example/some/path' }, [], noFiles)).publicUrl).toBe('https://forum.example');
    const refused = loadConfig({ LECTERN_PUBLIC_URL: 'forum.example' }, [], noFiles);
    expect(refused.kind).toBe('error');
    if (refused.kind === 'error') expect(refused.message).toContain('LECTERN_PUBLIC_URL must be an http:// or https:// address');
  });

  it('treats empty variables as unset, as a blank line in an env file gives', () => {
    expect(expectOk(loadConfig({ DATABASE_URL: '', PORT: ' ', SMF_SETTINGS: '', HOST: '' }, [], noFiles))).toEqual(config);
  });
});

describe('the plain variables', () => {
  it('are all taken from the environment', () => {
    const config = expectOk(loadConfig({
      HOST: '0.0.0.0',
      PORT: '3000',
      SMF_TABLE_PREFIX: 'forum_',
      SMF_ATTACHMENTS_DIR: '/srv/forum/attachments',
      SMF_FORUM_NAME: 'Fretboard Friends',
      SMF_BOARD_URL: 'https://fretboard.example/forum',
      LECTERN_DIST: '/opt/lectern/dist',
      DB_STATEMENT_TIMEOUT_MS: '2500',
      DB_POOL_SIZE: '4',
    }, [], noFiles));
    expect(config).toMatchObject({
      host: '0.0.0.0',
      port: 3000,
      tablePrefix: 'forum_',
      attachmentsDir: '/srv/forum/attachments',
      forumName: 'Fretboard Friends',
      boardUrl: 'https://fretboard.example/forum',
      distDir: '/opt/lectern/dist',
      statementTimeoutMs: 2500,
      poolSize: 4,
    });
  });

  it('make relative directories absolute, from the working directory', () => {
    const config = expectOk(loadConfig({ LECTERN_DIST: 'build/dist', SMF_ATTACHMENTS_DIR: 'attachments' }, [], noFiles));
    expect(config.distDir).toBe(resolve('build/dist'));
    expect(config.attachmentsDir).toBe(resolve('attachments'));
  });

  it.each(['0', '1', '65535', ' 8081 '])('PORT=%j is a port', (port) => {
    expect(expectOk(loadConfig({ PORT: port }, [], noFiles)).port).toBe(Number(port));
  });

  it.each(['65536', '-1', '80.5', '8o8o', '0x50', '1e3', 'http'])('PORT=%j is refused, naming PORT and the range', (port) => {
    expect(expectError(loadConfig({ PORT: port }, [], noFiles))).toBe(`PORT must be a whole number from 0 to 65535 (got ${JSON.stringify(port)}).`);
  });

  it.each([
    ['DB_STATEMENT_TIMEOUT_MS', '0'],
    ['DB_STATEMENT_TIMEOUT_MS', '2147483648'],
    ['DB_STATEMENT_TIMEOUT_MS', '5s'],
    ['DB_POOL_SIZE', '0'],
    ['DB_POOL_SIZE', '1001'],
    ['DB_POOL_SIZE', 'many'],
  ])('%s=%j is refused', (name, value) => {
    expect(expectError(loadConfig({ [name]: value }, [], noFiles))).toMatch(new RegExp(`^${name} must be a whole number`));
  });

  it.each(['smf-', 'smf_; DROP TABLE x', 'smf.'])('SMF_TABLE_PREFIX=%j is refused, since it ends up in SQL', (prefix) => {
    expect(expectError(loadConfig({ SMF_TABLE_PREFIX: prefix }, [], noFiles))).toMatch(/^SMF_TABLE_PREFIX may hold only letters, digits, _ and \$/);
  });

  it('SMF_BOARD_URL must be a web address', () => {
    expect(expectError(loadConfig({ SMF_BOARD_URL: 'forum.example' }, [], noFiles))).toMatch(/^SMF_BOARD_URL must be an http:\/\/ or https:\/\/ address/);
  });

  it('every problem is reported at once, one per line', () => {
    const message = expectError(loadConfig({ PORT: 'x', DB_POOL_SIZE: '0', DATABASE_URL: 'sqlite:///forum.db' }, ['--verbose'], noFiles));
    expect(message.split('\n')).toHaveLength(4);
  });
});

describe('DATABASE_URL', () => {
  it.each([
    ['mysql://reader:pw@db.example:3306/smf', 'mysql', 'mysql://reader:pw@db.example:3306/smf'],
    ['mariadb://reader:pw@db.example:3306/smf', 'mysql', 'mysql://reader:pw@db.example:3306/smf'],
    ['MariaDB://reader:pw@db.example/smf', 'mysql', 'mysql://reader:pw@db.example/smf'],
    ['postgres://reader:pw@db.example:5432/smf', 'postgres', 'postgres://reader:pw@db.example:5432/smf'],
    ['postgresql://reader:pw@db.example/smf?sslmode=require', 'postgres', 'postgresql://reader:pw@db.example/smf?sslmode=require'],
    ['postgres://reader@/smf?host=/var/run/postgresql', 'postgres', 'postgres://reader@/smf?host=/var/run/postgresql'],
    ['  mysql://reader:pw@db.example/smf\n', 'mysql', 'mysql://reader:pw@db.example/smf'],
  ])('%s connects to %s as %s', (raw, dialect, url) => {
    expect(expectOk(loadConfig({ DATABASE_URL: raw }, [], noFiles)).database).toMatchObject({ dialect, url });
  });

  it.each([
    ['http://db.example/smf', 'http://'],
    ['sqlite:///var/forum.db', 'sqlite://'],
    ['mssql://sa:pw@db/smf', 'mssql://'],
    ['db.example:3306/smf', 'a value without a scheme'],
  ])('%s is refused with a message that names the accepted schemes', (raw, got) => {
    expect(expectError(loadConfig({ DATABASE_URL: raw }, [], noFiles)))
      .toBe(`DATABASE_URL must start with mysql://, mariadb://, postgres:// or postgresql:// (got ${got}).`);
  });

  it('that does not parse is refused without repeating it, as it may hold a password', () => {
    const message = expectError(loadConfig({ DATABASE_URL: 'mysql://reader:Sup3rS3cret@db.example:99999/smf' }, [], noFiles));
    expect(message).toMatch(/^DATABASE_URL is not a valid URL/);
    expect(message).not.toContain('Sup3rS3cret');
  });

  it('with a broken %-escape is refused', () => {
    expect(expectError(loadConfig({ DATABASE_URL: 'mysql://reader:100%@db.example/smf' }, [], noFiles))).toMatch(/malformed %-escape/);
  });

  it('for MySQL must name the database', () => {
    expect(expectError(loadConfig({ DATABASE_URL: 'mysql://reader:pw@db.example:3306/' }, [], noFiles))).toMatch(/^DATABASE_URL names no database/);
  });

  it('for PostgreSQL may leave the database to default to the user name, as libpq does', () => {
    expect(expectOk(loadConfig({ DATABASE_URL: 'postgres://smf@db.example' }, [], noFiles)).database?.dialect).toBe('postgres');
  });

  it('is logged only with its password replaced by ***', () => {
    const database = expectOk(loadConfig({ DATABASE_URL: 'mariadb://reader:s%40cr%3At@db.example:3306/smf' }, [], noFiles)).database;
    expect(database?.redacted).toBe('mysql://reader:***@db.example:3306/smf');
  });
});

describe('redactDatabaseUrl', () => {
  it('hides a password given as a query parameter too', () => {
    expect(redactDatabaseUrl('postgres://reader@db.example/smf?password=hunter2&sslmode=require&sslpassword=k3y'))
      .toBe('postgres://reader@db.example/smf?password=***&sslmode=require&sslpassword=***');
  });

  it('finds the password by the URL rules: the user info ends at the last @ before the path', () => {
    // An unencoded / ends the authority: a driver sees the password 'p' and the host 'ss' here.
    expect(new URL('mysql://us%40r:p@ss/w@db.example:3306/smf').password).toBe('p');
    expect(redactDatabaseUrl('mysql://us%40r:p@ss/w@db.example:3306/smf')).toBe('mysql://us%40r:***@ss/w@db.example:3306/smf');
    expect(redactDatabaseUrl('mysql://user:p@ss@db.example:3306/smf#frag')).toBe('mysql://user:***@db.example:3306/smf#frag');
    expect(redactDatabaseUrl('postgres://user:pw@/smf?host=/tmp')).toBe('postgres://user:***@/smf?host=/tmp');
  });

  it('leaves a URL without a password as it was', () => {
    expect(redactDatabaseUrl('mysql://reader@db.example/smf?socketPath=%2Ftmp%2Fmysql.sock')).toBe('mysql://reader@db.example/smf?socketPath=%2Ftmp%2Fmysql.sock');
  });
});

describe('SMF_SETTINGS', () => {
  it("builds the connection from SMF 2.1's default Settings.php, with the forum's name, address and prefix", () => {
    const result = withSettings({ db_prefix: 'ff_' });
    const config = expectOk(result);
    expect(config.database).toEqual({
      dialect: 'mysql',
      url: 'mysql://smf_reader:pa55word@localhost:3306/smf',
      redacted: 'mysql://smf_reader:***@localhost:3306/smf',
    });
    expect(config).toMatchObject({ tablePrefix: 'ff_', forumName: 'Fretboard Friends', boardUrl: 'https://fretboard.example/forum' });
    expect(result.kind === 'ok' && result.warnings).toEqual([]);
  });

  it.each([
    ['mysql', 'mysql', 3306],
    ['mysqli', 'mysql', 3306],
    ['postgresql', 'postgres', 5432],
  ])("reads $db_type '%s' as %s on port %s by default", (type, dialect, port) => {
    const database = expectOk(withSettings({ db_type: type })).database;
    expect(database?.dialect).toBe(dialect);
    expect(new URL(database?.url ?? '').port).toBe(String(port));
  });

  it("falls back to mysql for an empty $db_type, as SMF does", () => {
    expect(expectOk(withSettings({ db_type: '' })).database?.dialect).toBe('mysql');
  });

  it("refuses a $db_type it cannot read, naming the file", () => {
    expect(expectError(withSettings({ db_type: 'sqlite' })))
      .toBe(`${SETTINGS_PATH}: $db_type is 'sqlite'; Lectern reads 'mysql' (or the older 'mysqli') and 'postgresql'.`);
  });

  it.each([
    ['db.internal', 0, 'db.internal:3306'],
    ['db.internal', 3307, 'db.internal:3307'],
    ['db.internal:3308', 0, 'db.internal:3308'],
    ['127.0.0.1', 0, '127.0.0.1:3306'],
    ['[::1]:3309', 0, '[::1]:3309'],
    ['::1', 0, '[::1]:3306'],
    ['', 0, 'localhost:3306'],
  ])('reads $db_server %j with $db_port %s as %s', (server, port, host) => {
    expect(new URL(expectOk(withSettings({ db_server: server, db_port: port })).database?.url ?? '').host).toBe(host);
  });

  it('prefers the port written in $db_server over $db_port, and says so', () => {
    const result = withSettings({ db_server: 'db.internal:3308', db_port: 3307 });
    expect(new URL(expectOk(result).database?.url ?? '').port).toBe('3308');
    expect(result.kind === 'ok' && result.warnings).toEqual([
      `${SETTINGS_PATH}: $db_server names port 3308 and $db_port 3307; using 3308, from $db_server.`,
    ]);
  });

  it("connects MySQL through a Unix socket named in $db_server, by mysql2's socketPath", () => {
    const url = new URL(expectOk(withSettings({ db_server: '/var/run/mysqld/mysqld.sock' })).database?.url ?? '');
    expect(url.searchParams.get('socketPath')).toBe('/var/run/mysqld/mysqld.sock');
    expect(url.pathname).toBe('/smf');
  });

  it('reads the old "localhost:/path/to.sock" form as a socket too', () => {
    const url = new URL(expectOk(withSettings({ db_server: 'localhost:/tmp/mysql.sock' })).database?.url ?? '');
    expect(url.searchParams.get('socketPath')).toBe('/tmp/mysql.sock');
  });

  it("connects PostgreSQL through the socket directory in $db_server, as ?host=", () => {
    const url = new URL(expectOk(withSettings({ db_type: 'postgresql', db_server: '/var/run/postgresql' })).database?.url ?? '');
    expect(url.searchParams.get('host')).toBe('/var/run/postgresql');
    expect(url.port).toBe('5432');
  });

  it('takes the directory and the port from a full PostgreSQL socket file path', () => {
    const url = new URL(expectOk(withSettings({ db_type: 'postgresql', db_server: '/tmp/.s.PGSQL.5433' })).database?.url ?? '');
    expect(url.searchParams.get('host')).toBe('/tmp');
    expect(url.port).toBe('5433');
  });

  it.each([
    'p@ss:w/o#r%d\'"',
    'with space and ?query=1&x',
    '[brackets]{braces}|pipe\\backslash^caret`tick',
    'ünïcødé 🔑 密码',
    '%41 is not A',
  ])('keeps the password %j intact: new URL() gives it back', (password) => {
    const database = expectOk(withSettings({ db_passwd: password, db_user: 'us@r:n/a#1%' })).database;
    const url = new URL(database?.url ?? '');
    expect(decodeURIComponent(url.password)).toBe(password);
    expect(decodeURIComponent(url.username)).toBe('us@r:n/a#1%');
    expect(url.hostname).toBe('localhost');
    expect(url.pathname).toBe('/smf');
    expect(database?.redacted).not.toContain(encodeURIComponent(password));
    expect(new URL(database?.redacted ?? '').password).toBe('***');
  });

  it('leaves the password out of the URL when it is empty', () => {
    expect(expectOk(withSettings({ db_passwd: '' })).database?.url).toBe('mysql://smf_reader@localhost:3306/smf');
  });

  it('any password survives Settings.php → URL → decoding, and never shows in the redacted URL (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', minLength: 1 }), (password) => {
      const database = expectOk(withSettings({ db_passwd: password })).database;
      const url = new URL(database?.url ?? '');
      expect(decodeURIComponent(url.password)).toBe(password);
      const redacted = new URL(database?.redacted ?? '');
      expect(redacted.password).toBe('***');
      // Everything but the password is unchanged, so it cannot hide in another part.
      expect(database?.redacted).toBe(database?.url.replace(`:${url.password}@`, ':***@'));
    }), { numRuns: runs(100) });
  });

  it('percent-encodes the database name, and refuses one node-postgres cannot read back', () => {
    expect(new URL(expectOk(withSettings({ db_name: 'my forum' })).database?.url ?? '').pathname).toBe('/my%20forum');
    expect(expectError(withSettings({ db_type: 'postgresql', db_name: 'a/b' }))).toMatch(/\$db_name holds characters/);
  });

  it('says which file it could not read', () => {
    expect(expectError(loadConfig({ SMF_SETTINGS: '/nowhere/Settings.php' }, [], noFiles)))
      .toBe("SMF_SETTINGS: could not read /nowhere/Settings.php: ENOENT: no such file or directory, open '/nowhere/Settings.php'");
  });

  it('refuses a Settings.php without $db_name, naming the file', () => {
    const readFile = filesystem({ [SETTINGS_PATH]: "<?php\n$db_type = 'mysql';\n$db_server = 'localhost';\n" });
    expect(expectError(loadConfig({ SMF_SETTINGS: SETTINGS_PATH }, [], readFile)))
      .toBe(`${SETTINGS_PATH} does not set $db_name, so Lectern does not know which database to read.`);
  });

  it('refuses connection settings that are code, and does not guess them', () => {
    const readFile = filesystem({ [SETTINGS_PATH]: `${settingsPhp()}<?php $db_passwd = getenv('SMF_DB_PASS'); $db_server = "$host"; ?>` });
    const message = expectError(loadConfig({ SMF_SETTINGS: SETTINGS_PATH }, [], readFile));
    expect(message).toBe(`${SETTINGS_PATH}: $db_server, $db_passwd are not a plain literal, and Lectern never runs PHP to work it out; set DATABASE_URL instead.`);
  });

  it('refuses a $db_port that is not a port', () => {
    expect(expectError(withSettings({ db_port: 'three' }))).toBe(`${SETTINGS_PATH}: $db_port is not a whole number.`);
    expect(expectError(withSettings({ db_port: 70000 }))).toMatch(/is not a TCP port/);
  });

  it('refuses a $db_prefix with characters SMF would never write', () => {
    expect(expectError(withSettings({ db_prefix: 'smf`; --' }))).toMatch(/\$db_prefix may hold only letters, digits, _ and \$/);
  });

  it('passes on what was odd about the file as warnings', () => {
    const readFile = filesystem({ [SETTINGS_PATH]: `${settingsPhp()}<?php if ($x) { $db_name = 'other'; } ?>` });
    const result = loadConfig({ SMF_SETTINGS: SETTINGS_PATH }, [], readFile);
    expect(result.kind === 'ok' && result.warnings).toEqual([
      expect.stringMatching(new RegExp(`^${SETTINGS_PATH}: line \\d+: \\$db_name may be reassigned here inside a conditional block`)),
    ]);
  });
});

describe('DATABASE_URL and SMF_SETTINGS together', () => {
  it('connect with DATABASE_URL, and still take the name, address and prefix from Settings.php', () => {
    const config = expectOk(withSettings({ db_prefix: 'ff_' }, { DATABASE_URL: 'postgres://other:pw@pg.example/forum' }));
    expect(config.database?.url).toBe('postgres://other:pw@pg.example/forum');
    expect(config).toMatchObject({ tablePrefix: 'ff_', forumName: 'Fretboard Friends', boardUrl: 'https://fretboard.example/forum' });
  });

  it('let SMF_FORUM_NAME, SMF_BOARD_URL and SMF_TABLE_PREFIX override Settings.php', () => {
    const config = expectOk(withSettings({}, {
      DATABASE_URL: 'mysql://r:pw@db/smf', SMF_FORUM_NAME: 'Renamed', SMF_BOARD_URL: 'http://new.example', SMF_TABLE_PREFIX: 'x_',
    }));
    expect(config).toMatchObject({ forumName: 'Renamed', boardUrl: 'http://new.example', tablePrefix: 'x_' });
  });

  it('do not need the connection settings in Settings.php to be readable', () => {
    const readFile = filesystem({ [SETTINGS_PATH]: "<?php\n$mbname = 'Only a name';\n$db_passwd = getenv('X');\n" });
    const result = loadConfig({ SMF_SETTINGS: SETTINGS_PATH, DATABASE_URL: 'mysql://r:pw@db/smf' }, [], readFile);
    expect(expectOk(result)).toMatchObject({ forumName: 'Only a name', tablePrefix: 'smf_', database: { dialect: 'mysql' } });
  });

  it('still need the Settings.php file to exist', () => {
    expect(expectError(loadConfig({ SMF_SETTINGS: '/gone.php', DATABASE_URL: 'mysql://r:pw@db/smf' }, [], noFiles))).toMatch(/could not read \/gone\.php/);
  });
});

describe('the command line', () => {
  it.each([[['--help']], [['-h']], [['--verbose', '--help']]])('%j prints the help', (argv) => {
    expect(loadConfig({}, argv, noFiles).kind).toBe('help');
  });

  it('refuses unknown options and stray arguments', () => {
    expect(expectError(loadConfig({}, ['--port=80'], noFiles))).toBe('Unknown option --port=80; the server is configured with environment variables (see --help).');
    expect(expectError(loadConfig({}, ['serve'], noFiles))).toBe('Unexpected argument "serve"; the server is configured with environment variables (see --help).');
  });
});

describe('the help text', () => {
  const result = loadConfig({}, ['--help'], noFiles);
  const text = result.kind === 'help' ? result.text : '';

  it.each([
    ['DATABASE_URL', 'none'],
    ['SMF_SETTINGS', 'none'],
    ['SMF_TABLE_PREFIX', '$db_prefix from Settings.php, else smf_'],
    ['SMF_ATTACHMENTS_DIR', "the forum's attachmentUploadDir setting"],
    ['SMF_FORUM_NAME', '$mbname from Settings.php'],
    ['SMF_BOARD_URL', '$boardurl from Settings.php'],
    ['HOST', '127.0.0.1'],
    ['PORT', '8080'],
    ['LECTERN_DIST', '<repo>/dist'],
    ['DB_STATEMENT_TIMEOUT_MS', '5000'],
    ['DB_POOL_SIZE', '10'],
  ])('lists %s with its default (%s) and a line of meaning', (name, fallback) => {
    expect(text).toMatch(new RegExp(`^  ${name}  \\(default: ${fallback.replace(/[$()<>.]/g, '\\$&')}\\)\\n {6}\\S.+$`, 'm'));
  });

  it('says the demo forum is served when no database is configured', () => {
    expect(text).toContain('With no database configured (neither DATABASE_URL nor SMF_SETTINGS), the demo forum is served.');
  });

  it('says DATABASE_URL wins for the connection when both are set', () => {
    expect(text).toMatch(/If both DATABASE_URL and SMF_SETTINGS are set, DATABASE_URL wins for the connection/);
  });

  it('gives an example of each way to connect, and the examples work', () => {
    const examples = text.split('Examples:\n')[1]?.trim().split('\n').map((line) => line.trim()) ?? [];
    expect(examples).toHaveLength(2);
    expect(examples[0]).toMatch(/^DATABASE_URL=/);
    expect(examples[1]).toMatch(/^SMF_SETTINGS=/);
    const url = /^DATABASE_URL='([^']+)'/.exec(examples[0] ?? '')?.[1] ?? '';
    expect(expectOk(loadConfig({ DATABASE_URL: url }, [], noFiles)).database?.dialect).toBe('mysql');
  });
});
