// The server's HTML, hydrated by the browser's code, with React's development build,
// which names every difference between the two (text, attributes, structure) in a console
// error that the production build leaves out. Each page of the mock forum is rendered by
// the server renderer (server/render/render-entry.tsx, its API the mock forum here) and
// then started as the browser starts it (src/app/start.tsx). The browser test
// test/e2e/server-rendering.e2e.ts does the same with what ships, against `npm run server`.
import { act, waitFor } from '@testing-library/react';
import type { Root } from 'react-dom/client';
import { prerender } from 'react-dom/static';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { ATTACHMENTS_TOPIC_ID, HOSTILE_TOPIC_ID, MULTI_PAGE_TOPIC_ID, SEED_BOARD_ID, SEED_TOPIC_ID, SHOWCASE_TOPIC_ID } from '../mocks/db/ids';
import { scriptJson } from '../server/render/page-html';
import { renderPage } from '../server/render/render-entry';
import { start } from '../src/app/start';

const MINUTE = 60_000;

describe('a server-rendered page, hydrated', () => {
  let consoleError: MockInstance<typeof console.error>;
  let app: Root | undefined;
  beforeEach(() => {
    consoleError = vi.spyOn(console, 'error');
  });
  afterEach(() => {
    // Before the next page's server render: the two renderers share this realm (see below).
    act(() => app?.unmount());
    app = undefined;
    consoleError.mockRestore();
    document.documentElement.removeAttribute('data-rendered');
    document.body.replaceChildren();
  });

  it.each([
    '/',
    `/board/${SEED_BOARD_ID}`,
    `/topic/${SEED_TOPIC_ID}`,
    `/topic/${MULTI_PAGE_TOPIC_ID}?page=2`,
    `/topic/${MULTI_PAGE_TOPIC_ID}?post=${MULTI_PAGE_TOPIC_ID * 1000 + 20}`,
    `/topic/${SHOWCASE_TOPIC_ID}`,
    `/topic/${HOSTILE_TOPIC_ID}`,
    `/topic/${ATTACHMENTS_TOPIC_ID}`,
    `/topic/${MULTI_PAGE_TOPIC_ID}/print`,
    '/search?q=pricing',
    '/search',
  ])('%s matches the server element for element', async (path) => {
    window.history.replaceState(null, '', path);
    const rendered = await renderPage({
      url: new URL(path, window.location.origin),
      locale: 'en-US',
      now: Math.floor(Date.now() / MINUTE) * MINUTE,
    });
    if (rendered.kind !== 'page') throw new Error(`${path} redirected to ${rendered.to}`);
    // The server's renderer leaves its last context values set until its next render
    // (harmless in the server's process); here the browser's renderer shares the realm,
    // and would read them. An empty render puts them back.
    await prerender(<></>);
    expect(rendered.status).toBe(200);
    document.documentElement.dataset.rendered = 'server';
    document.body.innerHTML = `<div id="root">${rendered.html}</div><script type="application/json" id="lectern-state">${scriptJson(rendered.state)}</script>`;
    const root = document.getElementById('root');
    if (!root) throw new Error('no #root');
    const serverHtml = root.innerHTML;
    expect(serverHtml.length).toBeGreaterThan(1000);

    app = await start(root);
    await waitFor(() => expect(document.documentElement.dataset.rendered).toBe('hydrated'));
    const messages = consoleError.mock.calls.map((call) => call.map(String).join(' ').slice(0, 2000));
    // Said because this test runs the server's renderer and the browser's in one realm, which
    // the server (its own process) never does; anything else React says is a failure.
    expect(messages.filter((message) => !message.startsWith('Detected multiple renderers concurrently rendering the same context provider'))).toEqual([]);
  });
});
