import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { ATTACHMENTS_TOPIC_ID, BUSY_BOARD_ID, SEED_TOPIC_ID, handMadePostId } from '../../mocks/db/ids';
import type { BoardResponse, TopicResponse } from '../../src/lib/api/schemas';
import { seriousViolations } from './axe';
import { chromiumForThisFile, openPage, settled } from './chromium';

// What only a browser can say about a post's text and images: how long its lines are,
// how large its images are drawn, whether captions line up, what a failed hotlinked image
// becomes, and whether one without a size moves the words below it.

const browser = chromiumForThisFile();
const base = () => inject('prodUrl');

/** Serves the seed topic with `prefix` put before its first post's body. */
async function withSeedBody(page: Page, prefix: string): Promise<void> {
  await page.route(`**/api/topics/${SEED_TOPIC_ID}*`, async (route) => {
    const response = await route.fetch();
    const answer = (await response.json()) as TopicResponse;
    const posts = answer.posts.map((post, at) => (at === 0 ? { ...post, body: prefix + post.body } : post));
    await route.fulfill({ response, json: { ...answer, posts } });
  });
}

/** The characters on each line the paragraph `p` is laid out in. */
async function lineLengths(page: Page, selector: string): Promise<number[]> {
  return page.locator(selector).evaluate((p) => {
    const lines = new Map<number, number>();
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < (node.textContent?.length ?? 0); i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const top = Math.round(range.getBoundingClientRect().top);
        lines.set(top, (lines.get(top) ?? 0) + 1);
      }
    }
    return [...lines.values()];
  });
}

/** Every loaded image on the page drawn wider or taller than its own pixels, as "name: drawn > natural". */
async function upscaledImages(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.images)
      .filter((img) => img.complete && img.naturalWidth > 0)
      .flatMap((img) => {
        const box = img.getBoundingClientRect();
        const fit = getComputedStyle(img).objectFit;
        const nw = img.naturalWidth;
        const nh = img.naturalHeight;
        // The picture drawn inside the element's box, as object-fit places it.
        const contain = Math.min(box.width / nw, box.height / nh);
        const scale =
          fit === 'scale-down' ? Math.min(1, contain) : fit === 'contain' ? contain : fit === 'none' ? 1 : fit === 'cover' ? Math.max(box.width / nw, box.height / nh) : box.width / nw;
        return scale > 1.01 ? [`${img.alt}: ${Math.round(nw * scale)} > ${nw}`] : [];
      }),
  );
}

/** Scrolls the page through, so lazy images load, and back to the top. */
async function scrollThrough(page: Page): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; y < height; y += 600) {
    await page.evaluate((to) => window.scrollTo(0, to), y);
    await settled(page);
  }
}

describe('the measure of a post', () => {
  it('holds the seed topic’s lines to about 65–75 characters on a desktop', async () => {
    const { context, page } = await openPage(browser(), { width: 1280 });
    await page.goto(`${base()}/topic/${SEED_TOPIC_ID}`);
    await page.locator('.post-body p').first().waitFor();
    const lengths = await lineLengths(page, '.post-body p:nth-of-type(2)');
    // Every full line (the last one of a paragraph may be short).
    const full = lengths.slice(0, -1);
    expect(full.length).toBeGreaterThan(3);
    expect(Math.max(...full)).toBeLessThanOrEqual(78);
    expect(Math.min(...full)).toBeGreaterThanOrEqual(55);
    await context.close();
  });

  it('fits a phone: nothing in the post is wider than the screen', async () => {
    const { context, page } = await openPage(browser(), { width: 375 });
    await page.goto(`${base()}/topic/${ATTACHMENTS_TOPIC_ID}`);
    await page.locator('.post-body p').first().waitFor();
    await scrollThrough(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const overflowing = await page.locator('.post-content').evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth + 1).length);
    expect(overflowing).toBe(0);
    await context.close();
  });
});

