import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { BUSY_BOARD_ID, SEED_TOPIC_ID } from '../../mocks/db/ids';
import type { BoardResponse, TopicResponse } from '../../src/lib/api/schemas';
import { chromiumForThisFile, openPage } from './chromium';

// A member named U+202E + "ecilA" shows as "Alice"; not isolated, the override runs on to
// the end of the line and reverses our words after it ("weiv 1 · ylper 1"). jsdom does no
// layout: only a browser can say where the words end up.

const browser = chromiumForThisFile();
const REVERSING_NAME = '\u202eecilA';

/** Serves the production build's answer at `path` changed by `change`. */
async function changeAnswer<T>(page: Page, path: string, change: (answer: T) => T): Promise<void> {
  await page.route(`**/api${path}`, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, json: change((await response.json()) as T) });
  });
}

/** Where each of `words` starts on screen, left to right, within `selector`'s text. */
async function leftEdges(page: Page, selector: string, words: readonly string[]): Promise<number[]> {
  return page.evaluate(
    ([selector, words]) => {
      const root = document.querySelector(selector);
      if (!root) throw new Error(`${selector} is not on the page`);
      return words.map((word) => {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.textContent?.indexOf(word) ?? -1;
          if (at < 0) continue;
          // The first character of the word: where it starts when the word reads left to right.
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + 1);
          return range.getBoundingClientRect().left;
        }
        throw new Error(`"${word}" is not in ${selector}`);
      });
    },
    [selector, words] as const,
  );
}

describe('a name that overrides the direction of its line', () => {
  it('leaves the rest of a topic’s meta line in order', async () => {
    const { context, page } = await openPage(browser());
    await changeAnswer<TopicResponse>(page, `/topics/${SEED_TOPIC_ID}*`, (answer) => ({
      ...answer,
      topic: { ...answer.topic, starter: { ...answer.topic.starter, name: REVERSING_NAME }, replyCount: 1, viewCount: 1 },
    }));
    await page.goto(`${inject('prodUrl')}/topic/${SEED_TOPIC_ID}`);
    await page.locator('.page-meta', { hasText: '1 reply' }).waitFor();
    const [started, reply, view] = await leftEdges(page, '.page-meta', ['Started', 'reply', 'view']);
    // "1 reply · 1 view" after the name, in that order and each word left to right.
    expect(started).toBeLessThan(reply as number);
    expect(reply).toBeLessThan(view as number);
    const [one, replyWord] = await leftEdges(page, '.page-meta', ['1 reply', 'reply']);
    expect(one).toBeLessThan(replyWord as number);
    await context.close();
  });

  it('leaves "pages: 1 2 3" after a starter’s name on a board in order', async () => {
    const { context, page } = await openPage(browser());
    await changeAnswer<BoardResponse>(page, `/boards/${BUSY_BOARD_ID}*`, (answer) => ({
      ...answer,
      topics: answer.topics.map((topic, at) => (at === 0 ? { ...topic, replyCount: 40, starter: { ...topic.starter, name: REVERSING_NAME } } : topic)),
    }));
    await page.goto(`${inject('prodUrl')}/board/${BUSY_BOARD_ID}`);
    await page.locator('.topic-row .topic-pages').first().waitFor();
    const [pages, one, three] = await leftEdges(page, '.topic-row .topic-pages', ['pages:', '1', '3']);
    expect(pages).toBeLessThan(one as number);
    expect(one).toBeLessThan(three as number);
    await context.close();
  });
});

describe('an override in a post’s text', () => {
  it('reverses only its own word: the rest of the line and the next keep their order', async () => {
    const { context, page } = await openPage(browser());
    await changeAnswer<TopicResponse>(page, `/topics/${SEED_TOPIC_ID}*`, (answer) => ({
      ...answer,
      posts: answer.posts.map((post, at) =>
        at === 0 ? { ...post, body: 'Open invoice\u202Efdp.exe now, looks like a PDF and more\nNext line here' } : post,
      ),
    }));
    await page.goto(`${inject('prodUrl')}/topic/${SEED_TOPIC_ID}`);
    await page.locator('.post-body', { hasText: 'Next line' }).waitFor();
    const [open, now, looks, pdf, more] = await leftEdges(page, '.post-body', ['Open', 'now', 'looks', 'PDF', 'more']);
    expect(open).toBeLessThan(now as number);
    expect(now).toBeLessThan(looks as number);
    expect(looks).toBeLessThan(pdf as number);
    expect(pdf).toBeLessThan(more as number);
    const [next, here] = await leftEdges(page, '.post-body', ['Next', 'here']);
    expect(next).toBeLessThan(here as number);
    await context.close();
  });
});
