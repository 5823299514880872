// The reader's performance benchmark: builds the production app, serves it (gzipped,
// see bench-server.ts) with the mock forum over real HTTP on loopback, and measures it
// in headless Chromium — every run a fresh browser context, so a cold, empty cache.
// Medians of N runs, printed as tables: one unthrottled, one with the CPU slowed 4×
// and a 150 ms / 1.6 Mbps network; each followed by a topic page of 15 posts side by
// side as static HTML, as the SPA and as the server-rendered reader (`npm run server`'s
// own code, rendered-reader.ts): first post painted, and when a click is first handled
// by the app. Then the server-rendered reader over HTTP: the document's bytes, time to
// first byte, and requests per second at 32 connections (HTML and its JSON API); then
// the BBCode parser's µs per KB at 10 KB, 100 KB and 1 MB, in Node (the same V8 as
// Chromium's), from parser-growth.ts.
//   npx tsx test/bench/app-bench.ts [--runs N] [--quick] [--dist DIR [--ssr-dist DIR]] [--server-only] [--duration S] [--parser-only]
//   --runs N        runs per measurement (default 7)
//   --quick         3 runs, no throttled table, 5 s per load row
//   --dist DIR      measure an existing build (dist/ of `npm run build`) instead of building one
//   --ssr-dist DIR  its server renderer (default: DIR-ssr, as dist/ and dist-ssr/)
//   --server-only   the server-rendered reader over HTTP alone (bytes, TTFB, load): no browser
//   --duration S    seconds per load row at 32 connections (default 10; 5 with --quick)
//   --parser-only   the parser's table alone: no build, no browser
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
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
import type { Measurement } from '../../server/bench/load-measure';
import type { TopicResponse } from '../../src/lib/api/schemas';
import { launchChromium } from '../e2e/chromium';
import { startBenchServer } from './bench-server';
import { formatTable, kB, median } from './format-table';
import { measureParserGrowth, PATHOLOGICAL, renderGrowthTable } from './parser-growth';
import {
  BROWSER_HTML_HEADERS,
  htmlBytes,
  measureThroughput,
  measureTtfb,
  startRenderedReader,
  type HtmlBytes,
  type RenderedReader,
  type Ttfb,
} from './rendered-reader';
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
const serverOnly = args.includes('--server-only');
const loadSeconds = Number(option('--duration') ?? (quick ? 5 : 10));
if (!Number.isFinite(loadSeconds) || loadSeconds < 1) throw new Error(`--duration wants at least 1 second, not ${String(option('--duration'))}`);
const runs = Number(option('--runs') ?? (quick ? 3 : 7));
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs wants a positive whole number, not ${String(option('--runs'))}`);
/** The print view loads 667 pages; under throttling one run takes long, so it gets fewer. */
const PRINT_RUNS_THROTTLED = Math.min(runs, 3);
const HUGE_PAGE = 400;

type Profile = { name: string; throttled: boolean };
const profiles: Profile[] = [{ name: 'Unthrottled (loopback, full CPU)', throttled: false }];
if (!quick) profiles.push({ name: 'Throttled: CPU 4× slower, network 150 ms latency, 1.6 Mbps down / 750 kbps up', throttled: true });

// The issue's goals for the server-rendered reader.
const FIRST_POST_RATIO_GOAL = 1.2;
const TTFB_P95_GOAL_MS = 50;
const LOAD_CONNECTIONS = 32;
const TTFB_REQUESTS = 200;

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

/** How often the click probe tries again while the app does not take its clicks. */
const CLICK_INTERVAL_MS = 20;

/**
 * Time until the page responds to a click. Installed before any page script, it clicks
 * `href` (a link the app's router handles) from the moment the link exists: on every
 * DOM change and every CLICK_INTERVAL_MS, until the app takes a click. Why this is
 * sound and not racy:
 * - The click is a synthetic MouseEvent sent with dispatchEvent, which is synchronous:
 *   when it returns, React's listener on the root (attached by createRoot/hydrateRoot)
 *   has run, and React Router's <Link> has called preventDefault if it took the click.
 *   So `dispatchEvent(...) === false` says "the app handled this click", at the moment
 *   it was sent, on the page's own clock (from navigation start), with no polling from
 *   outside. Nothing else here cancels clicks (the probe itself never does).
 * - A click that comes while React is still hydrating is what a reader's click would be:
 *   React hydrates at once to answer it (or, if it cannot, stops it: then it counts as
 *   not handled).
 * - A click the app does not take (no script yet, not hydrated) would load the board in
 *   full; the probe cancels such cross-document navigations (Navigation API) until the
 *   app has taken one, so the measurement carries on in this document. The router's own
 *   navigation (pushState) is same-document and goes through.
 * - Afterwards it records when the board's h1 shows at `href`. A document that reloaded
 *   would run this probe afresh, with no click handled, on a page without the link: it
 *   never reports, and the Node side also counts the documents loaded (must be one).
 * The time is an upper bound: the app may have been ready up to CLICK_INTERVAL_MS earlier
 * (or up to the next DOM change).
 */
function clickProbe(href: string, heading: string): string {
  return `(() => {
  if (window !== window.top) return;
  const state = { tries: 0, handledAt: null, shownAt: null, blocked: 0 };
  window.__click = state;
  if (window.navigation) {
    window.navigation.addEventListener('navigate', (event) => {
      if (state.handledAt === null && !event.destination.sameDocument && event.cancelable) {
        event.preventDefault();
        state.blocked += 1;
      }
    });
  }
  const selector = 'nav[aria-label="Breadcrumb"] a[href="' + ${JSON.stringify(href)} + '"]';
  const shown = () => {
    const h1 = document.querySelector('main h1');
    if (state.shownAt === null && location.pathname === ${JSON.stringify(href)} && h1 && h1.textContent.trim() === ${JSON.stringify(heading)}) {
      state.shownAt = performance.now();
    }
  };
  const attempt = () => {
    if (state.handledAt !== null) { shown(); return; }
    const link = document.querySelector(selector);
    if (!link) return;
    const at = performance.now();
    state.tries += 1;
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true, button: 0, view: window });
    if (!link.dispatchEvent(click)) { state.handledAt = at; shown(); }
  };
  const observer = new MutationObserver(() => {
    attempt();
    if (state.shownAt !== null) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
  const tick = () => {
    attempt();
    if (state.handledAt === null) setTimeout(tick, ${CLICK_INTERVAL_MS});
  };
  tick();
})();`;
}

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
async function openPage(browser: Browser, profile: Profile, extraProbe?: string): Promise<{ context: BrowserContext; page: Page; cdp: CDPSession }> {
  // npm run server sends a Content-Security-Policy (script-src 'self') that would refuse
  // Playwright's string predicates (waitForFunction evaluates them): not enforced here,
  // for every page alike (the benchmark's own server sends none).
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light', bypassCSP: true });
  await context.addInitScript({ content: INIT_PROBE });
  if (extraProbe) await context.addInitScript({ content: extraProbe });
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

type Load = { probe: Probe; resources: Resource[]; document: { responseStart: number; responseEnd: number } | null };

const NAVIGATION = `(() => {
  const entry = performance.getEntriesByType('navigation')[0];
  return entry ? { responseStart: entry.responseStart, responseEnd: entry.responseEnd } : null;
})()`;

/** A cold load of `path`: time to the first post's text, and what was fetched. */
async function coldLoad(browser: Browser, base: string, path: string, profile: Profile): Promise<Load> {
  const { context, page } = await openPage(browser, profile);
  try {
    await page.goto(`${base}${path}`, { waitUntil: 'commit', timeout: timeout(profile) });
    const probe = await waitForFirstPost(page, profile);
    const resources = (await page.evaluate(RESOURCES)) as Resource[];
    const document = (await page.evaluate(NAVIGATION)) as Load['document'];
    return { probe, resources, document };
  } finally {
    await context.close();
  }
}

const isJs = (resource: Resource) => new URL(resource.name).pathname.endsWith('.js');

/** The app's topic load: time, JS bytes before the first post, and whether its API request went out early. */
async function measureTopic(browser: Browser, base: string, key: string, path: string, topicId: number, profile: Profile, results: Results) {
  const load = await coldLoad(browser, base, path, profile);
  recordBreakdown(key, load, results);
  const { probe, resources } = load;
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
  const load = await coldLoad(browser, base, path, profile);
  results.add(`${key}.ms`, load.probe.frameAt ?? Number.NaN);
  recordBreakdown(key, load, results);
}

function recordBreakdown(key: string, { probe, resources, document }: Load, results: Results): void {
  // Where the time went: the document's first and last bytes, the stylesheets that had
  // to arrive before the frame (render-blocking), the post's text in the DOM.
  const paintedAt = probe.frameAt ?? Number.POSITIVE_INFINITY;
  const css = resources.filter((resource) => new URL(resource.name).pathname.endsWith('.css') && resource.responseEnd > 0 && resource.responseEnd <= paintedAt);
  if (document) {
    results.add(`${key}.docStart`, document.responseStart);
    results.add(`${key}.docEnd`, document.responseEnd);
  }
  if (css.length > 0) results.add(`${key}.cssEnd`, Math.max(...css.map((resource) => resource.responseEnd)));
  results.add(`${key}.domAt`, probe.domAt ?? Number.NaN);
}

/** Where the click probe clicks: the topic's board in its breadcrumb, and that board's name (its page's h1). */
type ClickTarget = { href: string; heading: string };

/** A cold load of `path` with the click probe (clickProbe): when the app first took a click, and when the board showed. */
async function measureClick(browser: Browser, base: string, key: string, path: string, target: ClickTarget, profile: Profile, results: Results) {
  const { context, page } = await openPage(browser, profile, clickProbe(target.href, target.heading));
  let documents = 0;
  page.on('domcontentloaded', () => {
    documents += 1;
  });
  try {
    await page.goto(`${base}${path}`, { waitUntil: 'commit', timeout: timeout(profile) });
    await page.waitForFunction('window.__click && window.__click.shownAt !== null', undefined, { timeout: timeout(profile), polling: 50 });
    const state = (await page.evaluate('window.__click')) as { tries: number; handledAt: number; shownAt: number; blocked: number };
    if (documents > 1) throw new Error(`${documents} documents loaded: the click reloaded the page`);
    results.add(`${key}.handledAt`, state.handledAt);
    results.add(`${key}.shownAt`, state.shownAt);
    results.add(`${key}.unhandled`, state.tries - 1);
  } finally {
    await context.close();
  }
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
    // "Loaded all 10,000 posts" (src/features/print/components/print-page.tsx); "Loaded N of M posts" when some failed.
    const done = await page.waitForFunction(
      `(() => {
        const el = document.querySelector('.print-progress-text');
        const text = el ? el.textContent.trim() : '';
        if (/^Loaded all [\\d,]+ posts/.test(text) || /whole topic/.test(text)) return { at: performance.now(), text };
        // Still loading, or stopped short by pages that failed.
        const partial = /^Loaded [\\d,]+ of [\\d,]+ posts/.test(text);
        if (partial && !document.querySelector('.print-more')) return { at: -1, text };
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

// ---- the topic page three ways, and the server-rendered reader over HTTP -----------------
function spread(results: Results, key: string, unit: 'ms' | 'count' = 'ms'): string {
  const values = results.values(key);
  if (values.length === 0) return results.failures.has(key.split('.')[0] ?? '') ? 'failed' : 'n/a';
  const [low, high] = [Math.min(...values), Math.max(...values)];
  const middle = formatValue(median(values), unit);
  return low === high ? middle : `${middle} (${formatValue(low, unit)}–${formatValue(high, unit)})`;
}

const verdict = (met: boolean | null) => (met === null ? 'n/a' : met ? 'met' : 'MISSED');

/** Static HTML, the SPA and the server-rendered reader, one topic page of 15 posts, side by side. */
function renderThreeWays(results: Results, keys: { static: string; spa: string; ssr: string; spaClick: string; ssrClick: string }): string {
  const staticMs = median(results.values(`${keys.static}.ms`));
  const times = (key: string) => median(results.values(`${key}.ms`)) / staticMs;
  const asRatio = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : 'n/a');
  const ssrRatio = times(keys.ssr);
  const goal = `server-rendered ≤ ${FIRST_POST_RATIO_GOAL.toFixed(1)}× static`;
  const ratioVerdict = verdict(Number.isFinite(ssrRatio) ? ssrRatio <= FIRST_POST_RATIO_GOAL : null);
  const cells = [
    ['First post painted, cold (ms from navigation start)', spread(results, `${keys.static}.ms`), spread(results, `${keys.spa}.ms`), spread(results, `${keys.ssr}.ms`), goal, ratioVerdict],
    ['  ÷ static HTML (medians)', '1.00×', asRatio(times(keys.spa)), asRatio(ssrRatio), goal, ratioVerdict],
    ['  of which: document\'s first byte', spread(results, `${keys.static}.docStart`), spread(results, `${keys.spa}.docStart`), spread(results, `${keys.ssr}.docStart`), '', ''],
    ['  document\'s last byte', spread(results, `${keys.static}.docEnd`), spread(results, `${keys.spa}.docEnd`), spread(results, `${keys.ssr}.docEnd`), '', ''],
    ['  last stylesheet before the frame, last byte', spread(results, `${keys.static}.cssEnd`), spread(results, `${keys.spa}.cssEnd`), spread(results, `${keys.ssr}.cssEnd`), '', ''],
    ['  first post\'s text in the DOM', spread(results, `${keys.static}.domAt`), spread(results, `${keys.spa}.domAt`), spread(results, `${keys.ssr}.domAt`), '', ''],
    ['First click taken by the app\'s router (ms from navigation start)', 'no script', spread(results, `${keys.spaClick}.handledAt`), spread(results, `${keys.ssrClick}.handledAt`), 'none set', ''],
    ['  board page shown after it (ms from navigation start)', '', spread(results, `${keys.spaClick}.shownAt`), spread(results, `${keys.ssrClick}.shownAt`), '', ''],
    ['  clicks tried before, not taken', '', spread(results, `${keys.spaClick}.unhandled`, 'count'), spread(results, `${keys.ssrClick}.unhandled`, 'count'), '', ''],
  ];
  const table = formatTable(
    [{ title: 'median (min–max)' }, { title: 'static HTML', align: 'right' }, { title: 'SPA', align: 'right' }, { title: 'server-rendered', align: 'right' }, { title: 'goal' }, { title: 'verdict' }],
    cells,
  );
  const failed = Object.values(keys)
    .filter((key) => results.failures.has(key))
    .map((key) => `  ${key} failed: ${results.failures.get(key) ?? ''}`);
  return [table, ...failed].join('\n');
}

type ServerFigures = {
  bytes: { label: string; bytes: HtmlBytes }[];
  ttfb: { label: string; ttfb: Ttfb; goal: number | null }[];
  load: { label: string; load: Measurement }[];
};

function renderServerFigures(figures: ServerFigures): string {
  const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : 'n/a');
  const bytes = formatTable(
    [{ title: 'document (kB)' }, { title: 'uncompressed', align: 'right' }, { title: 'as sent', align: 'right' }, { title: 'coding' }, { title: 'gzip -9', align: 'right' }, { title: 'brotli 11', align: 'right' }],
    figures.bytes.map(({ label, bytes: b }) => [label, kB(b.raw), kB(b.sent), b.coding, kB(b.gzip9), kB(b.br11)]),
  );
  const ttfb = formatTable(
    [{ title: 'request' }, { title: 'p50', align: 'right' }, { title: 'p95', align: 'right' }, { title: 'p99', align: 'right' }, { title: 'last byte p50', align: 'right' }, { title: 'goal' }, { title: 'verdict' }],
    figures.ttfb.map(({ label, ttfb: t, goal }) => [
      label, ms(t.p50), ms(t.p95), ms(t.p99), ms(t.totalP50), goal === null ? 'none set' : `p95 ≤ ${goal} ms`, goal === null ? '' : verdict(t.p95 <= goal),
    ]),
  );
  const load = formatTable(
    [
      { title: 'request' }, { title: 'req/s', align: 'right' }, { title: 'p50 ms', align: 'right' }, { title: 'p99 ms', align: 'right' },
      { title: 'non-2xx', align: 'right' }, { title: 'errors', align: 'right' }, { title: 'CPU % server / bench / other' }, { title: 'goal' }, { title: 'verdict' },
    ],
    figures.load.map(({ label, load: m }) => [
      label, m.rps.toFixed(0), ms(m.p50), ms(m.p99), String(m.non2xx), String(m.errors),
      m.cpu ? [m.cpu.app, m.cpu.bench, m.cpu.other].map((v) => v.toFixed(0)).join(' / ') : 'n/a', 'non-2xx = 0', verdict(m.non2xx === 0 && m.errors === 0),
    ]),
  );
  return [
    `Document bytes, the topic page of 15 posts (no goal set; 1 kB = 1000 bytes). "As sent": for Accept-Encoding: ${BROWSER_HTML_HEADERS['accept-encoding']} —`,
    'the static page and the SPA come from the benchmark\'s server (gzip only, level 9), the server-rendered page and the API from `npm run server`;',
    'gzip -9 and brotli 11: the uncompressed body compressed here, alike for all.',
    bytes,
    '',
    `Time to first byte on loopback, ${TTFB_REQUESTS} sequential requests on one kept-alive connection after 20 not counted (ms, exact percentiles);`,
    'the browser\'s Accept-Encoding, so compression is included. "Last byte": the whole body.',
    ttfb,
    '',
    `Throughput at ${LOAD_CONNECTIONS} connections, ${loadSeconds} s per row after a warm-up at 4 (autocannon in this process; the server in its own).`,
    `CPU in % of one core (${cpus().length} cores): the server's process tree, this process (autocannon), everything else on the machine.`,
    load,
  ].join('\n');
}

