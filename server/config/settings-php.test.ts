import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runs } from '../../test/deep';
import { parseSettingsPhp } from './settings-php';

/**
 * A forum's Settings.php as SMF 2.1 ships and then rewrites it (other/Settings.php on
 * release-2.1), with the values an installed forum would have: doc comments, `#`
 * banners, escaped quotes, `dirname(__FILE__)` paths and the `if (file_exists(...))`
 * blocks at the end that PHP may or may not run.
 */
const SMF_DEFAULT_SETTINGS = String.raw`<?php

/**
 * The settings file contains all of the basic settings that need to be present when a database/cache is not available.
 *
 * Simple Machines Forum (SMF)
 *
 * @package SMF
 * @author Simple Machines https://www.simplemachines.org
 * @copyright 2024 Simple Machines and individual contributors
 * @license https://www.simplemachines.org/about/smf/license.php BSD
 *
 * @version 2.1.5
 */

########## Maintenance ##########
/**
 * The maintenance "mode"
 * Set to 1 to enable Maintenance Mode, 2 to make the forum untouchable. (you'll have to make it 0 again manually!)
 * 0 is default and disables maintenance mode.
 *
 * @var int 0, 1, 2
 * @global int $maintenance
 */
$maintenance = 0;
/**
 * Title for the Maintenance Mode message.
 *
 * @var string
 * @global int $mtitle
 */
$mtitle = 'Maintenance Mode';
/**
 * Description of why the forum is in maintenance mode.
 *
 * @var string
 * @global string $mmessage
 */
$mmessage = 'Okay faithful users...we\'re attempting to restore an older backup of the database...news will be posted once we\'re back!';

########## Forum Info ##########
/**
 * The name of your forum.
 *
 * @var string
 */
$mbname = 'The Luthier\'s Bench';
/**
 * The default language file set for the forum.
 *
 * @var string
 */
$language = 'english';
/**
 * URL to your forum's folder. (without the trailing /!)
 *
 * @var string
 */
$boardurl = 'https://forum.example.org/community';
/**
 * Email address to send emails from. (like noreply@yourdomain.com.)
 *
 * @var string
 */
$webmaster_email = 'noreply@example.org';
/**
 * Name of the cookie to set for authentication.
 *
 * @var string
 */
$cookiename = 'SMFCookie956';

########## Database Info ##########
/**
 * The database type
 * Default options: mysql, postgresql
 *
 * @var string
 */
$db_type = 'mysql';
/**
 * The database port
 * 0 to use default port for the database type
 *
 * @var int
 */
$db_port = 0;
/**
 * The server to connect to (or a Unix socket)
 *
 * @var string
 */
$db_server = 'localhost';
/**
 * The database name
 *
 * @var string
 */
$db_name = 'forum_smf';
/**
 * Database username
 *
 * @var string
 */
$db_user = 'forum';
/**
 * Database password
 *
 * @var string
 */
$db_passwd = 'c0rr3ct-h0rse';
/**
 * Database user for when connecting with SSI
 *
 * @var string
 */
$ssi_db_user = '';
/**
 * Database password for when connecting with SSI
 *
 * @var string
 */
$ssi_db_passwd = '';
/**
 * A prefix to put in front of your table names.
 * This helps to prevent conflicts
 *
 * @var string
 */
$db_prefix = 'lb_';
/**
 * Use a persistent database connection
 *
 * @var bool
 */
$db_persist = false;
/**
 * Send emails on database connection error
 *
 * @var bool
 */
$db_error_send = false;
/**
 * Override the default behavior of the database layer for mb4 handling
 * null keep the default behavior untouched
 *
 * @var null|bool
 */
$db_mb4 = null;

########## Cache Info ##########
/**
 * Select a cache system. You want to leave this up to the cache area of the admin panel for
 * proper detection of memcached, output_cache or SMF file_system
 * (you can add more with a mod).
 *
 * @var string
 */
$cache_accelerator = '';
/**
 * The level at which you would like to cache. Between 0 (off) through 3 (cache a lot).
 *
 * @var int
 */
$cache_enable = 0;
/**
 * This is only used for memcache / memcached. Should be a string of 'server:port,server:port'
 *
 * @var array
 */
$cache_memcached = '';

/**
 * This is only for the 'smf' file cache system. It is the path to the cache directory.
 * It is also recommended that you place this in /tmp/ if you are going to use this.
 *
 * @var string
 */
$cachedir = dirname(__FILE__) . '/cache';

########## Image Proxy ##########
# This is done entirely in Settings.php to avoid loading the DB while serving the images
/**
 * Whether the proxy is enabled or not
 *
 * @var bool
 */
$image_proxy_enabled = true;
/**
 * Secret key to be used by the proxy
 *
 * @var string
 */
$image_proxy_secret = 'smfisawesome';
/**
 * Maximum file size (in KB) for individual files
 *
 * @var int
 */
$image_proxy_maxsize = 5192;

########## Directories/Files ##########
# Note: These directories do not have to be changed unless you move things.
/**
 * The absolute path to the forum's folder. (not just '.'!)
 *
 * @var string
 */
$boarddir = dirname(__FILE__);
/**
 * Path to the Sources directory.
 *
 * @var string
 */
$sourcedir = dirname(__FILE__) . '/Sources';
/**
 * Path to the Packages directory.
 *
 * @var string
 */
$packagesdir = dirname(__FILE__) . '/Packages';
/**
 * Path to the tasks directory.
 *
 * @var string
 */
$tasksdir = $sourcedir . '/tasks';

# Make sure the paths are correct... at least try to fix them.
if (!is_dir(realpath($boarddir)) && file_exists(dirname(__FILE__) . '/agreement.txt'))
	$boarddir = dirname(__FILE__);
if (!is_dir(realpath($sourcedir)) && is_dir($boarddir . '/Sources'))
	$sourcedir = $boarddir . '/Sources';
if (!is_dir(realpath($tasksdir)) && is_dir($sourcedir . '/tasks'))
	$tasksdir = $sourcedir . '/tasks';
if (!is_dir(realpath($packagesdir)) && is_dir($boarddir . '/Packages'))
	$packagesdir = $boarddir . '/Packages';
if (!is_dir(realpath($cachedir)) && is_dir($boarddir . '/cache'))
	$cachedir = $boarddir . '/cache';

######### Legacy Settings #########
# UTF-8 is now the only character set supported in 2.1.
$db_character_set = 'utf8';

########## Error-Catching ##########
# Note: You shouldn't touch these settings.
if (file_exists((isset($cachedir) ? $cachedir : dirname(__FILE__)) . '/db_last_error.php'))
	include((isset($cachedir) ? $cachedir : dirname(__FILE__)) . '/db_last_error.php');

if (!isset($db_last_error))
{
	// File does not exist so lets try to create it
	file_put_contents((isset($cachedir) ? $cachedir : dirname(__FILE__)) . '/db_last_error.php', '<' . '?' . "php\n" . '$db_last_error = 0;' . "\n" . '?' . '>');
	$db_last_error = 0;
}

if (file_exists(dirname(__FILE__) . '/install.php'))
{
	$secure = false;
	if (isset($_SERVER['HTTPS']) && $_SERVER['HTTPS'] == 'on')
		$secure = true;
	elseif (!empty($_SERVER['HTTP_X_FORWARDED_PROTO']) && $_SERVER['HTTP_X_FORWARDED_PROTO'] == 'https' || !empty($_SERVER['HTTP_X_FORWARDED_SSL']) && $_SERVER['HTTP_X_FORWARDED_SSL'] == 'on')
		$secure = true;

	if (basename($_SERVER['PHP_SELF']) != 'install.php')
	{
		header('location: http' . ($secure ? 's' : '') . '://' . (empty($_SERVER['HTTP_HOST']) ? $_SERVER['SERVER_NAME'] . (empty($_SERVER['SERVER_PORT']) || $_SERVER['SERVER_PORT'] == '80' ? '' : ':' . $_SERVER['SERVER_PORT']) : $_SERVER['HTTP_HOST']) . (strtr(dirname($_SERVER['PHP_SELF']), '\\', '/') == '/' ? '' : strtr(dirname($_SERVER['PHP_SELF']), '\\', '/')) . '/install.php');
		exit;
	}
}

?>`;

