// The server-rendered reader in Chromium, against `npm run server` twice: serving the
// demo forum (its embedded PostgreSQL, in SMF's own tables), and reading a MariaDB server
// seeded with the same forum in SMF's stored form, as a forum owner runs it. Every page
// hydrates without a warning or a layout shift, the browser asks for nothing it was sent,
// and a reader without JavaScript reads the whole forum. The HTML itself is tested on
// MariaDB and PostgreSQL in server/render/page-html.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ATTACHMENTS_TOPIC_ID,
  HOSTILE_TOPIC_ID,
  MULTI_PAGE_TOPIC_ID,
  SEED_BOARD_ID,
  SEED_TOPIC_ID,
  SHOWCASE_TOPIC_ID,
} from '../../mocks/db/ids';
import { SEED_TITLE } from '../../mocks/db/seed-topic';
import { FORUM_NAME } from '../../mocks/db/structure';
import { startMariaDb, type DbServer } from '../../server/test/db-servers';
import { seedDemoForum, type SeededForum } from '../../server/test/seeded-forum';
import { SITEINDEX_XSD, SITEMAP_XSD, validate } from '../../server/seo/sitemap-schema';
import { createTestDatabase, type TestDatabase } from '../../server/test/test-database';
import { seriousViolations } from './axe';
import { chromiumForThisFile, openPage, settled } from './chromium';
import { layoutShifts, WATCH_LAYOUT_SHIFTS } from './layout-shift';
import { lecternServerForThisFile } from './lectern-server';

const browser = chromiumForThisFile();
const demoServer = lecternServerForThisFile();

// A private MariaDB with the demo forum seeded in SMF's tables, and a second `npm run server` reading it.
let mariadb: DbServer | undefined;
let database: TestDatabase | undefined;
let seeded: SeededForum | undefined;
beforeAll(async () => {
  mariadb = await startMariaDb();
  database = await createTestDatabase(mariadb);
  seeded = await seedDemoForum(database);
}, 180_000);
const mariadbServer = lecternServerForThisFile(() => ({
  DATABASE_URL: database?.readOnlyUrl ?? '',
  SMF_ATTACHMENTS_DIR: seeded?.attachmentsDir ?? '',
  SMF_FORUM_NAME: FORUM_NAME,
}));
afterAll(async () => {
  await seeded?.cleanup();
  await mariadb?.stop();
}, 60_000);

const WATCH = WATCH_LAYOUT_SHIFTS;
const shifts = layoutShifts;

