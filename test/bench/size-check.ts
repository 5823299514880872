// The size budget of the production build, for CI: run after `vite build` (or pass
// --build to build first; `npm test` builds once, before it, for this check and the
// browser tests). Exits 1 when a budget is exceeded or mock code shipped.
//   npx tsx test/bench/size-check.ts [--build] [--dist DIR]
//
// Budgets (gzip -9 per file, 1 kB = 1000 bytes):
// - JS a topic URL loads before its first post ≤ 121 kB (120 until issue #12's hardening
//   put about 1 kB of parser and display code on that path; #14's server-rendered
//   first post is the way to win it back): index.html's classic scripts, the build's
//   entry chunk, the chunks of the app's start and of the topic view, the static
//   imports of all of them, and anything else index.html preloads, all read from Vite's
//   manifest (dist/.vite/manifest.json) and index.html (see build-graph.ts);
// - CSS on the way to the first post ≤ 15 kB: index.html's stylesheets plus the CSS
//   Vite loads with the chunks above;
// - no mock code in dist/.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findMockCode, gzipSize, readSourceMap, repoRoot, topicUrlLoad, type LoadedFile } from './build-graph';
import { formatTable, kB } from './format-table';
import { textByGroup } from './source-map';

const JS_BUDGET_BYTES = 121_000;
const CSS_BUDGET_BYTES = 15_000;

const args = process.argv.slice(2);
const distArg = args.indexOf('--dist');
const dist = resolve(distArg >= 0 ? (args[distArg + 1] ?? 'dist') : join(repoRoot, 'dist'));

if (args.includes('--build')) {
  // Only into dist/: the config's plugin that drops MSW's worker file knows that folder.
  if (distArg >= 0) {
    console.error('size check: --build builds into dist/ and cannot be combined with --dist.');
    process.exit(2);
  }
  execFileSync(join(repoRoot, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}
if (!existsSync(join(dist, 'index.html'))) {
  console.error(`size check: ${dist}/index.html does not exist. Build first (npx vite build) or pass --build.`);
  process.exit(2);
}

let load;
try {
  load = topicUrlLoad(dist);
} catch (error) {
  console.error(`size check: ${(error as Error).message}`);
  process.exit(2);
}
const failures: string[] = [];

function fileRows(files: readonly LoadedFile[]): string[][] {
  return files.map((file) => [file.file, kB(file.raw), kB(file.gzip), file.how]);
}

function budgetRow(label: string, files: readonly LoadedFile[], budget: number): string[] {
  const raw = files.reduce((sum, file) => sum + file.raw, 0);
  const gzip = files.reduce((sum, file) => sum + file.gzip, 0);
  const verdict = gzip <= budget ? `ok, budget ${kB(budget)}` : `OVER budget ${kB(budget)} by ${kB(gzip - budget)}`;
  if (gzip > budget) failures.push(`${label}: ${kB(gzip)} kB gzip, budget ${kB(budget)} kB (over by ${kB(gzip - budget)} kB)`);
  return [`total ${label}`, kB(raw), kB(gzip), verdict];
}

const columns = [{ title: 'file' }, { title: 'raw kB', align: 'right' }, { title: 'gzip kB', align: 'right' }, { title: 'why it loads' }] as const;
console.log(`Size check of ${dist} (gzip -9 per file; 1 kB = 1000 bytes)\n`);
console.log('JS a topic URL loads before its first post');
console.log(formatTable(columns, [...fileRows(load.js), budgetRow('JS', load.js, JS_BUDGET_BYTES)]));
console.log('\nCSS on the way to the first post');
console.log(formatTable(columns, [...fileRows(load.css), budgetRow('CSS', load.css, CSS_BUDGET_BYTES)]));
for (const note of load.notes) console.log(`note: ${note}`);

// What the JS above is made of, from the sourcemaps: raw bytes per package or app
// area, and an estimate of its share of the gzip total (each group's text gzipped
// alone, scaled so the groups add up to the real total).
const groups = new Map<string, { raw: number; gzipAlone: number }>();
let attributedGzipTotal = 0;
for (const file of load.js) {
  const map = readSourceMap(dist, file.file);
  if (!map) continue;
  attributedGzipTotal += file.gzip;
  for (const [group, text] of textByGroup(map, readFileSync(join(dist, file.file), 'utf8'))) {
    const entry = groups.get(group) ?? { raw: 0, gzipAlone: 0 };
    entry.raw += Buffer.byteLength(text);
    entry.gzipAlone += gzipSize(text);
    groups.set(group, entry);
  }
}
if (groups.size > 0) {
  const aloneSum = [...groups.values()].reduce((sum, group) => sum + group.gzipAlone, 0);
  const rawSum = [...groups.values()].reduce((sum, group) => sum + group.raw, 0);
  const ranked = [...groups].sort((a, b) => b[1].raw - a[1].raw);
  const shown = ranked.slice(0, 14);
  const rest = ranked.slice(14);
  const rows = shown.map(([group, size]) => [
    group,
    kB(size.raw),
    `${((size.raw / rawSum) * 100).toFixed(1)}%`,
    kB((size.gzipAlone / aloneSum) * attributedGzipTotal),
  ]);
  if (rest.length > 0) {
    const raw = rest.reduce((sum, [, size]) => sum + size.raw, 0);
    const alone = rest.reduce((sum, [, size]) => sum + size.gzipAlone, 0);
    rows.push([`${rest.length} more`, kB(raw), `${((raw / rawSum) * 100).toFixed(1)}%`, kB((alone / aloneSum) * attributedGzipTotal)]);
  }
  console.log('\nWhat that JS is made of (from the sourcemaps; gzip shares are estimates)');
  console.log(
    formatTable(
      [{ title: 'package / area' }, { title: 'raw kB', align: 'right' }, { title: 'share', align: 'right' }, { title: '≈ gzip kB', align: 'right' }],
      rows,
    ),
  );
}

const mock = findMockCode(dist);
console.log(`\nMock code in dist/: ${mock.length === 0 ? 'none (no mockServiceWorker.js; no "setupWorker", "msw" or "Bosman Business World" in .js/.html; no mock sources in sourcemaps or the manifest)' : ''}`);
for (const finding of mock) {
  console.log(`  ${finding.file}: ${finding.what}${finding.context ? ` … ${finding.context} …` : ''}`);
  failures.push(`mock code in ${finding.file}: ${finding.what}`);
}

if (failures.length > 0) {
  console.error(`\nSize check FAILED:\n${failures.map((failure) => `  - ${failure}`).join('\n')}`);
  process.exit(1);
}
console.log('\nSize check passed.');