/** A Settings.php holding just these lines of PHP. */
const php = (...lines: string[]): string => `<?php\n${lines.join('\n')}\n`;

/** How PHP's var_export() (and so SMF's updateSettingsFile) writes a string. */
const varExport = (value: string): string => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

describe("SMF 2.1's default Settings.php", () => {
  const settings = parseSettingsPhp(SMF_DEFAULT_SETTINGS);

  it('gives every database and forum setting Lectern needs', () => {
    expect(settings).toMatchObject({
      dbType: 'mysql',
      dbServer: 'localhost',
      dbPort: 0,
      dbName: 'forum_smf',
      dbUser: 'forum',
      dbPasswd: 'c0rr3ct-h0rse',
      dbPrefix: 'lb_',
      mbname: "The Luthier's Bench",
      boardurl: 'https://forum.example.org/community',
    });
  });

  it('reads cleanly: nothing is code, and nothing needs a warning', () => {
    expect(settings.notLiteral).toEqual([]);
    expect(settings.invalid).toEqual([]);
    expect(settings.warnings).toEqual([]);
  });

  it('does not report the settings it was not asked for, such as $db_persist or $cachedir', () => {
    expect(Object.keys(settings).sort()).toEqual(
      ['boardurl', 'dbName', 'dbPasswd', 'dbPort', 'dbPrefix', 'dbServer', 'dbType', 'dbUser', 'invalid', 'mbname', 'notLiteral', 'warnings'],
    );
  });

  it('reads the same file with Windows line endings and a byte order mark', () => {
    const windows = parseSettingsPhp(`\uFEFF${SMF_DEFAULT_SETTINGS.replace(/\n/g, '\r\n')}`);
    expect(windows).toEqual(settings);
  });
});

