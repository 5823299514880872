import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { SEED_POST_ID, SEED_TOPIC_ID } from '../../mocks/db/ids';
import { SEED_TITLE } from '../../mocks/db/seed-topic';
import { seriousViolations } from './axe';
import { chromiumForThisFile, openPage as openPageIn } from './chromium';

const browser = chromiumForThisFile();

const openPage = (options?: { width?: number; colorScheme?: 'light' | 'dark' }) => openPageIn(browser(), options);

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
const searchbox = (page: Page) => page.getByRole('searchbox', { name: 'Search the forum' });
// One entry per topic: the results list's own items, not the posts listed inside each.
const results = (page: Page) => page.locator('ol.search-results > li');

describe('search in the offline demo', () => {
  const base = () => inject('demoUrl');

  it('searches from the board index by the header box, and a result leads to the post', async () => {
    const { context, page } = await openPage();
    await page.goto(`${base()}/`);
    await expect.poll(() => h1(page).textContent()).toBe('Bosman Business World');

    await searchbox(page).fill('korean troops');
    await searchbox(page).press('Enter');
    await page.waitForURL(`${base()}/search?q=korean+troops`);
    await expect.poll(() => h1(page).textContent()).toMatch(/Search results for.*korean troops/);
    expect(await page.title()).toBe('Search: korean troops');
    expect(await searchbox(page).inputValue()).toBe('korean troops');

    const first = results(page).first();
    expect((await first.locator('mark').allTextContents()).map((t) => t.toLowerCase())).toEqual(expect.arrayContaining(['korean', 'troops']));
    await first.getByRole('heading', { level: 2 }).getByRole('link').click();
    await page.waitForURL(`${base()}/topic/${SEED_TOPIC_ID}?post=${SEED_POST_ID}#msg${SEED_POST_ID}`);
    await expect.poll(() => h1(page).textContent()).toBe(SEED_TITLE);
    const article = page.locator(`article#msg${SEED_POST_ID}`);
    await expect
      .poll(() => article.evaluate((el) => {
        const box = el.getBoundingClientRect();
        return box.top >= 0 && box.top < window.innerHeight;
      }))
      .toBe(true);
    await context.close();
  });

  it('opens from a button on a 375 px phone, and the header and results fit the screen', async () => {
    const { context, page } = await openPage({ width: 375 });
    await page.goto(`${base()}/board/13`);
    await h1(page).waitFor();
    expect(await searchbox(page).isVisible()).toBe(false);
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBe(0);

    await page.getByRole('button', { name: 'Search', expanded: false }).click();
    await expect.poll(() => searchbox(page).evaluate((el) => el === document.activeElement)).toBe(true);
    const box = await searchbox(page).boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 375).toBe(true);
    await page.keyboard.type('dividend');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base()}/search?q=dividend`);
    await expect.poll(() => results(page).count()).toBe(10);
    expect(await overflow()).toBe(0);

    // Escape folds it away again and gives focus back to the button.
    await page.getByRole('button', { name: 'Search', expanded: false }).click();
    expect(await searchbox(page).inputValue()).toBe('dividend');
    await page.keyboard.press('Escape');
    await expect.poll(() => searchbox(page).isVisible()).toBe(false);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Search');
    await context.close();
  });

  it('shows a topic whose title matches as one entry, its marks visible, and lets other topics onto the first screen', async () => {
    for (const width of [375, 1280]) {
      const { context, page } = await openPage({ width });
      await page.goto(`${base()}/search?q=pricing`);
      // The demo's service worker builds its search index on the first search: wait for it.
      await results(page).first().waitFor();
      expect(await results(page).count()).toBe(10);
      const first = results(page).first();
      expect(await first.getByRole('heading', { level: 2 }).textContent()).toBe('Pricing page redesign — before and after');
      expect(await first.locator('h2 mark').textContent()).toBe('Pricing');
      // The marks are seen, not only in the DOM: a tinted background unlike the card's.
      const [markBg, cardBg] = await first.evaluate((el) => [
        getComputedStyle(el.querySelector('h2 mark') as Element).backgroundColor,
        getComputedStyle(el.closest('.card-list') as Element).backgroundColor,
      ]);
      expect(markBg).not.toBe(cardBg);
      expect(await first.locator('.search-post').count()).toBe(3);
      for (const post of await first.locator('.search-post').all()) expect(await post.locator('mark').count()).toBeGreaterThan(0);
      // Three posts of the topic, then the next topic still starts on the first screen at 1280 px.
      if (width === 1280) {
        const second = await results(page).nth(1).boundingBox();
        expect(second && second.y < 900).toBe(true);
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect({ width, overflow }).toEqual({ width, overflow: 0 });
      await context.close();
    }
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`has no serious or critical axe violations on the results page (${scheme})`, async () => {
      const { context, page } = await openPage({ colorScheme: scheme });
      for (const path of ['/search?q=north+korean', '/search?q=pricing', '/search?q=the&page=2', '/search?q=zzqqxxnotaword', '/search']) {
        await page.goto(`${base()}${path}`);
        await h1(page).waitFor();
        expect({ path, violations: await seriousViolations(page) }).toEqual({ path, violations: [] });
      }
      await context.close();
    });
  }
});

describe('search in the production build against a real HTTP API', () => {
  it('finds the seed post through /api/search', async () => {
    const { context, page } = await openPage();
    await page.goto(`${inject('prodUrl')}/search?q=Seoul+withdrawal`);
    await expect.poll(() => results(page).first().getByRole('heading', { level: 2 }).textContent()).toContain(SEED_TITLE);
    await context.close();
  });
});
