// `npm run server`: Lectern in front of an SMF 2.1 forum. Reads the forum's database
// (read-only, as a guest), serves the contract under /api, the attachment files, and
// the reader's production build. With no database configured it serves the demo
// forum from an embedded PostgreSQL loaded in SMF's own format.
//
//   npm run server -- --help
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { ApiContext } from './api/context';
import { loadConfig } from './config/config';
import { openDemoForum } from './demo/demo-database';
import { createApp } from './http/app';
import { compressed } from './http/compress-json';
import { createPageRenderer } from './render/page-html';
import { createStaticFiles } from './http/static-files';
import { connectForum } from './smf/connect';
import type { ForumDatabase } from './smf/connect';
import { cachedStructure, loadForumStructure } from './smf/forum-structure';

/** How long the forum's settings, boards and permissions are reused before reloading. */
const STRUCTURE_TTL_MS = 10_000;

async function main(): Promise<void> {
  // React renders the pages: its production build, unless told otherwise.
  process.env.NODE_ENV ??= 'production';
  const result = loadConfig(process.env, process.argv.slice(2), (path) => readFileSync(path, 'utf8'));
  if (result.kind === 'help') {
    console.log(result.text);
    return;
  }
  if (result.kind === 'error') {
    console.error(`lectern: ${result.message}\nRun \`npm run server -- --help\` for the settings.`);
    process.exitCode = 2;
    return;
  }
  const { config, warnings } = result;
  for (const warning of warnings) console.warn(`lectern: ${warning}`);

  let database: ForumDatabase;
  let forum: ApiContext['forum'];
  let attachmentsDir = config.attachmentsDir;
  let closeDemo: (() => Promise<void>) | null = null;
  if (config.database) {
    database = connectForum({
      url: config.database.url,
      dialect: config.database.dialect,
      tablePrefix: config.tablePrefix,
      statementTimeoutMs: config.statementTimeoutMs,
      poolSize: config.poolSize,
    });
    forum = { name: config.forumName ?? 'Forum', description: null };
    if (config.forumName === null) console.warn('lectern: set SMF_FORUM_NAME (or SMF_SETTINGS) to show the forum\'s name.');
    console.log(`lectern: reading ${config.database.redacted} (tables ${config.tablePrefix}*)${config.boardUrl ? ` for ${config.boardUrl}` : ''}`);
  } else {
    const started = performance.now();
    const demo = await openDemoForum();
    database = demo.database;
    forum = { name: config.forumName ?? demo.name, description: demo.description };
    attachmentsDir = demo.attachmentsDir;
    closeDemo = demo.close;
    console.log(`lectern: no DATABASE_URL or SMF_SETTINGS: serving the demo forum (embedded PostgreSQL, loaded in ${String(Math.round(performance.now() - started))} ms)`);
  }

  const api: ApiContext = {
    db: database.db,
    dialect: database.dialect,
    structure: cachedStructure(() => loadForumStructure(database.db), STRUCTURE_TTL_MS),
    forum,
    apiBase: '/api',
  };
  // The pages answer the reader's API requests in-process, with the API's own routes.
  const apiOnly = createApp({ api, files: { attachmentsDir } });
  const pages = existsSync(join(config.ssrDir, 'render-entry.js')) && existsSync(join(config.distDir, 'index.html'))
    ? await createPageRenderer({
        distDir: config.distDir,
        renderer: config.ssrDir,
        fetchApi: async (request) => apiOnly.fetch(request),
        publicOrigin: config.publicUrl,
      })
    : null;
  if (!pages) console.warn(`lectern: ${config.ssrDir} holds no server renderer: pages are sent for the browser to render. Run \`npm run build\`.`);
  else if (config.publicUrl === null) console.warn('lectern: set LECTERN_PUBLIC_URL to the address readers use: canonical links and sitemaps name each request\'s own host meanwhile.');
  const staticFiles = await createStaticFiles(config.distDir, pages ? compressed((c) => pages.respond(c)) : undefined);
  if (!staticFiles.built) console.warn(`lectern: ${config.distDir} holds no build: run \`npm run build\` first. The API works meanwhile.`);

  const app = createApp({ api, files: { attachmentsDir }, staticFiles: staticFiles.handler, publicOrigin: config.publicUrl });
  // Check the database once at start, without refusing to start: a forum whose
  // database is briefly down comes up, answers 503, and recovers by itself.
  api.structure().then(
    () => console.log('lectern: the forum\'s database answers'),
    (error: unknown) => console.warn('lectern: the database does not answer yet:', error instanceof Error ? error.message : error),
  );

  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
    console.log(`lectern: http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${String(info.port)}/`);
  });
  const stop = (): void => {
    server.close(() => {
      void database.close().then(() => closeDemo?.()).finally(() => process.exit(0));
    });
    // Keep-alive connections would hold close() open; give them a moment, then go.
    setTimeout(() => process.exit(0), 3_000).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

await main();
