// The builds the browser tests run against, made once per test run: by the browser
// tests' global setup, or by `npm run build:test` before `npm test`'s size check, which
// then hands them on (LECTERN_E2E_SKIP_BUILD=1) so that nothing is built twice.
//   npx tsx test/e2e/build.ts
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '../..');

/**
 * The fault tests' API timeout. Their build is the production build with this one
 * setting changed, so a request that hangs is told in seconds, not the 15 s a reader gets.
 */
export const FAULT_BUILD_TIMEOUT_MS = 3000;

/** `marker`: the file that says the build is there (index.html unless named). */
type Build = { what: string; outDir: string; args: string[]; env?: Record<string, string>; marker?: string };

export const BUILDS: readonly Build[] = [
  { what: 'the offline demo', outDir: 'dist-demo', args: ['--mode', 'demo'] },
  { what: 'the production build', outDir: 'dist', args: [] },
  // `npm run server`'s renderer, which renders pages into the production build's index.html.
  { what: 'the server renderer', outDir: 'dist-ssr', args: ['--ssr'], marker: 'render-entry.js' },
  {
    what: 'the fault tests’ build',
    outDir: 'dist-faults',
    args: ['--outDir', 'dist-faults'],
    env: { VITE_API_TIMEOUT_MS: String(FAULT_BUILD_TIMEOUT_MS) },
  },
];

/** The folder of one build, by its outDir. */
export function builtDir(outDir: string): string {
  return resolve(root, outDir);
}

export function buildAll(): void {
  for (const build of BUILDS) {
    execFileSync(resolve(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn', ...build.args], {
      cwd: root,
      stdio: 'inherit',
      // Vitest sets NODE_ENV=test, which a child `vite build` would inherit and turn into
      // a development build of React: the browser tests must see what ships.
      env: { ...process.env, ...build.env, NODE_ENV: 'production' },
    });
  }
}

/** Throws, saying what to run, when a build the tests need is missing. */
export function checkBuilt(): void {
  const missing = BUILDS.filter((build) => !existsSync(resolve(builtDir(build.outDir), build.marker ?? 'index.html')));
  if (missing.length > 0) {
    throw new Error(
      `LECTERN_E2E_SKIP_BUILD=1, but ${missing.map((build) => `${build.what} (${build.outDir}/)`).join(', ')} is not built: run \`npm run build:test\` first.`,
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) buildAll();
