import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { SEED_TOPIC_ID } from '../../mocks/db/ids';
import type { SearchResponse, TopicResponse } from '../../src/lib/api/schemas';
import { chromiumForThisFile, openPage } from './chromium';

// One post must never take the reader down for everyone who opens its topic, its search
// results or its print view: a body under 1 MB shows within 200 ms, and no post keeps the
// page busy for more than about 50 ms at a time. Measured where it counts, in Chromium
// running the production build: long tasks (PerformanceObserver 'longtask') and the time
// from the API's answer to the frame that shows the post.

const browser = chromiumForThisFile();

/** Just under 1 MB of `unit`, repeated. */
const megabyte = (unit: string, tail = '') => unit.repeat(Math.floor((999_000 - tail.length) / unit.length)) + tail;

const PROSE =
  "South Korea's government has issued an urgent demand for the [b]immediate withdrawal[/b] of troops, " +
  'a move that highlights growing regional tensions and a rapidly shifting geopolitical landscape. ' +
  'Observers note https://example.com/analysis and more :) [quote=Ann]Quoted line.[/quote]\n\n';

/** The review's bodies that froze the tab, and the densest ones the tag set allows. */
const HOSTILE: ReadonlyArray<readonly [string, string]> = [
  ['ordinary prose with markup', megabyte(PROSE)],
  ['a link followed by closing parentheses', `http://a.example/${megabyte(')')}`],
  ['a link followed by full stops', `http://a.example/${megabyte('.')}a`],
  ['unclosed code blocks', megabyte('[code]')],
  ['tables that never end, then list items', megabyte('[table]', megabyte('[*]').slice(0, 500_000))],
  ['a line per character', megabyte('x\n')],
  // :D, not :) — this machine has no emoji font, and Chromium then searches every font for
  // 🙂 at each layout (~0.35 ms a glyph, for any text holding it, long or short), which is
  // the machine's cost, not the post's. 😀 is in DejaVu Sans.
  ['smileys', megabyte(':D ')],
  ['links packed without spaces', megabyte('"http://a.example/')],
  ['deeply nested tags', `${'[quote][b][list][*]'.repeat(25_000)}core`],
  ['table cells', `[table][tr]${megabyte('[td]a')}`],
  ['one word, a megabyte long', megabyte('a')],
  ['a code block a megabyte long', `[code]\n${megabyte('let x = [b]1[/b];\n')}[/code]`],
  ['images with sizes', megabyte('[img width=10 height=10]https://a.example/x.png[/img]')],
];

type Probe = { longTasks: Array<{ start: number; duration: number }>; shownAt: number | null; paintedAt: number | null };

// A string, not a function: tsx would wrap a function in helpers the page does not have.
const PROBE = `(() => {
  const probe = { longTasks: [], shownAt: null, paintedAt: null };
  window.__probe = probe;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probe.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  const observer = new MutationObserver(() => {
    const body = document.querySelector('main article .post-body, main .search-result');
    const shown = document.querySelector('main .post-body__more') || (body && body.textContent.trim() !== '');
    if (probe.shownAt === null && shown) {
      probe.shownAt = performance.now();
      observer.disconnect();
      requestAnimationFrame(() => { probe.paintedAt = performance.now(); });
    }
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
})()`;

type Load = { showMs: number; longestTask: number };

/** Opens `path` with the API's answer at `api` changed to carry `body`; how long it took. */
async function load(page: Page, path: string, api: string, body: string, wait: string): Promise<Load> {
  await page.unrouteAll();
  await page.route(`**/api${api}`, async (route) => {
    const response = await route.fetch();
    const answer = (await response.json()) as TopicResponse & SearchResponse;
    if (answer.posts) answer.posts = answer.posts.map((post, at) => (at === 0 ? { ...post, body } : post));
    if (answer.results) answer.results = answer.results.map((result, at) => (at === 0 ? { ...result, post: { ...result.post, body } } : result));
    await route.fulfill({ response, json: answer });
  });
  await page.goto(`${inject('prodUrl')}${path}`);
  await page.locator(wait).first().waitFor({ timeout: 30_000 });
  // Polled from here: the page's CSP forbids the eval that waitForFunction needs.
  await expect.poll(() => page.evaluate(() => (window as unknown as { __probe: Probe }).__probe), { timeout: 10_000 }).toMatchObject({ paintedAt: expect.any(Number) });
  // Long tasks are reported a moment after they end.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
  const probe = await page.evaluate(() => (window as unknown as { __probe: Probe }).__probe);
  const answeredAt = await page.evaluate(
    (api) =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((entry) => entry.name.includes(`/api${api.replace('*', '')}`))
        ?.responseEnd ?? Number.NaN,
    api,
  );
  return {
    showMs: (probe.paintedAt ?? NaN) - answeredAt,
    longestTask: Math.max(0, ...probe.longTasks.map((task) => task.duration)),
  };
}

