// Fault tests: the production build against an API that fails on demand. Each
// test checks what the reader sees when it fails, and that nothing already on
// screen is lost: the page they came from is still there when they go back.
// The build is the fault tests' own (test/e2e/build.ts): the production build with
// a 3 s API timeout instead of 15 s, so the hang test waits seconds, not a quarter minute.
import type { BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MULTI_PAGE_TOPIC_ID, SEED_BOARD_ID, SEED_TOPIC_ID } from '../../mocks/db/ids';
import { SEED_TITLE } from '../../mocks/db/seed-topic';
import { contentSecurityPolicy } from '../../vite.config';
import { builtDir, FAULT_BUILD_TIMEOUT_MS } from './build';
import { chromiumForThisFile, nextFrames } from './chromium';
import { startFaultServer, type FaultServer } from './fault-server';

const SEED_BOARD_NAME = 'Crime and war';
const TOPIC_API = `/topics/${SEED_TOPIC_ID}`;
// Transient failures are tried three times, 1 s and 2 s apart, before the page shows.
const AFTER_RETRIES = 15_000;

const browser = chromiumForThisFile();
let server: FaultServer;
// Where this test's requests start in the server's log of every request.
let firstHit = 0;

beforeAll(async () => {
  server = await startFaultServer({
    root: builtDir('dist-faults'),
    headers: { 'Content-Security-Policy': contentSecurityPolicy },
  });
});

afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  firstHit = server.hits().length;
});

afterEach(() => {
  server.clear();
});

type Opened = { context: BrowserContext; page: Page; pageErrors: string[]; consoleErrors: ConsoleMessage[] };

async function openPage(): Promise<Opened> {
  const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  const consoleErrors: ConsoleMessage[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message);
  });
  return { context, page, pageErrors, consoleErrors };
}

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
const h1Text = (page: Page) => h1(page).textContent();
const topicLink = (page: Page) => page.getByRole('main').locator(`a[href="/topic/${SEED_TOPIC_ID}"]`).first();
const tryAgain = (page: Page) => page.getByRole('button', { name: 'Try again' });
const hitsOn = (path: string) => server.hits().slice(firstHit).filter((hit) => hit.path.split('?')[0] === path);

/** The seed topic's board, fully shown: its heading and its link to the seed topic. */
async function openBoard(page: Page): Promise<void> {
  await page.goto(`${server.url}/board/${SEED_BOARD_ID}`);
  await expect.poll(() => h1Text(page)).toBe(SEED_BOARD_NAME);
  await topicLink(page).waitFor();
}

/** Back from the error page: the board is there again, with its topics. */
async function expectBoardAfterBack(page: Page): Promise<void> {
  await page.goBack();
  await expect.poll(() => h1Text(page)).toBe(SEED_BOARD_NAME);
  expect(await topicLink(page).textContent()).toBe(SEED_TITLE);
}

async function expectSeedTopic(page: Page): Promise<void> {
  await expect.poll(() => h1Text(page), { timeout: 10_000 }).toBe(SEED_TITLE);
  await expect.poll(() => page.locator('article').first().textContent()).toContain('for years to come.');
}

/** The frame stays around an error: header with the way home, and real text in the body. */
async function expectFrameAround(page: Page): Promise<void> {
  expect(await page.getByRole('banner').getByRole('link', { name: 'Lectern' }).isVisible()).toBe(true);
  expect(await page.getByRole('main').getByRole('link', { name: 'Go to the board index' }).isVisible()).toBe(true);
}

