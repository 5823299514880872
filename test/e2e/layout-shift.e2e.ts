// Content replaces the loading skeleton where it stood: no view moves what the reader sees
// (CLS at most 0.02), opened afresh or reached by a link, with an API slow enough that the
// skeleton and the old page are on screen for a second. Slow by the fault server holding
// each answer back (test/e2e/fault-server.ts), not by timers racing the page.
// Failure pages line up with every other page, from the same left edge.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BUSY_BOARD_ID, HUGE_TOPIC_ID, MULTI_PAGE_TOPIC_ID, RESTRICTED_BOARD_ID, SEED_BOARD_ID, SEED_POST_ID, SEED_TOPIC_ID } from '../../mocks/db/ids';
import { seriousViolations } from './axe';
import { builtDir } from './build';
import { chromiumForThisFile, openPage, settled } from './chromium';
import { startFaultServer, type FaultServer } from './fault-server';
import { layoutShifts, WATCH_LAYOUT_SHIFTS } from './layout-shift';

const CLS_LIMIT = 0.02;
// Longer than the 500 ms after a click in which CLS forgives shifts.
const SLOW_MS = 1000;

const browser = chromiumForThisFile();
let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer({ root: builtDir('dist-faults') });
});
afterAll(async () => {
  await server.close();
});

const views = [
  ['the board index', '/'],
  ['a board', `/board/${BUSY_BOARD_ID}`],
  ['a topic', `/topic/${SEED_TOPIC_ID}`],
  ['a later page of a topic', `/topic/${HUGE_TOPIC_ID}?page=5`],
  ['a post link', `/post/${SEED_POST_ID}`],
  ['the print view', `/topic/${MULTI_PAGE_TOPIC_ID}/print`],
  ['search results', '/search?q=pricing'],
  ['a missing topic', '/topic/999999'],
  ['a board guests may not read', `/board/${RESTRICTED_BOARD_ID}`],
  ['an address with no page', '/nowhere'],
] as const;

/** Opens `path` with shifts watched, and waits until every request has been answered and every image is in. */
async function open(base: string, path: string, width: number) {
  const opened = await openPage(browser(), { width });
  await opened.page.addInitScript(WATCH_LAYOUT_SHIFTS);
  await opened.page.goto(`${base}${path}`);
  await landed(opened.page);
  return opened;
}

async function landed(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1 }).waitFor();
  // Idle parts (the topic's footer, its previous/next box) load after the first render.
  await page.waitForLoadState('networkidle');
  await settled(page);
}

describe.each([
  ['the offline demo', () => inject('demoUrl'), () => undefined],
  ['the production build, every API answer held back a second', () => server.url, () => server.fail({ match: /./, fault: { kind: 'hang', afterMs: SLOW_MS } })],
])('%s, opened afresh', (_name, base, slowDown) => {
  it.each(views.flatMap(([name, path]) => [1280, 375].map((width) => [name, path, width] as const)))(
    '%s (%s) at %i px moves nothing',
    async (_view, path, width) => {
      slowDown();
      const { context, page, errors } = await open(base(), path, width);
      expect(await layoutShifts(page)).toBeLessThanOrEqual(CLS_LIMIT);
      expect(errors).toEqual([]);
      server.clear();
      await context.close();
    },
  );
});

describe('reached by a link, with every API answer held back a second', () => {
  const links = [
    ['the board index → a board', '/', `main a[href="/board/${BUSY_BOARD_ID}"]`],
    ['the board index → a board guests may not read', '/', `main a[href="/board/${RESTRICTED_BOARD_ID}"]`],
    ['a board → a topic, opened at its first unread post', `/board/${BUSY_BOARD_ID}`, 'main a[href^="/topic/"]'],
    ['a topic → its next page, from the bottom', `/topic/${MULTI_PAGE_TOPIC_ID}`, 'main nav.pagination a[rel="next"] >> nth=-1'],
    ['a topic → its board, by the trail', `/topic/${SEED_TOPIC_ID}`, `nav.breadcrumb a[href="/board/${SEED_BOARD_ID}"]`],
    ['search → a post in its topic', '/search?q=pricing', 'main a[href*="#msg"] >> nth=3'],
    ['a topic → its print view', `/topic/${MULTI_PAGE_TOPIC_ID}`, 'main a[href$="/print"]'],
  ] as const;

  it.each(links.flatMap(([name, from, link]) => [1280, 375].map((width) => ({ name, from, link, width }))))(
    '$name at $width px moves nothing once the page lands',
    async ({ from, link, width }) => {
      const { context, page, errors } = await open(server.url, from, width);
      const before = await layoutShifts(page);
      server.fail({ match: /./, fault: { kind: 'hang', afterMs: SLOW_MS } });
      const target = page.locator(link).first();
      await target.scrollIntoViewIfNeeded();
      const url = page.url();
      await target.click();
      await page.waitForURL((next) => next.href !== url);
      await landed(page);
      expect((await layoutShifts(page)) - before).toBeLessThanOrEqual(CLS_LIMIT);
      expect(errors).toEqual([]);
      server.clear();
      await context.close();
    },
  );
});

describe('failure pages', () => {
  const h1Left = async (path: string, width: number) => {
    const { context, page } = await open(inject('demoUrl'), path, width);
    const box = await page.getByRole('heading', { level: 1 }).boundingBox();
    const trail = await page.getByRole('navigation', { name: 'Breadcrumb' }).boundingBox();
    const violations = await seriousViolations(page);
    await context.close();
    return { h1: box?.x, trail: trail?.x, violations };
  };

  it.each([1280, 375])('start at the left edge of every other page, trail and heading, at %i px, with no serious axe violation', async (width) => {
    const topic = await h1Left(`/topic/${SEED_TOPIC_ID}`, width);
    expect(topic.h1).toBeDefined();
    for (const failed of ['/topic/999999', `/board/${RESTRICTED_BOARD_ID}`]) expect(await h1Left(failed, width)).toEqual(topic);
  });
});
