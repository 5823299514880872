// Writes seed rows in batches, table by table, through a Kysely of the seeding shape.
// Batches keep each statement under the servers' parameter limits (PostgreSQL: 65,535).
import type { Kysely } from 'kysely';
import type { SeedDatabase, SeedRows } from './seed-schema';

export async function insertRows(db: Kysely<SeedDatabase>, rows: SeedRows, batchRows = 500): Promise<void> {
  for (const table of Object.keys(rows) as (keyof SeedRows)[]) {
    const list: readonly object[] = rows[table];
    if (list.length === 0) continue;
    const columns = Object.keys(list[0] ?? {}).length;
    const batch = Math.max(1, Math.min(batchRows, Math.floor(60_000 / Math.max(1, columns))));
    for (let i = 0; i < list.length; i += batch) {
      // The rows are typed per table above; Kysely's insert type is per table too.
      await db.insertInto(table).values(list.slice(i, i + batch) as never).execute();
    }
  }
}
