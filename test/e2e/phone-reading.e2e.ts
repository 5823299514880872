// Reading on a phone, in Chromium: what only a browser's layout shows. The breadcrumb
// folds to one line ("‹ parent" and a disclosure of the whole trail), topic rows are
// dense, every target in the lists and page lists is at least 24 × 24 px (WCAG 2.5.8),
// and the page list of a 667-page topic fits one line of 320 px wherever the reader is.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { BUSY_BOARD_ID, GRANDCHILD_BOARD_ID, HUGE_TOPIC_ID } from '../../mocks/db/ids';
import { seriousViolations } from './axe';
import { chromiumForThisFile, openPage } from './chromium';
import { lecternServerForThisFile } from './lectern-server';

const browser = chromiumForThisFile();
const server = lecternServerForThisFile();

const views = [
  ['the board index', '/'],
  ['a busy board', `/board/${BUSY_BOARD_ID}`],
  ['a board two levels down', `/board/${GRANDCHILD_BOARD_ID}`],
  ['page 3 of the huge topic', `/topic/${HUGE_TOPIC_ID}?page=3`],
] as const;

async function open(path: string, width: number, colorScheme: 'light' | 'dark' = 'light', base = inject('demoUrl')) {
  const opened = await openPage(browser(), { width, colorScheme });
  await opened.page.goto(`${base}${path}`);
  await opened.page.getByRole('heading', { level: 1 }).waitFor();
  return opened;
}

const breadcrumb = (page: Page) => page.getByRole('navigation', { name: 'Breadcrumb' });

/** The crumbs a sighted reader sees (a folded one is a 1 px clip), with their boxes and separators. */
function shownCrumbs(page: Page) {
  return breadcrumb(page).evaluate((nav) =>
    [...nav.querySelectorAll('li')]
      .map((li) => ({ li, box: li.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 1 && box.height > 1)
      .map(({ li, box }) => ({
        text: li.textContent ?? '',
        top: Math.round(box.top),
        left: Math.round(box.left),
        bottom: Math.round(box.bottom),
        before: getComputedStyle(li, '::before').content,
        after: getComputedStyle(li, '::after').content,
      })),
  );
}

/**
 * Separators left hanging: one that starts a line (before a crumb that opens it) or ends
 * the trail (after its last crumb). A separator closing a wrapped line belongs to the crumb
 * it follows, on the same line.
 */
async function danglingSeparators(page: Page): Promise<string[]> {
  const crumbs = await shownCrumbs(page);
  const separator = (content: string) => content.includes('›');
  return crumbs.flatMap((crumb, index) => {
    const startsLine = index === 0 || crumb.top >= (crumbs[index - 1]?.bottom ?? 0) - 2;
    const problems: string[] = [];
    if (startsLine && separator(crumb.before)) problems.push(`a line starts with a separator before "${crumb.text}"`);
    if (index === crumbs.length - 1 && separator(crumb.after)) problems.push(`the trail ends with a separator after "${crumb.text}"`);
    return problems;
  });
}

/** Links, buttons and fields a reader taps in the trail, the lists and the page lists, smaller than 24 × 24 px. */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector = [
      '.breadcrumb a',
      '.breadcrumb summary',
      '.board-list a',
      '.topic-list a',
      '.mark-read button',
      '.pagination a',
      '.pagination button',
      '.pagination input',
    ].join(',');
    return [...document.querySelectorAll<HTMLElement>(selector)]
      .filter((element) => {
        // Shown: not display:none, and not inside a folded (1 px) crumb.
        const folded = element.closest('li')?.getBoundingClientRect();
        return element.checkVisibility() && !(folded && folded.width <= 1);
      })
      .map((element) => ({ element, box: element.getBoundingClientRect() }))
      .filter(({ box }) => box.width < 24 || box.height < 24)
      .map(({ element, box }) => `"${element.textContent?.trim()}" (${element.className || element.tagName}) is ${box.width.toFixed(1)} × ${box.height.toFixed(1)} px`);
  });
}