describe('images in posts', () => {
  for (const width of [375, 1280]) {
    it(`draws no image larger than its own pixels at ${String(width)} px`, async () => {
      const { context, page } = await openPage(browser(), { width });
      for (const topic of [SEED_TOPIC_ID, ATTACHMENTS_TOPIC_ID]) {
        await page.goto(`${base()}/topic/${topic}`);
        await page.locator('.post-body p').first().waitFor();
        await scrollThrough(page);
        expect(await page.evaluate(() => Array.from(document.images).filter((img) => img.naturalWidth > 0).length)).toBeGreaterThan(0);
        expect(await upscaledImages(page)).toEqual([]);
      }
      await context.close();
    });

    it(`shows the seed topic’s words on its first screen at ${String(width)}×900, not only its image`, async () => {
      const { context, page } = await openPage(browser(), { width });
      await page.goto(`${base()}/topic/${SEED_TOPIC_ID}`);
      const first = page.locator('.post-body p').first();
      await first.waitFor();
      await settled(page);
      const { top, lineHeight } = await first.evaluate((p) => ({
        top: p.getBoundingClientRect().top,
        lineHeight: parseFloat(getComputedStyle(p).lineHeight),
      }));
      // At least three lines of the article above the fold.
      expect(top + 3 * lineHeight).toBeLessThanOrEqual(900);
      await context.close();
    });
  }

  it('lines up the captions of the images listed under a post, whatever their shapes', async () => {
    const { context, page } = await openPage(browser(), { width: 1280 });
    const postId = handMadePostId(ATTACHMENTS_TOPIC_ID, 2);
    await page.goto(`${base()}/topic/${ATTACHMENTS_TOPIC_ID}`);
    const captions = page.locator(`#msg${String(postId)} .post-attachments figcaption`);
    await captions.first().waitFor();
    await settled(page);
    const tops = await captions.evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().top)));
    expect(tops.length).toBe(4);
    expect(new Set(tops).size).toBe(1);
    await context.close();
  });

  it('shows a hotlinked image that fails as the broken-attachment card, linking to it', async () => {
    const { context, page } = await openPage(browser(), { width: 1280 });
    await page.route('https://images.example.com/**', (route) => route.fulfill({ status: 404, body: '' }));
    await withSeedBody(page, '[img alt=Sales chart]https://images.example.com/gone.png[/img]\n\n');
    await page.goto(`${base()}/topic/${SEED_TOPIC_ID}`);
    const link = page.getByRole('link', { name: 'Sales chart' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe('https://images.example.com/gone.png');
    const card = page.locator('.post-body .att--broken');
    expect(await card.textContent()).toContain('This image could not be loaded');
    // The same card as a broken attachment's: bordered, on the warning colour, with its icon.
    const look = await card.evaluate((el) => {
      const style = getComputedStyle(el);
      const icon = el.querySelector('.icon');
      return { border: style.borderTopStyle, background: style.backgroundColor, icon: icon ? getComputedStyle(icon).maskImage : 'none' };
    });
    expect(look.border).toBe('solid');
    expect(look.background).not.toBe('rgba(0, 0, 0, 0)');
    expect(look.icon).toMatch(/^url\("data:image\/svg\+xml/);
    expect(await page.locator('.post-body img.bb-img').count()).toBe(0);
    await context.close();
  });

  it('keeps the words below a hotlinked image without a size still while it loads (CLS ≤ 0.02)', async () => {
    const { context, page } = await openPage(browser(), { width: 1280 });
    await page.addInitScript(() => {
      const w = window as unknown as { shifts: number };
      w.shifts = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
          if (!entry.hadRecentInput) w.shifts += entry.value;
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    let arrived = false;
    await page.route('https://images.example.com/**', async (route) => {
      // Long after the post's words are on screen.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      arrived = true;
      await route.fulfill({
        contentType: 'image/svg+xml',
        body: '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="500"><rect width="800" height="500" fill="teal"/></svg>',
      });
    });
    await withSeedBody(page, 'A chart: [img]https://images.example.com/slow.svg[/img]\n\n');
    await page.goto(`${base()}/topic/${SEED_TOPIC_ID}`);
    await page.locator('.post-body p').nth(1).waitFor();
    await expect.poll(() => arrived, { timeout: 10_000 }).toBe(true);
    await expect.poll(() => page.locator('.post-body img.bb-img').evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(800);
    await settled(page);
    expect(await page.evaluate(() => (window as unknown as { shifts: number }).shifts)).toBeLessThanOrEqual(0.02);
    await context.close();
  });
});

describe('icons', () => {
  it('draws the paperclip of a topic with attachments, and lines its title up with the others’', async () => {
    const { context, page } = await openPage(browser(), { width: 1280 });
    await page.route(`**/api/boards/${String(BUSY_BOARD_ID)}*`, async (route) => {
      const response = await route.fetch();
      const answer = (await response.json()) as BoardResponse;
      // Two ordinary rows (no sticky or locked badge before the title), one with attachments.
      const plain = answer.topics.filter((topic) => !topic.sticky && !topic.locked && !topic.movedTo).slice(0, 2);
      const topics = plain.map((topic, at) => ({ ...topic, hasAttachments: at === 0 }));
      await route.fulfill({ response, json: { ...answer, topics } });
    });
    await page.goto(`${base()}/board/${String(BUSY_BOARD_ID)}`);
    const icon = page.getByRole('img', { name: 'Has attachments' });
    await icon.waitFor();
    const drawn = await icon.evaluate((el) => {
      const box = el.getBoundingClientRect();
      return { width: box.width, height: box.height, mask: getComputedStyle(el).maskImage };
    });
    expect(drawn.width).toBeGreaterThan(10);
    expect(drawn.height).toBeGreaterThan(10);
    expect(drawn.mask).toMatch(/^url\("data:image\/svg\+xml/);
    const lefts = await page.locator('.topic-title > a').evaluateAll((links) => links.map((a) => Math.round(a.getBoundingClientRect().left)));
    expect(lefts).toHaveLength(2);
    expect(lefts[0]).toBe(lefts[1]);
    await context.close();
  });

  it('starts every title of a board at one edge, sticky and locked ones too', async () => {
    const { context, page } = await openPage(browser(), { width: 1280 });
    await page.goto(`${base()}/board/${String(BUSY_BOARD_ID)}`);
    await page.getByText('Sticky').first().waitFor();
    await page.getByText('Locked').first().waitFor();
    const lefts = await page.locator('.topic-title > a:first-of-type').evaluateAll((links) => links.map((a) => Math.round(a.getBoundingClientRect().left)));
    expect(lefts.length).toBeGreaterThan(10);
    expect(new Set(lefts).size).toBe(1);
    await context.close();
  });
});

describe('accessibility of the attachment cards', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no serious axe violations in the attachments topic, every card in sight (${colorScheme})`, async () => {
      const { context, page } = await openPage(browser(), { colorScheme });
      await page.goto(`${base()}/topic/${String(ATTACHMENTS_TOPIC_ID)}`);
      await page.locator('.post-body').first().waitFor();
      await scrollThrough(page);
      expect(await page.locator('.att--broken').count()).toBeGreaterThan(0);
      expect(await seriousViolations(page)).toEqual([]);
      await context.close();
    });
  }
});
