import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { MULTI_PAGE_TOPIC_ID } from '../../mocks/db/ids';
import { seriousViolations } from './axe';
import { chromiumForThisFile } from './chromium';

// MULTI_PAGE_TOPIC_ID: 41 posts, 3 pages of 15.
const TOPIC = `/topic/${MULTI_PAGE_TOPIC_ID}`;

const browser = chromiumForThisFile();

async function openTopic(path = TOPIC, options: { width?: number; colorScheme?: 'light' | 'dark' } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser().newContext({
    viewport: { width: options.width ?? 1280, height: 800 },
    colorScheme: options.colorScheme ?? 'light',
  });
  const page = await context.newPage();
  await page.goto(`${inject('demoUrl')}${path}`);
  await page.locator('main article .post-number').first().waitFor();
  // Keyboard reading loads when the browser is idle after the first render; its
  // live region appears once it listens (keys pressed earlier are replayed, which
  // the unit tests cover).
  await page.locator('div[aria-live="polite"]').waitFor({ state: 'attached' });
  return { context, page };
}

/** The focused element's post number ("#16"), or null when focus is not on a post. */
const focusedPost = (page: Page) =>
  page.evaluate(() => document.activeElement?.closest('article')?.querySelector('.post-number')?.textContent ?? null);

/** How the focused element shows its focus, and where it sits in the viewport. */
const focusLook = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    const rect = el.getBoundingClientRect();
    return {
      tag: el.tagName,
      focusVisible: el.matches(':focus-visible'),
      outline: `${style.outlineStyle} ${style.outlineWidth}`,
      boxShadow: style.boxShadow,
      top: Math.round(rect.top),
      inView: rect.top >= 0 && rect.top < window.innerHeight,
    };
  });

const spoken = (page: Page) => page.locator('[aria-live="polite"]').allTextContents();

describe('keyboard reading in Chromium', () => {
  it('j and k move focus from post to post, visibly, with each post scrolled into view', async () => {
    const { context, page } = await openTopic();
    await page.keyboard.press('j');
    expect(await focusedPost(page)).toBe('#1');
    const first = await focusLook(page);
    expect(first.tag).toBe('ARTICLE');
    expect(first.focusVisible).toBe(true);
    // A visible indicator: an outline of some width, or a ring drawn as a shadow.
    expect(first.outline !== 'none 0px' || first.boxShadow !== 'none').toBe(true);
    expect(first.outline).toMatch(/^solid [1-9]/);

    for (let i = 0; i < 5; i += 1) await page.keyboard.press('j');
    expect(await focusedPost(page)).toBe('#6');
    const sixth = await focusLook(page);
    expect(sixth.focusVisible).toBe(true);
    expect(sixth.inView).toBe(true);
    // Scrolled to the top of the viewport (the post keeps a small scroll margin).
    expect(sixth.top).toBeLessThan(40);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(200);
    expect(await spoken(page)).toContainEqual(expect.stringMatching(/^Post 6 (of 41 )?by \S/));

    await page.keyboard.press('k');
    expect(await focusedPost(page)).toBe('#5');
    expect((await focusLook(page)).top).toBeLessThan(40);
    await context.close();
  });

  it('j with nothing focused starts at the first post below the top of the viewport', async () => {
    const { context, page } = await openTopic();
    // Scroll so post 4 starts a little below the top edge.
    await page.evaluate(() => {
      const fourth = document.querySelectorAll('main article')[3] as HTMLElement;
      window.scrollTo(0, window.scrollY + fourth.getBoundingClientRect().top - 50);
    });
    await page.keyboard.press('j');
    expect(await focusedPost(page)).toBe('#4');
    await context.close();
  });

  it('j past the last post of a page opens the next page on its first post', async () => {
    const { context, page } = await openTopic();
    await page.keyboard.press('j');
    await page.locator('main article').last().focus();
    await page.keyboard.press('j');
    await page.waitForURL(/\?page=2$/);
    await expect.poll(() => focusedPost(page)).toBe('#16');
    expect((await focusLook(page)).inView).toBe(true);
    await expect.poll(() => spoken(page)).toContainEqual(expect.stringMatching(/^Page 2 of 3\. Post 16 /));
    await context.close();
  });

  it('? opens the shortcuts in a modal dialog; Esc closes it and focus returns to the post', async () => {
    const { context, page } = await openTopic();
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    expect(await dialog.evaluate((el) => el.matches(':modal'))).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Close');
    expect(await dialog.locator('kbd').count()).toBeGreaterThan(9);
    // Tab never reaches the page behind the modal dialog (it may leave for the browser's own UI).
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null || document.activeElement === document.body)).toBe(true);

    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await focusedPost(page)).toBe('#2');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('ARTICLE');

    // And the Close button does the same.
    await page.keyboard.press('?');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await focusedPost(page)).toBe('#2');
    await context.close();
  });

  it('→ and ← change page, through history', async () => {
    const { context, page } = await openTopic();
    await page.keyboard.press('ArrowRight');
    await page.waitForURL(/\?page=2$/);
    await expect.poll(() => page.locator('main article .post-number').first().textContent()).toBe('#16');
    await page.keyboard.press(']');
    await page.waitForURL(/\?page=3$/);
    await expect.poll(() => page.locator('main article .post-number').first().textContent()).toBe('#31');
    await page.keyboard.press('ArrowLeft');
    await page.waitForURL(/\?page=2$/);
    await expect.poll(() => page.locator('main article .post-number').first().textContent()).toBe('#16');
    await page.goBack();
    await page.waitForURL(/\?page=3$/);
    await context.close();
  });

  it('# goes to a post on another page and focuses it in view', async () => {
    const { context, page } = await openTopic();
    await page.keyboard.press('#');
    const field = page.getByRole('dialog', { name: 'Go to post' }).getByRole('textbox', { name: 'Post number' });
    await field.waitFor();
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('35');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\?page=3$/);
    await expect.poll(() => focusedPost(page)).toBe('#35');
    const look = await focusLook(page);
    expect(look.inView).toBe(true);
    expect(look.top).toBeLessThan(40);
    await context.close();
  });

  it('/ opens and focuses the search box folded into a phone header', async () => {
    const { context, page } = await openTopic(TOPIC, { width: 375 });
    await page.keyboard.press('/');
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('search');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('');
    await context.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`has no serious axe violations with the shortcuts dialog or the go-to-post dialog open (${scheme})`, async () => {
      const { context, page } = await openTopic(`${TOPIC}?page=2`, { colorScheme: scheme });
      await page.keyboard.press('?');
      await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await page.keyboard.press('#');
      await page.getByRole('dialog', { name: 'Go to post' }).waitFor();
      await page.keyboard.type('99');
      await page.keyboard.press('Enter');
      await page.getByRole('alert').filter({ hasText: 'There is no post 99' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await context.close();
    });
  }

  it('fits a 375 px phone: the dialog never scrolls the page sideways', async () => {
    const { context, page } = await openTopic(TOPIC, { width: 375 });
    await page.keyboard.press('?');
    const box = await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 375).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await context.close();
  });
});
