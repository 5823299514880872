import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { BUSY_BOARD_ID, SEED_BOARD_ID, SEED_TOPIC_ID } from '../../mocks/db/ids';
import { SEED_TITLE } from '../../mocks/db/seed-topic';
import { seriousViolations } from './axe';
import { chromiumForThisFile } from './chromium';

const browser = chromiumForThisFile();
const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
const banner = (page: Page) => page.locator('[aria-live="polite"]').filter({ hasText: 'You are offline.' });

// The production build against the HTTP API: the demo's service worker would answer
// even offline, so only here does going offline really lose the forum.
describe('losing the connection', () => {
  const base = () => inject('prodUrl');

  it('says so, keeps visited pages readable, fails fast on new ones, and recovers', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base()}/`);
    await expect.poll(() => h1(page).textContent()).toBe('Bosman Business World');
    await page.locator(`a[href="/board/${SEED_BOARD_ID}"]`).first().click();
    await expect.poll(() => h1(page).textContent()).toBe('Crime and war');
    await page.locator(`a[href="/topic/${SEED_TOPIC_ID}"]`).first().click();
    await expect.poll(() => h1(page).textContent()).toBe(SEED_TITLE);
    expect(await banner(page).count()).toBe(0);

    await context.setOffline(true);
    await expect.poll(() => banner(page).count()).toBe(1);
    expect(await banner(page).textContent()).toContain('Pages you have already opened still work');
    expect(await seriousViolations(page)).toEqual([]);

    // Back up by the breadcrumb: served from the cache.
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Crime and war' }).click();
    await expect.poll(() => h1(page).textContent()).toBe('Crime and war');
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Bosman Business World' }).click();
    await expect.poll(() => h1(page).textContent()).toBe('Bosman Business World');

    // A board never opened: the offline error page at once, not a hang.
    const started = Date.now();
    await page.locator(`a[href="/board/${BUSY_BOARD_ID}"]`).first().click();
    await expect.poll(() => h1(page).textContent(), { timeout: 3000 }).toBe('Cannot reach the forum');
    const failFastMs = Date.now() - started;
    expect(failFastMs).toBeLessThan(3000);
    console.info(`[offline] unvisited board answered "Cannot reach the forum" in ${failFastMs} ms`);
    expect(await banner(page).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);

    // Online again: the banner goes, and the board loads.
    await context.setOffline(false);
    await expect.poll(() => banner(page).count()).toBe(0);
    await page.getByRole('link', { name: 'Go to the board index' }).click();
    await expect.poll(() => h1(page).textContent()).toBe('Bosman Business World');
    const busyBoard = page.locator(`a[href="/board/${BUSY_BOARD_ID}"]`).first();
    const busyName = await busyBoard.textContent();
    await busyBoard.click();
    await expect.poll(() => h1(page).textContent()).toBe(busyName);
    await context.close();
  });
});
