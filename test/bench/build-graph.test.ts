// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findMockCode, htmlTags, topicUrlLoad } from './build-graph';

const root = resolve(import.meta.dirname, '../..');
const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A dist/ folder from a { path: content } map. */
function fakeDist(files: Record<string, string>): string {
  const dist = mkdtempSync(join(tmpdir(), 'lectern-size-'));
  made.push(dist);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dist, path)), { recursive: true });
    writeFileSync(join(dist, path), content);
  }
  return dist;
}

const map = (...sources: string[]) => JSON.stringify({ version: 3, sources, mappings: 'AAAA' });

// The shape of a Vite 8 build whose entry loads the app by import(), with the topic view
// in a chunk made of a codeSplitting group (no `src` in the manifest), another view
// (search) lazy too, and a module that only a string in the entry mentions.
const INDEX_HTML = `<!doctype html><html><head>
<!-- <script src="/assets/commented-out.js"></script> -->
<script src="/theme-init.js"></script>
<script type="module" crossorigin src="/assets/index-A.js"></script>
<link rel="stylesheet" crossorigin href="/assets/index-A.css">
<link rel="modulepreload" crossorigin href="/assets/start-B.js">
<link rel="modulepreload" crossorigin href="/assets/preloaded-G.js">
<link rel="icon" href="/favicon.svg">
</head><body><div id="root"></div></body></html>`;

const MANIFEST = {
  'index.html': {
    file: 'assets/index-A.js',
    name: 'index',
    src: 'index.html',
    isEntry: true,
    imports: ['_shared-C.js'],
    dynamicImports: ['src/app/start.tsx', '_topic-view-D.js'],
    css: ['assets/index-A.css'],
  },
  'src/app/start.tsx': {
    file: 'assets/start-B.js',
    src: 'src/app/start.tsx',
    isDynamicEntry: true,
    imports: ['_shared-C.js'],
    dynamicImports: ['_topic-view-D.js', 'src/features/search/components/search-page.tsx'],
    css: ['assets/start-B.css'],
  },
  '_shared-C.js': { file: 'assets/shared-C.js', name: 'shared' },
  '_topic-view-D.js': { file: 'assets/topic-view-D.js', name: 'topic-view', imports: ['_post-body-E.js'], css: ['assets/topic-view-D.css'] },
  '_post-body-E.js': { file: 'assets/post-body-E.js', name: 'post-body' },
  'src/features/search/components/search-page.tsx': {
    file: 'assets/search-F.js',
    src: 'src/features/search/components/search-page.tsx',
    isDynamicEntry: true,
    css: ['assets/search-F.css'],
  },
  '_preloaded-G.js': { file: 'assets/preloaded-G.js', name: 'preloaded' },
};

function viteLikeDist(extra: Record<string, string> = {}): string {
  return fakeDist({
    'index.html': INDEX_HTML,
    '.vite/manifest.json': JSON.stringify(MANIFEST),
    'theme-init.js': 'document.documentElement.dataset.theme="dark";',
    'assets/index-A.js': 'import{a as x}from"./shared-C.js";const note=\'import y from "./looks-like-an-import.js"\';import("./start-B.js");',
    'assets/index-A.js.map': map('../../src/main.tsx'),
    'assets/index-A.css': 'body{margin:0}',
    'assets/start-B.js': 'import"./shared-C.js";',
    'assets/start-B.js.map': map('../../src/app/start.tsx'),
    'assets/start-B.css': '.site-header{display:flex}',
    'assets/shared-C.js': 'export const a=1;',
    'assets/shared-C.js.map': map('../../node_modules/react/index.js'),
    'assets/topic-view-D.js': 'import{b}from"./post-body-E.js";export const T=b;',
    'assets/topic-view-D.js.map': map('../../src/app/routes/topic-route-view.tsx', '../../src/features/topic/api/topic-query.ts'),
    'assets/topic-view-D.css': '.post{padding:0}',
    'assets/post-body-E.js': 'export const b=2;',
    'assets/post-body-E.js.map': map('../../src/ui/post-body/post-body.tsx'),
    'assets/search-F.js': 'export const S=3;',
    'assets/search-F.js.map': map('../../src/features/search/components/search-page.tsx'),
    'assets/search-F.css': '.search{}',
    'assets/preloaded-G.js': 'export const G=4;',
    'assets/preloaded-G.js.map': map('../../src/lib/preloaded.ts'),
    'assets/looks-like-an-import.js': 'export const never=1;',
    ...extra,
  });
}

