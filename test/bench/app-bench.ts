// The reader's performance benchmark: builds the production app, serves it (gzipped,
// see bench-server.ts) with the mock forum over real HTTP on loopback, and measures it
// in headless Chromium — every run a fresh browser context, so a cold, empty cache.
// Medians of N runs, printed as tables: one unthrottled, one with the CPU slowed 4×
// and a 150 ms / 1.6 Mbps network; then the BBCode parser's µs per KB at 10 KB, 100 KB and
// 1 MB, in Node (the same V8 as Chromium's), from parser-growth.ts.
//   npx tsx test/bench/app-bench.ts [--runs N] [--quick] [--dist DIR] [--parser-only]
//   --runs N       runs per measurement (default 7)
//   --quick        3 runs, no throttled table
//   --dist DIR     measure an existing build instead of building one
//   --parser-only  the parser's table alone: no build, no browser
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { sharedForum } from '../../mocks/db/build-forum';
import {
  ATTACHMENTS_TOPIC_ID,
  BUSY_BOARD_ID,
  FIRST_GENERATED_TOPIC_ID,
  HUGE_TOPIC_ID,
  MULTI_PAGE_TOPIC_ID,
  SEED_TOPIC_ID,
} from '../../mocks/db/ids';
import { startApiServer } from '../../mocks/http-server';
import type { TopicResponse } from '../../src/lib/api/schemas';
import { launchChromium } from '../e2e/chromium';
import { startBenchServer } from './bench-server';
import { formatTable, kB, median } from './format-table';
import { measureParserGrowth, PATHOLOGICAL, renderGrowthTable } from './parser-growth';
import { renderStaticTopic, STATIC_TOPIC_CSS, STATIC_TOPIC_CSS_PATH } from './static-topic';

const root = resolve(import.meta.dirname, '../..');

