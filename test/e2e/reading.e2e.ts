import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { ATTACHMENTS_TOPIC_ID, BUSY_BOARD_ID, MULTI_PAGE_TOPIC_ID, SEED_BOARD_ID, SEED_TOPIC_ID, handMadePostId } from '../../mocks/db/ids';
import { chromiumForThisFile, settled } from './chromium';

const browser = chromiumForThisFile();

async function newPage(): Promise<Page> {
  const context = await browser().newContext({ viewport: { width: 1280, height: 800 } });
  return context.newPage();
}

const base = () => inject('demoUrl');
const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
const scrollY = (page: Page) => page.evaluate(() => Math.round(window.scrollY));
const topOf = (page: Page, selector: string) => page.locator(selector).evaluate((el) => Math.round(el.getBoundingClientRect().top));

describe('exact positions', () => {
  it('puts a deep-linked post at the top, highlighted, and keeps it there while the images above load', async () => {
    const page = await newPage();
    const postId = handMadePostId(ATTACHMENTS_TOPIC_ID, 4);
    await page.goto(`${base()}/topic/${ATTACHMENTS_TOPIC_ID}?post=${postId}#msg${postId}`);
    await page.locator(`#msg${postId}`).waitFor();
    await expect.poll(() => topOf(page, `#msg${postId}`)).toBeLessThan(40);
    expect(await page.locator(`#msg${postId}`).getAttribute('class')).toContain('is-targeted');
    // Every image above it has arrived (the demo answers in 100–400 ms each)…
    await settled(page);
    const above = page.locator(`article:has(~ #msg${postId}) img`);
    expect(await above.evaluateAll((images) => images.filter((img) => (img as HTMLImageElement).naturalWidth > 0).length)).toBeGreaterThan(0);
    // …and the post has stayed where it was.
    const top = await topOf(page, `#msg${postId}`);
    expect(top).toBeGreaterThanOrEqual(-2);
    expect(top).toBeLessThan(40);
    await page.context().close();
  });

  it('restores the scroll position exactly on back and forward, across routes and pages', async () => {
    const page = await newPage();
    await page.goto(`${base()}/board/${BUSY_BOARD_ID}`);
    await h1(page).waitFor();
    await page.evaluate(() => window.scrollTo(0, 900));
    await expect.poll(() => scrollY(page)).toBe(900);
    // Open the topic nearest the middle of the screen.
    const link = page.locator('.topic-title a').nth(12);
    await link.click();
    await page.waitForURL(/\/topic\/\d+$/);
    await expect.poll(() => scrollY(page)).toBe(0);
    await page.evaluate(() => window.scrollTo(0, 400));
    await expect.poll(() => scrollY(page)).toBe(400);

    await page.goBack();
    await page.waitForURL(`${base()}/board/${BUSY_BOARD_ID}`);
    await expect.poll(() => scrollY(page)).toBe(900);
    await page.goForward();
    await page.waitForURL(/\/topic\/\d+$/);
    await expect.poll(() => scrollY(page)).toBe(400);
    await page.context().close();
  });

  it('opens a typed address or a bookmark at its top, not where the last page was left, and still restores on back and reload', async () => {
    const page = await newPage();
    await page.goto(`${base()}/board/${BUSY_BOARD_ID}`);
    await h1(page).waitFor();
    await page.evaluate(() => window.scrollTo(0, 900));
    await expect.poll(() => scrollY(page)).toBe(900);
    // A new document, as from the address bar: it is not the board's entry.
    await page.goto(`${base()}/search?q=pricing`);
    await h1(page).waitFor();
    await settled(page);
    expect(await scrollY(page)).toBe(0);
    await page.evaluate(() => window.scrollTo(0, 300));
    await expect.poll(() => scrollY(page)).toBe(300);
    await page.reload();
    await h1(page).waitFor();
    await expect.poll(() => scrollY(page)).toBe(300);
    await page.goBack();
    await page.waitForURL(`${base()}/board/${BUSY_BOARD_ID}`);
    await expect.poll(() => scrollY(page)).toBe(900);
    await page.context().close();
  });

  it('lands on the top of the posts when the page changes, and restores the old page on back', async () => {
    const page = await newPage();
    await page.goto(`${base()}/topic/${MULTI_PAGE_TOPIC_ID}`);
    await h1(page).waitFor();
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const bottom = await scrollY(page);
    await page.getByRole('navigation', { name: 'Post pages, bottom' }).getByRole('link', { name: 'Page 2' }).click();
    await page.waitForURL(/page=2$/);
    await expect.poll(() => page.locator('article .post-number').first().textContent()).toBe('#16');
    await expect.poll(() => topOf(page, 'section.posts')).toBeLessThan(40);
    await expect.poll(() => topOf(page, 'section.posts')).toBeGreaterThanOrEqual(-2);
    await page.goBack();
    await expect.poll(() => scrollY(page)).toBe(bottom);
    await page.context().close();
  });
});