describe('reading index.html', () => {
  it('finds script and link tags with their attributes, ignoring comments', () => {
    const tags = htmlTags(INDEX_HTML);
    expect(tags.map((tag) => [tag.name, tag.attributes.get('src') ?? tag.attributes.get('href')])).toEqual([
      ['script', '/theme-init.js'],
      ['script', '/assets/index-A.js'],
      ['link', '/assets/index-A.css'],
      ['link', '/assets/start-B.js'],
      ['link', '/assets/preloaded-G.js'],
      ['link', '/favicon.svg'],
    ]);
    expect(tags[1]?.attributes.get('type')).toBe('module');
    expect(tags[1]?.attributes.has('crossorigin')).toBe(true);
  });
});

describe('what a topic URL loads before its first post', () => {
  it('counts the classic scripts, the entry, the app and the topic view with their static imports, and what index.html preloads; not other lazy views', () => {
    const load = topicUrlLoad(viteLikeDist());
    expect(load.js.map((file) => [file.file, file.how])).toEqual([
      ['theme-init.js', 'index.html <script> (classic)'],
      ['assets/index-A.js', 'index.html <script type=module> (the entry)'],
      ['assets/shared-C.js', 'static import of index-A.js'],
      ['assets/start-B.js', 'the app (src/app/start.tsx), loaded by import()'],
      ['assets/topic-view-D.js', 'the topic view (src/app/routes/topic-route-view.tsx), loaded by import()'],
      ['assets/post-body-E.js', 'static import of topic-view-D.js'],
      ['assets/preloaded-G.js', 'index.html modulepreload'],
    ]);
    expect(load.css.map((file) => [file.file, file.how])).toEqual([
      ['assets/index-A.css', 'index.html stylesheet'],
      ['assets/start-B.css', 'CSS of start-B.js'],
      ['assets/topic-view-D.css', 'CSS of topic-view-D.js'],
    ]);
    for (const file of [...load.js, ...load.css]) expect(file.gzip).toBeGreaterThan(0);
    expect(load.notes).toEqual([]);
  });

  it('finds a topic view split into a chunk of its own by its manifest entry', () => {
    const manifest = {
      ...MANIFEST,
      '_topic-view-D.js': undefined,
      'src/app/routes/topic-route-view.tsx': { ...MANIFEST['_topic-view-D.js'], src: 'src/app/routes/topic-route-view.tsx', isDynamicEntry: true },
    };
    const dist = viteLikeDist({ '.vite/manifest.json': JSON.stringify(manifest) });
    rmSync(join(dist, 'assets/topic-view-D.js.map'));
    const load = topicUrlLoad(dist);
    expect(load.js.find((file) => file.file === 'assets/topic-view-D.js')?.how).toBe('the topic view (src/app/routes/topic-route-view.tsx), loaded by import()');
    expect(load.notes).toEqual([]);
  });

  it('says so when a chunk it could not place has no sourcemap, since the topic view could hide in it', () => {
    const dist = viteLikeDist();
    rmSync(join(dist, 'assets/search-F.js.map'));
    rmSync(join(dist, 'assets/shared-C.js.map'));
    // shared-C.js is counted anyway (the entry imports it): only search-F.js is unknown.
    expect(topicUrlLoad(dist).notes).toEqual([expect.stringMatching(/^1 chunk\(s\) have no sourcemap/)]);
  });

  it('says so when the manifest is not the one of this index.html, and fails without one', () => {
    const dist = viteLikeDist({ 'index.html': INDEX_HTML.replace('index-A.js', 'index-Z.js') });
    expect(topicUrlLoad(dist).notes).toContain(
      "index.html's <script type=module> assets/index-Z.js is not in the manifest: the manifest is not this build's",
    );
    rmSync(join(dist, '.vite'), { recursive: true });
    expect(() => topicUrlLoad(dist)).toThrow(/manifest\.json does not exist/);
  });
});

