import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { HOSTILE_TOPIC_ID, SEED_TOPIC_ID, SHOWCASE_TOPIC_ID } from '../../mocks/db/ids';
import type { TopicResponse } from '../../src/lib/api/schemas';
import { chromiumForThisFile, nextFrames, openPage, settled } from './chromium';

const browser = chromiumForThisFile();

describe('hostile post bodies in a real browser', () => {
  for (const [name, topicId] of [
    ['the hostile topic', HOSTILE_TOPIC_ID],
    ['the BBCode showcase', SHOWCASE_TOPIC_ID],
  ] as const) {
    it(`runs no script from ${name}, on any of its pages, even with the pointer over every element`, async () => {
      const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      // Every vector in the corpus calls alert/confirm/prompt or sets window.__xss: trap them all.
      await page.addInitScript(() => {
        const w = window as unknown as Record<string, unknown>;
        w.__ran = [] as string[];
        for (const fn of ['alert', 'confirm', 'prompt', 'print']) {
          w[fn] = (...args: unknown[]) => (w.__ran as string[]).push(`${fn}(${args.join(',')})`);
        }
      });
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      const base = inject('demoUrl');
      let totalPages = 1;
      for (let pageNumber = 1; pageNumber <= totalPages; pageNumber += 1) {
        await page.goto(`${base}/topic/${topicId}${pageNumber > 1 ? `?page=${pageNumber}` : ''}`);
        await page.locator('article').first().waitFor();
        totalPages = Math.max(1, await page.getByRole('navigation', { name: 'Post pages, top' }).getByRole('link', { name: /^Page / }).count());
        // Images failed and their handlers (if any) fired. An image that never answers (one
        // of the showcase's did not within 30 s in CI) runs no handler either, so the sweep
        // goes on after 5 s rather than fail a test about scripts on a slow image.
        await settled(page, 5_000).catch(() => undefined);
        const report = await page.evaluate(() => {
          const main = document.querySelector('main') as HTMLElement;
          const all = Array.from(main.querySelectorAll('*'));
          return {
            scripts: main.querySelectorAll('script').length,
            frames: Array.from(main.querySelectorAll('iframe, object, embed, frame')).map((el) => el.outerHTML.slice(0, 120)),
            handlers: all.filter((el) => Array.from(el.attributes).some((a) => a.name.startsWith('on'))).map((el) => el.outerHTML.slice(0, 120)),
            badUrls: all
              .flatMap((el) => ['href', 'src', 'action', 'formaction', 'xlink:href'].map((attr) => el.getAttribute(attr)))
              .filter((value): value is string => value !== null && /^\s*(javascript|data|vbscript):/i.test(value)),
            positioned: all.filter((el) => ['fixed', 'absolute', 'sticky'].includes(getComputedStyle(el).position) && !el.closest('.visually-hidden, .post-body-sr-only, dialog')).map((el) => el.outerHTML.slice(0, 120)),
            xss: (window as unknown as { __xss?: unknown }).__xss ?? null,
          };
        });
        expect(report).toEqual({ scripts: 0, frames: [], handlers: [], badUrls: [], positioned: [], xss: null });
        // Pass the pointer over what the posts show: mouseover/mouseenter vectors fire on hover.
        const targets = page.locator('article .post-body *');
        const count = Math.min(await targets.count(), 150);
        for (let i = 0; i < count; i += 1) {
          await targets.nth(i).hover({ timeout: 200, trial: false }).catch(() => undefined);
        }
      }
      expect(await page.evaluate(() => (window as unknown as { __ran: string[] }).__ran)).toEqual([]);
      expect(dialogs).toEqual([]);
      await context.close();
      // Every page and a pass of the pointer over 150 elements each: 20–30 s alone, and
      // up to three times that beside another browser on two cores.
    }, 150_000);
  }
});

/** Opens the production build's 1-post topic with its post's body replaced by `body`. */
async function openWithBody(page: Page, body: string): Promise<void> {
  await page.unrouteAll();
  await page.route(`**/api/topics/${SEED_TOPIC_ID}*`, async (route) => {
    const response = await route.fetch();
    const answer = (await response.json()) as TopicResponse;
    await route.fulfill({ response, json: { ...answer, posts: answer.posts.map((post) => ({ ...post, body })) } });
  });
  await page.goto(`${inject('prodUrl')}/topic/${SEED_TOPIC_ID}`);
  await page.locator('main article .post-body').waitFor();
}

type Layout = { overflow: number; height: number; smallest: number; largest: number; tallestImage: number };

/** How the post lays out: how far the page scrolls sideways, and its sizes in px. */
function measureLayout(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    const body = document.querySelector('main article .post-body') as HTMLElement;
    const sizes: number[] = [];
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.textContent?.trim() && node.parentElement) sizes.push(parseFloat(getComputedStyle(node.parentElement).fontSize));
    }
    const images = Array.from(body.querySelectorAll('img')).map((img) => img.getBoundingClientRect().height);
    return {
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      height: body.getBoundingClientRect().height,
      smallest: Math.min(...sizes),
      largest: Math.max(...sizes),
      tallestImage: Math.max(0, ...images),
    };
  });
}