describe('comments', () => {
  it('never take an assignment written inside a /** doc */, # or // comment', () => {
    const settings = parseSettingsPhp(php(
      "$db_name = 'real';",
      "/** $db_name = 'doc'; */",
      "/* $db_name = 'block'; */",
      "# $db_name = 'hash';",
      "// $db_name = 'slashes';",
    ));
    expect(settings.dbName).toBe('real');
  });

  it('end a // comment at ?>, which closes PHP, so what follows is page text and not code', () => {
    const settings = parseSettingsPhp(php("$db_name = 'before'; // comment ?> $db_name = 'html';"));
    expect(settings.dbName).toBe('before');
  });

  it('are not started by # or // inside a string', () => {
    const settings = parseSettingsPhp(php("$db_passwd = 'pa#ss//wo/*rd?>'; $db_name = 'after';"));
    expect(settings.dbPasswd).toBe('pa#ss//wo/*rd?>');
    expect(settings.dbName).toBe('after');
  });
});

describe('single-quoted strings', () => {
  it.each([
    [String.raw`'it\'s'`, "it's"],
    [String.raw`'C:\\forum\\'`, 'C:\\forum\\'],
    [String.raw`'\n stays a backslash and an n'`, '\\n stays a backslash and an n'],
    [String.raw`'$db_user is not interpolated'`, '$db_user is not interpolated'],
    [String.raw`'a \\\' b'`, "a \\' b"],
    ["'line one\nline two'", 'line one\nline two'],
    ["''", ''],
  ])('read %s as PHP does', (literal, value) => {
    expect(parseSettingsPhp(php(`$db_passwd = ${literal};`)).dbPasswd).toBe(value);
  });

  it('hold any text that var_export() wrote (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (value) => {
      expect(parseSettingsPhp(php(`$db_passwd = ${varExport(value)};`)).dbPasswd).toBe(value);
    }), { numRuns: runs(100) });
  });
});