/** Bytes, TTFB and load of the server-rendered reader (and the other two's documents for comparison). */
async function measureServer(reader: RenderedReader, spaUrl: string, topicId: number): Promise<ServerFigures> {
  const page = `/topic/${topicId}`;
  const apiPath = `/api/topics/${topicId}`;
  const jsonHeaders = { accept: 'application/json', 'accept-encoding': BROWSER_HTML_HEADERS['accept-encoding'] };
  process.stderr.write('server-rendered reader: bytes, TTFB');
  const bytes = [
    { label: `static HTML, /static-topic/${topicId}`, bytes: await htmlBytes(`${spaUrl}/static-topic/${topicId}`) },
    { label: `SPA, index.html (at ${page})`, bytes: await htmlBytes(`${spaUrl}${page}`) },
    { label: `  + its ${apiPath} JSON, fetched by script`, bytes: await htmlBytes(`${reader.url}${apiPath}`, jsonHeaders.accept) },
    { label: `server-rendered, ${page}`, bytes: await htmlBytes(`${reader.url}${page}`) },
  ];
  const ttfb = [
    { label: `${page} HTML, server-rendered`, ttfb: await measureTtfb(`${reader.url}${page}`, BROWSER_HTML_HEADERS, TTFB_REQUESTS, 20), goal: TTFB_P95_GOAL_MS },
    { label: `${apiPath} JSON (for comparison)`, ttfb: await measureTtfb(`${reader.url}${apiPath}`, jsonHeaders, TTFB_REQUESTS, 20), goal: null },
  ];
  process.stderr.write(`, load ${page}`);
  const html = await measureThroughput(reader, page, BROWSER_HTML_HEADERS, LOAD_CONNECTIONS, loadSeconds);
  process.stderr.write(`, load ${apiPath}\n`);
  const json = await measureThroughput(reader, apiPath, jsonHeaders, LOAD_CONNECTIONS, loadSeconds);
  return { bytes, ttfb, load: [{ label: `${page} HTML, server-rendered`, load: html }, { label: `${apiPath} JSON`, load: json }] };
}