describe('unread markers', () => {
  it('marks a partly read topic as new in its board across a reload, and leads to the first unread post', async () => {
    const page = await newPage();
    await page.goto(`${base()}/topic/${MULTI_PAGE_TOPIC_ID}`);
    await h1(page).waitFor();
    // Read page 1 to its end: its 15th post, however long the page takes to lay out.
    await expect
      .poll(async () => {
        await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
        return page.evaluate(() => JSON.parse(localStorage.getItem('lectern:read:v1') ?? '{"topics":{}}').topics);
      })
      .toHaveProperty([String(MULTI_PAGE_TOPIC_ID), 'number'], 15);
    const title = (await h1(page).textContent()) ?? '';
    const boardHref = await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link').last().getAttribute('href');

    // A new visit: reload, then find the topic in its board, with the 26 posts after #15 unread.
    await page.reload();
    await page.goto(`${base()}${boardHref}`);
    await h1(page).waitFor();
    let newLink = page.getByRole('link', { name: `26 unread posts in ${title}: go to the first unread` });
    for (let p = 2; (await newLink.count()) === 0 && p <= 4; p += 1) {
      await page.goto(`${base()}${boardHref}?page=${p}`);
      await h1(page).waitFor();
      newLink = page.getByRole('link', { name: `26 unread posts in ${title}: go to the first unread` });
    }
    await newLink.click();
    await page.waitForURL(/page=2#new$/);
    const divider = page.getByText('New since your last visit');
    await divider.waitFor();
    await expect.poll(() => divider.evaluate((el) => Math.round(el.getBoundingClientRect().top))).toBeLessThan(60);
    await page.context().close();
  });
});

describe('old SMF links', () => {
  const cases: [string, RegExp][] = [
    [`/index.php?topic=${MULTI_PAGE_TOPIC_ID}.30`, new RegExp(`/topic/${MULTI_PAGE_TOPIC_ID}\\?page=3$`)],
    [`/index.php?topic=${SEED_TOPIC_ID}.msg${handMadePostId(SEED_TOPIC_ID, 1)}#msg${handMadePostId(SEED_TOPIC_ID, 1)}`, new RegExp(`/topic/${SEED_TOPIC_ID}\\?post=\\d+#msg\\d+$`)],
    [`/index.php?topic=${MULTI_PAGE_TOPIC_ID}.new#new`, new RegExp(`/topic/${MULTI_PAGE_TOPIC_ID}(#new)?$`)],
    [`/index.php?board=${BUSY_BOARD_ID}.20`, new RegExp(`/board/${BUSY_BOARD_ID}\\?page=2$`)],
    [`/index.php?board=${SEED_BOARD_ID}.0`, new RegExp(`/board/${SEED_BOARD_ID}$`)],
    [`/index.php?msg=${handMadePostId(SEED_TOPIC_ID, 1)}`, new RegExp(`/topic/${SEED_TOPIC_ID}\\?post=\\d+#msg\\d+$`)],
    [`/index.php?action=printpage;topic=${SEED_TOPIC_ID}.0`, new RegExp(`/topic/${SEED_TOPIC_ID}/print$`)],
  ];
  it.each(cases)('redirects %s to the reader URL', async (legacy, expected) => {
    const page = await newPage();
    await page.goto(`${base()}${legacy}`);
    await page.waitForURL(expected);
    await h1(page).waitFor();
    expect(await h1(page).textContent()).not.toMatch(/not found/i);
    await page.context().close();
  });
});