describe('double-quoted strings', () => {
  it.each([
    [String.raw`"tab\tnew\nreturn\r"`, 'tab\tnew\nreturn\r'],
    [String.raw`"\v\e\f"`, '\v\u001b\f'],
    [String.raw`"back\\slash"`, 'back\\slash'],
    [String.raw`"say \"hi\""`, 'say "hi"'],
    [String.raw`"cost: \$5"`, 'cost: $5'],
    [String.raw`"\x41\x4a"`, 'AJ'],
    [String.raw`"\u{1F600} \u{e9}"`, '\u{1F600} é'],
    [String.raw`"\101\60\0end"`, 'A0\u0000end'],
    [String.raw`"\400"`, '\u0000'],
    [String.raw`"\xC3\xA9"`, 'é'],
    [String.raw`"\q \u stay"`, '\\q \\u stay'],
    [String.raw`"100$ and $5 and { x }"`, '100$ and $5 and { x }'],
    [String.raw`"it's"`, "it's"],
  ])('read %s with PHP escapes', (literal, value) => {
    const settings = parseSettingsPhp(php(`$db_passwd = ${literal};`));
    expect(settings.notLiteral).toEqual([]);
    expect(settings.dbPasswd).toBe(value);
  });

  it.each([
    String.raw`"$prefix"`,
    String.raw`"smf_$suffix"`,
    String.raw`"{$config['name']}"`,
    '"${name}"',
    String.raw`"$list[0]"`,
    String.raw`"$obj->name"`,
  ])('%s interpolates a variable, so it is not a literal', (literal) => {
    const settings = parseSettingsPhp(php(`$db_name = ${literal}; $db_user = 'next';`));
    expect(settings.dbName).toBeUndefined();
    expect(settings.notLiteral).toEqual(['db_name']);
    expect(settings.warnings[0]?.message).toMatch(/line 2: \$db_name is not a literal.*interpolates a variable/);
    // The lexer found the string's true end, even past quotes inside {$…}.
    expect(settings.dbUser).toBe('next');
  });

  it('hold any text written as \\xHH bytes or as \\u{…} code points (property)', () => {
    const asBytes = (value: string): string =>
      [...new TextEncoder().encode(value)].map((b) => `\\x${b.toString(16).padStart(2, '0')}`).join('');
    const asCodePoints = (value: string): string => [...value].map((c) => `\\u{${(c.codePointAt(0) ?? 0).toString(16)}}`).join('');
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (value) => {
      expect(parseSettingsPhp(php(`$db_passwd = "${asBytes(value)}";`)).dbPasswd).toBe(value);
      expect(parseSettingsPhp(php(`$db_passwd = "${asCodePoints(value)}";`)).dbPasswd).toBe(value);
    }), { numRuns: runs(100) });
  });

  it('that make bytes which are not UTF-8 are not taken', () => {
    const settings = parseSettingsPhp(php(String.raw`$db_passwd = "\xFF\xFE";`));
    expect(settings.dbPasswd).toBeUndefined();
    expect(settings.notLiteral).toEqual(['db_passwd']);
  });
});

describe('numbers, booleans and null', () => {
  it.each([
    ['3306', 3306],
    ['3_306', 3306],
    ['0x0CEA', 3306],
    ['06352', 3306],
    ['0o6352', 3306],
    ['0b110011101010', 3306],
    ['3306.0', 3306],
    ["'3306'", 3306],
    ["' 5433 '", 5433],
    ["''", 0],
    ['0', 0],
    ['false', 0],
    ['null', null],
    ['-1', -1],
  ])('$db_port = %s reads as the port %s', (literal, port) => {
    expect(parseSettingsPhp(php(`$db_port = ${literal};`)).dbPort).toBe(port);
  });

  it('a $db_port that is not a whole number is reported as invalid, not guessed', () => {
    const settings = parseSettingsPhp(php("$db_port = 'mysql';"));
    expect(settings.dbPort).toBeUndefined();
    expect(settings.invalid).toEqual(['db_port']);
    expect(settings.warnings.map((w) => w.message)).toEqual(['line 2: $db_port is "mysql", which is not a whole port number']);
  });

  it('strings settings given as numbers or booleans become the strings PHP would pass on', () => {
    const settings = parseSettingsPhp(php('$db_passwd = 12345;', '$db_user = TRUE;', '$db_name = \\false;', '$mbname = NULL;'));
    expect(settings).toMatchObject({ dbPasswd: '12345', dbUser: '1', dbName: '', mbname: null });
  });
});