/**
 * The server-rendered reader serves the demo forum from its embedded PostgreSQL, the SPA
 * the mock forum: both are generated from the same data, so the same topic must answer
 * alike from both. Also where the click probe clicks: the topic's board in its breadcrumb.
 */
async function sameTopic(apiUrl: string, reader: RenderedReader, topicId: number): Promise<ClickTarget> {
  const [mock, real] = await Promise.all(
    [`${apiUrl}/topics/${topicId}`, `${reader.url}/api/topics/${topicId}`].map(async (url) => {
      const answer = await fetch(url);
      if (!answer.ok) throw new Error(`GET ${url} answered ${answer.status}`);
      return (await answer.json()) as TopicResponse;
    }),
  );
  if (!mock || !real) throw new Error('unreachable');
  const ids = (data: TopicResponse) => `${data.topic.title}: ${data.posts.map((post) => post.id).join(',')}`;
  if (ids(mock) !== ids(real)) throw new Error(`topic ${topicId} differs between the mock forum and the demo database:\n  ${ids(mock)}\n  ${ids(real)}`);
  const board = real.breadcrumb.filter((crumb) => crumb.kind === 'board').at(-1);
  if (!board?.id) throw new Error(`topic ${topicId} has no board in its breadcrumb`);
  return { href: `/board/${board.id}`, heading: board.name };
}

