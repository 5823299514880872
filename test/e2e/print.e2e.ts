import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { HUGE_TOPIC_ID, MULTI_PAGE_TOPIC_ID, SEED_TOPIC_ID, SHOWCASE_TOPIC_ID, hugePostId } from '../../mocks/db/ids';
import { SEED_TITLE } from '../../mocks/db/seed-topic';
import type { TopicResponse } from '../../src/lib/api/schemas';
import { deep } from '../deep';

// Not a skipped test in the everyday run: a test that is not run there is not defined there.
const deepOnly: typeof it = deep ? it : ((() => undefined) as unknown as typeof it);
import { seriousViolations } from './axe';
import { chromiumForThisFile, openPage as openPageIn } from './chromium';

const SEED_IMAGE_NAME = '57dcd400-8f8f-11ef-8fb2-ed68f86dd90c.jpg.webp';

const browser = chromiumForThisFile();

const openPage = (options?: { width?: number; colorScheme?: 'light' | 'dark' }) => openPageIn(browser(), options);

async function heapAfterGc(page: Page): Promise<{ heapMb: number; nodes: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
  return { heapMb: metric('JSHeapUsedSize') / 1024 / 1024, nodes: metric('Nodes') };
}

/**
 * Every one of the huge topic's first `posts` posts is in the page, none windowed away:
 * the last has its title, and find-in-page reaches its words.
 */
async function expectAllPostsFindable(page: Page, posts: number): Promise<void> {
  expect(await page.locator('article').count()).toBe(posts);
  const last = page.locator(`#msg${hugePostId(posts)}`);
  expect(await last.locator('.print-post-title').textContent()).toBe(`#${posts.toLocaleString('en')} ${await last.locator('.print-post-title').evaluate((h) => h.lastChild?.textContent ?? '')}`);
  const lastWords = ((await last.locator('.post-body').textContent()) ?? '').trim().slice(0, 40);
  expect(lastWords.length).toBeGreaterThan(5);
  const found = await page.evaluate((text) => {
    window.getSelection()?.removeAllRanges();
    return (window as unknown as { find: (s: string) => boolean }).find(text);
  }, lastWords);
  expect(found).toBe(true);
}

async function waitUntilLoaded(page: Page, text: string | RegExp, timeout = 30_000): Promise<void> {
  await page.locator('.print-progress-text', { hasText: text }).waitFor({ timeout });
}