describe('values that are code', () => {
  it("dirname(__FILE__) . '/x' is reported as not a literal, with the code in the warning", () => {
    const settings = parseSettingsPhp(php("$boardurl = dirname(__FILE__) . '/forum';"));
    expect(settings.boardurl).toBeUndefined();
    expect(settings.notLiteral).toEqual(['boardurl']);
    expect(settings.warnings).toEqual([{
      line: 2,
      variable: 'boardurl',
      message: "line 2: $boardurl is not a literal (dirname(__FILE__) . '/forum'); Lectern does not run PHP, so it is not read",
    }]);
  });

  it.each([
    ['a constant', 'DB_NAME'],
    ['a function call', "getenv('DB_NAME')"],
    ['another variable', '$other'],
    ['a ternary', "$x ? 'a' : 'b'"],
    ['arithmetic', '1 + 2'],
    ['a cast', "(string) 'smf'"],
    ['an array', "array('smf')"],
    ['a shell command', '`cat /etc/dbname`'],
  ])('%s is not a literal', (_what, code) => {
    const settings = parseSettingsPhp(php(`$db_name = ${code};`));
    expect(settings.dbName).toBeUndefined();
    expect(settings.notLiteral).toEqual(['db_name']);
  });

  it("literal strings joined with '.', as SMF writes multi-line values, are a literal", () => {
    const settings = parseSettingsPhp(php(`$mbname = 'First line' . "\\n" . 'second line' . 2;`));
    expect(settings.mbname).toBe('First line\nsecond line2');
  });

  it('a literal in parentheses is still a literal', () => {
    expect(parseSettingsPhp(php("$db_name = (('smf'));")).dbName).toBe('smf');
  });

  it('never quotes the password in a warning', () => {
    const settings = parseSettingsPhp(php("$db_passwd = 'hunter2' . $pepper;"));
    expect(settings.notLiteral).toEqual(['db_passwd']);
    expect(JSON.stringify(settings.warnings)).not.toContain('hunter2');
  });

  it('define() calls are code the parser passes over', () => {
    const settings = parseSettingsPhp(php("define('SMF', 1);", "define('DB_NAME', 'not_this');", "$db_name = 'this';"));
    expect(settings.dbName).toBe('this');
    expect(settings.warnings).toEqual([]);
  });
});

describe('heredoc and nowdoc', () => {
  it('are skipped whole, so assignments written inside them are not read', () => {
    const settings = parseSettingsPhp(php(
      '$notice = <<<EOT',
      "  $db_name = 'inside a heredoc';",
      'EOT;',
      "$text = <<<'NOW'",
      "$db_user = 'inside a nowdoc'; \"unbalanced",
      'NOW;',
      "$db_name = 'outside';",
    ));
    expect(settings).toMatchObject({ dbName: 'outside', dbUser: undefined, warnings: [] });
  });

  it('are not a literal when assigned to a setting', () => {
    const settings = parseSettingsPhp(php("$mbname = <<<'EOT'", 'My forum', 'EOT;'));
    expect(settings.notLiteral).toEqual(['mbname']);
  });

  it('may close on an indented label followed by more code (PHP 7.3+)', () => {
    const settings = parseSettingsPhp(php('$x = [<<<EOT', '    body', '    EOT, 1];', "$db_name = 'after';"));
    expect(settings.dbName).toBe('after');
  });
});

