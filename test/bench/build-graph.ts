// Reads a production build (dist/) the way a browser meets it on a topic URL, from
// the build's own record of it: Vite's manifest (dist/.vite/manifest.json, written
// because vite.config.ts sets `build.manifest`) names the entry chunk, each chunk's
// static imports, dynamic imports and CSS, so no minified chunk is parsed here.
// index.html adds what the manifest does not know: classic scripts copied from
// public/, and the module preloads and stylesheets the page asks for at once.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { RawSourceMap } from './source-map';

/** A file as the browser fetches it: path relative to dist/ (posix), sizes in bytes. */
export type LoadedFile = { file: string; how: string; raw: number; gzip: number };

export type TopicUrlLoad = { js: LoadedFile[]; css: LoadedFile[]; notes: string[] };

/** gzip -9, the size a server that pre-compresses its static files sends. */
export function gzipSize(content: Buffer | string): number {
  return gzipSync(content, { level: 9 }).length;
}

type Tag = { name: string; attributes: Map<string, string> };

/** The `<script>` and `<link>` tags of an HTML page, with their attributes (names lower-cased). */
export function htmlTags(html: string): Tag[] {
  const withoutComments = html.replace(/<!--[\s\S]*?-->/g, '');
  const tags: Tag[] = [];
  for (const match of withoutComments.matchAll(/<(script|link)\b([^>]*)>/gi)) {
    const attributes = new Map<string, string>();
    for (const attr of (match[2] ?? '').matchAll(/([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      attributes.set((attr[1] ?? '').toLowerCase(), attr[2] ?? attr[3] ?? attr[4] ?? '');
    }
    tags.push({ name: (match[1] ?? '').toLowerCase(), attributes });
  }
  return tags;
}

/** A URL from index.html, as a path inside dist/; null when it points elsewhere. */
function toDistPath(url: string): string | null {
  if (/^[a-z][a-z\d+.-]*:/i.test(url) || url.startsWith('//')) return null;
  const clean = url.split(/[?#]/)[0] ?? '';
  return posix.normalize(clean.startsWith('/') ? clean.slice(1) : clean);
}

/** One chunk or asset of Vite's manifest (the fields read here). */
export type ManifestChunk = {
  file: string;
  src?: string;
  name?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  /** Keys of the chunks it imports statically: fetched before it runs. */
  imports?: string[];
  /** Keys of the chunks it loads by `import()`: fetched when the code asks. */
  dynamicImports?: string[];
  /** Its CSS, which Vite loads with it. */
  css?: string[];
};

export type Manifest = Record<string, ManifestChunk>;

export const MANIFEST_PATH = '.vite/manifest.json';

/** dist/.vite/manifest.json, or null when the build wrote none. */
export function readManifest(dist: string): Manifest | null {
  const path = join(dist, MANIFEST_PATH);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Manifest) : null;
}

export function readSourceMap(dist: string, file: string): RawSourceMap | null {
  const path = join(dist, `${file}.map`);
  if (!existsSync(path)) return null;
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<RawSourceMap>;
  return { sources: parsed.sources ?? [], mappings: parsed.mappings ?? '', ...(parsed.sourceRoot ? { sourceRoot: parsed.sourceRoot } : {}) };
}

/** The app itself, which the entry loads by `import()` on every URL. */
export const APP_START_SOURCE = /(^|\/)src\/app\/start\.tsx$/;

/** The sources whose chunk a topic URL needs even when the router loads it lazily. */
export const TOPIC_VIEW_SOURCES = [/(^|\/)src\/app\/routes\/topic-route[\w-]*\.tsx?$/, /(^|\/)src\/features\/topic\/components\/topic-page\.tsx$/];

const short = (source: string) => source.replace(/^(\.\.\/)+/, '');

/**
 * The JS and CSS a topic URL loads before its first post can show:
 * 1. index.html's classic scripts (files from public/, which the manifest does not list);
 * 2. the manifest's entry (index.html's module script) and its static imports, recursively;
 * 3. the chunks that hold the app's start (src/app/start.tsx) and the topic view
 *    (`TOPIC_VIEW_SOURCES`), which the entry loads by `import()` on a topic URL, with
 *    their static imports: the first post cannot show without them. A chunk is known
 *    by its manifest `src`; a chunk that bundles several modules (a `codeSplitting`
 *    group) has none, and is known by the sources its sourcemap names;
 * 4. any other module index.html preloads: the browser fetches it at once.
 * CSS: index.html's stylesheets, plus the CSS the manifest gives each of those chunks
 * (Vite's loader waits for it before the chunk runs).
 */
export function topicUrlLoad(dist: string): TopicUrlLoad {
  const manifest = readManifest(dist);
  if (!manifest) throw new Error(`${join(dist, MANIFEST_PATH)} does not exist: build with \`build.manifest\` on (vite.config.ts sets it).`);
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const notes: string[] = [];
  const js = new Map<string, string>();
  const css = new Map<string, string>();
  const byFile = new Map(Object.entries(manifest).map(([key, chunk]) => [chunk.file, key]));

  const addFile = (file: string, how: string): boolean => {
    if (js.has(file)) return false;
    if (!existsSync(join(dist, file))) {
      notes.push(`${file} (${how}) is not in dist/`);
      return false;
    }
    js.set(file, how);
    return true;
  };
  /** A manifest chunk, its CSS, and its static imports, recursively. */
  const addChunk = (key: string, how: string): void => {
    const chunk = manifest[key];
    if (!chunk) {
      notes.push(`${key} (${how}) is not in the manifest`);
      return;
    }
    if (!addFile(chunk.file, how)) return;
    for (const file of chunk.css ?? []) if (!css.has(file)) css.set(file, `CSS of ${posix.basename(chunk.file)}`);
    for (const imported of chunk.imports ?? []) addChunk(imported, `static import of ${posix.basename(chunk.file)}`);
  };

  const tags = htmlTags(html);
  const preloads: string[] = [];
  for (const tag of tags) {
    const src = tag.attributes.get('src');
    const href = tag.attributes.get('href');
    const rel = (tag.attributes.get('rel') ?? '').toLowerCase().split(/\s+/);
    const path = toDistPath(src ?? href ?? '');
    if (!path) continue;
    if (tag.name === 'script' && src && tag.attributes.get('type') !== 'module') addFile(path, 'index.html <script> (classic)');
    else if (tag.name === 'link' && href && rel.includes('stylesheet')) css.set(path, 'index.html stylesheet');
    else if (tag.name === 'link' && href && rel.includes('modulepreload')) preloads.push(path);
  }

  // The entry is the chunk index.html runs: Vite marks it `isEntry` under the key
  // index.html, unless a `codeSplitting` group took the entry module in, when the page's
  // <script type=module> is what names it.
  const moduleScripts = tags.filter((tag) => tag.name === 'script' && tag.attributes.get('type') === 'module');
  if (moduleScripts.length !== 1) notes.push(`index.html has ${moduleScripts.length} <script type=module> tags, not one`);
  const scriptPath = toDistPath(moduleScripts[0]?.attributes.get('src') ?? '');
  const scriptKey = scriptPath !== null ? byFile.get(scriptPath) : undefined;
  if (scriptPath !== null && !scriptKey) notes.push(`index.html's <script type=module> ${scriptPath} is not in the manifest: the manifest is not this build's`);
  const entryKey = scriptKey ?? Object.entries(manifest).find(([key, chunk]) => key === 'index.html' && chunk.isEntry)?.[0];
  if (!entryKey) throw new Error(`the manifest in ${dist} has no entry chunk, and no chunk for index.html's <script type=module>`);
  addChunk(entryKey, 'index.html <script type=module> (the entry)');

  // The chunks that hold the app's start and the topic view, known by the sources their
  // sourcemaps name (the manifest's `src` is only a chunk's first module, and a chunk made
  // of a `codeSplitting` group has none).
  const code = Object.entries(manifest).filter(([, chunk]) => chunk.file.endsWith('.js'));
  const noMap = new Set<string>();
  const sources = new Map(
    code.map(([key, chunk]) => {
      const map = readSourceMap(dist, chunk.file);
      if (!map) noMap.add(chunk.file);
      return [key, (map?.sources ?? (chunk.src ? [chunk.src] : [])).map((source) => source.replace(/\\/g, '/'))];
    }),
  );
  for (const [what, patterns] of [
    ['the app', [APP_START_SOURCE]],
    ['the topic view', TOPIC_VIEW_SOURCES],
  ] as const) {
    for (const [key] of code) {
      const source = sources.get(key)?.find((path) => patterns.some((pattern) => pattern.test(path)));
      if (source) addChunk(key, `${what} (${short(source)}), loaded by import()`);
    }
  }
  // Rolldown's runtime has no map, and needs none once it is counted.
  const unknown = [...noMap].filter((file) => !js.has(file)).length;
  if (unknown > 0) notes.push(`${unknown} chunk(s) have no sourcemap: the app or the topic view in them would be missed`);

  for (const path of preloads) {
    const key = byFile.get(path);
    if (key) addChunk(key, 'index.html modulepreload');
    else addFile(path, 'index.html modulepreload');
  }

  const sized = (entries: Map<string, string>): LoadedFile[] =>
    [...entries].map(([file, how]) => {
      const content = readFileSync(join(dist, file));
      return { file, how, raw: content.length, gzip: gzipSize(content) };
    });
  return { js: sized(js), css: sized(css), notes };
}

/** Every file under dir, as posix paths relative to it. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (current: string) => {
    for (const name of readdirSync(current)) {
      const path = join(current, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

export type MockFinding = { file: string; what: string; context: string };

// The mock forum's traces: MSW's worker script and API, and the demo forum's name.
const MOCK_TEXTS: { what: string; pattern: RegExp }[] = [
  { what: '"setupWorker"', pattern: /setupWorker/ },
  { what: '"msw"', pattern: /(?<![A-Za-z0-9_$])msw(?![A-Za-z0-9_$])/i },
  { what: '"Bosman Business World"', pattern: /Bosman Business World/ },
];

/**
 * Mock code that must never ship: a `mockServiceWorker.js` anywhere, the texts above in
 * any .js or .html, and sourcemaps or the manifest naming a file under mocks/ (or, for
 * sourcemaps, the msw package).
 */
export function findMockCode(dist: string): MockFinding[] {
  const findings: MockFinding[] = [];
  for (const file of listFiles(dist)) {
    if (posix.basename(file) === 'mockServiceWorker.js') findings.push({ file, what: 'file mockServiceWorker.js', context: '' });
    if (/\.(js|mjs|html)$/.test(file)) {
      const text = readFileSync(join(dist, file), 'utf8');
      for (const { what, pattern } of MOCK_TEXTS) {
        const match = pattern.exec(text);
        if (match) {
          const at = match.index;
          findings.push({ file, what, context: text.slice(Math.max(0, at - 40), at + match[0].length + 40).replace(/\s+/g, ' ') });
        }
      }
    }
    if (file === MANIFEST_PATH) {
      const mock = Object.values(JSON.parse(readFileSync(join(dist, file), 'utf8')) as Manifest).find((chunk) => /(^|\/)mocks\//.test(chunk.src ?? ''));
      if (mock) findings.push({ file, what: 'manifest names mock source', context: mock.src ?? '' });
    }
    if (file.endsWith('.js.map')) {
      const map = JSON.parse(readFileSync(join(dist, file), 'utf8')) as { sources?: string[] };
      const mock = (map.sources ?? []).find((source) => /(^|\/)mocks\/|node_modules\/msw\//.test(source.replace(/\\/g, '/')));
      if (mock) findings.push({ file, what: 'sourcemap names mock source', context: mock });
    }
  }
  return findings;
}

/** dist/ beside the repo root, for the command-line tools. */
export const repoRoot = join(dirname(new URL(import.meta.url).pathname), '..', '..');
