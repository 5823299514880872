// A forum owner's path: point the server at the forum's own Settings.php and read the
// forum, on both database families, through the SELECT-only account it names.
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forumResponseSchema } from '../../src/lib/api/schemas';
import { DIALECTS, freshDatabase } from '../test/databases';
import { openServer, seedDemoForum } from '../test/seeded-forum';
import type { SeededForum } from '../test/seeded-forum';
import type { TestDatabase } from '../test/test-database';
import { loadConfig } from './config';

/** The lines SMF's installer writes, with this database's connection. */
function settingsPhp(database: TestDatabase): string {
  const url = new URL(database.readOnlyUrl);
  const quote = (s: string): string => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  return `<?php
/**
 * The settings file contains all of the basic settings that need to be present when a database/cache is not available.
 */
########## Maintenance ##########
$maintenance = 0;
$mtitle = 'Maintenance Mode';
########## Forum Info ##########
$mbname = 'Bosman Business World';
$language = 'english';
$boardurl = 'https://forum.example.com';
########## Database Info ##########
$db_type = ${quote(database.dialect === 'mysql' ? 'mysql' : 'postgresql')};
$db_port = ${url.port};
$db_server = '127.0.0.1';
$db_name = ${quote(decodeURIComponent(url.pathname.slice(1)))};
$db_user = ${quote(decodeURIComponent(url.username))};
$db_passwd = ${quote(decodeURIComponent(url.password))};
$ssi_db_user = '';
$ssi_db_passwd = '';
$db_prefix = 'smf_';
$db_persist = 0;
$db_error_send = 0;
$db_mb4 = null;
########## Directories/Files ##########
$boarddir = dirname(__FILE__);
$sourcedir = dirname(__FILE__) . '/Sources';
if (file_exists(dirname(__FILE__) . '/install.php'))
{
	header('location: http' . (!empty($_SERVER['HTTPS']) ? 's' : '') . '://' . (empty($_SERVER['HTTP_HOST']) ? $_SERVER['SERVER_NAME'] . (empty($_SERVER['SERVER_PORT']) || $_SERVER['SERVER_PORT'] == '80' ? '' : ':' . $_SERVER['SERVER_PORT']) : $_SERVER['HTTP_HOST']) . (strtr(dirname($_SERVER['PHP_SELF']), '\\\\', '/') == '/' ? '' : strtr(dirname($_SERVER['PHP_SELF']), '\\\\', '/')) . '/install.php');
	exit;
}
?>`;
}

describe.each(DIALECTS)('SMF_SETTINGS on %s', (kind) => {
  let database: TestDatabase;
  let seeded: SeededForum;

  beforeAll(async () => {
    database = await freshDatabase(kind);
    seeded = await seedDemoForum(database);
  });

  afterAll(async () => {
    await seeded.cleanup();
    await database.drop();
  });

  it('reads the forum with the connection, prefix and name from Settings.php', async () => {
    const result = loadConfig({ SMF_SETTINGS: '/var/www/forum/Settings.php' }, [], () => settingsPhp(database));
    if (result.kind !== 'ok') throw new Error(`the settings were refused: ${JSON.stringify(result)}`);
    expect(result.config.forumName).toBe('Bosman Business World');
    expect(result.config.tablePrefix).toBe('smf_');
    expect(result.config.database?.dialect).toBe(database.dialect);
    expect(result.config.database?.redacted).not.toContain(new URL(database.readOnlyUrl).password);
    const server = openServer(database, { url: result.config.database?.url ?? '' });
    try {
      const { status, body } = await server.json('/api/forum');
      expect(status).toBe(200);
      expect(v.parse(forumResponseSchema, body).categories.length).toBeGreaterThan(2);
    } finally {
      await server.close();
    }
  });
});