describe('which assignment wins', () => {
  it('the last top-level assignment, as PHP runs the file top-down', () => {
    const settings = parseSettingsPhp(php("$db_name = 'first';", "$db_name = 'second';"));
    expect(settings.dbName).toBe('second');
    expect(settings.warnings).toEqual([]);
  });

  it('a top-level assignment beats a later one inside if (file_exists(...)) { }, with a warning', () => {
    const settings = parseSettingsPhp(php(
      "$db_server = 'localhost';",
      "if (file_exists(dirname(__FILE__) . '/db-override.php'))",
      '{',
      "\t$db_server = 'db.internal';",
      '}',
    ));
    expect(settings.dbServer).toBe('localhost');
    expect(settings.warnings).toEqual([{
      line: 5,
      variable: 'db_server',
      message: 'line 5: $db_server may be reassigned here inside a conditional block; using the unconditional assignment on line 2',
    }]);
  });

  it('a setting assigned only inside a conditional is used, with a warning', () => {
    const settings = parseSettingsPhp(php("if (!isset($db_prefix)) $db_prefix = 'smf_';"));
    expect(settings.dbPrefix).toBe('smf_');
    expect(settings.warnings.map((w) => w.message)).toEqual([
      'line 2: $db_prefix is only assigned inside a conditional block; using that assignment',
    ]);
  });

  it.each([
    ['a brace-less if', "if ($x) $db_name = 'maybe';"],
    ['an else branch', "if ($x) {} else { $db_name = 'maybe'; }"],
    ['an elseif', "if ($x) {} elseif ($y) $db_name = 'maybe';"],
    ["the alternative if: … endif; syntax", "if ($x): $db_user = 'a'; else: $db_name = 'maybe'; endif;"],
    ['a loop', "foreach ($list as $item) { $db_name = 'maybe'; }"],
    ['a switch', "switch ($host) { case 'a': $db_name = 'maybe'; break; default: }"],
    ['a try block', "try { $db_name = 'maybe'; } catch (Exception $e) {}"],
    ['a foreach loop variable', 'foreach ($names as $key => $db_name) {}'],
  ])('an assignment inside %s counts as conditional', (_where, code) => {
    const settings = parseSettingsPhp(php("$db_name = 'sure';", code));
    expect(settings.dbName).toBe('sure');
    expect(settings.warnings.some((w) => w.variable === 'db_name' && w.message.includes('conditional'))).toBe(true);
  });

  it('code after an alternative-syntax block is top level again', () => {
    const settings = parseSettingsPhp(php("if ($x): $db_user = 'a'; endif;", "$db_name = 'sure';"));
    expect(settings.dbName).toBe('sure');
    expect(settings.warnings.filter((w) => w.variable === 'db_name')).toEqual([]);
  });

  it('a bare { } block at the top level always runs', () => {
    const settings = parseSettingsPhp(php("{ $db_name = 'sure'; }"));
    expect(settings).toMatchObject({ dbName: 'sure', warnings: [] });
  });

  it('assignments in function, closure and class bodies belong to them, not to the file', () => {
    const settings = parseSettingsPhp(php(
      "$db_name = 'file';",
      "function helper() { $db_name = 'local'; return $db_name; }",
      "$fn = function () use ($x) { $db_name = 'closure'; };",
      "$arrow = fn($db_name) => $db_name = 'arrow';",
      "class Settings { public function x() { $db_name = 'method'; } }",
    ));
    expect(settings).toMatchObject({ dbName: 'file', warnings: [] });
  });

  it('a chained assignment gives each variable the value', () => {
    expect(parseSettingsPhp(php("$db_user = $ssi_db_user = 'reader';")).dbUser).toBe('reader');
  });

  it('$GLOBALS[...] = … assigns the variable, as it does at the top of Settings.php', () => {
    expect(parseSettingsPhp(php("$GLOBALS['db_name'] = 'via_globals';")).dbName).toBe('via_globals');
  });

  it('unset() removes a setting', () => {
    expect(parseSettingsPhp(php("$db_passwd = 'x';", 'unset($db_passwd);')).dbPasswd).toBeUndefined();
  });

  it.each([
    ['.=', "$db_name .= '_suffix';"],
    ['??=', "$db_name ??= 'other';"],
    ['an element write', "$db_name[0] = 'X';"],
    ['destructuring', '[$db_name, $db_user] = explode(",", $pair);'],
    ['list()', 'list($db_name) = $pair;'],
    ['a reference', '$db_name = &$other;'],
  ])('a later change by %s makes the value code', (_how, code) => {
    const settings = parseSettingsPhp(php("$db_name = 'smf';", code));
    expect(settings.dbName).toBeUndefined();
    expect(settings.notLiteral).toContain('db_name');
  });

  it('a comparison is not an assignment', () => {
    const settings = parseSettingsPhp(php("$db_name = 'smf';", "if ($db_name == 'x' || $db_name === 'y') {}", "$map = ['db_name' => $db_name];"));
    expect(settings).toMatchObject({ dbName: 'smf', warnings: [] });
  });

  it('nothing after a top-level return runs, so it is not read', () => {
    const settings = parseSettingsPhp(php("$db_name = 'smf';", 'return;', "$db_name = 'never';"));
    expect(settings.dbName).toBe('smf');
    expect(settings.warnings.map((w) => w.message)).toEqual([
      'line 4: $db_name is assigned after the file stops running (return or exit on line 3); ignored',
    ]);
  });

  it('nothing after __halt_compiler() is code', () => {
    expect(parseSettingsPhp(php("$db_name = 'smf';", "__halt_compiler(); $db_name = 'data';")).dbName).toBe('smf');
  });
});

