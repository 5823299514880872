import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { SEED_TOPIC_ID } from '../../mocks/db/ids';
import { chromiumForThisFile } from './chromium';

const browser = chromiumForThisFile();

const TOPIC = `/topic/${SEED_TOPIC_ID}`;
// theme.css's page backgrounds.
const LIGHT_BG = 'rgb(246, 247, 249)';
const DARK_BG = 'rgb(20, 23, 28)';

type FirstSight = { theme: string | undefined; bodyParsed: boolean; metaScheme: string | null } | null;

/**
 * A context that records, on every page load, the theme as it first appears on <html>
 * (and whether <body> had been parsed yet: nothing is painted before it), and the theme
 * and page background at DOMContentLoaded.
 */
async function openContext(colorScheme: 'light' | 'dark', width = 1280): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser().newContext({ viewport: { width, height: 800 }, colorScheme });
  await context.addInitScript(() => {
    const w = window as unknown as { __firstTheme: FirstSight; __atFirstFrame: unknown };
    w.__firstTheme = null;
    // This runs before <html> itself is parsed: watch the whole document for it.
    const check = () => {
      const theme = document.documentElement?.dataset.theme;
      if (theme === undefined || w.__firstTheme) return false;
      const meta = document.querySelector('meta[name="color-scheme"]');
      w.__firstTheme = { theme, bodyParsed: document.body !== null, metaScheme: meta?.getAttribute('content') ?? null };
      return true;
    };
    const observer = new MutationObserver(() => {
      if (check()) observer.disconnect();
    });
    observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-theme'] });
    // The first animation frame after parsing belongs to the first paint: rendering
    // waits for the head's stylesheet, so this is what the reader first sees.
    document.addEventListener('DOMContentLoaded', () => {
      requestAnimationFrame(() => {
        w.__atFirstFrame = { theme: document.documentElement.dataset.theme, background: getComputedStyle(document.body).backgroundColor };
      });
    });
  });
  return { context, page: await context.newPage() };
}

const firstSight = (page: Page) => page.evaluate(() => (window as unknown as { __firstTheme: FirstSight }).__firstTheme);
const atFirstFrame = (page: Page) =>
  page.evaluate(() => (window as unknown as { __atFirstFrame: { theme?: string; background: string } }).__atFirstFrame);
const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const themeSelect = (page: Page) => page.getByRole('combobox', { name: 'Theme' });

async function load(page: Page, path = TOPIC) {
  await page.goto(`${inject('demoUrl')}${path}`);
  await page.getByRole('heading', { level: 1 }).waitFor();
}

