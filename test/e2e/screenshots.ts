// `npm run shots`: a screenshot of every view, phone (375 px) and desktop (1280 px), light
// and dark, from the demo build, into screenshots/ (not committed). For looking at what we
// built as a reader would, not for asserting anything.
//   npm run shots                       build the demo, then every view
//   npm run shots -- /topic/42 /board/7 only these paths (named arg0, arg1, …)
//   npm run shots -- --no-build --full  reuse dist-demo/, whole pages instead of one screen
//   npm run shots -- --readme           also write the README's four pictures to docs/pictures/
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import {
  ATTACHMENTS_TOPIC_ID,
  BUSY_BOARD_ID,
  GRANDCHILD_BOARD_ID,
  HOSTILE_TOPIC_ID,
  HUGE_TOPIC_ID,
  MULTI_PAGE_TOPIC_ID,
  RESTRICTED_BOARD_ID,
  SEED_TOPIC_ID,
  SHOWCASE_TOPIC_ID,
} from '../../mocks/db/ids';
import { launchChromium } from './chromium';
import { startStaticServer } from './static-server';

const root = resolve(import.meta.dirname, '../..');
const out = resolve(root, 'screenshots');
const pictures = resolve(root, 'docs/pictures');

const everyView: [string, string][] = [
  ['index', '/'],
  ['board', `/board/${BUSY_BOARD_ID}`],
  ['grandchild-board', `/board/${GRANDCHILD_BOARD_ID}`],
  ['seed-topic', `/topic/${SEED_TOPIC_ID}`],
  ['topic-page-2', `/topic/${MULTI_PAGE_TOPIC_ID}?page=2`],
  ['huge-topic', `/topic/${HUGE_TOPIC_ID}?page=3`],
  ['showcase', `/topic/${SHOWCASE_TOPIC_ID}`],
  ['attachments', `/topic/${ATTACHMENTS_TOPIC_ID}`],
  ['hostile', `/topic/${HOSTILE_TOPIC_ID}`],
  ['print', `/topic/${MULTI_PAGE_TOPIC_ID}/print`],
  ['search', '/search?q=pricing'],
  ['not-found', '/topic/999999'],
  ['restricted-board', `/board/${RESTRICTED_BOARD_ID}`],
];
// The README's pictures: the seed topic, a real SMF thread, as a phone and a desktop show it.
const readmeView = `/topic/${SEED_TOPIC_ID}`;

const args = process.argv.slice(2);
const flags = new Set(args.filter((arg) => arg.startsWith('--')));
const paths = args.filter((arg) => !arg.startsWith('--'));
const views: [string, string][] = paths.length ? paths.map((path, i) => [`arg${i}`, path]) : everyView;
const fullPage = flags.has('--full') || process.env.FULL === '1';

if (!flags.has('--no-build')) {
  execFileSync(resolve(root, 'node_modules/.bin/vite'), ['build', '--mode', 'demo', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
}
mkdirSync(out, { recursive: true });

/** Waits for what a reader waits for: the page's heading, its fonts and its visible images. */
async function settle(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 20_000 });
  await page.evaluate(async () => {
    await document.fonts.ready;
    // Lazy images on the first screen load too; those further down are left to load later.
    const visible = [...document.images].filter((image) => image.getBoundingClientRect().top < innerHeight);
    await Promise.all(visible.map((image) => (image.complete ? null : new Promise((done) => { image.onload = image.onerror = done; }))));
  });
  // One more frame for anything the images' arrival laid out.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

const server = await startStaticServer({ root: resolve(root, 'dist-demo') });
const browser = await launchChromium();
let written = 0;
try {
  for (const [width, device] of [[375, 'phone'], [1280, 'desktop']] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme, deviceScaleFactor: 1 });
      const page = await context.newPage();
      for (const [name, path] of views) {
        await page.goto(`${server.url}${path}`);
        await settle(page);
        const file = resolve(out, `${name}-${device}-${scheme}.png`);
        await page.screenshot({ path: file, fullPage });
        written += 1;
      }
      if (flags.has('--readme')) {
        mkdirSync(pictures, { recursive: true });
        await page.goto(`${server.url}${readmeView}`);
        await settle(page);
        await page.screenshot({ path: resolve(pictures, `${device}-${scheme}.png`) });
        written += 1;
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`${written} screenshots in ${out}${flags.has('--readme') ? ` and ${pictures}` : ''}`);
