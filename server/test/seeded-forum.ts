// Test plumbing: the demo forum seeded into a fresh SMF database, and the server's app
// reading it through the read-only user, with every query it runs recorded.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { Kysely, MysqlDialect, PostgresDialect } from 'kysely';
import { createPool } from 'mysql2';
import pg from 'pg';
import { buildForum } from '../../mocks/db/build-forum';
import type { Forum } from '../../mocks/db/build-forum';
import { FORUM_DESCRIPTION, FORUM_NAME } from '../../mocks/db/structure';
import type { ApiContext } from '../api/context';
import { createApp } from '../http/app';
import { TablePrefixPlugin, connectForum } from '../smf/connect';
import { cachedStructure, loadForumStructure } from '../smf/forum-structure';
import { demoSeed, writeAttachmentFiles } from '../seed/demo-forum';
import type { DemoSeed } from '../seed/demo-forum';
import { insertRows } from '../seed/insert-rows';
import type { SeedDatabase } from '../seed/seed-schema';
import { afterAll, beforeAll } from 'vitest';
import { freshDatabase } from './databases';
import type { DbServerKind } from './db-servers';
import type { TestDatabase } from './test-database';

/** A Kysely with the admin's rights, for seeding and for changing rows in a test. */
export function adminKysely(database: TestDatabase, prefix = 'smf_'): Kysely<SeedDatabase> {
  const dialect =
    database.dialect === 'mysql'
      ? new MysqlDialect({ pool: createPool({ uri: database.adminUrl, connectionLimit: 2, charset: 'utf8mb4' }) })
      : new PostgresDialect({ pool: new pg.Pool({ connectionString: database.adminUrl, max: 2 }) });
  return new Kysely<SeedDatabase>({ dialect, plugins: [new TablePrefixPlugin(prefix)] });
}

export interface SeededForum {
  forum: Forum;
  attachmentsDir: string;
  cleanup(): Promise<void>;
}

let sharedForum: Forum | undefined;

/** The demo forum in `database`, in SMF's stored form; `change` may edit the rows first. */
export async function seedDemoForum(database: TestDatabase, change?: (seed: DemoSeed) => void): Promise<SeededForum> {
  sharedForum ??= buildForum();
  const attachmentsDir = await mkdtemp(join(tmpdir(), 'lectern-test-attachments-'));
  const seed = demoSeed(sharedForum, attachmentsDir);
  change?.(seed);
  const admin = adminKysely(database);
  try {
    await insertRows(admin, seed.rows);
  } finally {
    await admin.destroy();
  }
  await writeAttachmentFiles(attachmentsDir, seed.files);
  return { forum: sharedForum, attachmentsDir, cleanup: () => rm(attachmentsDir, { recursive: true, force: true }) };
}

export interface ServerUnderTest {
  app: Hono;
  api: ApiContext;
  /** SQL of every query run since the last `queries.length = 0`. */
  queries: string[];
  get(path: string, init?: RequestInit): Promise<Response>;
  json<T = unknown>(path: string): Promise<{ status: number; body: T }>;
  close(): Promise<void>;
}

export function openServer(
  database: TestDatabase,
  options: { attachmentsDir?: string | null; structureTtlMs?: number; statementTimeoutMs?: number; url?: string } = {},
): ServerUnderTest {
  const queries: string[] = [];
  const forumDb = connectForum({
    url: options.url ?? database.readOnlyUrl,
    dialect: database.dialect,
    tablePrefix: 'smf_',
    statementTimeoutMs: options.statementTimeoutMs ?? 5_000,
    poolSize: 4,
    onQuery: (text) => queries.push(text),
  });
  const api: ApiContext = {
    db: forumDb.db,
    dialect: forumDb.dialect,
    structure: cachedStructure(() => loadForumStructure(forumDb.db), options.structureTtlMs ?? 60_000),
    forum: { name: FORUM_NAME, description: FORUM_DESCRIPTION },
    apiBase: '/api',
  };
  const app = createApp({ api, files: { attachmentsDir: options.attachmentsDir ?? null }, log: () => undefined });
  const get = (path: string, init?: RequestInit): Promise<Response> => Promise.resolve(app.request(path, init));
  return {
    app,
    api,
    queries,
    get,
    async json<T>(path: string) {
      const response = await get(path);
      return { status: response.status, body: (await response.json()) as T };
    },
    close: () => forumDb.close(),
  };
}

export interface SeededSuite {
  database: TestDatabase;
  seeded: SeededForum;
  server: ServerUnderTest;
}

/**
 * For the calling describe block: a fresh `kind` database holding the demo forum (after
 * `change`), and the server reading it through the read-only user; all dropped after.
 */
export function seededSuite(kind: DbServerKind, change?: (seed: DemoSeed) => void): () => SeededSuite {
  let suite: SeededSuite | undefined;
  beforeAll(async () => {
    const database = await freshDatabase(kind);
    const seeded = await seedDemoForum(database, change);
    suite = { database, seeded, server: openServer(database, { attachmentsDir: seeded.attachmentsDir }) };
  });
  afterAll(async () => {
    await suite?.server.close();
    await suite?.seeded.cleanup();
    await suite?.database.drop();
  });
  return () => {
    if (!suite) throw new Error('The seeded forum is not ready: use it inside a test.');
    return suite;
  };
}
