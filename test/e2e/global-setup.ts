// Builds both flavours of the app once and serves them for every browser test:
// the offline demo (mock forum in a service worker) and the production build
// against the mock forum served over real HTTP, the way a deployment runs.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startApiServer } from '../../mocks/http-server';
import { contentSecurityPolicy } from '../../vite.config';
import { findChromium } from './chromium';
import { startStaticServer } from './static-server';

declare module 'vitest' {
  export interface ProvidedContext {
    demoUrl: string;
    prodUrl: string;
    apiUrl: string;
  }
}

const root = resolve(import.meta.dirname, '../..');

function build(args: string[]): void {
  execFileSync(resolve(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn', ...args], {
    cwd: root,
    stdio: 'inherit',
    // Vitest sets NODE_ENV=test, which a child `vite build` would inherit and turn into
    // a development build of React: the browser tests must see what ships.
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

export async function setup(project: TestProject): Promise<() => Promise<void>> {
  findChromium(); // fail first, with instructions, when there is no browser
  if (process.env.LECTERN_E2E_SKIP_BUILD !== '1') {
    build(['--mode', 'demo']);
    build([]);
  }
  const api = await startApiServer({ port: 0, host: '127.0.0.1' });
  // Both apps run under the strict policy the README gives deployers, so any test
  // that meets an inline script, eval or a foreign load in the app fails with it.
  const headers = { 'Content-Security-Policy': contentSecurityPolicy };
  const demo = await startStaticServer({ root: resolve(root, 'dist-demo'), headers });
  const prod = await startStaticServer({ root: resolve(root, 'dist'), apiTarget: api.url.replace(/\/api$/, ''), headers });
  project.provide('demoUrl', demo.url);
  project.provide('prodUrl', prod.url);
  project.provide('apiUrl', api.url);
  return async () => {
    await Promise.all([demo.close(), prod.close(), api.close()]);
  };
}
