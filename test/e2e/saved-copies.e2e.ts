// Saved copies in the production build: pages read are kept in IndexedDB and shown,
// marked, when the forum cannot be reached on a later visit; "save all pages" keeps a
// whole topic; a copy from another build is never read. Plus a view whose code cannot
// be downloaded. Served behind the fault server, under the strict CSP.
import { resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MULTI_PAGE_TOPIC_ID, SEED_TOPIC_ID } from '../../mocks/db/ids';
import { SEED_TITLE } from '../../mocks/db/seed-topic';
import { contentSecurityPolicy } from '../../vite.config';
import { chromiumForThisFile } from './chromium';
import { startFaultServer, type FaultServer } from './fault-server';

// Transient failures are tried three times, 2 s and 4 s apart, before a loader gives up.
const AFTER_RETRIES = 15_000;
const DB = 'lectern-saved-copies';

const browser = chromiumForThisFile();
let server: FaultServer;

beforeAll(async () => {
  server = await startFaultServer({ root: resolve(import.meta.dirname, '../../dist'), headers: { 'Content-Security-Policy': contentSecurityPolicy } });
});
afterAll(async () => {
  await server.close();
});
afterEach(() => {
  server.clear();
});

async function openPage(): Promise<{ context: BrowserContext; page: Page; pageErrors: string[] }> {
  const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return { context, page, pageErrors };
}

const h1Text = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
const topicKey = (id: number, page = 1) => `lectern-${JSON.stringify(['topics', id, { page }])}`;

/** The keys in the saved copies' database, read without creating it (the app creates it). */
function savedKeys(page: Page): Promise<string[]> {
  return page.evaluate(async (name) => {
    if (!(await indexedDB.databases()).some((db) => db.name === name)) return [];
    return new Promise<string[]>((done, fail) => {
      const open = indexedDB.open(name);
      open.onerror = () => fail(open.error);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('values')) {
          db.close();
          done([]);
          return;
        }
        const request = db.transaction('values').objectStore('values').getAllKeys();
        request.onsuccess = () => {
          db.close();
          done(request.result.map(String));
        };
        request.onerror = () => fail(request.error);
      };
    });
  }, DB);
}

async function expectSaved(page: Page, key: string): Promise<void> {
  await expect.poll(() => savedKeys(page), { timeout: 15_000 }).toContain(key);
}

const mark = (page: Page) => page.getByRole('main').locator('.refresh-notice p');