describe('mock code in a build', () => {
  it('finds none in a clean build, even in words that merely contain "msw"', () => {
    expect(findMockCode(viteLikeDist({ 'assets/extra.js': 'const mswitch=1, hamsworth=2;' }))).toEqual([]);
  });

  it('finds the worker file, MSW’s API, the demo forum’s name and mock sources in sourcemaps and the manifest', () => {
    const dist = viteLikeDist({
      '.vite/manifest.json': JSON.stringify({ ...MANIFEST, 'mocks/browser.ts': { file: 'assets/c.js', src: 'mocks/browser.ts', isDynamicEntry: true } }),
      'mockServiceWorker.js': '/* worker */',
      'assets/a.js': 'const{setupWorker:s}=lib;',
      'assets/b.js': 'console.log("[MSW] Mocking enabled.")',
      'index.html': `${INDEX_HTML}<p>Bosman Business World</p>`,
      'assets/c.js': 'export{}',
      'assets/c.js.map': map('../../mocks/browser.ts'),
    });
    const found = findMockCode(dist).map((finding) => `${finding.file}: ${finding.what}`);
    expect(found).toEqual([
      '.vite/manifest.json: manifest names mock source',
      'assets/a.js: "setupWorker"',
      'assets/b.js: "msw"',
      'assets/c.js.map: sourcemap names mock source',
      'index.html: "Bosman Business World"',
      'mockServiceWorker.js: file mockServiceWorker.js',
    ]);
  });
});

describe('the size check command', () => {
  const run = (dist: string) => {
    try {
      const stdout = execFileSync(join(root, 'node_modules/.bin/tsx'), ['test/bench/size-check.ts', '--dist', dist], {
        cwd: root,
        encoding: 'utf8',
        stdio: 'pipe',
      });
      return { code: 0, output: stdout };
    } catch (error) {
      const failed = error as { status: number; stdout: string; stderr: string };
      return { code: failed.status, output: `${failed.stdout}${failed.stderr}` };
    }
  };

  it('passes a small clean build and prints its table', () => {
    const { code, output } = run(viteLikeDist());
    expect(output).toMatch(/JS a topic URL loads before its first post/);
    expect(output).toMatch(/total JS .* ok, budget 121\.0/);
    expect(output).toMatch(/Size check passed/);
    expect(code).toBe(0);
  });

  it('fails, saying by how much, when the JS is over 121 kB gzipped', () => {
    // Random bytes do not compress: about 130 kB even gzipped.
    const big = `export const blob="${randomBytes(130_000).toString('base64')}";`;
    const { code, output } = run(viteLikeDist({ 'assets/shared-C.js': big }));
    expect(output).toMatch(/JS: 1\d\d\.\d kB gzip, budget 121\.0 kB \(over by \d+\.\d kB\)/);
    expect(code).toBe(1);
  });

  it('fails when mock code shipped, and when there is no build or no manifest', () => {
    const withMock = run(viteLikeDist({ 'mockServiceWorker.js': '/* worker */' }));
    expect(withMock.output).toMatch(/mock code in mockServiceWorker\.js/);
    expect(withMock.code).toBe(1);
    const empty = run(fakeDist({}));
    expect(empty.output).toMatch(/index\.html does not exist\. Build first/);
    expect(empty.code).toBe(2);
    const noManifest = run(fakeDist({ 'index.html': INDEX_HTML }));
    expect(noManifest.output).toMatch(/\.vite\/manifest\.json does not exist: build with `build\.manifest` on/);
    expect(noManifest.code).toBe(2);
  });
});
