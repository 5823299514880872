// A fresh, empty SMF database per test file (or per test), on one of the private
// servers of db-servers.ts: the SMF tables, an admin URL to fill them, and a user that
// may only SELECT, which is what the server is given in production.
import { randomBytes } from 'node:crypto';
import { createConnection } from 'mysql2/promise';
import pg from 'pg';
import { smfDdl } from '../seed/smf-ddl';
import type { DbServer } from './db-servers';

export interface TestDatabase {
  dialect: 'mysql' | 'postgres';
  /** The server's superuser, connected to this database: for seeding. */
  adminUrl: string;
  /** A user with SELECT on this database's tables and nothing else. */
  readOnlyUrl: string;
  /** The database's name. */
  name: string;
  /** Drops the database and the read-only user (ending their open sessions first). */
  drop(): Promise<void>;
}

export interface TestDatabaseOptions {
  /** SMF's table prefix; default `smf_`. */
  prefix?: string;
  /** MariaDB only: 'utf8' is what a fresh SMF 2.1 install creates; default utf8mb4. */
  charset?: 'utf8mb4' | 'utf8';
}

function withDatabase(url: string, database: string, credentials?: { user: string; password: string }): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  if (credentials) {
    parsed.username = credentials.user;
    parsed.password = credentials.password;
  }
  return parsed.toString();
}

// Lower case letters and digits only: valid unquoted in both dialects, and PostgreSQL
// folds unquoted names to lower case anyway.
function uniqueName(kind: string): string {
  return `lectern_${kind}_${randomBytes(6).toString('hex')}`;
}

async function createMariaDb(server: DbServer, prefix: string, charset: 'utf8mb4' | 'utf8'): Promise<TestDatabase> {
  const name = uniqueName('test');
  const user = uniqueName('ro');
  const password = randomBytes(18).toString('hex');

  async function drop(): Promise<void> {
    const connection = await createConnection({ uri: server.adminUrl });
    try {
      // An open session of the user (a pool a test forgot to close) would hold
      // metadata locks and make DROP DATABASE wait.
      const [rows] = await connection.query('SELECT id FROM information_schema.processlist WHERE user = ?', [user]);
      for (const row of Array.isArray(rows) ? rows : []) {
        const id = (row as { id?: unknown }).id;
        if (typeof id === 'number') await connection.query(`KILL ${id}`).catch(() => undefined);
      }
      await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await connection.query(`DROP USER IF EXISTS '${user}'@'%'`);
    } finally {
      await connection.end();
    }
  }

  const admin = await createConnection({ uri: server.adminUrl });
  try {
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await admin.query(`USE \`${name}\``);
    for (const statement of smfDdl('mysql', prefix, { charset })) await admin.query(statement);
    // '%' is enough: the server runs with --skip-name-resolve, so a client on loopback
    // is 127.0.0.1, never 'localhost', and there are no anonymous accounts to shadow it.
    await admin.query(`CREATE USER '${user}'@'%' IDENTIFIED BY '${password}'`);
    await admin.query(`GRANT SELECT ON \`${name}\`.* TO '${user}'@'%'`);
  } catch (error) {
    await drop().catch(() => undefined);
    throw error;
  } finally {
    await admin.end();
  }

  return {
    dialect: 'mysql',
    adminUrl: withDatabase(server.adminUrl, name),
    readOnlyUrl: withDatabase(server.adminUrl, name, { user, password }),
    name,
    drop,
  };
}

async function withPgClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function createPostgres(server: DbServer, prefix: string): Promise<TestDatabase> {
  const name = uniqueName('test');
  const user = uniqueName('ro');
  const password = randomBytes(18).toString('hex');
  const adminUrl = withDatabase(server.adminUrl, name);

  async function drop(): Promise<void> {
    await withPgClient(server.adminUrl, async (client) => {
      // FORCE ends the sessions still connected (a pool a test forgot to close).
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.query(`DROP ROLE IF EXISTS ${user}`);
    });
  }

  try {
    await withPgClient(server.adminUrl, async (client) => {
      await client.query(`CREATE DATABASE ${name} ENCODING 'UTF8'`);
      await client.query(`CREATE ROLE ${user} LOGIN PASSWORD '${password}'`);
      // New databases let every role connect and create temporary tables; this one
      // admits only the read-only user (and superusers), and no temporary tables.
      await client.query(`REVOKE ALL ON DATABASE ${name} FROM PUBLIC`);
      await client.query(`GRANT CONNECT ON DATABASE ${name} TO ${user}`);
    });
    await withPgClient(adminUrl, async (client) => {
      await client.query('BEGIN');
      for (const statement of smfDdl('postgres', prefix)) await client.query(statement);
      // PostgreSQL 15 no longer lets PUBLIC create in schema public; older servers do.
      await client.query('REVOKE CREATE ON SCHEMA public FROM PUBLIC');
      await client.query(`GRANT USAGE ON SCHEMA public TO ${user}`);
      await client.query(`GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${user}`);
      await client.query('COMMIT');
    });
  } catch (error) {
    await drop().catch(() => undefined);
    throw error;
  }

  return {
    dialect: 'postgres',
    adminUrl,
    readOnlyUrl: withDatabase(server.adminUrl, name, { user, password }),
    name,
    drop,
  };
}

/** A new database with SMF's tables (empty) and a read-only user, on `server`. */
export async function createTestDatabase(server: DbServer, options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const prefix = options.prefix ?? 'smf_';
  return server.kind === 'mariadb' ? createMariaDb(server, prefix, options.charset ?? 'utf8mb4') : createPostgres(server, prefix);
}