// ---- options -------------------------------------------------------------------------
const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const quick = args.includes('--quick');
const parserOnly = args.includes('--parser-only');
const runs = Number(option('--runs') ?? (quick ? 3 : 7));
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs wants a positive whole number, not ${String(option('--runs'))}`);
/** The print view loads 667 pages; under throttling one run takes long, so it gets fewer. */
const PRINT_RUNS_THROTTLED = Math.min(runs, 3);
const HUGE_PAGE = 400;

type Profile = { name: string; throttled: boolean };
const profiles: Profile[] = [{ name: 'Unthrottled (loopback, full CPU)', throttled: false }];
if (!quick) profiles.push({ name: 'Throttled: CPU 4× slower, network 150 ms latency, 1.6 Mbps down / 750 kbps up', throttled: true });

// 1.6 Mbps and 750 kbps (1 Mbps = 1,000,000 bits/s), in bytes per second as CDP wants them.
const NETWORK = { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 };

// ---- in-page probes (strings: tsx would wrap named functions in helpers the page lacks) --
/**
 * Installed before any page script: when `main article .post-body` first has text it
 * records the time (domAt) and the next animation frame (frameAt: the frame that paints
 * it — a page whose stylesheet is still loading gets no frame yet). Also sums layout
 * shifts not caused by input.
 */
const INIT_PROBE = `(() => {
  if (window !== window.top) return;
  const bench = { domAt: null, frameAt: null, cls: 0, shifts: 0 };
  window.__bench = bench;
  try { performance.setResourceTimingBufferSize(50000); } catch (e) {}
  const observer = new MutationObserver(() => {
    if (bench.domAt !== null) return;
    const body = document.querySelector('main article .post-body');
    if (body && body.textContent && body.textContent.trim() !== '') {
      bench.domAt = performance.now();
      observer.disconnect();
      requestAnimationFrame(() => { bench.frameAt = performance.now(); });
    }
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (!entry.hadRecentInput) { bench.cls += entry.value; bench.shifts += 1; }
      }
    }).observe({ type: 'layout-shift', buffered: true });
  } catch (e) {}
})();`;

const RESOURCES = `performance.getEntriesByType('resource').map((e) => ({
  name: e.name, initiatorType: e.initiatorType, startTime: e.startTime, responseEnd: e.responseEnd,
  encodedBodySize: e.encodedBodySize, transferSize: e.transferSize }))`;

type Resource = {
  name: string;
  initiatorType: string;
  startTime: number;
  responseEnd: number;
  encodedBodySize: number;
  transferSize: number;
};
type Probe = { domAt: number | null; frameAt: number | null; cls: number; shifts: number };

// ---- results ---------------------------------------------------------------------------
/** Samples per metric; a failed measurement records why instead. */
class Results {
  readonly samples = new Map<string, number[]>();
  readonly failures = new Map<string, string>();
  /** What the print view said when it was done, for the row's label. */
  printText: string | null = null;
  add(key: string, value: number): void {
    const list = this.samples.get(key) ?? [];
    list.push(value);
    this.samples.set(key, list);
  }
  fail(key: string, reason: string): void {
    if (!this.failures.has(key)) this.failures.set(key, reason);
  }
  values(key: string): number[] {
    return this.samples.get(key) ?? [];
  }
}

// ---- measurements ----------------------------------------------------------------------
async function openPage(browser: Browser, profile: Profile): Promise<{ context: BrowserContext; page: Page; cdp: CDPSession }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
  await context.addInitScript({ content: INIT_PROBE });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (profile.throttled) {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
  }
  return { context, page, cdp };
}

const probeOf = (page: Page) => page.evaluate('window.__bench') as Promise<Probe>;
const timeout = (profile: Profile) => (profile.throttled ? 120_000 : 30_000);

async function waitForFirstPost(page: Page, profile: Profile): Promise<Probe> {
  await page.waitForFunction('window.__bench && window.__bench.frameAt !== null', undefined, { timeout: timeout(profile), polling: 50 });
  return probeOf(page);
}

type Load = { probe: Probe; resources: Resource[] };

/** A cold load of `path`: time to the first post's text, and what was fetched. */
async function coldLoad(browser: Browser, base: string, path: string, profile: Profile): Promise<Load> {
  const { context, page } = await openPage(browser, profile);
  try {
    await page.goto(`${base}${path}`, { waitUntil: 'commit', timeout: timeout(profile) });
    const probe = await waitForFirstPost(page, profile);
    const resources = (await page.evaluate(RESOURCES)) as Resource[];
    return { probe, resources };
  } finally {
    await context.close();
  }
}

const isJs = (resource: Resource) => new URL(resource.name).pathname.endsWith('.js');

/** The app's topic load: time, JS bytes before the first post, and whether its API request went out early. */
async function measureTopic(browser: Browser, base: string, key: string, path: string, topicId: number, profile: Profile, results: Results) {
  const { probe, resources } = await coldLoad(browser, base, path, profile);
  const shownAt = probe.domAt ?? Number.POSITIVE_INFINITY;
  const js = resources.filter((resource) => isJs(resource) && resource.responseEnd > 0 && resource.responseEnd <= shownAt);
  results.add(`${key}.ms`, probe.frameAt ?? Number.NaN);
  results.add(`${key}.jsBytes`, js.reduce((sum, resource) => sum + resource.encodedBodySize, 0));
  results.add(`${key}.jsFiles`, js.length);
  const api = resources.find((resource) => new URL(resource.name).pathname === `/api/topics/${topicId}`);
  const lastJsEnd = Math.max(...js.map((resource) => resource.responseEnd));
  if (api && js.length > 0) {
    results.add(`${key}.apiStart`, api.startTime);
    results.add(`${key}.lastJsEnd`, lastJsEnd);
    results.add(`${key}.early`, api.startTime < lastJsEnd ? 1 : 0);
  } else {
    results.fail(`${key}.early`, api ? 'no JS before the first post' : `no request to /api/topics/${topicId} in Resource Timing`);
  }
}

async function measureFirstPost(browser: Browser, base: string, key: string, path: string, profile: Profile, results: Results) {
  const { probe } = await coldLoad(browser, base, path, profile);
  results.add(`${key}.ms`, probe.frameAt ?? Number.NaN);
}

/**
 * Board → topic (by a click) → back to the board by its breadcrumb, with what the first
 * two steps cached. Counts requests to /api that start between the click on the crumb
 * and the board's h1 showing its name, and times click → h1.
 */
async function measureCrumb(browser: Browser, base: string, profile: Profile, results: Results) {
  const { context, page } = await openPage(browser, profile);
  try {
    const boardPath = `/board/${BUSY_BOARD_ID}`;
    await page.goto(`${base}${boardPath}`, { waitUntil: 'commit', timeout: timeout(profile) });
    const topicLink = page.locator('main a[href^="/topic/"]:not([href*="?"])').first();
    await topicLink.waitFor({ timeout: timeout(profile) });
    const boardName = ((await page.locator('main h1').first().textContent()) ?? '').trim();
    await topicLink.click();
    await waitForFirstPost(page, profile);
    // A reader reads before climbing back: let the topic's own follow-up requests (the
    // next page's prefetch, avatars) finish, so only what the crumb causes is counted.
    await networkQuiet(page, profile);
    const crumb = page.locator(`nav[aria-label="Breadcrumb"] a[href="${boardPath}"]`);
    await crumb.waitFor({ timeout: timeout(profile) });
    // Watches for the board's h1 from the click on; all times are the page's own clock.
    await page.evaluate(`(() => {
      const state = { armedAt: performance.now(), clickAt: null, shownAt: null };
      window.__crumb = state;
      document.addEventListener('click', () => { if (state.clickAt === null) state.clickAt = performance.now(); }, { capture: true });
      const check = () => {
        if (state.clickAt === null || state.shownAt !== null) return;
        const h1 = document.querySelector('main h1');
        if (location.pathname === ${JSON.stringify(boardPath)} && h1 && h1.textContent.trim() === ${JSON.stringify(boardName)}) {
          state.shownAt = performance.now();
          observer.disconnect();
        }
      };
      const observer = new MutationObserver(check);
      observer.observe(document, { childList: true, subtree: true, characterData: true });
      document.addEventListener('click', () => queueMicrotask(check));
    })()`);
    await crumb.click();
    await page.waitForFunction('window.__crumb.shownAt !== null', undefined, { timeout: timeout(profile), polling: 50 });
    const state = (await page.evaluate('window.__crumb')) as { armedAt: number; clickAt: number; shownAt: number };
    const resources = (await page.evaluate(RESOURCES)) as Resource[];
    const api = resources.filter(
      (resource) => new URL(resource.name).pathname.startsWith('/api/') && resource.startTime >= state.armedAt && resource.startTime <= state.shownAt,
    );
    results.add('crumb.ms', state.shownAt - state.clickAt);
    results.add('crumb.apiJson', api.filter((resource) => resource.initiatorType === 'fetch' || resource.initiatorType === 'xmlhttprequest').length);
    results.add('crumb.apiAll', api.length);
  } finally {
    await context.close();
  }
}

/** Waits until no new resource has started or finished for 500 ms (at most 15 s). */
async function networkQuiet(page: Page, profile: Profile): Promise<void> {
  await page.waitForFunction(
    `(() => {
      const entries = performance.getEntriesByType('resource');
      const last = Math.max(0, ...entries.map((e) => e.responseEnd || e.startTime));
      const pending = entries.some((e) => e.responseEnd === 0);
      return !pending && performance.now() - last > 500;
    })()`,
    undefined,
    { timeout: profile.throttled ? 30_000 : 15_000, polling: 100 },
  );
}

/** The whole 10,000-post topic on one page: time until it says every page loaded, DOM and heap then. */
async function measurePrint(browser: Browser, base: string, profile: Profile, results: Results) {
  const { context, page, cdp } = await openPage(browser, profile);
  try {
    const response = await page.goto(`${base}/topic/${HUGE_TOPIC_ID}/print`, { waitUntil: 'commit', timeout: timeout(profile) });
    if (!response?.ok()) throw new Error(`the print URL answered ${String(response?.status())}`);
    // "All 667 pages loaded" (src/features/print/components/print-page.tsx); "N of M pages loaded" when some failed.
    const done = await page.waitForFunction(
      `(() => {
        const el = document.querySelector('.print-progress-text');
        const text = el ? el.textContent.trim() : '';
        if (/^All [\\d,]+ pages loaded/.test(text) || /whole topic is loaded/.test(text)) return { at: performance.now(), text };
        if (/^[\\d,]+ of [\\d,]+ pages loaded/.test(text)) return { at: -1, text };
        // A page with a heading but no progress line is not the print view (a 404, an error).
        const h1 = document.querySelector('main h1');
        if (!el && h1) return { at: -2, text: h1.textContent.trim() };
        return false;
      })()`,
      undefined,
      { timeout: profile.throttled ? 600_000 : 180_000, polling: 100 },
    );
    const { at, text } = (await done.jsonValue()) as { at: number; text: string };
    if (at === -2) throw new Error(`no print view at /topic/${HUGE_TOPIC_ID}/print: the page says "${text}"`);
    if (at < 0) throw new Error(`the print view ended with "${text}"`);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string) => metrics.find((entry) => entry.name === name)?.value ?? Number.NaN;
    results.add('print.ms', at);
    results.add('print.nodes', metric('Nodes'));
    results.add('print.heap', metric('JSHeapUsedSize'));
    results.printText ??= text;
  } finally {
    await context.close();
  }
}

/** Load, then scroll to the bottom a screen-third at a time, and sum the layout shifts. */
async function measureCls(browser: Browser, base: string, profile: Profile, results: Results) {
  const { context, page } = await openPage(browser, profile);
  try {
    await page.goto(`${base}/topic/${ATTACHMENTS_TOPIC_ID}`, { waitUntil: 'commit', timeout: timeout(profile) });
    await waitForFirstPost(page, profile);
    await page.evaluate(`(async () => {
      const pause = (ms) => new Promise((done) => setTimeout(done, ms));
      const until = performance.now() + 20000;
      while (window.scrollY + window.innerHeight < document.documentElement.scrollHeight - 2 && performance.now() < until) {
        window.scrollBy(0, Math.round(window.innerHeight / 3));
        await pause(120);
      }
      await pause(600);
    })()`);
    const probe = await probeOf(page);
    results.add('cls.sum', probe.cls);
    results.add('cls.count', probe.shifts);
  } finally {
    await context.close();
  }
}

// ---- table ------------------------------------------------------------------------------
type Row = { label: string; key?: string; unit: 'ms' | 'kB' | 'count' | 'MB' | 'cls'; digits?: number } | { label: string; text: string };

function formatValue(value: number, unit: 'ms' | 'kB' | 'count' | 'MB' | 'cls'): string {
  if (!Number.isFinite(value)) return 'n/a';
  switch (unit) {
    case 'ms':
      return value.toFixed(0);
    case 'kB':
      return kB(value);
    case 'MB':
      return (value / 1_000_000).toFixed(1);
    case 'cls':
      return value.toFixed(3);
    case 'count':
      return Number.isInteger(value) ? value.toLocaleString('en-US') : value.toFixed(1);
  }
}

function renderTable(results: Results, rows: readonly Row[]): string {
  const cells = rows.map((row) => {
    if ('text' in row) return [`${row.label}: ${row.text}`, '', '', '', ''];
    const values = row.key ? results.values(row.key) : [];
    if (values.length === 0) {
      const reason = row.key ? (results.failures.get(row.key) ?? results.failures.get(row.key.split('.')[0] ?? '') ?? 'not measured') : '';
      return [row.label, 'n/a', '', '', reason];
    }
    return [
      row.label,
      formatValue(median(values), row.unit),
      formatValue(Math.min(...values), row.unit),
      formatValue(Math.max(...values), row.unit),
      String(values.length),
    ];
  });
  return formatTable(
    [{ title: 'metric' }, { title: 'median', align: 'right' }, { title: 'min', align: 'right' }, { title: 'max', align: 'right' }, { title: 'runs' }],
    cells,
  );
}

function ratio(results: Results, app: string, baseline: string): string {
  const a = median(results.values(app));
  const b = median(results.values(baseline));
  return Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a';
}

function earlyVerdict(results: Results, key: string): string {
  const flags = results.values(`${key}.early`);
  if (flags.length === 0) return `n/a (${results.failures.get(`${key}.early`) ?? results.failures.get(key) ?? 'not measured'})`;
  const yes = flags.filter((flag) => flag === 1).length;
  const verdict = yes === flags.length ? 'yes' : yes === 0 ? 'no' : 'mixed';
  return `${verdict} (${yes}/${flags.length} runs)`;
}

// ---- main ------------------------------------------------------------------------------
/** A generated topic of about 20 posts (one full page of 15 first), for comparing with the huge topic. */
function topicOfAbout(posts: number): { id: number; posts: number } {
  const candidates = [...sharedForum().topics.values()]
    .filter((topic) => topic.id >= FIRST_GENERATED_TOPIC_ID && topic.postCount >= 16)
    .sort((a, b) => Math.abs(a.postCount - posts) - Math.abs(b.postCount - posts) || a.id - b.id);
  const found = candidates[0];
  if (!found) throw new Error('the mock forum has no generated topic of 16 posts or more');
  return { id: found.id, posts: found.postCount };
}

/** The parser's row: linear growth shows as flat µs per KB across the sizes. */
function printParserGrowth(): void {
  const { rows, worst } = measureParserGrowth();
  console.log(`\nBBCode parser in Node ${process.version}: median µs per KB (1 KB = 1,000 characters); worst of ${PATHOLOGICAL.length} pathological bodies at 100 KB: ${worst}`);
  console.log(renderGrowthTable(rows));
}

async function main(): Promise<void> {
  const started = performance.now();
  if (parserOnly) {
    printParserGrowth();
    return;
  }
  const givenDist = option('--dist');
  let dist: string;
  let builtHere: string | null = null;
  if (givenDist) {
    dist = resolve(givenDist);
  } else {
    // A private output folder: other work may rebuild dist/ while the benchmark serves it.
    builtHere = mkdtempSync(join(tmpdir(), 'lectern-bench-'));
    dist = builtHere;
    process.stderr.write(`Building the production app into ${dist}…\n`);
    execFileSync(join(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn', '--outDir', dist, '--emptyOutDir'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  }

  const api = await startApiServer({ port: 0, host: '127.0.0.1', latency: null });
  const server = await startBenchServer({ root: dist, apiTarget: api.url.replace(/\/api$/, '') });
  const browser = await launchChromium();
  try {
    // The static yardsticks: the very posts the app shows, from the same API.
    server.addPage(STATIC_TOPIC_CSS_PATH, STATIC_TOPIC_CSS, 'text/css; charset=utf-8');
    for (const topicId of [SEED_TOPIC_ID, MULTI_PAGE_TOPIC_ID]) {
      const answer = await fetch(`${api.url}/topics/${topicId}`);
      if (!answer.ok) throw new Error(`GET /api/topics/${topicId} answered ${answer.status}`);
      server.addPage(`/static-topic/${topicId}`, renderStaticTopic((await answer.json()) as TopicResponse), 'text/html; charset=utf-8');
    }
    const twenty = topicOfAbout(20);
    const cpu = cpus();
    console.log('Lectern benchmark — production build, mock API over HTTP on loopback, headless Chromium');
    console.log(
      `Machine: ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; ` +
        `Node ${process.version}; Chromium ${browser.version()}`,
    );
    console.log(
      `Runs: ${runs} cold runs per measurement (fresh browser context, empty cache); print view throttled: ${PRINT_RUNS_THROTTLED}. ` +
        'Responses gzipped (level 9) by the benchmark server; JS sizes are encoded (gzip) body bytes from Resource Timing.',
    );
    console.log(
      'Time to first post = the first animation frame after `main article .post-body` has text (page clock, from navigation start).',
    );

    // One load thrown away: the browser's and the servers' first-request costs are not the app's.
    await coldLoad(browser, server.url, `/topic/${SEED_TOPIC_ID}`, profiles[0] as Profile);

    for (const profile of profiles) {
      const results = new Results();
      // name (progress output), key (where a failure is reported), the measurement.
      const steps: [string, string, (run: number) => Promise<void>][] = [
        ['topic 42', 'seed', () => measureTopic(browser, server.url, 'seed', `/topic/${SEED_TOPIC_ID}`, SEED_TOPIC_ID, profile, results)],
        ['static 42', 'seedStatic', () => measureFirstPost(browser, server.url, 'seedStatic', `/static-topic/${SEED_TOPIC_ID}`, profile, results)],
        ['topic 21', 'multi', () => measureTopic(browser, server.url, 'multi', `/topic/${MULTI_PAGE_TOPIC_ID}`, MULTI_PAGE_TOPIC_ID, profile, results)],
        ['static 21', 'multiStatic', () => measureFirstPost(browser, server.url, 'multiStatic', `/static-topic/${MULTI_PAGE_TOPIC_ID}`, profile, results)],
        ['huge page', 'huge', () => measureFirstPost(browser, server.url, 'huge', `/topic/${HUGE_TOPIC_ID}?page=${HUGE_PAGE}`, profile, results)],
        ['20 posts', 'twenty', () => measureFirstPost(browser, server.url, 'twenty', `/topic/${twenty.id}`, profile, results)],
        ['breadcrumb', 'crumb', () => measureCrumb(browser, server.url, profile, results)],
        ['CLS', 'cls', () => measureCls(browser, server.url, profile, results)],
        [
          'print',
          'print',
          async (run) => {
            if (profile.throttled && run > PRINT_RUNS_THROTTLED) return;
            if (results.failures.has('print')) return; // it failed once: do not wait for it again
            await measurePrint(browser, server.url, profile, results);
          },
        ],
      ];
      for (let run = 1; run <= runs; run += 1) {
        process.stderr.write(`${profile.throttled ? 'throttled' : 'unthrottled'} run ${run}/${runs}:`);
        for (const [name, key, step] of steps) {
          const before = performance.now();
          try {
            await step(run);
            process.stderr.write(` ${name} ${((performance.now() - before) / 1000).toFixed(1)}s`);
          } catch (error) {
            const reason = error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
            process.stderr.write(` ${name} FAILED (${reason})`);
            results.fail(key, reason);
          }
        }
        process.stderr.write('\n');
      }

      const printLabel = results.printText;
      const rows: Row[] = [
        { label: `JS before first post, /topic/${SEED_TOPIC_ID} (gzip kB)`, key: 'seed.jsBytes', unit: 'kB' },
        { label: `  JS files before first post`, key: 'seed.jsFiles', unit: 'count' },
        { label: `JS before first post, /topic/${MULTI_PAGE_TOPIC_ID} (gzip kB)`, key: 'multi.jsBytes', unit: 'kB' },
        { label: `Time to first post, /topic/${SEED_TOPIC_ID} (1 post) (ms)`, key: 'seed.ms', unit: 'ms' },
        { label: `  static HTML of the same post (ms)`, key: 'seedStatic.ms', unit: 'ms' },
        { label: `  app ÷ static`, text: ratio(results, 'seed.ms', 'seedStatic.ms') },
        { label: `Time to first post, /topic/${MULTI_PAGE_TOPIC_ID} (15 posts) (ms)`, key: 'multi.ms', unit: 'ms' },
        { label: `  static HTML of the same 15 posts (ms)`, key: 'multiStatic.ms', unit: 'ms' },
        { label: `  app ÷ static`, text: ratio(results, 'multi.ms', 'multiStatic.ms') },
        { label: `Topic API request starts before the app's JS has loaded, /topic/${SEED_TOPIC_ID}`, text: earlyVerdict(results, 'seed') },
        { label: `  API request start (ms)`, key: 'seed.apiStart', unit: 'ms' },
        { label: `  last JS file's responseEnd (ms)`, key: 'seed.lastJsEnd', unit: 'ms' },
        { label: `Same, /topic/${MULTI_PAGE_TOPIC_ID}`, text: earlyVerdict(results, 'multi') },
        { label: `  API request start (ms)`, key: 'multi.apiStart', unit: 'ms' },
        { label: `  last JS file's responseEnd (ms)`, key: 'multi.lastJsEnd', unit: 'ms' },
        { label: `Breadcrumb topic → board, warm: API JSON requests`, key: 'crumb.apiJson', unit: 'count' },
        { label: `  all /api requests (images too)`, key: 'crumb.apiAll', unit: 'count' },
        { label: `  click → board h1 (ms)`, key: 'crumb.ms', unit: 'ms' },
        { label: `Time to first post, 10,000-post topic page ${HUGE_PAGE} (ms)`, key: 'huge.ms', unit: 'ms' },
        { label: `  a ${twenty.posts}-post topic, /topic/${twenty.id} (ms)`, key: 'twenty.ms', unit: 'ms' },
        { label: `  huge ÷ small`, text: ratio(results, 'huge.ms', 'twenty.ms') },
        { label: `Print view, 10,000 posts: until "${printLabel ?? 'All … pages loaded'}" (ms)`, key: 'print.ms', unit: 'ms' },
        { label: `  DOM nodes then`, key: 'print.nodes', unit: 'count' },
        { label: `  JS heap used then, after GC (MB)`, key: 'print.heap', unit: 'MB' },
        { label: `CLS, /topic/${ATTACHMENTS_TOPIC_ID} (images), load + scroll to bottom (sum)`, key: 'cls.sum', unit: 'cls' },
        { label: `  layout shifts counted`, key: 'cls.count', unit: 'count' },
      ];
      console.log(`\n${profile.name}`);
      console.log(renderTable(results, rows));
    }
    printParserGrowth();
    console.log(`\nBenchmark took ${((performance.now() - started) / 1000).toFixed(0)} s.`);
  } finally {
    await browser.close();
    await server.close();
    await api.close();
    if (builtHere) rmSync(builtHere, { recursive: true, force: true });
  }
}

await main();