/** The production build (browser and server renderer), built privately unless --dist names one. */
function prepareBuild(): { dist: string; ssrDist: string; cleanup: () => void } {
  const givenDist = option('--dist');
  if (givenDist) {
    const dist = resolve(givenDist);
    const ssrDist = resolve(option('--ssr-dist') ?? `${dist}-ssr`);
    if (!existsSync(join(ssrDist, 'render-entry.js'))) throw new Error(`${ssrDist} holds no render-entry.js: pass --ssr-dist, or run npm run build`);
    return { dist, ssrDist, cleanup: () => undefined };
  }
  // A private output folder: other work may rebuild dist/ while the benchmark serves it. Inside
  // the repository (node_modules/.cache), as the server renderer imports packages from node_modules.
  const cache = join(root, 'node_modules/.cache');
  mkdirSync(cache, { recursive: true });
  const builtHere = mkdtempSync(join(cache, 'lectern-bench-'));
  const dist = join(builtHere, 'dist');
  const ssrDist = join(builtHere, 'dist-ssr');
  process.stderr.write(`Building the production app (as npm run build) into ${builtHere}…\n`);
  const vite = join(root, 'node_modules/.bin/vite');
  const env = { ...process.env, NODE_ENV: 'production' };
  execFileSync(vite, ['build', '--logLevel', 'warn', '--outDir', dist, '--emptyOutDir'], { cwd: root, stdio: 'inherit', env });
  execFileSync(vite, ['build', '--ssr', '--logLevel', 'warn', '--outDir', ssrDist, '--emptyOutDir'], { cwd: root, stdio: 'inherit', env });
  return { dist, ssrDist, cleanup: () => rmSync(builtHere, { recursive: true, force: true }) };
}

