// Reads a production build (dist/) the way a browser meets it on a topic URL:
// index.html's scripts, module preloads and stylesheets, then every chunk those
// import statically, recursively. Chunks are parsed with the TypeScript compiler
// (already a dev dependency), so a string that merely looks like an import never
// counts, and `import()` (loaded later, on demand) is told apart from `import … from`.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import ts from 'typescript';
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

/** A URL from index.html or a chunk, as a path inside dist/; null when it points elsewhere. */
function toDistPath(url: string, fromFile: string): string | null {
  if (/^[a-z][a-z\d+.-]*:/i.test(url) || url.startsWith('//')) return null;
  const clean = url.split(/[?#]/)[0] ?? '';
  const joined = clean.startsWith('/') ? clean.slice(1) : posix.join(posix.dirname(fromFile), clean);
  return posix.normalize(joined);
}

export type ChunkImports = {
  /** `import … from "x"`, `import "x"`, `export … from "x"`: fetched before the chunk runs. */
  staticImports: string[];
  /** `import("x")`: fetched when the code asks, with the files Vite preloads alongside it. */
  dynamicImports: { file: string; preloads: string[] }[];
};

/**
 * The imports of one built chunk (paths inside dist/). Vite wraps each `import()` in
 * its preload helper, `helper(() => import("./a.js"), __vite__mapDeps([0, 1]))`, where
 * the numbers index a list of files (the chunk's CSS among them) at the top of the
 * chunk: those are the preloads.
 */
export function chunkImports(code: string, file: string): ChunkImports {
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const staticImports: string[] = [];
  const dynamicImports: ChunkImports['dynamicImports'] = [];
  const mapDeps = viteMapDeps(code);

  for (const statement of source.statements) {
    const specifier =
      ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement) ? statement.moduleSpecifier : undefined;
    if (specifier && ts.isStringLiteral(specifier)) {
      const path = toDistPath(specifier.text, file);
      if (path) staticImports.push(path);
    }
  }

  const importCallTarget = (node: ts.Node): string | null => {
    let found: string | null = null;
    const visit = (inner: ts.Node): void => {
      if (found) return;
      if (ts.isCallExpression(inner) && inner.expression.kind === ts.SyntaxKind.ImportKeyword) {
        const [argument] = inner.arguments;
        if (argument && (ts.isStringLiteral(argument) || ts.isNoSubstitutionTemplateLiteral(argument))) {
          found = toDistPath(argument.text, file);
        }
        return;
      }
      ts.forEachChild(inner, visit);
    };
    visit(node);
    return found;
  };

  const walk = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const [loader, deps] = node.arguments;
      // The preload helper's call: its first argument holds the import(), its second the deps.
      if (
        loader &&
        deps &&
        ts.isCallExpression(deps) &&
        ts.isIdentifier(deps.expression) &&
        deps.expression.text === '__vite__mapDeps'
      ) {
        const target = importCallTarget(loader);
        if (target) {
          const indexes = deps.arguments[0] && ts.isArrayLiteralExpression(deps.arguments[0]) ? deps.arguments[0].elements : [];
          const preloads = indexes
            .map((element) => (ts.isNumericLiteral(element) ? mapDeps[Number(element.text)] : undefined))
            .filter((path): path is string => path !== undefined);
          dynamicImports.push({ file: target, preloads });
          return;
        }
      }
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword) {
        const [argument] = node.arguments;
        if (argument && (ts.isStringLiteral(argument) || ts.isNoSubstitutionTemplateLiteral(argument))) {
          const target = toDistPath(argument.text, file);
          if (target) dynamicImports.push({ file: target, preloads: [] });
        }
      }
    }
    ts.forEachChild(node, walk);
  };
  walk(source);
  return { staticImports: [...new Set(staticImports)], dynamicImports };
}

/** The file list of Vite's `__vite__mapDeps` (paths relative to the base, i.e. dist/). */
export function viteMapDeps(code: string): string[] {
  const match = /__vite__mapDeps\s*=\s*\([^)]*m\.f\s*\|\|\s*\(\s*m\.f\s*=\s*(\[[^\]]*\])/.exec(code);
  if (!match?.[1]) return [];
  try {
    const list: unknown = JSON.parse(match[1]);
    return Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string').map((item) => posix.normalize(item)) : [];
  } catch {
    return [];
  }
}

/** Sources named by a chunk's sourcemap (`x.js.map` beside it), or null when it has none. */
export function sourcesOf(dist: string, file: string): string[] | null {
  const map = readSourceMap(dist, file);
  return map ? map.sources : null;
}

