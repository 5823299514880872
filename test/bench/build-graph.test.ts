// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chunkImports, findMockCode, htmlTags, topicUrlLoad, viteMapDeps } from './build-graph';

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

// The shape of a Vite 8 build whose entry loads the app by import(), with the topic
// view in a lazy chunk of its own and another view (search) lazy too.
const INDEX_HTML = `<!doctype html><html><head>
<!-- <script src="/assets/commented-out.js"></script> -->
<script src="/theme-init.js"></script>
<script type="module" crossorigin src="/assets/index-A.js"></script>
<link rel="stylesheet" crossorigin href="/assets/index-A.css">
<link rel="modulepreload" crossorigin href="/assets/start-B.js">
<link rel="icon" href="/favicon.svg">
</head><body><div id="root"></div></body></html>`;

const ENTRY = `const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["assets/start-B.js","assets/start-B.css"])))=>i.map(i=>d[i]);
import{a as x}from"./shared-C.js";
const note='import y from "./looks-like-an-import.js"';
f(async()=>{let{start:e}=await import(\`./start-B.js\`);return{start:e}},__vite__mapDeps([0,1])).then(({start:e})=>e(x));`;

const START = `const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["assets/topic-view-D.js","assets/post-body-E.js","assets/topic-view-D.css","assets/search-F.js","assets/search-F.css"])))=>i.map(i=>d[i]);
import"./shared-C.js";
const routes=[{lazy:()=>p(()=>import("./topic-view-D.js"),__vite__mapDeps([0,1,2]))},{lazy:()=>p(()=>import("./search-F.js"),__vite__mapDeps([3,4]))}];`;

function viteLikeDist(extra: Record<string, string> = {}): string {
  return fakeDist({
    'index.html': INDEX_HTML,
    'theme-init.js': 'document.documentElement.dataset.theme="dark";',
    'assets/index-A.js': ENTRY,
    'assets/index-A.js.map': map('../../src/main.tsx'),
    'assets/index-A.css': 'body{margin:0}',
    'assets/start-B.js': START,
    'assets/start-B.js.map': map('../../src/app/start.tsx'),
    'assets/start-B.css': '.site-header{display:flex}',
    'assets/shared-C.js': 'export const a=1;',
    'assets/shared-C.js.map': map('../../node_modules/react/index.js'),
    'assets/topic-view-D.js': 'import{b}from"./post-body-E.js";export const T=b;',
    'assets/topic-view-D.js.map': map('../../src/app/routes/topic-route-view.tsx'),
    'assets/topic-view-D.css': '.post{padding:0}',
    'assets/post-body-E.js': 'export const b=2;',
    'assets/post-body-E.js.map': map('../../src/ui/post-body/post-body.tsx'),
    'assets/search-F.js': 'export const S=3;',
    'assets/search-F.js.map': map('../../src/features/search/components/search-page.tsx'),
    'assets/search-F.css': '.search{}',
    'assets/looks-like-an-import.js': 'export const never=1;',
    'assets/looks-like-an-import.js.map': map('../../src/lib/never.ts'),
    ...extra,
  });
}

