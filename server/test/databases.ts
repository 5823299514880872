// What test files use to get a database: the servers the global setup started, seen
// through the URLs it provided, and a fresh SMF database on either of them.
import { inject } from 'vitest';
import type { DbServer, DbServerKind } from './db-servers';
import { createTestDatabase } from './test-database';
import type { TestDatabase, TestDatabaseOptions } from './test-database';

/** Every server kind the server tests run against, for `describe.each(DIALECTS)`. */
export const DIALECTS = ['mariadb', 'postgres'] as const satisfies readonly DbServerKind[];

function handle(kind: DbServerKind, adminUrl: string): DbServer {
  return {
    kind,
    adminUrl,
    port: Number(new URL(adminUrl).port),
    stop: () => Promise.reject(new Error(`The ${kind} server belongs to the global setup (server/test/global-setup.ts), which stops it.`)),
  };
}

/** Handles on the running servers; stop() is refused, the global setup owns them. */
export function testServers(): Record<DbServerKind, DbServer> {
  return {
    mariadb: handle('mariadb', inject('mariadbAdminUrl')),
    postgres: handle('postgres', inject('postgresAdminUrl')),
  };
}

/** A new, empty SMF database on the `kind` server; the caller drops it (afterAll). */
export function freshDatabase(kind: DbServerKind, options?: TestDatabaseOptions): Promise<TestDatabase> {
  return createTestDatabase(testServers()[kind], options);
}
