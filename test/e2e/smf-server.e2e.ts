// `npm run server` as a forum owner runs it, in Chromium: the real process (server/main.ts)
// with no database configured, so it serves the demo forum from its embedded PostgreSQL
// through the SMF SQL path, plus the production build, the files and the CSP.
import { describe, expect, it } from 'vitest';
import { MULTI_PAGE_TOPIC_ID, SEED_BOARD_ID, SEED_TOPIC_ID } from '../../mocks/db/ids';
import { seriousViolations } from './axe';
import { chromiumForThisFile, openPage } from './chromium';
import { lecternServerForThisFile } from './lectern-server';

const browser = chromiumForThisFile();
const server = lecternServerForThisFile();

describe('npm run server, with no database, serving the demo forum', () => {
  it('reads the index, a board and a topic with its image, under the CSP, with no serious axe violations', async () => {
    const { context, page, errors } = await openPage(browser());
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Content.Security.Policy|Refused to/i.test(message.text())) refused.push(message.text());
    });
    const response = await page.goto(`${server()}/`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Bosman Business World');
    expect(await seriousViolations(page)).toEqual([]);

    await page.locator(`a[href="/board/${String(SEED_BOARD_ID)}"]`).first().click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Crime and war');
    await page.locator(`a[href="/topic/${String(SEED_TOPIC_ID)}"]`).first().click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Seoul Calls for Immediate Withdrawal/);
    await expect.poll(() => page.getByText(/South Korea's government has issued an urgent demand/).count()).toBe(1);
    // The inline attachment is a real file from the server's attachment folder.
    const image = page.locator('article img').first();
    await expect.poll(() => image.evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    expect(refused).toEqual([]);
    await context.close();
  });

  it('opens a deep link straight from the address bar, rendered by the server, on the page asked for', async () => {
    const { context, page, errors } = await openPage(browser());
    const response = await page.goto(`${server()}/topic/${String(MULTI_PAGE_TOPIC_ID)}?page=3`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['cache-control']).toMatch(/^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/);
    await expect.poll(() => page.locator('article .post-number').first().textContent()).toBe('#31');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('caches hashed assets for a year and compresses them', async () => {
    const html = await (await fetch(`${server()}/`)).text();
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeTruthy();
    const response = await fetch(`${server()}${asset ?? ''}`, { headers: { 'Accept-Encoding': 'br' } });
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('content-encoding')).toBe('br');
    const api = await fetch(`${server()}/api/topics/${String(SEED_TOPIC_ID)}`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(api.headers.get('content-encoding')).toBe('gzip');
  });
});
