import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import {
  BUSY_BOARD_ID, GRANDCHILD_BOARD_ID, HUGE_TOPIC_ID, MOVED_NOTICE_TOPIC_ID, MULTI_PAGE_TOPIC_ID, REDIRECT_BOARD_ID, SEED_BOARD_ID,
  SEED_TOPIC_ID,
} from '../../mocks/db/ids';
import { SEED_TITLE } from '../../mocks/db/seed-topic';
import { seriousViolations } from './axe';
import { chromiumForThisFile, openPage as openPageIn, settled } from './chromium';

const browser = chromiumForThisFile();

const openPage = (options?: { width?: number; colorScheme?: 'light' | 'dark' }) => openPageIn(browser(), options);

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

const views = [
  ['board index', '/'],
  ['board', `/board/${BUSY_BOARD_ID}`],
  ['grandchild board', `/board/${GRANDCHILD_BOARD_ID}`],
  ['topic', `/topic/${SEED_TOPIC_ID}`],
  ['huge topic', `/topic/${HUGE_TOPIC_ID}?page=2`],
  ['redirect board', `/board/${REDIRECT_BOARD_ID}`],
  ['moved-topic notice', `/topic/${MOVED_NOTICE_TOPIC_ID}`],
  ['not found', '/no/such/page'],
] as const;

describe('the offline demo (mock forum in a service worker)', () => {
  const base = () => inject('demoUrl');

  it('reads from the board index down to page 2 of a topic and climbs back by the breadcrumb', async () => {
    const { context, page } = await openPage();
    await page.goto(`${base()}/`);
    await expect.poll(() => h1(page).textContent()).toBe('Bosman Business World');

    // Index → the busy board.
    const boardLink = page.locator(`a[href="/board/${BUSY_BOARD_ID}"]`).first();
    const boardName = (await boardLink.textContent()) ?? '';
    await boardLink.click();
    await expect.poll(() => h1(page).textContent()).toBe(boardName);
    expect(page.url()).toBe(`${base()}/board/${BUSY_BOARD_ID}`);

    // Board → its second page of topics.
    await page.getByRole('navigation', { name: 'Topic pages, top' }).getByRole('link', { name: 'Page 2' }).click();
    await page.waitForURL(`${base()}/board/${BUSY_BOARD_ID}?page=2`);
    await expect.poll(() => page.locator('[aria-current="page"]', { hasText: /^2$/ }).count()).toBeGreaterThan(0);

    // A multi-page topic, then its page 2.
    await page.goto(`${base()}/topic/${MULTI_PAGE_TOPIC_ID}`);
    const title = await h1(page).textContent();
    expect(title).toBeTruthy();
    await page.getByRole('navigation', { name: 'Post pages, bottom' }).getByRole('link', { name: 'Page 2' }).click();
    await page.waitForURL(`${base()}/topic/${MULTI_PAGE_TOPIC_ID}?page=2`);
    await expect.poll(() => page.locator('article .post-number').first().textContent()).toBe('#16');

    // Breadcrumb: the board crumb leads back to the topic's board.
    const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
    const boardCrumb = crumbs.getByRole('link').last();
    const crumbName = await boardCrumb.textContent();
    await boardCrumb.click();
    await expect.poll(() => h1(page).textContent()).toBe(crumbName);

    // …and the forum crumb to the index.
    await crumbs.getByRole('link', { name: 'Bosman Business World' }).click();
    await expect.poll(() => h1(page).textContent()).toBe('Bosman Business World');
    await context.close();
  });

  it('shows the seed topic word for word, in Crime and war', async () => {
    const { context, page } = await openPage();
    await page.goto(`${base()}/topic/${SEED_TOPIC_ID}`);
    await expect.poll(() => h1(page).textContent()).toBe(SEED_TITLE);
    const crumbs = await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('listitem').allTextContents();
    expect(crumbs).toEqual(['Bosman Business World', 'News and Research', 'Crime and war', SEED_TITLE]);
    await expect.poll(() => page.locator('article').first().textContent()).toContain('for years to come.');
    expect(await page.locator(`a[href="/board/${SEED_BOARD_ID}"]`).count()).toBe(1);
    await context.close();
  });

  it('scrolls a ?post= link to its post on the right page of the 10,000-post topic', async () => {
    const { context, page } = await openPage({ width: 1280 });
    const postId = 1_000_000 + 5_000;
    await page.goto(`${base()}/topic/${HUGE_TOPIC_ID}?post=${postId}#msg${postId}`);
    const article = page.locator(`#msg${postId}`);
    await article.waitFor();
    await expect.poll(() => article.evaluate((el) => Math.round(el.getBoundingClientRect().top))).toBeLessThan(40);
    await expect.poll(() => page.locator('.pagination [aria-current="page"]').first().textContent()).toBe('334');
    await context.close();
  });


  for (const scheme of ['light', 'dark'] as const) {
    it(`has no serious or critical axe violations on any view (${scheme})`, async () => {
      const { context, page } = await openPage({ colorScheme: scheme });
      for (const [name, path] of views) {
        await page.goto(`${base()}${path}`);
        await h1(page).waitFor();
        expect({ view: name, violations: await seriousViolations(page) }).toEqual({ view: name, violations: [] });
      }
      await context.close();
    });
  }

  it('never scrolls sideways on a 375 px phone', async () => {
    const { context, page } = await openPage({ width: 375 });
    for (const [name, path] of views) {
      await page.goto(`${base()}${path}`);
      await h1(page).waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect({ view: name, overflow }).toEqual({ view: name, overflow: 0 });
    }
    await context.close();
  });

  it('shows focus visibly when tabbing to a link', async () => {
    const { context, page } = await openPage();
    await page.goto(`${base()}/`);
    await h1(page).waitFor();
    await page.keyboard.press('Tab'); // skip link
    await page.keyboard.press('Tab'); // brand link
    const outline = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return getComputedStyle(el).outlineStyle;
    });
    expect(outline).toBe('solid');
    await context.close();
  });
});