describe('saved copies: the production build with the forum down', () => {
  it('shows a topic read before after a reload with the API down, marked with its age, posts intact; Try again brings it fresh', async () => {
    const { context, page, pageErrors } = await openPage();
    await page.goto(`${server.url}/topic/${SEED_TOPIC_ID}`);
    await expect.poll(() => h1Text(page)).toBe(SEED_TITLE);
    await expectSaved(page, topicKey(SEED_TOPIC_ID));

    server.apiDown(true);
    await page.reload();
    // At the first failed attempt, not after the retries (2 s + 4 s of backoff).
    await expect.poll(() => h1Text(page), { timeout: 3_000 }).toBe(SEED_TITLE);
    expect(await mark(page).textContent()).toBe('Saved copy from less than a minute ago — the forum cannot be reached right now.');
    // A long post shows a part a frame: its end arrives in the frames after its start.
    await expect.poll(() => page.locator('article').first().textContent()).toContain('could reshape the balance of power in Northeast Asia for years to come.');
    // The retries go on behind the copy ("Trying again…"); when they fail, the copy stays and offers a retry.
    await expect.poll(() => page.getByRole('main').getByRole('button', { name: 'Try again' }).isVisible(), { timeout: AFTER_RETRIES }).toBe(true);
    expect(await mark(page).textContent()).toBe('Saved copy from less than a minute ago — the forum cannot be reached right now.');

    server.apiDown(false);
    await page.getByRole('main').getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => mark(page).textContent(), { timeout: 10_000 }).toBe('Up to date.');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('says "Cannot reach the forum" for a page never read', async () => {
    const { context, page, pageErrors } = await openPage();
    await page.goto(`${server.url}/topic/${SEED_TOPIC_ID}`);
    await expectSaved(page, topicKey(SEED_TOPIC_ID));
    server.apiDown(true);
    await page.goto(`${server.url}/topic/${MULTI_PAGE_TOPIC_ID}`);
    await expect.poll(() => h1Text(page), { timeout: AFTER_RETRIES }).toBe('Cannot reach the forum');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('saves all pages of a topic with progress, and every page then opens with the API down', async () => {
    const { context, page, pageErrors } = await openPage();
    await page.goto(`${server.url}/topic/${MULTI_PAGE_TOPIC_ID}`);
    await page.getByRole('navigation', { name: 'Post pages, top' }).waitFor();
    // Page 3 answers slowly, so the progress can be seen.
    server.fail({ match: /^\/topics\/\d+\?page=3$/, fault: { kind: 'hang', afterMs: 2000 }, times: 1 });

    await page.getByRole('button', { name: 'Save all pages' }).click();
    const progress = page.getByRole('progressbar', { name: 'Saving pages for offline reading' });
    await progress.waitFor();
    await expect.poll(() => page.locator('.save-all-progress').textContent()).toBe('Saving page 3 of 3…');
    expect(await progress.getAttribute('max')).toBe('3');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'saved' }).textContent(), { timeout: 10_000 }).toBe(
      'All 3 pages saved for offline reading.',
    );
    for (const n of [1, 2, 3]) await expectSaved(page, topicKey(MULTI_PAGE_TOPIC_ID, n));

    server.apiDown(true);
    for (const n of [1, 2, 3]) {
      await page.goto(`${server.url}/topic/${MULTI_PAGE_TOPIC_ID}${n > 1 ? `?page=${n}` : ''}`);
      await expect.poll(() => page.locator('article .post-number').first().textContent(), { timeout: AFTER_RETRIES }).toBe(`#${(n - 1) * 15 + 1}`);
      expect(await mark(page).textContent()).toMatch(/^Saved copy from /);
    }
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('never shows a saved copy written by another build', async () => {
    const { context, page, pageErrors } = await openPage();
    await page.goto(`${server.url}/topic/${SEED_TOPIC_ID}`);
    await expectSaved(page, topicKey(SEED_TOPIC_ID));
    // What an older build would have left: the same entry under another buster.
    await page.evaluate(
      (name) =>
        new Promise<void>((done, fail) => {
          const open = indexedDB.open(name);
          open.onerror = () => fail(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction('values', 'readwrite');
            const store = tx.objectStore('values');
            const cursor = store.openCursor();
            cursor.onsuccess = () => {
              const at = cursor.result;
              if (!at) return;
              at.update(JSON.stringify({ ...(JSON.parse(String(at.value)) as object), buster: '0:an-older-build' }));
              at.continue();
            };
            tx.oncomplete = () => {
              db.close();
              done();
            };
            tx.onerror = () => fail(tx.error);
          };
        }),
      DB,
    );
    server.apiDown(true);
    await page.reload();
    await expect.poll(() => h1Text(page), { timeout: AFTER_RETRIES }).toBe('Cannot reach the forum');
    expect(await page.getByText(SEED_TITLE).count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});

describe('a view whose code cannot be downloaded', () => {
  it('shows "Cannot reach the forum", and Try again reloads the page', async () => {
    const { context, page } = await openPage();
    await page.goto(server.url);
    await expect.poll(() => h1Text(page)).toBe('Bosman Business World');
    // From here on no more code arrives: the board view's chunk is not loaded yet.
    await page.route('**/assets/**', (route) => route.abort());
    await page.getByRole('main').getByRole('link', { name: 'Markets and Finance' }).click();
    await expect.poll(() => h1Text(page), { timeout: AFTER_RETRIES }).toBe('Cannot reach the forum');
    expect(await page.getByRole('main').textContent()).toContain('Part of Lectern could not be downloaded');

    await page.unroute('**/assets/**');
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Try again' }).click()]);
    await expect.poll(() => h1Text(page), { timeout: 10_000 }).toBe('Markets and Finance');
    await context.close();
  });
});
