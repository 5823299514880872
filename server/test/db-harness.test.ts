// The database harness itself: real servers, SMF's tables in their real shape, and a
// read-only user that the servers themselves (not our code) stop from writing.
import { createConnection } from 'mysql2/promise';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smfFulltextIndexDdl } from '../seed/smf-ddl';
import { SMF_TABLES } from '../smf/schema';
import { DIALECTS, freshDatabase } from './databases';
import type { DbServerKind } from './db-servers';
import type { TestDatabase } from './test-database';

interface Session {
  rows(statement: string): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

async function connect(kind: DbServerKind, url: string): Promise<Session> {
  if (kind === 'mariadb') {
    const connection = await createConnection({ uri: url });
    return {
      async rows(statement) {
        const [result] = await connection.query(statement);
        return Array.isArray(result) ? result.map((row) => ({ ...(row as Record<string, unknown>) })) : [];
      },
      close: () => connection.end(),
    };
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    async rows(statement) {
      return (await client.query<Record<string, unknown>>(statement)).rows;
    },
    close: () => client.end(),
  };
}

function withPassword(url: string, password: string): string {
  const parsed = new URL(url);
  parsed.password = password;
  return parsed.toString();
}

// The servers' own codes for "not allowed" and "wrong password".
const DENIED: Record<DbServerKind, { write: RegExp; badPassword: string }> = {
  // 1142 table access denied, 1044 database access denied (temporary tables).
  mariadb: { write: /^ER_(TABLEACCESS|DBACCESS)_DENIED_ERROR$/, badPassword: 'ER_ACCESS_DENIED_ERROR' },
  // insufficient_privilege; invalid_password.
  postgres: { write: /^42501$/, badPassword: '28P01' },
};

describe.each(DIALECTS)('the %s test database', (kind) => {
  let database: TestDatabase;
  let admin: Session;
  let readOnly: Session;

  beforeAll(async () => {
    database = await freshDatabase(kind);
    admin = await connect(kind, database.adminUrl);
    readOnly = await connect(kind, database.readOnlyUrl);
    await admin.rows("INSERT INTO smf_settings (variable, value) VALUES ('harness', 'seeded')");
  });

  afterAll(async () => {
    await readOnly?.close();
    await admin?.close();
    await database?.drop();
  });

  it('has the eleven SMF tables, with their private columns', async () => {
    const schema = kind === 'mariadb' ? 'DATABASE()' : "'public'";
    const tables = await admin.rows(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ${schema} ORDER BY table_name`,
    );
    expect(tables.map((row) => row.name).sort()).toEqual(SMF_TABLES.map((table) => `smf_${table}`).sort());

    const columns = await admin.rows(
      `SELECT column_name AS name FROM information_schema.columns WHERE table_schema = ${schema} AND table_name = 'smf_members'`,
    );
    expect(columns.map((row) => row.name)).toEqual(expect.arrayContaining(['email_address', 'passwd', 'member_ip', 'secret_answer']));
    expect(columns).toHaveLength(48);
  });

  it('lets the read-only user SELECT', async () => {
    expect(await readOnly.rows("SELECT value FROM smf_settings WHERE variable = 'harness'")).toEqual([{ value: 'seeded' }]);
    expect(await readOnly.rows('SELECT id_msg FROM smf_messages')).toEqual([]);
  });

  it.each([
    ['INSERT', "INSERT INTO smf_settings (variable, value) VALUES ('written', 'x')"],
    ['UPDATE', "UPDATE smf_settings SET value = 'changed' WHERE variable = 'harness'"],
    ['DELETE', 'DELETE FROM smf_settings'],
    ['CREATE TABLE', 'CREATE TABLE smf_intruder (id int)'],
    ['CREATE TEMPORARY TABLE', 'CREATE TEMPORARY TABLE intruder (id int)'],
    ['DROP TABLE', 'DROP TABLE smf_messages'],
  ])('refuses the read-only user %s', async (_what, statement) => {
    const error: unknown = await readOnly.rows(statement).then(() => undefined, (reason: unknown) => reason);
    expect(error).toBeInstanceOf(Error);
    expect(String((error as { code?: unknown }).code)).toMatch(DENIED[kind].write);
    // The refusal changed nothing.
    expect(await admin.rows('SELECT variable, value FROM smf_settings')).toEqual([{ variable: 'harness', value: 'seeded' }]);
  });

  it('takes the fulltext index that SMF\'s search settings create', async () => {
    for (const statement of smfFulltextIndexDdl(kind === 'mariadb' ? 'mysql' : 'postgres', 'smf_')) await admin.rows(statement);
    const indexes = kind === 'mariadb'
      ? await admin.rows("SELECT index_name AS name FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name = 'smf_messages' AND index_type = 'FULLTEXT'")
      : await admin.rows("SELECT indexname AS name FROM pg_indexes WHERE tablename = 'smf_messages' AND indexdef LIKE '%USING gin (to_tsvector(%'");
    expect(indexes).toEqual([{ name: kind === 'mariadb' ? 'body' : 'smf_messages_ftx' }]);
  });

  it('checks the read-only user\'s password', async () => {
    await expect(connect(kind, withPassword(database.readOnlyUrl, 'wrong'))).rejects.toMatchObject({ code: DENIED[kind].badPassword });
  });
});