describe('reading index.html and chunks', () => {
  it('finds script and link tags with their attributes, ignoring comments', () => {
    const tags = htmlTags(INDEX_HTML);
    expect(tags.map((tag) => [tag.name, tag.attributes.get('src') ?? tag.attributes.get('href')])).toEqual([
      ['script', '/theme-init.js'],
      ['script', '/assets/index-A.js'],
      ['link', '/assets/index-A.css'],
      ['link', '/assets/start-B.js'],
      ['link', '/favicon.svg'],
    ]);
    expect(tags[1]?.attributes.get('type')).toBe('module');
    expect(tags[1]?.attributes.has('crossorigin')).toBe(true);
  });

  it('tells static imports from import() and reads the files Vite preloads with each import()', () => {
    const imports = chunkImports(START, 'assets/start-B.js');
    expect(imports.staticImports).toEqual(['assets/shared-C.js']);
    expect(imports.dynamicImports).toEqual([
      { file: 'assets/topic-view-D.js', preloads: ['assets/topic-view-D.js', 'assets/post-body-E.js', 'assets/topic-view-D.css'] },
      { file: 'assets/search-F.js', preloads: ['assets/search-F.js', 'assets/search-F.css'] },
    ]);
  });

  it('does not take an import written inside a string for one', () => {
    const imports = chunkImports(ENTRY, 'assets/index-A.js');
    expect(imports.staticImports).toEqual(['assets/shared-C.js']);
    expect(imports.dynamicImports.map((entry) => entry.file)).toEqual(['assets/start-B.js']);
  });

  it('reads a plain import() without the preload helper, and Vite’s dependency list', () => {
    expect(chunkImports('import("./x.js").then(run)', 'assets/a.js').dynamicImports).toEqual([{ file: 'assets/x.js', preloads: [] }]);
    expect(viteMapDeps(START)).toHaveLength(5);
    expect(viteMapDeps('no helper here')).toEqual([]);
  });
});

describe('what a topic URL loads before its first post', () => {
  it('counts the HTML’s scripts, module preloads, static imports and the lazy topic view, not other lazy views', () => {
    const load = topicUrlLoad(viteLikeDist());
    expect(load.js.map((file) => file.file)).toEqual([
      'theme-init.js',
      'assets/index-A.js',
      'assets/start-B.js',
      'assets/shared-C.js',
      'assets/topic-view-D.js',
      'assets/post-body-E.js',
    ]);
    expect(load.js.find((file) => file.file === 'assets/topic-view-D.js')?.how).toMatch(/lazy chunk of the topic view/);
    expect(load.js.some((file) => file.file.includes('search') || file.file.includes('looks-like'))).toBe(false);
    expect(load.css.map((file) => file.file)).toEqual(['assets/index-A.css', 'assets/start-B.css', 'assets/topic-view-D.css']);
    for (const file of [...load.js, ...load.css]) expect(file.gzip).toBeGreaterThan(0);
    expect(load.notes).toEqual([]);
  });

  it('says so when a chunk has no sourcemap, since a lazy topic view could hide in it', () => {
    const dist = viteLikeDist();
    rmSync(join(dist, 'assets/search-F.js.map'));
    expect(topicUrlLoad(dist).notes).toEqual([expect.stringMatching(/1 chunk\(s\) have no sourcemap/)]);
  });
});

describe('mock code in a build', () => {
  it('finds none in a clean build, even in words that merely contain "msw"', () => {
    expect(findMockCode(viteLikeDist({ 'assets/extra.js': 'const mswitch=1, hamsworth=2;' }))).toEqual([]);
  });

  it('finds the worker file, MSW’s API, the demo forum’s name and mock sources in sourcemaps', () => {
    const dist = viteLikeDist({
      'mockServiceWorker.js': '/* worker */',
      'assets/a.js': 'const{setupWorker:s}=lib;',
      'assets/b.js': 'console.log("[MSW] Mocking enabled.")',
      'index.html': `${INDEX_HTML}<p>Bosman Business World</p>`,
      'assets/c.js': 'export{}',
      'assets/c.js.map': map('../../mocks/browser.ts'),
    });
    const found = findMockCode(dist).map((finding) => `${finding.file}: ${finding.what}`);
    expect(found).toEqual([
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

  it('fails when mock code shipped, and when there is no build at all', () => {
    const withMock = run(viteLikeDist({ 'mockServiceWorker.js': '/* worker */' }));
    expect(withMock.output).toMatch(/mock code in mockServiceWorker\.js/);
    expect(withMock.code).toBe(1);
    const empty = run(fakeDist({}));
    expect(empty.output).toMatch(/index\.html does not exist\. Build first/);
    expect(empty.code).toBe(2);
  });
});
