// Vitest's global setup for the `server` project: one private MariaDB and one private
// PostgreSQL server for the whole run (started side by side), their superuser URLs
// handed to the test files through `inject()`, and both stopped at the end.
// Test files make their own databases on them (databases.ts).
import type { TestProject } from 'vitest/node';
import { startMariaDb, startPostgres } from './db-servers';
import type { DbServer } from './db-servers';

declare module 'vitest' {
  export interface ProvidedContext {
    mariadbAdminUrl: string;
    postgresAdminUrl: string;
  }
}

export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const results = await Promise.allSettled([startMariaDb(), startPostgres()]);
  const started = results.flatMap((result): DbServer[] => (result.status === 'fulfilled' ? [result.value] : []));
  const failures = results.flatMap((result): unknown[] => (result.status === 'rejected' ? [result.reason] : []));
  const [mariadb, postgres] = started;
  if (failures.length > 0 || !mariadb || !postgres) {
    // The one that did start must not outlive the failed setup.
    await Promise.all(started.map((server) => server.stop()));
    throw failures.length === 1 ? failures[0] : new AggregateError(failures, 'The test database servers did not start.');
  }
  project.provide('mariadbAdminUrl', mariadb.adminUrl);
  project.provide('postgresAdminUrl', postgres.adminUrl);
  return async () => {
    await Promise.all([mariadb.stop(), postgres.stop()]);
  };
}
