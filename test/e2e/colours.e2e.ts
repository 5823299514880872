// What only a browser shows about colour: the contrast of author-chosen colours on each
// theme (the stylesheet adjusts them with relative colours), forced colours (Windows High
// Contrast), and which links carry an underline.
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { BUSY_BOARD_ID, MULTI_PAGE_TOPIC_ID, SHOWCASE_TOPIC_ID } from '../../mocks/db/ids';
import { seriousViolations } from './axe';
import { chromiumForThisFile, settled } from './chromium';

const browser = chromiumForThisFile();
const SHOWCASE = `/topic/${SHOWCASE_TOPIC_ID}`;

async function open(
  path: string,
  options: { colorScheme?: 'light' | 'dark'; forcedColors?: 'active' | 'none' } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser().newContext({
    viewport: { width: 1280, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
    forcedColors: options.forcedColors ?? 'none',
  });
  const page = await context.newPage();
  await page.goto(`${inject('demoUrl')}${path}`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await settled(page);
  return { context, page };
}

const themeSelect = (page: Page) => page.getByRole('combobox', { name: 'Theme' });

/** The showcase's navy, as painted: the colour the reader sees, in sRGB. */
const navy = (page: Page) => painted(page, page.getByText('navy', { exact: true }));

async function painted(page: Page, locator: ReturnType<Page['locator']>): Promise<number[]> {
  const color = await locator.evaluate((el) => getComputedStyle(el).color);
  return page.evaluate((css) => {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 1;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) throw new Error('No 2D canvas');
    context.fillStyle = css;
    context.fillRect(0, 0, 1, 1);
    return Array.from(context.getImageData(0, 0, 1, 1).data.slice(0, 3));
  }, color);
}

describe('author-chosen colours', () => {
  it.each(['light', 'dark'] as const)('leave the showcase topic with no serious axe violation, contrast included, in %s', async (colorScheme) => {
    const { context, page } = await open(SHOWCASE, { colorScheme });
    await page.getByText('navy', { exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('follow a theme switched while reading, both ways', async () => {
    const { context, page } = await open(SHOWCASE, { colorScheme: 'light' });
    await themeSelect(page).selectOption({ label: 'Dark' });
    expect(await seriousViolations(page)).toEqual([]);
    const [red, green, blue] = await navy(page);
    // Still navy's hue, made light enough to read on the dark card.
    expect(blue).toBeGreaterThan(200);
    expect(blue).toBeGreaterThan((red ?? 0) + 60);
    expect(blue).toBeGreaterThan((green ?? 0) + 40);

    await themeSelect(page).selectOption({ label: 'Light' });
    expect(await seriousViolations(page)).toEqual([]);
    expect(await navy(page)).toEqual([0, 0, 128]);
    await context.close();
  });

  it.each(['light', 'dark'] as const)('reach 4.5:1 on every surface a post has, whatever the colour, in %s', async (colorScheme) => {
    const { context, page } = await open(SHOWCASE, { colorScheme });
    const worst = await page.evaluate(() => {
      // Every step of 0x33 per channel (the 216 "web-safe" colours, black to white through
      // every hue) and the names the showcase uses, on the post, in a quote, in a nested
      // quote and in a table's header cell.
      const steps = ['00', '33', '66', '99', 'cc', 'ff'];
      const colours = ['navy', 'yellow', 'white', 'black', 'lime', 'red', 'blue', 'fuchsia', 'aqua'];
      for (const r of steps) for (const g of steps) for (const b of steps) colours.push(`#${r}${g}${b}`);
      const body = document.querySelector('.post-body');
      if (!body) throw new Error('No post body');
      const probe = document.createElement('div');
      probe.innerHTML =
        '<p data-surface="post"></p><div class="bb-quote"><p data-surface="quote"></p><div class="bb-quote"><p data-surface="nested quote"></p></div></div>' +
        '<table class="bb-table"><tbody><tr><th data-surface="table header"></th></tr></tbody></table>';
      body.append(probe);
      for (const surface of probe.querySelectorAll('[data-surface]')) {
        for (const colour of colours) {
          const span = document.createElement('span');
          span.className = 'bb-color';
          span.style.setProperty('--author-color', colour);
          span.textContent = colour;
          surface.append(span, ' ');
        }
      }
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = 1;
      const context = canvas.getContext('2d', { willReadFrequently: true });
      if (!context) throw new Error('No 2D canvas');
      // As painted: the canvas converts oklch() to sRGB the way the page is drawn.
      const srgb = (css: string) => {
        context.clearRect(0, 0, 1, 1);
        context.fillStyle = css;
        context.fillRect(0, 0, 1, 1);
        return Array.from(context.getImageData(0, 0, 1, 1).data.slice(0, 3));
      };
      const luminance = (css: string) => {
        const [r, g, b] = srgb(css).map((v) => {
          const c = v / 255;
          return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
      };
      const backgroundOf = (el: Element | null): string => {
        for (let node = el; node; node = node.parentElement) {
          const bg = getComputedStyle(node).backgroundColor;
          if (bg !== 'rgba(0, 0, 0, 0)') return bg;
        }
        return 'white';
      };
      let lowest = { ratio: Infinity, colour: '', surface: '' };
      const shown = new Set<string>();
      for (const span of probe.querySelectorAll<HTMLElement>('.bb-color')) {
        shown.add(srgb(getComputedStyle(span).color).join());
        const text = luminance(getComputedStyle(span).color);
        const background = luminance(backgroundOf(span));
        const ratio = (Math.max(text, background) + 0.05) / (Math.min(text, background) + 0.05);
        if (ratio < lowest.ratio) lowest = { ratio, colour: span.textContent ?? '', surface: span.parentElement?.dataset.surface ?? '' };
      }
      probe.remove();
      return { ...lowest, ratio: Math.round(lowest.ratio * 100) / 100, distinct: shown.size };
    });
    expect(worst.ratio, `${worst.colour} on the ${worst.surface}`).toBeGreaterThanOrEqual(4.5);
    // The authors' colours are still shown, not replaced by the text colour: only the
    // greys that had to move share a shade.
    expect(worst.distinct).toBeGreaterThan(150);
    await context.close();
  });
});

describe('in forced colours', () => {
  it('marks the current page with a border thicker than the other pages', async () => {
    const { context, page } = await open(`/topic/${MULTI_PAGE_TOPIC_ID}?page=2`, { forcedColors: 'active' });
    const borderOf = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((el) => {
          const style = getComputedStyle(el);
          return { width: parseFloat(style.borderTopWidth), style: style.borderTopStyle, color: style.borderTopColor };
        });
    const current = await borderOf(".pagination a[aria-current='page']");
    const other = await borderOf('.pagination a:not([aria-current])');
    expect(current.style).toBe('solid');
    expect(current.color).not.toBe('rgba(0, 0, 0, 0)');
    expect(current.width).toBeGreaterThanOrEqual(other.width + 2);
    await context.close();
  });

  it('draws the initials avatar as a bordered circle', async () => {
    const { context, page } = await open(SHOWCASE, { forcedColors: 'active' });
    const avatar = await page
      .locator('.avatar-initials')
      .first()
      .evaluate((el) => {
        const style = getComputedStyle(el);
        return { width: style.borderTopWidth, style: style.borderTopStyle, color: style.borderTopColor, radius: style.borderTopLeftRadius };
      });
    expect(avatar).toMatchObject({ width: '1px', style: 'solid', radius: '50%' });
    expect(avatar.color).not.toBe('rgba(0, 0, 0, 0)');
    await context.close();
  });
});

describe('underlines', () => {
  const underline = (locator: ReturnType<Page['locator']>) => locator.evaluate((el) => getComputedStyle(el).textDecorationLine);

  it('leave titles and dates in lists bare at rest, and show under the pointer and on keyboard focus', async () => {
    const { context, page } = await open(`/board/${BUSY_BOARD_ID}`);
    const title = page.locator('.topic-title a').first();
    const date = page.locator('.topic-last-post a').first();
    expect(await underline(title)).toBe('none');
    expect(await underline(date)).toBe('none');
    await title.hover();
    expect(await underline(title)).toBe('underline');
    await page.mouse.move(0, 0);
    expect(await underline(title)).toBe('none');
    // Keyboard focus, as Tab gives it (focus-visible).
    await date.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    expect(await date.evaluate((el) => el.matches(':focus-visible'))).toBe(true);
    expect(await underline(date)).toBe('underline');
    await context.close();
  });

  it('stay on links in running text: board index child boards and links in posts', async () => {
    const { context, page } = await open('/');
    expect(await underline(page.locator('.board-name a').first())).toBe('none');
    expect(await underline(page.locator('.child-boards a').first())).toBe('underline');
    await page.goto(`${inject('demoUrl')}${SHOWCASE}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const postLink = page.locator('.post-body a.bb-link').first();
    await postLink.waitFor();
    expect(await underline(postLink)).toBe('underline');
    await context.close();
  });
});
