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

type Servers = { demoUrl: string; prodUrl: string; apiUrl: string; close: () => Promise<void> };

// Both browser-test projects (e2e, and e2e-alone for the files that time the page) name
// this setup, and Vitest runs it once for each, in one process: the first builds and
// starts the servers, the second shares them, and the last teardown closes them.
const shared = globalThis as { lecternE2e?: { servers: Promise<Servers>; users: number } };

async function startServers(): Promise<Servers> {
  findChromium(); // fail first, with instructions, when there is no browser
  if (process.env.LECTERN_E2E_SKIP_BUILD === '1') checkBuilt();
  else buildAll();
  const api = await startApiServer({ port: 0, host: '127.0.0.1' });
  // Both apps run under the strict policy the README gives deployers, so any test
  // that meets an inline script, eval or a foreign load in the app fails with it.
  const headers = { 'Content-Security-Policy': contentSecurityPolicy };
  const demo = await startStaticServer({ root: builtDir('dist-demo'), headers });
  const prod = await startStaticServer({ root: builtDir('dist'), apiTarget: api.url.replace(/\/api$/, ''), headers });
  return {
    demoUrl: demo.url,
    prodUrl: prod.url,
    apiUrl: api.url,
    close: async () => {
      await Promise.all([demo.close(), prod.close(), api.close()]);
    },
  };
}

export async function setup(project: TestProject): Promise<() => Promise<void>> {
  shared.lecternE2e ??= { servers: startServers(), users: 0 };
  const state = shared.lecternE2e;
  state.users += 1;
  const servers = await state.servers;
  project.provide('demoUrl', servers.demoUrl);
  project.provide('prodUrl', servers.prodUrl);
  project.provide('apiUrl', servers.apiUrl);
  return async () => {
    state.users -= 1;
    if (state.users > 0) return;
    shared.lecternE2e = undefined;
    await servers.close();
  };
}