describe('the file as a whole', () => {
  it('text outside <?php … ?> is page text, not code', () => {
    const settings = parseSettingsPhp("$db_name = 'html';\n<?php $db_user = 'php'; ?>\n$db_name = 'more html';");
    expect(settings).toMatchObject({ dbName: undefined, dbUser: 'php' });
  });

  it('a file without <?php is reported', () => {
    const settings = parseSettingsPhp("$db_name = 'smf';");
    expect(settings.dbName).toBeUndefined();
    expect(settings.warnings.map((w) => w.message)).toEqual(['the file has no <?php tag, so PHP would run none of it']);
  });

  it('an unterminated string is reported with its line, keeping what came before', () => {
    const settings = parseSettingsPhp(php("$db_name = 'smf';", "$db_passwd = 'oops;"));
    expect(settings).toMatchObject({ dbName: 'smf', dbPasswd: undefined, notLiteral: ['db_passwd'] });
    expect(settings.warnings.map((w) => w.message)).toEqual([
      'line 3: an unterminated single-quoted string; PHP would refuse this file, and nothing after this point was read',
      'line 3: $db_passwd is not a literal; Lectern does not run PHP, so it is not read',
    ]);
  });

  it('an include of another file is reported, since its settings cannot be read', () => {
    const settings = parseSettingsPhp(php("require_once '/etc/forum/db-credentials.php';"));
    expect(settings.warnings.map((w) => w.message)).toEqual(['line 2: require_once pulls in another file; settings made there are not read']);
  });

  it('extract() and $$name are reported, since they can set any variable', () => {
    const settings = parseSettingsPhp(php('extract($config);', "$$key = 'x';"));
    expect(settings.warnings).toHaveLength(2);
  });
});

describe('any input', () => {
  it('is read without throwing, however broken (property)', () => {
    const phpish = fc.array(fc.constantFrom(
      '<?php', '?>', '$db_name', '$db_passwd', ' = ', "'", '"', '\\', '$', '{', '}', '(', ')', '[', ']', ';', '.', '/*', '*/', '//', '#',
      '<<<EOT\n', '\nEOT;', 'if', 'else', ':', 'endif', 'function', 'fn', '=>', 'return', 'unset', ',', '&', '\n', 'x', '1', '0x',
    ), { maxLength: 60 }).map((parts) => parts.join(''));
    fc.assert(fc.property(fc.oneof(phpish, fc.string()), (source) => {
      const settings = parseSettingsPhp(source);
      expect(Array.isArray(settings.warnings)).toBe(true);
    }), { numRuns: runs(300) });
  });
});