/** The quicker of two loads: what the page costs, without another process's noise. */
async function best(page: Page, path: string, api: string, body: string, wait: string): Promise<Load> {
  const a = await load(page, path, api, body, wait);
  const b = await load(page, path, api, body, wait);
  return { showMs: Math.min(a.showMs, b.showMs), longestTask: Math.min(a.longestTask, b.longestTask) };
}

const TOPIC = `/topic/${SEED_TOPIC_ID}`;
const TOPIC_API = `/topics/${SEED_TOPIC_ID}*`;
const SHOWN = '.post-body__more, main article .post-body';

/** What a huge body adds, where an ordinary one costs `ordinary`; the problems, if any. */
function overBudget(name: string, huge: Load, ordinary: Load): string[] {
  const problems: string[] = [];
  // 200 ms to show, the bound for any body under 1 MB.
  if (huge.showMs - ordinary.showMs > 200) problems.push(`${name}: shown ${(huge.showMs - ordinary.showMs).toFixed(0)} ms later than an ordinary post`);
  // About 50 ms of one task, over what the page's own work takes (which may be a long task
  // of its own, or just under one), with as much again for a machine shared with others.
  const allowed = Math.max(ordinary.longestTask, 50) + 50;
  if (huge.longestTask > allowed) problems.push(`${name}: a ${huge.longestTask.toFixed(0)} ms task (allowed ${allowed.toFixed(0)})`);
  return problems;
}

describe('a huge post in Chromium', () => {
  it('shows the first part of any body under 1 MB within 200 ms, adding no more than about 50 ms to any task', { timeout: 300_000 }, async () => {
    const { context, page, errors } = await openPage(browser());
    await page.addInitScript(PROBE);
    const ordinary = await best(page, TOPIC, TOPIC_API, 'An ordinary post.', 'main article .post-body');
    const problems: string[] = [];
    for (const [name, body] of HOSTILE) {
      const huge = await best(page, TOPIC, TOPIC_API, body, SHOWN);
      expect(await page.locator('.post-body__more').textContent()).toMatch(/^This post is too long to show in full \(\d+% shown\)\. Show the next part$/);
      problems.push(...overBudget(name, huge, ordinary));
    }
    expect(problems).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows each next part in one short task', { timeout: 300_000 }, async () => {
    const { context, page, errors } = await openPage(browser());
    await page.addInitScript(PROBE);
    const problems: string[] = [];
    for (const [name, body] of HOSTILE) {
      await load(page, TOPIC, TOPIC_API, body, '.post-body__more');
      const before = await page.evaluate(() => (window as unknown as { __probe: Probe }).__probe.longTasks.length);
      const times: number[] = [];
      for (let click = 0; click < 4; click++) {
        times.push(
          await page.evaluate(() => {
            const button = document.querySelector<HTMLButtonElement>('.post-body__more button');
            if (!button) return Number.NaN;
            const start = performance.now();
            button.click();
            // Style and layout now, inside the measured time, not in the next frame.
            void document.body.offsetHeight;
            return performance.now() - start;
          }),
        );
      }
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
      const longTasks = (await page.evaluate(() => (window as unknown as { __probe: Probe }).__probe.longTasks)).slice(before);
      times.sort((a, b) => a - b);
      // Typically (the median click) within 50 ms; a garbage collection or another process
      // may stretch one, never past 150.
      const median = ((times[1] as number) + (times[2] as number)) / 2;
      if (!(median <= 50)) problems.push(`${name}: the next part takes ${median.toFixed(0)} ms (median of 4)`);
      for (const slowest of [times[3] as number, ...longTasks.map((task) => task.duration)]) {
        if (!(slowest <= 150)) problems.push(`${name}: a ${slowest.toFixed(0)} ms task`);
      }
    }
    expect(problems).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('is as quick in search results and in the print view, which show it the same way', { timeout: 120_000 }, async () => {
    const { context, page, errors } = await openPage(browser());
    await page.addInitScript(PROBE);
    const body = HOSTILE[0]?.[1] as string;
    const problems: string[] = [];
    for (const [name, path, api, shown] of [
      ['search results', '/search?q=Seoul', '/search*', 'main .search-result'],
      ['the print view', `${TOPIC}/print`, TOPIC_API, SHOWN],
    ] as const) {
      const ordinary = await best(page, path, api, 'An ordinary post about Seoul.', shown);
      problems.push(...overBudget(name, await best(page, path, api, body, shown), ordinary));
    }
    expect(await page.locator('.post-body__more').textContent()).toMatch(/^This post is too long to show in full/);
    expect(problems).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