describe('the breadcrumb on a phone', () => {
  it.each([375, 320])('is one line, "‹ parent" and a disclosure, at %i px; opened, it shows the whole trail', async (width) => {
    const { context, page } = await open(`/board/${GRANDCHILD_BOARD_ID}`, width);
    const names = await breadcrumb(page).locator('li').allTextContents();
    expect(names).toHaveLength(5);
    const folded = await shownCrumbs(page);
    // The way up only: the current crumb repeats the heading right below it.
    expect(folded.map((crumb) => crumb.text)).toEqual([names[3]]);
    expect(folded[0]?.before).toContain('‹');
    const toggle = breadcrumb(page).getByLabel('Full trail');
    const [navBox, toggleBox] = await Promise.all([breadcrumb(page).boundingBox(), toggle.boundingBox()]);
    expect(navBox?.height).toBeLessThanOrEqual(32);
    expect(Math.abs((toggleBox?.y ?? 0) - (navBox?.y ?? 0))).toBeLessThanOrEqual(4);
    // Screen readers still have all of it, the current page marked.
    await expect.poll(() => breadcrumb(page).locator('[aria-current="page"]').textContent()).toBe(names[4]);

    await toggle.click();
    expect((await shownCrumbs(page)).map((crumb) => crumb.text)).toEqual(names);
    expect(await danglingSeparators(page)).toEqual([]);
    await context.close();
  });

  it('shows the whole trail to a reader who tabs into it', async () => {
    const { context, page } = await open(`/board/${GRANDCHILD_BOARD_ID}`, 375);
    for (let tab = 0; tab < 10; tab += 1) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.closest('.breadcrumb li') !== null)) break;
    }
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Bosman Business World');
    expect(await shownCrumbs(page)).toHaveLength(5);
    await context.close();
  });

  it.each([320, 375, 600, 601, 760, 1024, 1280])('never leaves a separator hanging, %i px wide', async (width) => {
    const { context, page } = await open(`/topic/${HUGE_TOPIC_ID}?page=3`, width);
    const toggle = breadcrumb(page).getByLabel('Full trail');
    if (await toggle.isVisible()) await toggle.click();
    expect((await shownCrumbs(page)).length).toBe(await breadcrumb(page).locator('li').count());
    expect(await danglingSeparators(page)).toEqual([]);
    await context.close();
  });

  it('is the whole trail on a desktop, with no disclosure', async () => {
    const { context, page } = await open(`/board/${GRANDCHILD_BOARD_ID}`, 1280);
    const crumbs = await shownCrumbs(page);
    expect(crumbs).toHaveLength(5);
    expect(new Set(crumbs.map((crumb) => crumb.top)).size).toBe(1);
    expect(await breadcrumb(page).getByLabel('Full trail').isVisible()).toBe(false);
    await context.close();
  });
});

describe('topic lists on a phone', () => {
  it.each([375, 320])('fit seven topics or more to a 900 px screen, each with its title, starter, replies and last post (%i px)', async (width) => {
    const { context, page } = await open(`/board/${BUSY_BOARD_ID}`, width);
    const rows = page.locator('.topic-row');
    await rows.first().evaluate((row) => row.scrollIntoView({ block: 'start' }));
    const boxes = await rows.evaluateAll((all) => all.map((row) => row.getBoundingClientRect().toJSON() as DOMRect));
    const onScreen = boxes.filter((box) => box.top >= 0 && box.bottom <= 900);
    expect(onScreen.length).toBeGreaterThanOrEqual(7);
    expect(Math.max(...boxes.map((box) => box.height))).toBeLessThanOrEqual(135);
    const first = rows.first();
    for (const part of [first.locator('.topic-title a').first(), first.locator('.topic-starter .author-name'), first.getByText(/^\d[\d,]* repl(y|ies)$/), first.getByRole('link', { name: /^Last post/ })]) {
      expect(await part.isVisible()).toBe(true);
    }
    await context.close();
  });
});

describe('targets of 24 × 24 px or more', () => {
  const cases = views.flatMap(([name, path]) => [375, 320, 1280].map((width) => [name, path, width] as const));
  it.each(cases)('in %s, %s, %i px wide', async (_name, path, width) => {
    const { context, page } = await open(path, width);
    if (path.startsWith('/board/')) {
      // An earlier visit read the first post of every listed topic: each row carries its "N unread".
      const ids = await page.locator('.topic-title a[href^="/topic/"]').evaluateAll((links) => links.map((link) => Number(/\/topic\/(\d+)/.exec(link.getAttribute('href') ?? '')?.[1])));
      await page.evaluate((topicIds) => {
        const topics = Object.fromEntries(topicIds.map((id) => [id, { postId: 1, number: 1, perPage: 15, at: '2020-01-01T00:00:00Z' }]));
        window.localStorage.setItem('lectern:read:v1', JSON.stringify({ topics, boards: {} }));
      }, ids);
      await page.reload();
      await page.locator('.badge-new').first().waitFor();
    }
    expect(await smallTargets(page)).toEqual([]);
    await context.close();
  });
});