async function main(): Promise<void> {
  const started = performance.now();
  if (parserOnly) {
    printParserGrowth();
    return;
  }
  const build = prepareBuild();
  // It takes seconds to load its database: started first, waited for when needed.
  const readerStarting = startRenderedReader({ root, dist: build.dist, ssrDist: build.ssrDist, log: (line) => process.stderr.write(`[npm run server] ${line}\n`) });
  readerStarting.catch(() => undefined);
  const api = await startApiServer({ port: 0, host: '127.0.0.1', latency: null });
  const server = await startBenchServer({ root: build.dist, apiTarget: api.url.replace(/\/api$/, '') });
  let browser: Browser | null = null;
  try {
    // The static yardsticks: the very posts the app shows, from the same API.
    server.addPage(STATIC_TOPIC_CSS_PATH, STATIC_TOPIC_CSS, 'text/css; charset=utf-8');
    for (const topicId of [SEED_TOPIC_ID, MULTI_PAGE_TOPIC_ID]) {
      const answer = await fetch(`${api.url}/topics/${topicId}`);
      if (!answer.ok) throw new Error(`GET /api/topics/${topicId} answered ${answer.status}`);
      server.addPage(`/static-topic/${topicId}`, renderStaticTopic((await answer.json()) as TopicResponse), 'text/html; charset=utf-8');
    }
    const reader = await readerStarting;
    const crumbTarget = await sameTopic(api.url, reader, MULTI_PAGE_TOPIC_ID);
    const cpu = cpus();
    if (!serverOnly) browser = await launchChromium();
    console.log(`Lectern benchmark — production build; the SPA with the mock API over HTTP on loopback, the server-rendered reader as npm run server (demo forum)${browser ? ', headless Chromium' : ''}`);
    console.log(
      `Machine: ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; ` +
        `Node ${process.version}${browser ? `; Chromium ${browser.version()}` : ''}`,
    );
    if (browser) await measureInBrowser(browser, server.url, reader.url, crumbTarget);
    console.log(`\nThe server-rendered reader over HTTP (npm run server, NODE_ENV=production, demo forum in embedded PostgreSQL), topic ${MULTI_PAGE_TOPIC_ID} (15 posts)`);
    console.log(renderServerFigures(await measureServer(reader, server.url, MULTI_PAGE_TOPIC_ID)));
    if (!serverOnly) printParserGrowth();
    console.log(`\nBenchmark took ${((performance.now() - started) / 1000).toFixed(0)} s.`);
  } finally {
    await browser?.close();
    await readerStarting.then((reader) => reader.close(), () => undefined);
    await server.close();
    await api.close();
    build.cleanup();
  }
}