describe('the print view in the offline demo', () => {
  const base = () => inject('demoUrl');

  it('opens from the Print link of a topic and reads as a document', async () => {
    const { context, page, errors } = await openPage();
    await page.goto(`${base()}/topic/${SEED_TOPIC_ID}`);
    await page.getByRole('heading', { level: 1, name: SEED_TITLE }).waitFor();
    await page.getByRole('link', { name: 'Print', exact: true }).click();
    await page.waitForURL(`${base()}/topic/${SEED_TOPIC_ID}/print`);
    await page.getByRole('heading', { level: 1, name: SEED_TITLE }).waitFor();
    expect(await page.locator('.print-trail').textContent()).toBe('Bosman Business World › News and Research › Crime and war');
    expect(await page.locator('.print-meta').textContent()).toBe('Started by Dev Sunday on Oct 21, 2024, 3:19 PM · 1 post');
    expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toBe('#1 Dev Sunday');
    expect(await page.locator('.print-post-date').first().textContent()).toBe('Oct 21, 2024, 3:19 PM');
    await waitUntilLoaded(page, 'Loaded the whole topic (1 post)');
    expect(await page.getByRole('button', { name: 'Print' }).isEnabled()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('loads all pages of a multi-page topic, showing progress', async () => {
    const { context, page } = await openPage();
    // The production build talks to the API over HTTP, where the test can hold page 3
    // back: the progress is then on screen for certain, not by the luck of timing.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(`**/api/topics/${MULTI_PAGE_TOPIC_ID}?page=3`, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${inject('prodUrl')}/topic/${MULTI_PAGE_TOPIC_ID}/print`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const progress = page.locator('.print-progress-text', { hasText: /^Loaded (15|30) of 41 posts$/ });
    await progress.waitFor();
    // Progress that can be seen: words and a bar of some height, at the top of the window.
    const bar = await page.getByRole('progressbar').boundingBox();
    expect(bar?.height).toBeGreaterThanOrEqual(8);
    expect(bar?.width).toBeGreaterThanOrEqual(120);
    expect((await progress.boundingBox())?.y).toBeLessThan(100);
    // Printing need not wait for the rest.
    expect(await page.getByRole('button', { name: 'Print' }).isEnabled()).toBe(true);
    release();
    await waitUntilLoaded(page, 'Loaded all 41 posts');
    expect(await page.locator('article').count()).toBe(41);
    expect(await page.getByRole('progressbar').getAttribute('value')).toBe('41');
    expect(await page.getByRole('button', { name: 'Print' }).isEnabled()).toBe(true);
    await context.close();
  });

  // The whole 10,000-post topic through the mock forum in the page: defined under
  // `npm run test:deep` only. The everyday run loads a cut of it from the production build (below).
  deepOnly('loads all 10,000 posts of the huge topic with bounded memory, the page staying responsive', async () => {
    const { context, page, errors } = await openPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const started = Date.now();
    await page.goto(`${base()}/topic/${HUGE_TOPIC_ID}/print`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.locator('.print-progress-text', { hasText: /^Loaded [\d,]+ of 10,000 posts$/ }).waitFor();

    // Switching to text only while pages pour in answers at once.
    await page.locator('.print-progress-text', { hasText: /^Loaded \d,\d{3} of 10,000 posts$/ }).waitFor({ timeout: 60_000 });
    const clicked = Date.now();
    await page.getByRole('radio', { name: 'Text only' }).click();
    await page.locator('.print-document.print-text-only').waitFor({ timeout: 2_000 });
    const toggleMs = Date.now() - clicked;
    expect(page.url()).toBe(`${base()}/topic/${HUGE_TOPIC_ID}/print?images=0`);

    await waitUntilLoaded(page, 'Loaded all 10,000 posts', 85_000);
    const seconds = (Date.now() - started) / 1000;
    await expectAllPostsFindable(page, 10_000);

    const heapUsedMb = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
      return { heapMb: metric('JSHeapUsedSize') / 1024 / 1024, nodes: metric('Nodes') };
    };
    const before = await heapUsedMb();
    // What the page holds on to, not garbage it has not collected yet.
    await cdp.send('HeapProfiler.collectGarbage');
    const { heapMb, nodes } = await heapUsedMb();
    // The demo's heap includes the mock forum itself (MSW runs in the page), which
    // keeps what it generated: the production build below measures the reader alone.
    console.log(
      `[print] demo: 667 pages / 10,000 posts loaded in ${seconds.toFixed(1)} s; text-only toggle answered in ${toggleMs} ms; ` +
        `DOM nodes ${nodes}; JS heap used ${before.heapMb.toFixed(1)} MB, ${heapMb.toFixed(1)} MB after GC (mock forum included)`,
    );
    expect(before.heapMb).toBeLessThan(300);
    expect(heapMb).toBeLessThan(300);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('is a document on screen too: no app header or footer, the page in the document’s own colour', async () => {
    const { context, page } = await openPage();
    await page.goto(`${base()}/topic/${MULTI_PAGE_TOPIC_ID}/print`);
    await waitUntilLoaded(page, 'Loaded all 41 posts');
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('.site-footer').isVisible()).toBe(false);
    expect(await page.getByRole('link', { name: 'Back to the topic' }).isVisible()).toBe(true);
    // The document's white, not the app's grey canvas.
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
    // A reading measure: no line of a post runs past about 75 characters.
    const longest = await page.locator('.print-post .post-body p').evaluateAll((paragraphs) => {
      let most = 0;
      for (const p of paragraphs) {
        const range = document.createRange();
        const text = p.firstChild;
        if (!(text instanceof Text)) continue;
        let line = -1;
        let count = 0;
        for (let i = 0; i < text.length; i++) {
          range.setStart(text, i);
          range.setEnd(text, i + 1);
          const top = Math.round(range.getBoundingClientRect().top);
          if (top !== line) {
            line = top;
            count = 0;
          }
          count += 1;
          most = Math.max(most, count);
        }
      }
      return most;
    });
    expect(longest).toBeGreaterThan(40);
    expect(longest).toBeLessThanOrEqual(78);
    await context.close();
  });

  it('prints only the document: no header, footer, bar or progress, and every date in one format', async () => {
    const { context, page } = await openPage({ colorScheme: 'dark' });
    await page.goto(`${base()}/topic/${SHOWCASE_TOPIC_ID}/print`);
    await waitUntilLoaded(page, /^Loaded all \d+ posts$/);
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['.site-header', '.site-footer', '.print-bar', '.print-options', '.skip-link', 'progress', 'button', 'form']) {
      expect({ hidden, visible: await page.locator(hidden).first().isVisible() }).toEqual({ hidden, visible: false });
    }
    expect(await page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
    expect(await page.locator('article').last().isVisible()).toBe(true);
    // Where the printout came from, in full.
    expect(await page.locator('.print-source').textContent()).toBe(`${base()}/topic/${SHOWCASE_TOPIC_ID}`);
    const look = await page.locator('.print-post').first().evaluate((el) => {
      const style = getComputedStyle(el.querySelector('.post-body') as Element);
      return { font: style.fontFamily, color: style.color, background: getComputedStyle(document.body).backgroundColor, visibility: getComputedStyle(el).contentVisibility };
    });
    expect(look.font).toMatch(/serif/);
    // Black on white, even from a dark screen theme.
    expect(look.color).toBe('rgb(0, 0, 0)');
    expect(look.background).toBe('rgb(255, 255, 255)');
    expect(look.visibility).toBe('visible');
    // One date format: the topic's, each post's and the quotes' dates alike.
    const dates = await page.locator('.print-document time').allTextContents();
    expect(dates.length).toBeGreaterThan(5);
    expect(dates.filter((date) => !/^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d\d [AP]M$/.test(date))).toEqual([]);
    await context.close();
  });

  it('writes the address of a link after its words on paper, unless the words are the address', async () => {
    const { context, page } = await openPage();
    await page.goto(`${base()}/topic/${SHOWCASE_TOPIC_ID}/print`);
    await waitUntilLoaded(page, /^Loaded all \d+ posts$/);
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    const links = await page.locator('.print-post .post-body a[href^="http"]').evaluateAll((anchors) =>
      anchors.map((a) => ({ text: (a.textContent ?? '').trim(), after: getComputedStyle(a, '::after').content })),
    );
    const worded = links.find((link) => !link.text.startsWith('http') && !link.text.includes('.'));
    expect(worded?.after).toMatch(/^" <https?:\/\/.+>"$/);
    const bare = links.find((link) => link.text.startsWith('http'));
    expect(bare?.after).toBe('none');
    await context.close();
  });

  it('makes a PDF of a range of pages of the 10,000-post topic', async () => {
    const { context, page, errors } = await openPage();
    await page.goto(`${base()}/topic/${HUGE_TOPIC_ID}/print?from=500&to=503`);
    await waitUntilLoaded(page, 'Loaded all 60 posts');
    expect(await page.locator('article').count()).toBe(60);
    expect(await page.locator('.print-meta').textContent()).toMatch(/· Pages 500–503 of 667, posts 7,486–7,545$/);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const sheets = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    expect(sheets).toBeGreaterThan(2);
    // A post's header goes over to the next sheet with its first lines rather than end a sheet alone.
    const breaks = await page.locator('.print-post-head').first().evaluate((head) => ({
      after: getComputedStyle(head).breakAfter,
      lines: getComputedStyle(head.parentElement?.querySelector('.post-body') as Element).orphans,
    }));
    expect(breaks).toEqual({ after: 'avoid', lines: '3' });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('hides images in text only, keeps their names, and keeps the choice on reload', async () => {
    const { context, page } = await openPage();
    await page.goto(`${base()}/topic/${SEED_TOPIC_ID}/print`);
    const image = page.getByRole('img', { name: SEED_IMAGE_NAME });
    await image.waitFor();
    await page.getByRole('radio', { name: 'Text only' }).check();
    await page.waitForURL(`${base()}/topic/${SEED_TOPIC_ID}/print?images=0`);
    await image.waitFor({ state: 'hidden' });
    expect(await page.getByText(SEED_IMAGE_NAME, { exact: true }).isVisible()).toBe(true);
    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByRole('radio', { name: 'Text only' }).isChecked()).toBe(true);
    expect(await image.isVisible()).toBe(false);
    await page.getByRole('radio', { name: 'With images' }).check();
    await image.waitFor({ state: 'visible' });
    await context.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`has no serious axe violations, and no sideways scrolling on a phone (${scheme})`, async () => {
      const { context, page } = await openPage({ colorScheme: scheme });
      await page.goto(`${base()}/topic/${MULTI_PAGE_TOPIC_ID}/print`);
      await waitUntilLoaded(page, 'Loaded all 41 posts');
      expect(await seriousViolations(page)).toEqual([]);
      await page.setViewportSize({ width: 375, height: 800 });
      await page.goto(`${base()}/topic/${SEED_TOPIC_ID}/print`);
      await waitUntilLoaded(page, 'Loaded the whole topic (1 post)');
      expect(await seriousViolations(page)).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBe(0);
      await context.close();
    });
  }
});

describe('the print view of the production build against a real HTTP API', () => {
  // The 10,000-post topic in full under `npm run test:deep`. The everyday run makes the API
  // say the topic ends after 67 pages (its first 1,005 posts): the same view, loading pages
  // six at a time as it does for any topic over 50 pages, in a tenth of the time.
  const pages = deep ? 667 : 67;
  const posts = deep ? 10_000 : 1_005;
  // 150 MB for 10,000 posts: 15 kB a post at most, over what the view holds for one page.
  const heapBudgetMb = (base: number) => base + (15 * posts) / 1000;

  it(`loads all ${posts.toLocaleString('en')} posts of the huge topic, answers at once while pages pour in, and holds them in bounded memory (the reader alone, no mock in the page)`, async () => {
    const { context, page, errors } = await openPage();
    // What the view holds for a topic of one page: the measure of what the posts add.
    await page.goto(`${inject('prodUrl')}/topic/${SEED_TOPIC_ID}/print`);
    await waitUntilLoaded(page, 'Loaded the whole topic (1 post)');
    const base = await heapAfterGc(page);

    // Pages after the 20th wait until the view has been switched to text only, so that
    // the switch happens while pages are still arriving, on any machine.
    let toggled = () => {};
    const afterToggle = new Promise<void>((resolve) => {
      toggled = resolve;
    });
    await page.route(`**/api/topics/${HUGE_TOPIC_ID}*`, async (route) => {
      const number = Number(new URL(route.request().url()).searchParams.get('page') ?? '1');
      if (number > 20) await afterToggle;
      if (deep) return route.continue();
      const response = await route.fetch();
      const answer = (await response.json()) as TopicResponse;
      await route.fulfill({ response, json: { ...answer, page: { ...answer.page, totalPages: pages, totalItems: posts } } });
    });

    const started = Date.now();
    await page.goto(`${inject('prodUrl')}/topic/${HUGE_TOPIC_ID}/print`);
    // Twenty pages in, the rest held: the view is loading for certain.
    await waitUntilLoaded(page, `Loaded 300 of ${posts.toLocaleString('en')} posts`);
    const clicked = Date.now();
    await page.getByRole('radio', { name: 'Text only' }).click();
    await page.locator('.print-document.print-text-only').waitFor({ timeout: 2_000 });
    const toggleMs = Date.now() - clicked;
    expect(page.url()).toBe(`${inject('prodUrl')}/topic/${HUGE_TOPIC_ID}/print?images=0`);
    toggled();

    await waitUntilLoaded(page, `Loaded all ${posts.toLocaleString('en')} posts`, deep ? 60_000 : 30_000);
    const seconds = (Date.now() - started) / 1000;
    await expectAllPostsFindable(page, posts);

    const { heapMb, nodes } = await heapAfterGc(page);
    console.log(
      `[print] production, no latency: ${posts} posts (${pages} pages) in ${seconds.toFixed(1)} s; text-only toggle answered in ${toggleMs} ms; ` +
        `DOM nodes ${nodes}; JS heap ${heapMb.toFixed(1)} MB after GC (${base.heapMb.toFixed(1)} MB for a topic of one page)`,
    );
    expect(heapMb).toBeLessThan(heapBudgetMb(base.heapMb));
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);
});