describe('fault tests: the production build against a failing API', () => {
  it('shows a 500 as "having trouble", recovers with Try again, and Back still shows the board', async () => {
    const { context, page, pageErrors } = await openPage();
    await openBoard(page);
    server.fail({ match: TOPIC_API, fault: { kind: 'error-500' } });

    await topicLink(page).click();
    await expect.poll(() => h1Text(page), { timeout: AFTER_RETRIES }).toBe('The forum is having trouble');
    expect(page.url()).toBe(`${server.url}/topic/${SEED_TOPIC_ID}`);
    expect(await page.getByRole('main').textContent()).toContain('(500)');
    expect(await tryAgain(page).isVisible()).toBe(true);
    await expectFrameAround(page);
    // A 5xx may pass: it was asked three times before the reader was told.
    expect(hitsOn(TOPIC_API).length).toBeGreaterThanOrEqual(3);

    server.clear();
    await tryAgain(page).click();
    await expectSeedTopic(page);

    await expectBoardAfterBack(page);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('shows a proxy\'s HTML 502 on first load as "having trouble", and Try again loads the topic', async () => {
    const { context, page, pageErrors } = await openPage();
    server.fail({ match: TOPIC_API, fault: { kind: 'html-502' } });

    await page.goto(`${server.url}/topic/${SEED_TOPIC_ID}`);
    await expect.poll(() => h1Text(page), { timeout: AFTER_RETRIES }).toBe('The forum is having trouble');
    expect(await page.getByRole('main').textContent()).toContain('(502)');
    // Nothing of the proxy's page leaks into the reader's.
    expect(await page.getByText('Bad Gateway').count()).toBe(0);
    await expectFrameAround(page);

    server.clear();
    await tryAgain(page).click();
    await expectSeedTopic(page);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('shows broken JSON as "cannot read", logs what came, and Back still shows the board', async () => {
    const { context, page, pageErrors, consoleErrors } = await openPage();
    await openBoard(page);
    server.fail({ match: TOPIC_API, fault: { kind: 'broken-json' } });

    await topicLink(page).click();
    await expect.poll(() => h1Text(page)).toBe('The forum sent something Lectern cannot read');
    expect(await page.getByRole('main').textContent()).toContain('Details are in the browser console');
    await expectFrameAround(page);
    const logged = consoleErrors.map((message) => message.text()).find((text) => text.includes(`${TOPIC_API}: the answer is not JSON`));
    expect(logged).toContain('Half an answ');

    await expectBoardAfterBack(page);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('shows an answer that breaks the contract as "cannot read", logs which fields, and Back still shows the board', async () => {
    const { context, page, pageErrors, consoleErrors } = await openPage();
    await openBoard(page);
    server.fail({ match: TOPIC_API, fault: { kind: 'contract' } });

    await topicLink(page).click();
    await expect.poll(() => h1Text(page)).toBe('The forum sent something Lectern cannot read');
    await expectFrameAround(page);
    const logged = consoleErrors.find((message) => message.text().includes(`${TOPIC_API}: the answer breaks the API contract`));
    expect(logged).toBeDefined();
    // The second argument lists each broken field by its path.
    const issues = (await logged?.args()[1]?.jsonValue()) as unknown;
    expect(Array.isArray(issues) && issues.length > 0).toBe(true);
    expect(JSON.stringify(issues)).toMatch(/topic\.id|posts/);

    await expectBoardAfterBack(page);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it(`keeps the board readable while the API hangs, then says "taking too long" after the build's timeout (${FAULT_BUILD_TIMEOUT_MS / 1000} s here, 15 s as shipped); Try again loads the topic`, async () => {
    const { context, page, pageErrors } = await openPage();
    await openBoard(page);
    // Only the first try hangs: the second (Try again) is answered.
    server.fail({ match: TOPIC_API, fault: { kind: 'hang' }, times: 1 });

    const clicked = Date.now();
    await topicLink(page).click();
    // While it waits, the board stays on screen: nothing shown is taken away.
    await expect.poll(() => hitsOn(TOPIC_API).length).toBeGreaterThanOrEqual(1);
    expect(await h1Text(page)).toBe(SEED_BOARD_NAME);
    expect(await topicLink(page).isVisible()).toBe(true);

    // One try: a timeout is not retried, so the reader is not kept waiting three timeouts
    // and the pauses between them (3 + 1 + 3 + 2 + 3 s here: past this poll's 8 s).
    await expect.poll(() => h1Text(page), { timeout: 2 * FAULT_BUILD_TIMEOUT_MS + 2_000 }).toBe('The forum is taking too long');
    // Not before the timeout: the page waited for the answer that never came.
    expect(Date.now() - clicked).toBeGreaterThanOrEqual(FAULT_BUILD_TIMEOUT_MS);
    expect(hitsOn(TOPIC_API).length).toBe(1);
    await expectFrameAround(page);

    await tryAgain(page).click();
    await expectSeedTopic(page);
    await expectBoardAfterBack(page);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('shows a connection cut mid-answer as "Cannot reach the forum", and Back still shows the board', async () => {
    const { context, page, pageErrors } = await openPage();
    await openBoard(page);
    server.fail({ match: TOPIC_API, fault: { kind: 'drop' } });

    await topicLink(page).click();
    await expect.poll(() => h1Text(page), { timeout: AFTER_RETRIES }).toBe('Cannot reach the forum');
    expect(await tryAgain(page).isVisible()).toBe(true);
    await expectFrameAround(page);
    expect(hitsOn(TOPIC_API).length).toBeGreaterThanOrEqual(3);

    await expectBoardAfterBack(page);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  // A topic read before comes back as a saved copy instead (saved-copies.e2e.ts).
  it('shows "Cannot reach the forum", not a blank screen, when the API is down on loading a topic never read', async () => {
    const { context, page, pageErrors } = await openPage();
    server.apiDown(true);
    await page.goto(`${server.url}/topic/${SEED_TOPIC_ID}`);
    await expect.poll(() => h1Text(page), { timeout: AFTER_RETRIES }).toBe('Cannot reach the forum');
    const visibleText = await page.evaluate(() => document.body.innerText.trim());
    expect(visibleText).toContain('Check your connection');
    await expectFrameAround(page);

    server.apiDown(false);
    await tryAgain(page).click();
    await expectSeedTopic(page);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('says "Cannot reach the forum" when the browser goes offline, and Back still shows the board', async () => {
    const { context, page, pageErrors } = await openPage();
    // Reach the board from a topic, in the app, so the topic view's code is already loaded:
    // what is tested here is the data request (see the report on unloaded code chunks).
    await page.goto(`${server.url}/topic/${SEED_TOPIC_ID}`);
    await expectSeedTopic(page);
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: SEED_BOARD_NAME }).click();
    await expect.poll(() => h1Text(page)).toBe(SEED_BOARD_NAME);
    const hrefs = await page.getByRole('main').locator('a[href^="/topic/"]').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    const other = hrefs.find((href) => /^\/topic\/\d+$/.test(href) && href !== `/topic/${SEED_TOPIC_ID}`);
    expect(other).toBeDefined();
    const otherLink = page.getByRole('main').locator(`a[href="${other ?? ''}"]`).first();
    const otherTitle = await otherLink.textContent();

    await context.setOffline(true);
    await otherLink.click();
    await expect.poll(() => h1Text(page), { timeout: AFTER_RETRIES }).toBe('Cannot reach the forum');
    await expectFrameAround(page);
    // Offline, the request never reached the server.
    expect(hitsOn(`/topics/${(other ?? '').split('/').pop() ?? ''}`)).toEqual([]);

    await expectBoardAfterBack(page);
    await context.setOffline(false);
    await otherLink.click();
    await expect.poll(() => h1Text(page), { timeout: 10_000 }).toBe(otherTitle);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('keeps a topic on screen intact when a background prefetch fails, and the link still works afterwards', async () => {
    const { context, page, pageErrors } = await openPage();
    await page.goto(`${server.url}/topic/${MULTI_PAGE_TOPIC_ID}`);
    await expect.poll(() => page.locator('article .post-number').first().textContent()).toBe('#1');
    // The links to the neighbouring topics come last: the page is whole once they show.
    // (This topic is the last of its board in SMF's order, so it has a previous topic only.)
    await page.getByRole('navigation', { name: 'Other topics in this board' }).getByRole('link').first().waitFor();
    const title = await h1Text(page);
    const before = await page.getByRole('main').textContent();

    // Page 2 is fetched in the background anyway; page 3 only when the reader shows intent.
    const page3Api = `/topics/${MULTI_PAGE_TOPIC_ID}?page=3`;
    server.fail({ match: /^\/topics\/\d+\?page=3$/, fault: { kind: 'error-500' } });
    let page3Answers = 0;
    page.on('requestfinished', (request) => {
      if (request.url().endsWith(`/api${page3Api}`)) page3Answers += 1;
    });
    const page3 = page.getByRole('navigation', { name: 'Post pages, top' }).getByRole('link', { name: 'Page 3' });
    await page3.hover();
    // The prefetch is tried three times and fails each time…
    await expect.poll(() => hitsOn(`/topics/${MULTI_PAGE_TOPIC_ID}`).filter((hit) => hit.path === page3Api && hit.fault === 'error-500').length, { timeout: 10_000 }).toBe(3);
    // …the last failure has reached the page, and had the frames to show if it were going to…
    await expect.poll(() => page3Answers).toBe(3);
    await nextFrames(page);
    // …and the reader, still on page 1, sees nothing of it.
    expect(await h1Text(page)).toBe(title);
    expect(await page.getByRole('main').textContent()).toBe(before);
    expect(page.url()).toBe(`${server.url}/topic/${MULTI_PAGE_TOPIC_ID}`);

    // The failed prefetch is not remembered as page 3's answer.
    server.clear();
    await page3.click();
    await expect.poll(() => page.locator('article .post-number').first().textContent()).toBe('#31');
    expect(await h1Text(page)).toBe(title);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