async function measureInBrowser(browser: Browser, spaUrl: string, readerUrl: string, crumbTarget: ClickTarget): Promise<void> {
  const multi = `/topic/${MULTI_PAGE_TOPIC_ID}`;
  const twenty = topicOfAbout(20);
  console.log(
    `Runs: ${runs} cold runs per measurement (fresh browser context, empty cache); print view throttled: ${PRINT_RUNS_THROTTLED}. ` +
      'The SPA and static pages gzipped (level 9) by the benchmark server; JS sizes are encoded (gzip) body bytes from Resource Timing.',
  );
  console.log(
    'Time to first post = the first animation frame after `main article .post-body` has text (page clock, from navigation start).',
  );
  console.log(
    `First click taken = the first synthetic click on the breadcrumb's ${crumbTarget.href} that the app's router took (preventDefault, then the board shown ` +
      `without a new document), clicked on every DOM change and every ${CLICK_INTERVAL_MS} ms from when the link exists: see clickProbe.`,
  );
  console.log('The machine is shared (other work runs tests meanwhile): medians, with min–max, and a noisy spread.');

  // One load thrown away per server: the browser's and the servers' first-request costs are not the app's.
  await coldLoad(browser, spaUrl, `/topic/${SEED_TOPIC_ID}`, profiles[0] as Profile);
  await coldLoad(browser, readerUrl, multi, profiles[0] as Profile);

  for (const profile of profiles) {
    const results = new Results();
    // name (progress output), key (where a failure is reported), the measurement.
    const steps: [string, string, (run: number) => Promise<void>][] = [
      ['topic 42', 'seed', () => measureTopic(browser, spaUrl, 'seed', `/topic/${SEED_TOPIC_ID}`, SEED_TOPIC_ID, profile, results)],
      ['static 42', 'seedStatic', () => measureFirstPost(browser, spaUrl, 'seedStatic', `/static-topic/${SEED_TOPIC_ID}`, profile, results)],
      ['topic 21', 'multi', () => measureTopic(browser, spaUrl, 'multi', multi, MULTI_PAGE_TOPIC_ID, profile, results)],
      ['static 21', 'multiStatic', () => measureFirstPost(browser, spaUrl, 'multiStatic', `/static-topic/${MULTI_PAGE_TOPIC_ID}`, profile, results)],
      ['server-rendered 21', 'multiSsr', () => measureFirstPost(browser, readerUrl, 'multiSsr', multi, profile, results)],
      ['click SPA 21', 'multiClick', () => measureClick(browser, spaUrl, 'multiClick', multi, crumbTarget, profile, results)],
      ['click server-rendered 21', 'multiSsrClick', () => measureClick(browser, readerUrl, 'multiSsrClick', multi, crumbTarget, profile, results)],
      ['huge page', 'huge', () => measureFirstPost(browser, spaUrl, 'huge', `/topic/${HUGE_TOPIC_ID}?page=${HUGE_PAGE}`, profile, results)],
      ['20 posts', 'twenty', () => measureFirstPost(browser, spaUrl, 'twenty', `/topic/${twenty.id}`, profile, results)],
      ['breadcrumb', 'crumb', () => measureCrumb(browser, spaUrl, profile, results)],
      ['CLS', 'cls', () => measureCls(browser, spaUrl, profile, results)],
      [
        'print',
        'print',
        async (run) => {
          if (profile.throttled && run > PRINT_RUNS_THROTTLED) return;
          if (results.failures.has('print')) return; // it failed once: do not wait for it again
          await measurePrint(browser, spaUrl, profile, results);
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
    console.log(`\n${profile.name}: topic ${MULTI_PAGE_TOPIC_ID}, 15 posts — static HTML, the SPA, the server-rendered reader`);
    console.log(renderThreeWays(results, { static: 'multiStatic', spa: 'multi', ssr: 'multiSsr', spaClick: 'multiClick', ssrClick: 'multiSsrClick' }));
  }
}

await main();
