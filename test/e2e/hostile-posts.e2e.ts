import { describe, expect, inject, it } from 'vitest';
import { HOSTILE_TOPIC_ID, SHOWCASE_TOPIC_ID } from '../../mocks/db/ids';
import { chromiumForThisFile } from './chromium';

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
        await page.waitForTimeout(500); // let images fail and handlers (if any) fire
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
    });
  }
});