/** The tests, against one running server. */
function serverRenderingOf(name: string, server: () => string): void {
  /** Opens `path` and waits until the server's page is hydrated and its images are in. */
  async function openHydrated(path: string, width = 1280) {
    const opened = await openPage(browser(), { width });
    const { page } = opened;
    const problems: string[] = [];
    page.on('console', (message) => {
      // A missing image is the forum's content (the hostile topic links to hosts that do not answer).
      if (message.type() === 'error' && !/^Failed to load resource/.test(message.text())) problems.push(message.text());
    });
    const api: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/api/') && request.resourceType() === 'fetch') api.push(url.pathname + url.search);
    });
    await page.addInitScript(WATCH);
    const response = await page.goto(`${server()}${path}`);
    await page.waitForSelector('html[data-rendered="hydrated"]');
    await settled(page);
    return { ...opened, response, problems, api };
  }

  describe(`${name}: a server-rendered page, in a browser with JavaScript`, () => {
    const pages = [
      '/',
      `/board/${SEED_BOARD_ID}`,
      `/topic/${SEED_TOPIC_ID}`,
      `/topic/${MULTI_PAGE_TOPIC_ID}?page=2`,
      `/topic/${SHOWCASE_TOPIC_ID}`,
      `/topic/${HOSTILE_TOPIC_ID}`,
      `/topic/${ATTACHMENTS_TOPIC_ID}`,
      `/topic/${MULTI_PAGE_TOPIC_ID}/print`,
      '/search?q=pricing',
    ];

    it.each(pages)('%s hydrates with no error or warning, no layout shift past 0.02, and no serious axe violation', async (path) => {
      const { context, page, errors, problems, response } = await openHydrated(path);
      expect(response?.status()).toBe(200);
      expect(errors).toEqual([]);
      expect(problems).toEqual([]);
      expect(await shifts(page)).toBeLessThanOrEqual(0.02);
      expect(await seriousViolations(page)).toEqual([]);
      await context.close();
    });

    it('hydrates on a phone too, in dark, without a shift', async () => {
      const { context, page, errors, problems } = await openHydrated(`/topic/${SEED_TOPIC_ID}`, 375);
      expect(errors).toEqual([]);
      expect(problems).toEqual([]);
      // The post's picture is drawn: the server sends image bytes a browser decodes.
      await expect.poll(() => page.locator('article .att__img').first().evaluate((image) => (image as HTMLImageElement).naturalWidth)).toBe(1200);
      expect(await shifts(page)).toBeLessThanOrEqual(0.02);
      await context.close();
    });

    it('turns images that failed before hydration into their fallbacks: the broken-image card, the initials', async () => {
      const { context, page } = await openPage(browser(), { width: 1280 });
      // The images fail at once, while the app's scripts are held back: their error events
      // come before React is there to hear them.
      await page.route('**/api/attachments/**', (route) => route.fulfill({ status: 404, body: '' }));
      await page.route('**/api/avatars/**', (route) => route.fulfill({ status: 404, body: '' }));
      // Held once, until the image has failed; the scripts asked for later pass at once.
      let imageFailed: Promise<unknown> | undefined;
      await page.route('**/assets/*.js', async (route) => {
        imageFailed ??= page.waitForFunction(() => {
          const images = [...document.querySelectorAll<HTMLImageElement>('article:first-of-type :is(.att__img, img.avatar)')];
          return images.length === 2 && images.every((image) => image.complete && image.naturalWidth === 0);
        });
        await imageFailed;
        await route.continue();
      });
      await page.goto(`${server()}/topic/${SEED_TOPIC_ID}`);
      await page.waitForSelector('html[data-rendered="hydrated"]');
      await expect.poll(() => page.locator('article').first().getByText('This image could not be loaded').count()).toBe(1);
      await expect.poll(() => page.locator('article').first().locator('.avatar-initials').textContent()).toBe('DS');
      await context.close();
    });

    it('asks the API for nothing it was sent, then reads on as the app: the next page comes without a page load', async () => {
      const { context, page, errors, api } = await openHydrated(`/topic/${MULTI_PAGE_TOPIC_ID}`);
      expect(api.filter((path) => path === `/api/topics/${MULTI_PAGE_TOPIC_ID}` || path === `/api/topics/${MULTI_PAGE_TOPIC_ID}?page=1`)).toEqual([]);
      await page.evaluate(() => {
        (window as unknown as { sameDocument: boolean }).sameDocument = true;
      });
      await page.getByRole('link', { name: 'Next page' }).first().click();
      await expect.poll(() => page.locator('article .post-number').first().textContent()).toBe('#16');
      expect(page.url()).toBe(`${server()}/topic/${MULTI_PAGE_TOPIC_ID}?page=2`);
      expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
      expect(errors).toEqual([]);
      await context.close();
    });

    it('describes a topic in JSON-LD, and serves robots.txt and sitemaps that validate against their schemas', async () => {
      const { context, page } = await openPage(browser());
      await page.goto(`${server()}/topic/${MULTI_PAGE_TOPIC_ID}`);
      const posting = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}') as Record<string, unknown>;
      expect(posting['@type']).toBe('DiscussionForumPosting');
      expect(posting.headline).toBe(await page.getByRole('heading', { level: 1 }).textContent());
      expect(posting.url).toBe(`${server()}/topic/${MULTI_PAGE_TOPIC_ID}`);
      expect((posting.comment as unknown[]).length).toBe(14);

      expect(await (await page.request.get(`${server()}/robots.txt`)).text()).toContain(`Sitemap: ${server()}/sitemap.xml`);
      const index = await (await page.request.get(`${server()}/sitemap.xml`)).text();
      const pages = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1] ?? '');
      expect(pages.length).toBeGreaterThan(1);
      const sitemaps = await Promise.all(pages.map(async (url) => (await page.request.get(url)).text()));
      await validate(SITEINDEX_XSD, [index]);
      await validate(SITEMAP_XSD, sitemaps);
      expect(sitemaps.join('\n')).toContain(`<loc>${server()}/topic/${SEED_TOPIC_ID}</loc>`);
      await context.close();
    });

    it("keeps the hostile topic inside its data blocks: the only scripts are the page's own", async () => {
      const { context, page, errors, problems } = await openHydrated(`/topic/${HOSTILE_TOPIC_ID}`);
      const scripts = await page.evaluate(() => Array.from(document.scripts).map((script) => (script.src ? 'file' : script.type)));
      expect(scripts.sort()).toEqual(['application/json', 'application/ld+json', 'file', 'file']);
      expect(errors).toEqual([]);
      expect(problems).toEqual([]);
      await context.close();
    });

    it('answers a missing topic with a 404 and its not-found page, and an old SMF link with a 301 to its page', async () => {
      const { context, page } = await openPage(browser());
      const missing = await page.goto(`${server()}/topic/999999`);
      expect(missing?.status()).toBe(404);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Not found');
      const old = await page.goto(`${server()}/index.php?topic=${MULTI_PAGE_TOPIC_ID}.15`);
      expect(old?.request().redirectedFrom()?.url()).toBe(`${server()}/index.php?topic=${MULTI_PAGE_TOPIC_ID}.15`);
      expect((await old?.request().redirectedFrom()?.response())?.status()).toBe(301);
      expect(page.url()).toBe(`${server()}/topic/${MULTI_PAGE_TOPIC_ID}?page=2`);
      await context.close();
    });
  });

  describe(`${name}: the forum without JavaScript`, () => {
    it('reads the index, a board, a topic, its pages and its print view by following links', async () => {
      const context = await browser().newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${server()}/`);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Bosman Business World');
      await page.locator(`a[href="/board/${SEED_BOARD_ID}"]`).first().click();
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Crime and war');
      await page.locator(`a[href="/topic/${SEED_TOPIC_ID}"]`).first().click();
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(SEED_TITLE);
      expect(await page.getByText(/South Korea's government has issued an urgent demand/).count()).toBe(1);

      await page.goto(`${server()}/topic/${MULTI_PAGE_TOPIC_ID}`);
      await page.getByRole('link', { name: 'Next page' }).first().click();
      expect(page.url()).toBe(`${server()}/topic/${MULTI_PAGE_TOPIC_ID}?page=2`);
      expect(await page.locator('article .post-number').first().textContent()).toBe('#16');
      await page.getByRole('link', { name: 'Print' }).click();
      expect(page.url()).toBe(`${server()}/topic/${MULTI_PAGE_TOPIC_ID}/print`);
      // Every post of the topic's three pages, in the HTML.
      expect(await page.locator('article').count()).toBe(41);
      await context.close();
    });

    it.each([1280, 375])('searches through the plain GET form, %i px wide', async (width) => {
      const context = await browser().newContext({ javaScriptEnabled: false, viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${server()}/topic/${SEED_TOPIC_ID}`);
      await page.getByRole('searchbox', { name: 'Search the forum' }).fill('pricing');
      await page.getByRole('searchbox', { name: 'Search the forum' }).press('Enter');
      await page.waitForURL(/\/search\?q=pricing$/);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Search results for/);
      expect(await page.locator('.search-results li').count()).toBeGreaterThan(0);
      await context.close();
    });

    it('shows attachments in every state', async () => {
      const context = await browser().newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${server()}/topic/${ATTACHMENTS_TOPIC_ID}`);
      expect(await page.locator('article img.att__img').count()).toBeGreaterThan(0);
      // (This server leaves a restricted attachment out of a guest's answer altogether.)
      for (const words of ['Waiting for a moderator to approve it', 'Removed by an administrator']) {
        expect(await page.getByText(words).count(), words).toBeGreaterThan(0);
      }
      // The icons are CSS: drawn without script too.
      const icon = await page.locator('.att--pending .icon').first().evaluate((el) => getComputedStyle(el).maskImage);
      expect(icon).toMatch(/^url\("data:image\/svg\+xml/);
      await context.close();
    });
  });
}

serverRenderingOf('the demo forum', demoServer);
serverRenderingOf('a seeded MariaDB', mariadbServer);
