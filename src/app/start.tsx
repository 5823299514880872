import { hydrate } from '@tanstack/react-query';
import { StrictMode, useEffect } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { UNSAFE_createBrowserHistory as createBrowserHistory } from 'react-router-dom';
import { setLocaleSource } from '../lib/format/format';
import { createQueryClient } from '../lib/query-client';
import { schedulePersistence } from '../lib/saved-copies/saved-copies';
import { ServerRenderContext } from '../ui/server-render';
import { App } from './app';
import { Navigator, settlePage } from './navigation/navigator';
import { RouteRedirect } from './navigation/route-outcome';
import { createPages } from './pages';
import { readServerState } from './server-state';

// Dev and demo builds answer /api from the mock forum in a service worker. The
// condition is a build-time constant, so the production build drops this import
// and carries no mock code at all.
async function startMockForum(): Promise<void> {
  if (import.meta.env.VITE_MOCKS !== 'true') return;
  try {
    const { startMockWorker } = await import('../../mocks/browser');
    await startMockWorker();
  } catch (error) {
    // The reader still renders: its error pages will say the forum cannot be reached.
    console.error('[lectern] the demo forum could not start', error);
  }
}

export async function start(root: HTMLElement): Promise<void> {
  await startMockForum();
  // Made once, outside React, so StrictMode cannot make two.
  const queryClient = createQueryClient();
  const history = createBrowserHistory({ v5Compat: true });
  const pages = createPages(queryClient);
  const server = readServerState();
  if (server) {
    // The server's HTML is on screen: take over with the same data, clock and locale, so
    // the first render matches it, element for element. The loader finds its data in the
    // cache, and the view's code was preloaded by the entry: this settles without a request.
    hydrate(queryClient, server.queries);
    setLocaleSource(() => server.locale);
    const landed = await settlePage(pages, history.location);
    if (!(landed instanceof RouteRedirect) && landed.status === 'ready') {
      hydrateRoot(
        root,
        <StrictMode>
          <ServerRenderContext value={{ now: server.now }}>
            <App queryClient={queryClient} navigator={new Navigator(history, pages, landed)} />
            <HydrationMark />
          </ServerRenderContext>
        </StrictMode>,
      );
      schedulePersistence(queryClient);
      return;
    }
    // An error page (or a redirect the server would have sent): render afresh over it.
    if (landed instanceof RouteRedirect) history.replace(landed.to);
    renderFresh(root, queryClient, new Navigator(history, pages, landed instanceof RouteRedirect ? undefined : landed));
  } else {
    // The navigator starts this URL's loader at once, before React's first render.
    renderFresh(root, queryClient, new Navigator(history, pages));
  }
  // Saved copies for offline reading: their code loads when the browser is idle.
  schedulePersistence(queryClient);
}

/** Says on <html> that the server's page is live (hydrated): for styles that only apply before, and for tests. */
function HydrationMark() {
  useEffect(() => {
    document.documentElement.dataset.rendered = 'hydrated';
  }, []);
  return null;
}

function renderFresh(root: HTMLElement, queryClient: ReturnType<typeof createQueryClient>, navigator: Navigator): void {
  root.replaceChildren();
  createRoot(root).render(
    <StrictMode>
      <App queryClient={queryClient} navigator={navigator} />
    </StrictMode>,
  );
}
