// `npm run server` as a forum owner runs it, for the browser tests: the real process
// (server/main.ts) with no database configured, so it serves the demo forum from its
// embedded PostgreSQL through the SMF SQL path, with the production build and its server
// renderer. Started before the calling file's tests, stopped (by its PID) after them.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { builtDir } from './build';

const root = resolve(import.meta.dirname, '../..');

/**
 * The server's base URL (http://127.0.0.1:PORT), for use inside the file's tests. `env`
 * adds settings, read when the server starts (after the hooks registered before this one).
 */
export function lecternServerForThisFile(env: () => Record<string, string> = () => ({})): () => string {
  let child: ChildProcess | undefined;
  let base = '';
  beforeAll(async () => {
    const started = spawn(resolve(root, 'node_modules/.bin/tsx'), ['server/main.ts'], {
      cwd: root,
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        DATABASE_URL: '',
        SMF_SETTINGS: '',
        // What ships: Vitest's NODE_ENV=test would give React's development build.
        NODE_ENV: 'production',
        LECTERN_DIST: builtDir('dist'),
        LECTERN_SSR_DIST: builtDir('dist-ssr'),
        ...env(),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = started;
    let output = '';
    base = await new Promise<string>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`npm run server did not start in 150 s:\n${output}`)), 150_000);
      const read = (chunk: Buffer): void => {
        output += chunk.toString();
        const match = /lectern: (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
        if (match?.[1]) {
          clearTimeout(timer);
          done(match[1]);
        }
      };
      started.stdout.on('data', read);
      started.stderr.on('data', read);
      started.once('exit', (code) => fail(new Error(`npm run server exited (${String(code)}):\n${output}`)));
    });
  }, 180_000);
  afterAll(() => {
    child?.kill('SIGTERM');
  });
  return () => {
    if (!base) throw new Error('The server has not started yet: call the getter inside a test.');
    return base;
  };
}