const nested = (open: string, close: string, depth: number, core = 'text') => `${open.repeat(depth)}${core}${close.repeat(depth)}`;
const LONG_WORD = 'Pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(100);

describe('post layout in a real browser', () => {
  for (const width of [360, 1280]) {
    it(`keeps every post inside a ${width} px page, its text between 9 and 40 px and its images within a screen`, async () => {
      const { context, page } = await openPage(browser(), { width });
      const problems: string[] = [];
      for (const [name, body] of [
        ['32 nested [size=7]', nested('[size=7]', '[/size]', 32)],
        ['32 nested [size=1]', nested('[size=1]', '[/size]', 32)],
        ['[size=1] inside [size=7], 16 times', nested('[size=7][size=1]', '[/size][/size]', 16)],
        ['32 nested [sup] and [sub]', nested('[sup][sub]', '[/sub][/sup]', 16)],
        ['a word 4,500 letters long', LONG_WORD],
        ['a link 4,000 characters long', `https://example.com/${'a'.repeat(4_000)}`],
        ['[url] with a long word', `[url=https://example.com/]${LONG_WORD}[/url]`],
        ['a code line 4,500 characters long', `[code]${LONG_WORD}[/code]`],
        ['a [pre] line 4,500 characters long', `[pre]${LONG_WORD}[/pre]`],
        ['a table of long words', `[table][tr]${'[td]Pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(30)}[/tr][/table]`],
        ['lists nested 32 deep', nested('[list][*]', '[/list]', 32, LONG_WORD)],
        ['quotes inside lists inside quotes', nested('[quote=Ann][list][*]', '[/list][/quote]', 16, LONG_WORD)],
        ['[center][size=7] around a long word', `[center][size=7]${LONG_WORD}[/size][/center]`],
        ['[img] 4,000 px wide', '[img width=4000 height=10]https://a.example/wide.png[/img]'],
        ['[img] 4,000 px tall', '[img width=1 height=4000]https://a.example/tall.png[/img]'],
        ['[img] tall and narrow, written as a size', '[img height=4000]https://a.example/tall.png[/img]'],
      ] as const) {
        await openWithBody(page, body);
        const layout = await measureLayout(page);
        if (layout.overflow > 0) problems.push(`${name}: the page scrolls ${layout.overflow} px sideways`);
        if (layout.smallest < 9 || layout.largest > 40) problems.push(`${name}: text from ${layout.smallest} to ${layout.largest} px`);
        if (layout.tallestImage > 640) problems.push(`${name}: an image ${layout.tallestImage} px tall`);
        // One word of text, however many tags deep, is one line tall.
        if (/^(32 nested|\[size=1\] inside)/.test(name) && layout.height > 200) problems.push(`${name}: a post ${layout.height} px tall`);
      }
      expect(problems).toEqual([]);
      await context.close();
    });
  }
});

describe('quote authors in a real browser', () => {
  it('keeps a right-to-left override in an author’s name inside the name: the date after it reads in order', async () => {
    const { context, page } = await openPage(browser());
    await openWithBody(page, '[quote author=\u202eecilA date=1700000000]hi[/quote]');
    const edges = await page.evaluate(() => {
      const cite = document.querySelector('.bb-quote__cite') as HTMLElement;
      const time = cite.querySelector('time') as HTMLElement;
      const at = (node: Node, offset: number) => {
        const range = document.createRange();
        range.setStart(node, offset);
        range.setEnd(node, offset + 1);
        return range.getBoundingClientRect().left;
      };
      const on = Array.from(cite.childNodes).find((node) => node.nodeType === Node.TEXT_NODE && node.textContent === ' on ') as Node;
      const text = time.firstChild as Node;
      return { on: at(on, 1), first: at(text, 0), last: at(text, (text.textContent?.length ?? 1) - 1) };
    });
    expect(edges.on).toBeLessThan(edges.first);
    expect(edges.first).toBeLessThan(edges.last);
    await context.close();
  });
});

describe('images in posts under the CSP', () => {
  it('loads an http:// [img] over https, so the page breaks no rule of its Content-Security-Policy', async () => {
    const { context, page } = await openPage(browser());
    await page.addInitScript(() => {
      const w = window as unknown as { __violations: string[] };
      w.__violations = [];
      document.addEventListener('securitypolicyviolation', (event) => w.__violations.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    await openWithBody(page, '[img alt=Old]http://127.0.0.1:9/old.png[/img]');
    // The image's load fails (nothing listens on port 9): the broken-image card that replaces
    // it links to the address that was asked for, and any violation has been reported by then.
    const fallback = page.getByRole('link', { name: 'Old' });
    await fallback.waitFor();
    await nextFrames(page);
    expect(await fallback.getAttribute('href')).toBe('https://127.0.0.1:9/old.png');
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    await context.close();
  });
});