/** The page list as a phone shows it: "‹", page numbers (the current one in brackets), "…" and "›". */
function shownPageList(page: Page, label: string) {
  return page
    .getByRole('navigation', { name: label })
    .locator('ul')
    .evaluate((ul) =>
      [...ul.children]
        .filter((li) => li.getBoundingClientRect().width > 0)
        .map((li) => {
          const box = li.getBoundingClientRect();
          const link = li.querySelector('a');
          // A gap, or a page the phone folds into one, shows as "…".
          const shownText = link?.checkVisibility() ? link.innerText.trim() : '…';
          return {
            text: link?.getAttribute('aria-current') ? `[${shownText}]` : shownText,
            middle: Math.round(box.top + box.height / 2),
            right: box.right,
          };
        }),
    );
}

describe('the page list of a 667-page topic', () => {
  const pages = [1, 2, 3, 4, 5, 6, 7, 334, 661, 662, 663, 664, 665, 666, 667];
  it.each([320, 375])('is one line at %i px on every page near either end and in the middle, each skipped run of pages one gap', async (width) => {
    const { context, page } = await open(`/topic/${HUGE_TOPIC_ID}`, width);
    for (const current of pages) {
      await page.goto(`${inject('demoUrl')}/topic/${HUGE_TOPIC_ID}?page=${current}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      for (const label of ['Post pages, top', 'Post pages, bottom']) {
        const items = await shownPageList(page, label);
        const where = `${label}, page ${current}: ${items.map((item) => item.text).join(' ')}`;
        // Items of one line share their middle (the flex line centres them), whatever their heights.
        expect(new Set(items.map((item) => item.middle)).size, where).toBe(1);
        expect(Math.max(...items.map((item) => item.right)), where).toBeLessThanOrEqual(width);
        const numbers = items.filter((item) => /\d/.test(item.text)).map((item) => Number(item.text.replace(/\D/g, '')));
        expect(numbers, where).toContain(current);
        expect(numbers[0], where).toBe(1);
        expect(numbers.at(-1), where).toBe(667);
        // Neighbours are consecutive; a gap stands for two pages or more, never one.
        items.forEach((item, index) => {
          const before = items[index - 1]?.text;
          if (item.text === '…') expect(before, where).not.toBe('…');
          const number = Number(item.text.replace(/\D/g, ''));
          if (!/\d/.test(item.text) || !before) return;
          if (/\d/.test(before)) expect(number, where).toBe(Number(before.replace(/\D/g, '')) + 1);
          else if (before === '…') expect(number, where).toBeGreaterThan(Number(items[index - 2]?.text.replace(/\D/g, '')) + 2);
        });
      }
      // The arrows stand alone, named by their labels.
      for (const name of [current > 1 ? 'Previous page' : null, current < 667 ? 'Next page' : null]) {
        if (name) expect((await page.getByRole('navigation', { name: 'Post pages, top' }).getByRole('link', { name }).innerText()).trim()).toMatch(/^[‹›]$/);
      }
    }
    await context.close();
  });

  it('shows one page either side on a phone: ‹ 1 … 333 [334] 335 … 667 ›', async () => {
    const { context, page } = await open(`/topic/${HUGE_TOPIC_ID}?page=334`, 320);
    expect((await shownPageList(page, 'Post pages, top')).map((item) => item.text).join(' ')).toBe('‹ 1 … 333 [334] 335 … 667 ›');
    await context.close();
  });
});

describe('no serious axe violation on a phone', () => {
  const cases = views.flatMap(([name, path]) => (['light', 'dark'] as const).map((scheme) => [name, path, scheme] as const));
  it.each(cases)('in %s (%s, %s), the trail folded and opened', async (_name, path, scheme) => {
    const { context, page } = await open(path, 375, scheme);
    expect(await seriousViolations(page)).toEqual([]);
    const toggle = breadcrumb(page).getByLabel('Full trail');
    if (await toggle.count()) {
      await toggle.click();
      expect(await seriousViolations(page)).toEqual([]);
    }
    await context.close();
  });
});

describe('a server-rendered page on a phone, without JavaScript', () => {
  it('folds the breadcrumb and opens the whole trail, and its list targets are 24 × 24 px', async () => {
    const context = await browser().newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server()}/board/${GRANDCHILD_BOARD_ID}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await shownCrumbs(page)).toHaveLength(1);
    await breadcrumb(page).getByLabel('Full trail').click();
    expect(await shownCrumbs(page)).toHaveLength(5);
    expect(await danglingSeparators(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);
    await context.close();
  });
});