export function readSourceMap(dist: string, file: string): RawSourceMap | null {
  const path = join(dist, `${file}.map`);
  if (!existsSync(path)) return null;
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<RawSourceMap>;
  return { sources: parsed.sources ?? [], mappings: parsed.mappings ?? '', ...(parsed.sourceRoot ? { sourceRoot: parsed.sourceRoot } : {}) };
}

/** The sources whose chunk a topic URL needs even when the router loads it lazily. */
export const TOPIC_VIEW_SOURCES = [/(^|\/)src\/app\/routes\/topic-route[\w-]*\.tsx?$/, /(^|\/)src\/features\/topic\/components\/topic-page\.tsx$/];

/**
 * The JS and CSS a topic URL loads before its first post can show:
 * 1. index.html's scripts (classic and module) and module preloads;
 * 2. every chunk those import statically, recursively;
 * 3. a chunk the router loads lazily but that holds the topic view (found through the
 *    sourcemaps, `TOPIC_VIEW_SOURCES`), with its own static imports, because the
 *    first post cannot show without it;
 * CSS: index.html's stylesheets, plus the CSS Vite preloads with any chunk of the set
 * that is also loaded by `import()` (the helper waits for that CSS before the chunk
 * runs, so it is on the way to the first post too).
 */
export function topicUrlLoad(dist: string): TopicUrlLoad {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const notes: string[] = [];
  const js = new Map<string, string>();
  const css = new Map<string, string>();
  const queue: string[] = [];
  const addJs = (file: string, how: string) => {
    if (js.has(file)) return;
    if (!existsSync(join(dist, file))) {
      notes.push(`${file} (${how}) is not in dist/`);
      return;
    }
    js.set(file, how);
    queue.push(file);
  };

  for (const tag of htmlTags(html)) {
    const src = tag.attributes.get('src');
    const href = tag.attributes.get('href');
    const rel = (tag.attributes.get('rel') ?? '').toLowerCase().split(/\s+/);
    if (tag.name === 'script' && src) {
      const path = toDistPath(src, 'index.html');
      const module = tag.attributes.get('type') === 'module';
      if (path) addJs(path, module ? 'index.html <script type=module>' : 'index.html <script> (classic)');
    } else if (tag.name === 'link' && href && rel.includes('modulepreload')) {
      const path = toDistPath(href, 'index.html');
      if (path) addJs(path, 'index.html modulepreload');
    } else if (tag.name === 'link' && href && rel.includes('stylesheet')) {
      const path = toDistPath(href, 'index.html');
      if (path) css.set(path, 'index.html stylesheet');
    }
  }

  const chunks = new Map<string, ChunkImports>();
  const analyse = (file: string): ChunkImports => {
    let found = chunks.get(file);
    if (!found) {
      found = chunkImports(readFileSync(join(dist, file), 'utf8'), file);
      chunks.set(file, found);
    }
    return found;
  };
  const drain = () => {
    for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
      for (const imported of analyse(file).staticImports) addJs(imported, `static import of ${posix.basename(file)}`);
    }
  };
  drain();

  // Lazily loaded chunks that hold the topic view.
  // Chunks live in assets/ (Vite's assetsDir); files copied from public/ are not code-split chunks.
  const allJs = listFiles(dist).filter((file) => file.startsWith('assets/') && file.endsWith('.js'));
  let mapsMissing = 0;
  for (const file of allJs) {
    if (js.has(file)) continue;
    const sources = sourcesOf(dist, file);
    if (!sources) {
      mapsMissing += 1;
      continue;
    }
    const holds = sources.find((source) => TOPIC_VIEW_SOURCES.some((pattern) => pattern.test(source.replace(/\\/g, '/'))));
    if (holds) addJs(file, `lazy chunk of the topic view (${holds.replace(/^(\.\.\/)+/, '')})`);
  }
  if (mapsMissing > 0) notes.push(`${mapsMissing} chunk(s) have no sourcemap: a lazily loaded topic view in them would be missed`);
  drain();

  // CSS that Vite's preload helper fetches with a chunk of the set.
  for (const file of allJs) {
    for (const dynamic of analyse(file).dynamicImports) {
      if (!js.has(dynamic.file) || !js.has(file)) continue;
      for (const preload of dynamic.preloads) {
        if (preload.endsWith('.css') && !css.has(preload)) css.set(preload, `preloaded with ${posix.basename(dynamic.file)}`);
      }
    }
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
 * any .js or .html, and sourcemaps that name a file under mocks/ or the msw package.
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
