import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';

const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** Chromium from CHROME_PATH or the usual install paths; never a silent skip when there is none. */
export function findChromium(): string {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROME_PATH is set to ${fromEnv}, but there is no file there.`);
  }
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      'The browser tests need Chromium and none was found. Install it (Debian/Ubuntu: `sudo apt-get install -y chromium`) ' +
        'or point CHROME_PATH at a Chromium or Chrome binary. Checked: ' +
        candidates.join(', '),
    );
  }
  return found;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    headless: true,
    // The closed network here refuses Chromium's background traffic; these keep it quiet.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** One Chromium for the calling test file: launched before its tests, closed after them. */
export function chromiumForThisFile(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Chromium has not been launched yet: call the getter inside a test.');
    return browser;
  };
}

/** A fresh context and page (desktop width, light by default) that records uncaught page errors. */
export async function openPage(
  browser: Browser,
  options: { width?: number; colorScheme?: 'light' | 'dark' } = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

/** Two animation frames from now: what a task queued now has changed is then on screen. */
export function nextFrames(page: Page): Promise<unknown> {
  return page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/**
 * Waits, instead of sleeping, until the page has finished what it started loading from
 * its own origin: every such image has arrived or failed (lazy ones below the screen do
 * not count, nor do other hosts', which a closed test network may never answer),
 * and two frames have passed since, for the events those loads queue (error and load
 * handlers, CSP violation reports) and the layout they change.
 */
export async function settled(page: Page, timeout = 30_000): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(() =>
          Array.from(document.images).every(
            (img) =>
              img.complete ||
              img.currentSrc === '' ||
              new URL(img.currentSrc).origin !== window.location.origin ||
              // A lazy image below the screen is not asked for until it comes near (in a
              // server-rendered page its address is already known, so currentSrc is set).
              (img.loading === 'lazy' && img.getBoundingClientRect().top > window.innerHeight),
          ),
        ),
      // As long as Playwright's own waits: the demo's images come through its service
      // worker, which a loaded machine can keep waiting for seconds.
      { timeout },
    )
    .toBe(true);
  await nextFrames(page);
}
