// Builds the app once (test/e2e/build.ts: the offline demo, the production build and
// the fault tests' build) and serves the first two for every browser test: the offline
// demo (mock forum in a service worker) and the production build against the mock forum
// served over real HTTP, the way a deployment runs. With LECTERN_E2E_SKIP_BUILD=1 (set by
// `npm test`, which has just built them for the size check) the builds are only checked.
import type { TestProject } from 'vitest/node';
import { startApiServer } from '../../mocks/http-server';
import { contentSecurityPolicy } from '../../vite.config';
import { buildAll, builtDir, checkBuilt } from './build';
import { findChromium } from './chromium';
import { startStaticServer } from './static-server';

declare module 'vitest' {
  export interface ProvidedContext {
    demoUrl: string;
    prodUrl: string;
    apiUrl: string;
  }
}

export async function setup(project: TestProject): Promise<() => Promise<void>> {
  findChromium(); // fail first, with instructions, when there is no browser
  if (process.env.LECTERN_E2E_SKIP_BUILD === '1') checkBuilt();
  else buildAll();
  const api = await startApiServer({ port: 0, host: '127.0.0.1' });
  // Both apps run under the strict policy the README gives deployers, so any test
  // that meets an inline script, eval or a foreign load in the app fails with it.
  const headers = { 'Content-Security-Policy': contentSecurityPolicy };
  const demo = await startStaticServer({ root: builtDir('dist-demo'), headers });
  const prod = await startStaticServer({ root: builtDir('dist'), apiTarget: api.url.replace(/\/api$/, ''), headers });
  project.provide('demoUrl', demo.url);
  project.provide('prodUrl', prod.url);
  project.provide('apiUrl', api.url);
  return async () => {
    await Promise.all([demo.close(), prod.close(), api.close()]);
  };
}