describe('the theme switch in Chromium', () => {
  it('follows the system until told otherwise', async () => {
    const { context, page } = await openContext('dark');
    await load(page);
    expect(await themeSelect(page).inputValue()).toBe('system');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('system');
    expect(await background(page)).toBe(DARK_BG);
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await background(page)).toBe(LIGHT_BG);
    await context.close();
  });

  it('remembers dark on a light system across a reload, applied before the first paint', async () => {
    const { context, page } = await openContext('light');
    await load(page);
    expect(await background(page)).toBe(LIGHT_BG);
    await themeSelect(page).selectOption({ label: 'Dark' });
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await background(page)).toBe(DARK_BG);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe('dark');

    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    // Set while <head> was parsed, before <body> existed: no frame in the wrong theme.
    expect(await firstSight(page)).toEqual({ theme: 'dark', bodyParsed: false, metaScheme: 'dark' });
    expect(await atFirstFrame(page)).toEqual({ theme: 'dark', background: DARK_BG });
    expect(await themeSelect(page).inputValue()).toBe('dark');

    // A new visit (another tab of the same profile) too.
    const again = await context.newPage();
    await load(again, '/');
    expect(await firstSight(again)).toEqual({ theme: 'dark', bodyParsed: false, metaScheme: 'dark' });
    expect(await background(again)).toBe(DARK_BG);
    await context.close();
  });

  it('remembers light on a dark system, and system again clears the choice', async () => {
    const { context, page } = await openContext('dark', 375);
    await load(page);
    await themeSelect(page).selectOption({ label: 'Light' });
    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await atFirstFrame(page)).toEqual({ theme: 'light', background: LIGHT_BG });
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe('light');

    await themeSelect(page).selectOption({ label: 'System' });
    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await atFirstFrame(page)).toEqual({ theme: 'system', background: DARK_BG });
    await context.close();
  });

  it('works when storage throws: the system theme, and a switch that still switches', async () => {
    const { context, page } = await openContext('light');
    await context.addInitScript(() => {
      for (const method of ['getItem', 'setItem', 'removeItem'] as const) {
        Storage.prototype[method] = () => {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        };
      }
    });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await load(page);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('system');
    await themeSelect(page).selectOption({ label: 'Dark' });
    expect(await background(page)).toBe(DARK_BG);
    expect(errors, errors.join('\n')).toEqual([]);
    await context.close();
  });

  it("keeps the board index's category bars calm in dark: a dark bar with light text, the accent's bar in light", async () => {
    const { context, page } = await openContext('dark');
    await load(page, '/');
    const bar = page.locator('.category-name').first();
    // Relative luminance of the bar's background and of its text, from their computed sRGB.
    const lightness = () =>
      bar.evaluate((el) => {
        const luminance = (css: string) => {
          const [r = 0, g = 0, b = 0] = (css.match(/[\d.]+/g) ?? []).map((v) => {
            const c = Number(v) / 255;
            return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
          });
          return 0.2126 * r + 0.7152 * g + 0.0722 * b;
        };
        const style = getComputedStyle(el);
        return { background: luminance(style.backgroundColor), text: luminance(style.color) };
      });
    const dark = await lightness();
    expect(dark.background).toBeLessThan(0.05);
    expect(dark.text).toBeGreaterThan(dark.background);
    await themeSelect(page).selectOption({ label: 'Light' });
    // In light the bar is the accent itself, stronger than the dark theme's tint.
    const light = await lightness();
    expect(light.background).toBeGreaterThan(dark.background);
    expect(light.background).toBeLessThan(light.text);
    await context.close();
  });

  it('fits a 375 px phone header beside the search button, with no sideways scroll', async () => {
    const { context, page } = await openContext('light', 375);
    await load(page);
    const select = await themeSelect(page).boundingBox();
    const brand = await page.getByRole('link', { name: 'Lectern' }).boundingBox();
    expect(select).not.toBeNull();
    expect(brand).not.toBeNull();
    if (!select || !brand) return;
    expect(select.x + select.width).toBeLessThanOrEqual(375);
    expect(select.height).toBeGreaterThanOrEqual(24);
    // One row: the switch sits level with the brand.
    expect(Math.abs(select.y + select.height / 2 - (brand.y + brand.height / 2))).toBeLessThan(8);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await context.close();
  });
});

describe('the theme script under a strict Content-Security-Policy', () => {
  it("runs as a file under script-src 'self' in the production build, with no violation", async () => {
    const { context, page } = await openContext('light');
    await context.addInitScript(() => {
      localStorage.setItem('lectern.theme', 'dark');
      const w = window as unknown as { __violations: string[] };
      w.__violations = [];
      document.addEventListener('securitypolicyviolation', (event) => w.__violations.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    const base = inject('prodUrl');
    // Serve the app's pages with the policy a careful deployment would send.
    await page.route(`${base}/**`, async (route) => {
      if (route.request().resourceType() !== 'document') return route.continue();
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': "script-src 'self'; object-src 'none'; base-uri 'none'" } });
    });
    await page.goto(`${base}${TOPIC}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await firstSight(page)).toEqual({ theme: 'dark', bodyParsed: false, metaScheme: 'dark' });
    expect(await background(page)).toBe(DARK_BG);
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    await context.close();
  });
});
