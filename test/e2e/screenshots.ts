// Takes a screenshot of each view, phone and desktop, light and dark, from the demo
// build (run `npx vite build --mode demo` first). For looking at what we built:
//   npx tsx test/e2e/screenshots.ts [path…]   → screenshots/*.png
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { BUSY_BOARD_ID, GRANDCHILD_BOARD_ID, HUGE_TOPIC_ID, SEED_TOPIC_ID, SHOWCASE_TOPIC_ID } from '../../mocks/db/ids';
import { launchChromium } from './chromium';
import { startStaticServer } from './static-server';

const root = resolve(import.meta.dirname, '../..');
const out = resolve(root, 'screenshots');
mkdirSync(out, { recursive: true });

const defaults: [string, string][] = [
  ['index', '/'],
  ['board', `/board/${BUSY_BOARD_ID}`],
  ['grandchild-board', `/board/${GRANDCHILD_BOARD_ID}`],
  ['seed-topic', `/topic/${SEED_TOPIC_ID}`],
  ['huge-topic', `/topic/${HUGE_TOPIC_ID}?page=3`],
  ['showcase', `/topic/${SHOWCASE_TOPIC_ID}`],
  ['not-found', '/topic/999999'],
];
const args = process.argv.slice(2);
const views: [string, string][] = args.length ? args.map((path, i) => [`arg${i}`, path]) : defaults;

const server = await startStaticServer({ root: resolve(root, 'dist-demo') });
const browser = await launchChromium();
try {
  for (const [width, device] of [[375, 'phone'], [1280, 'desktop']] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme, deviceScaleFactor: 1 });
      const page = await context.newPage();
      for (const [name, path] of views) {
        await page.goto(`${server.url}${path}`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await page.waitForTimeout(300);
        const file = resolve(out, `${name}-${device}-${scheme}.png`);
        await page.screenshot({ path: file, fullPage: process.env.FULL === '1' });
        console.log(file);
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