describe('the strict Content-Security-Policy', () => {
  for (const [build, url] of [
    ['demo', () => inject('demoUrl')],
    ['production', () => inject('prodUrl')],
  ] as const) {
    it(`holds on every view of the ${build} build with no violation`, async () => {
      const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
      await context.addInitScript(() => {
        const seen: string[] = [];
        (window as unknown as { __csp: string[] }).__csp = seen;
        document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
      });
      const page = await context.newPage();
      const header = (await page.goto(`${url()}/`))?.headers()['content-security-policy'];
      expect(header).toContain("script-src 'self'");
      for (const [, path] of views) {
        await page.goto(`${url()}${path}`);
        await h1(page).waitFor();
        await settled(page);
        expect({ path, violations: await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp) }).toEqual({ path, violations: [] });
      }
      await context.close();
    });
  }
});

describe('the production build against a real HTTP API', () => {
  const base = () => inject('prodUrl');

  it('reads a topic through /api, deep-linked, with no service worker', async () => {
    const { context, page } = await openPage();
    const apiCalls: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/')) apiCalls.push(new URL(request.url()).pathname);
    });
    await page.goto(`${base()}/topic/${SEED_TOPIC_ID}`);
    await expect.poll(() => h1(page).textContent()).toBe(SEED_TITLE);
    // Started early by the entry script and taken by the app: asked once, not twice.
    expect(apiCalls.filter((path) => path === `/api/topics/${SEED_TOPIC_ID}`)).toHaveLength(1);
    expect(await page.evaluate(() => navigator.serviceWorker.controller === null)).toBe(true);
    await context.close();
  });

  it('answers an unknown topic with a not-found page and a way home', async () => {
    const { context, page } = await openPage();
    await page.goto(`${base()}/topic/999999`);
    await expect.poll(() => h1(page).textContent()).toBe('Not found');
    await page.getByRole('link', { name: 'Go to the board index' }).click();
    await expect.poll(() => h1(page).textContent()).toBe('Bosman Business World');
    await context.close();
  });

  it('carries no mock code in dist/', () => {
    const dist = resolve(import.meta.dirname, '../../dist');
    const files = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(js|html)$/.test(f));
    expect(files).not.toContain('mockServiceWorker.js');
    for (const file of files) {
      const text = readFileSync(join(dist, file), 'utf8');
      expect({ file, msw: /setupWorker|mockServiceWorker|Bosman Business World/.test(text) }).toEqual({ file, msw: false });
    }
  });
});
