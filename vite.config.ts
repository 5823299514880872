import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv, type Plugin } from 'vite';
import { configDefaults } from 'vitest/config';
import { parseApiTimeoutMs } from './src/lib/api/api-timeout.ts';
import { contentSecurityPolicy } from './src/lib/security/content-security-policy.ts';
import { deep } from './test/deep.ts';

// The production build talks to a real server: MSW's service worker script is
// copied from public/ by Vite like any asset, so drop it from that build. The
// demo build (mode "demo") keeps it, because the demo runs on the mock forum.
function dropMockWorker(): Plugin {
  // The folder the build really wrote, so `vite build --outDir elsewhere` is cleaned too.
  let outDir = 'dist';
  return {
    name: 'lectern:drop-mock-worker',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      rmSync(resolve(outDir, 'mockServiceWorker.js'), { force: true });
    },
  };
}

// `vite preview` (npm run preview, npm start) stands in for a deployment, so it keeps
// two of a deployment's rules. A client's X-Forwarded-*/Forwarded headers are dropped
// before /api is proxied: only a proxy may say which origin the browser used, and an
// API that trusted them would build urls from whatever a client wrote (nothing we run
// needs them: the APIs' urls are root-relative). The build's source maps and manifest,
// written for the size check (`sourcemap: 'hidden'`, `.vite/manifest.json`), are not
// served. And pages only answer GET/HEAD.
function previewHardening(): Plugin {
  return {
    name: 'lectern:preview-hardening',
    configurePreviewServer(server) {
      // Added before Vite's own middlewares (proxy, static files), so it sees every request.
      server.middlewares.use((req, res, next) => {
        req.headers = Object.fromEntries(
          Object.entries(req.headers).filter(([name]) => name !== 'forwarded' && !name.startsWith('x-forwarded-')),
        );
        const target = req.url ?? '/';
        // The pages and files only read; sirv would otherwise answer TRACE or POST with a file.
        // /api is the API's to answer (its 405 says which methods it serves).
        if (req.method !== 'GET' && req.method !== 'HEAD' && !/^\/api(?:[/?#]|$)/.test(target)) {
          res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
          res.end('Method not allowed: use GET.\n');
          return;
        }
        if (isSourceMapPath(target) || isHiddenPath(target)) {
          res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
          res.end('Not found.\n');
          return;
        }
        next();
      });
    },
  };
}

/** A request target's path, percent-decoded where it can be (as the static server reads it). */
function decodedPath(target: string): string {
  const path = target.split(/[?#]/, 1)[0] ?? '';
  try {
    return decodeURIComponent(path);
  } catch {
    // Not valid percent-encoding: the static server cannot map it to a file either.
    return path;
  }
}

/** Whether a request target names a `.map` file, spelled in any case or percent-encoded. */
function isSourceMapPath(target: string): boolean {
  return /\.map\/*$/i.test(decodedPath(target));
}

/**
 * Whether a request target reaches into a dot-folder or names a dot-file, such as the
 * build's manifest (`/.vite/manifest.json`, for the size check); `npm run server` never
 * serves those either.
 */
function isHiddenPath(target: string): boolean {
  return /(^|[/\\])\./.test(decodedPath(target));
}

// One copy of the policy, shared with the server and the browser tests; re-exported for them.
export { contentSecurityPolicy };

// The chunk layout, derived from the module graph rather than from file-path patterns
// (a rename or a new folder must not silently move code onto or off the way to the
// first post). Three parts:
// - "entry": index.html's script and what it (src/main.tsx) imports statically: the
//   route table and the early API request. Grouped, or the bundler would put these
//   modules (which the app uses too) in the app's file, and the request would wait for
//   all of the app's code to download;
// - "app": the app's own code that the app shell and the topic view import statically,
//   as one file: reading a topic is what the reader is for, and one file is smaller in
//   gzip than the several it would otherwise be (each costs module glue and its own
//   dictionary). What they load lazily (the lightbox, keyboard reading, other views)
//   stays in chunks of its own;
// - "vendor": the libraries those import, which change rarely and stay cached across deploys.
// The two roots are named here; if either is renamed or no longer loaded by the entry,
// the build fails and says so.
const APP_ROOTS = ['src/app/start.tsx', 'src/app/routes/topic-route-view.tsx'];

function chunkLayout() {
  const early = new Set<string>();
  const app = new Set<string>();
  const vendor = new Set<string>();
  let start: string | null = null;
  const plugin: Plugin = {
    name: 'lectern:chunk-layout',
    apply: 'build',
    async buildEnd(error) {
      if (error) return;
      for (const set of [early, app, vendor]) set.clear();
      const closure = (roots: Iterable<string>): Set<string> => {
        const seen = new Set<string>();
        const visit = (id: string) => {
          if (seen.has(id)) return;
          seen.add(id);
          for (const imported of this.getModuleInfo(id)?.importedIds ?? []) visit(imported);
        };
        for (const root of roots) visit(root);
        return seen;
      };
      const ids = [...this.getModuleIds()];
      const entries = ids.filter((id) => this.getModuleInfo(id)?.isEntry);
      const entry = closure(entries);
      for (const id of entry) if (!entries.includes(id)) early.add(id);
      const loadedByEntry = new Set([...entry].flatMap((id) => this.getModuleInfo(id)?.dynamicallyImportedIds ?? []));
      const roots = APP_ROOTS.map((path) => {
        const id = ids.find((candidate) => candidate === resolve(import.meta.dirname, path));
        if (!id || !loadedByEntry.has(id)) this.error(`vite.config.ts (chunk layout): ${path} is not a module the entry loads; update APP_ROOTS.`);
        return id;
      });
      start = roots[0] ?? null;
      for (const id of closure(roots)) {
        if (entry.has(id)) continue;
        (/[\\/]node_modules[\\/]/.test(id) ? vendor : app).add(id);
      }
    },
  };
  return {
    plugin,
    groups: [
      { name: 'entry', test: (id: string) => early.has(id) },
      { name: 'vendor', test: (id: string) => vendor.has(id) },
      { name: 'app', test: (id: string) => app.has(id) },
    ],
    /** The app shell's module id, once the graph is built. */
    startModule: () => start,
  };
}

const layout = chunkLayout();
// Browser test files that run on their own (the e2e-alone project below): those that
// measure time (huge posts' long tasks; under test:deep the 10,000-post print view's
// responsiveness), and the hostile-topic sweep, which hovers every element of every page
// and waits for each page's images: beside another browser on two cores, one of the demo
// service worker's image answers did not arrive within 30 s in two CI runs.
const timedE2e = ['test/e2e/huge-posts.e2e.ts', 'test/e2e/hostile-posts.e2e.ts', ...(deep ? ['test/e2e/print.e2e.ts'] : [])];

// The entry script only starts the page's API request and then imports the app.
// Announce the app's chunks (and their CSS) in index.html too, so the browser fetches them at once
// instead of after the entry has run: code and data then load side by side.
function preloadAppChunks(): Plugin {
  return {
    name: 'lectern:preload-app-chunks',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return [];
        // What the page already names (its script, and the stylesheets Vite added for it).
        const announced = new Set([...html.matchAll(/(?:src|href)="\/([^"]+)"/g)].map((found) => found[1] ?? ''));
        const startModule = layout.startModule();
        const start = Object.values(bundle).find((item) => item.type === 'chunk' && startModule !== null && item.moduleIds.includes(startModule));
        if (!start || start.type !== 'chunk') return [];
        const files = new Set<string>([start.fileName]);
        const visit = (fileName: string) => {
          const chunk = bundle[fileName];
          if (!chunk || chunk.type !== 'chunk') return;
          for (const imported of chunk.imports) {
            if (!files.has(imported) && !announced.has(imported) && bundle[imported]?.type === 'chunk') {
              files.add(imported);
              visit(imported);
            }
          }
        };
        visit(start.fileName);
        // Their stylesheets too: Vite's loader would otherwise request them only once the
        // entry runs, and hold the app's start until they arrive.
        const styles = new Set<string>();
        for (const file of files) {
          const chunk = bundle[file];
          if (chunk?.type === 'chunk') for (const css of chunk.viteMetadata?.importedCss ?? []) if (!announced.has(css)) styles.add(css);
        }
        return [
          ...[...styles].map((file) => ({ tag: 'link', attrs: { rel: 'stylesheet', crossorigin: true, href: `/${file}` }, injectTo: 'head' as const })),
          ...[...files].map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` }, injectTo: 'head' as const })),
        ];
      },
    },
  };
}

export default defineConfig(({ mode, isSsrBuild }) => {
  // `vite build --ssr`: the server renderer's bundle (server/render/render-entry.tsx), for
  // Node. None of the browser build's chunking, preloads or html applies to it.
  if (isSsrBuild) {
    return {
      plugins: [react()],
      build: { outDir: 'dist-ssr', emptyOutDir: true, sourcemap: true, copyPublicDir: false, rolldownOptions: { input: 'server/render/render-entry.tsx' } },
    };
  }
  const demo = mode === 'demo';
  // The app reads VITE_API_TIMEOUT_MS as a number: a value that is not one fails here.
  parseApiTimeoutMs(loadEnv(mode, process.cwd(), 'VITE_API_TIMEOUT_MS').VITE_API_TIMEOUT_MS);
  const outDir = demo ? 'dist-demo' : 'dist';
  // Where `npm run preview` forwards /api: the mock forum of `npm run api` by default.
  const apiTarget = process.env.LECTERN_API_TARGET ?? 'http://127.0.0.1:8787';
  return {
    plugins: [react(), layout.plugin, preloadAppChunks(), previewHardening(), ...(demo || mode === 'development' ? [] : [dropMockWorker()])],
    // The demo carries the whole mock forum in one lazily loaded chunk, on purpose.
    build: {
      outDir,
      // Hidden: the maps are written beside the chunks for the size check and the build
      // checks (test/bench/size-check.ts, build-graph.ts read them), but no chunk names
      // its map, and neither `npm run server` nor `vite preview` serves *.map.
      sourcemap: 'hidden',
      manifest: true, // .vite/manifest.json, for the size check; served by neither server, like the maps
      chunkSizeWarningLimit: demo ? 1200 : 500,
      rolldownOptions: {
        output: {
          // Fewer, larger files on the way to the first post (see chunkLayout above).
          codeSplitting: { groups: layout.groups },
        },
      },
    },
    server: { host: '127.0.0.1', port: 5173 },
    preview: {
      host: '127.0.0.1',
      port: demo ? 4173 : 4174,
      // The demo answers /api from its service worker; everything else proxies to a server.
      // No xfwd: the APIs' image urls are root-relative, so they need not know the origin
      // the browser used, and Vite's xfwd would keep a client-sent X-Forwarded-Host first.
      proxy: demo ? undefined : { '/api': { target: apiTarget, changeOrigin: true } },
      headers: { 'Content-Security-Policy': contentSecurityPolicy },
    },
    test: {
      projects: [
        {
          extends: true,
          test: {
            name: 'unit',
            environment: 'jsdom',
            setupFiles: ['test/setup.ts'],
            include: ['src/**/*.test.{ts,tsx}', 'mocks/**/*.test.ts', 'test/**/*.test.{ts,tsx}'],
            exclude: [...configDefaults.exclude, 'test/e2e/**'],
            // Two files at a time, whatever the machine: Vitest's default (a core less than
            // there are) leaves one of two cores idle, and most of a file's time is its own
            // jsdom and setup, not shared with any other file.
            maxWorkers: 2,
            // A property of 10,000 runs (npm run test:deep) can take minutes.
            testTimeout: deep ? 30 * 60_000 : 15_000,
          },
        },
        {
          // The browser tests, two files at a time: each has its own Chromium, contexts
          // and fault server, and the mock forum's API they share only reads.
          extends: true,
          test: {
            name: 'e2e',
            environment: 'node',
            include: ['test/e2e/**/*.e2e.ts'],
            exclude: [...configDefaults.exclude, ...timedE2e],
            globalSetup: ['test/e2e/global-setup.ts'],
            maxWorkers: 2,
            testTimeout: 60_000,
            hookTimeout: 180_000,
          },
        },
        {
          // The browser tests that time the page (long tasks, how soon it answers): alone,
          // after the others, so another Chromium is not what they measure.
          extends: true,
          test: {
            name: 'e2e-alone',
            environment: 'node',
            include: timedE2e,
            globalSetup: ['test/e2e/global-setup.ts'],
            fileParallelism: false,
            testTimeout: 60_000,
            hookTimeout: 180_000,
          },
        },
        {
          extends: true,
          test: {
            // The SMF server against real MariaDB and PostgreSQL servers that the global
            // setup starts on private ports and data directories (server/test/).
            name: 'server',
            environment: 'node',
            include: ['server/**/*.test.ts'],
            globalSetup: ['server/test/global-setup.ts'],
            fileParallelism: false,
            testTimeout: deep ? 30 * 60_000 : 60_000,
            hookTimeout: 180_000,
          },
        },
      ],
    },
  };
});
