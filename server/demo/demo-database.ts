// The demo forum for `npm run server` on a machine with no database: an embedded
// PostgreSQL (PGlite, in memory) with SMF's own tables, holding the demo forum in
// SMF's stored format. What then answers is the very SQL path a real forum gets.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { buildForum } from '../../mocks/db/build-forum';
import { FORUM_DESCRIPTION, FORUM_NAME } from '../../mocks/db/structure';
import { TablePrefixPlugin, wrapForum } from '../smf/connect';
import type { ForumDatabase } from '../smf/connect';
import { demoSeed, writeAttachmentFiles } from '../seed/demo-forum';
import { insertRows } from '../seed/insert-rows';
import type { SeedDatabase } from '../seed/seed-schema';
import { smfDdl } from '../seed/smf-ddl';

export interface DemoForum {
  database: ForumDatabase;
  attachmentsDir: string;
  name: string;
  description: string;
  close(): Promise<void>;
}

const PREFIX = 'smf_';

export async function openDemoForum(onQuery?: (sqlText: string) => void): Promise<DemoForum> {
  const attachmentsDir = await mkdtemp(join(tmpdir(), 'lectern-demo-attachments-'));
  const pglite = new PGlite();
  await pglite.exec(smfDdl('postgres', PREFIX).join(';\n'));

  const seed = demoSeed(buildForum(), attachmentsDir);
  const writer = new Kysely<SeedDatabase>({ dialect: new PGliteDialect(pglite), plugins: [new TablePrefixPlugin(PREFIX)] });
  await insertRows(writer, seed.rows);
  await writeAttachmentFiles(attachmentsDir, seed.files);
  // From here on the demo is read like any forum: read-only.
  await pglite.exec('SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY');

  const database = wrapForum(new PGliteDialect(pglite), 'postgres', PREFIX, onQuery);
  return {
    database,
    attachmentsDir,
    name: FORUM_NAME,
    description: FORUM_DESCRIPTION,
    async close() {
      await database.close();
      await pglite.close().catch(() => undefined);
      await rm(attachmentsDir, { recursive: true, force: true });
    },
  };
}
