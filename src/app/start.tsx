import { StrictMode } from 'react';
import { createRoot, hydrateRoot, type Root } from 'react-dom/client';
import { UNSAFE_createBrowserHistory as createBrowserHistory } from 'react-router-dom';
import { setLocaleSource } from '../lib/format/format';
import { createQueryClient } from '../lib/query-client';
import { schedulePersistence } from '../lib/saved-copies/saved-copies';
import { App } from './app';
import { Navigator, settlePage, type PageState } from './navigation/navigator';
import { RouteRedirect } from './navigation/route-outcome';
import { createPages } from './pages';
import { ServerRendered } from './server-rendered';
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

/**
 * A page opened afresh (a typed address, a bookmark, a link from elsewhere) has a history
 * entry without our state, which React Router keys "default": every such first page would
 * share one key, and so one remembered scroll position (a search opened half-way down,
 * where the tab's last fresh page was left). Give the entry a key of its own; the browser
 * keeps it across a reload and Back, so those still restore.
 */
function giveEntryItsOwnKey(): void {
  // The state is React Router's object ({ usr, key, idx }), or null on a fresh entry.
  const state = window.history.state as { key?: unknown } | null;
  if (typeof state?.key !== 'string') window.history.replaceState({ ...state, key: String(Math.random()) }, '');
}

/** Starts the app in `root`, hydrating the server's page there if it has one; returns React's root. */
export async function start(root: HTMLElement): Promise<Root> {
  await startMockForum();
  // Made once, outside React, so StrictMode cannot make two.
  const queryClient = createQueryClient();
  giveEntryItsOwnKey();
  const history = createBrowserHistory({ v5Compat: true });
  const pages = createPages(queryClient);
  const server = readServerState();
  // A failed server page's state, settled already: shown as it is, afresh.
  let failed: PageState | undefined;
  if (server) {
    // The server's HTML is on screen: take over with the same data, clock and locale, so
    // the first render matches it, element for element. The loader finds its data in the
    // cache, and the view's code was preloaded by the entry: this settles without a request.
    // The cache as the server left it: each answer, dated when the server fetched it. (Not
    // TanStack's hydrate(), which also restores mutations and pending queries the server
    // never sends, and would cost the static build's first post 0.4 kB of JS.)
    // The server sends only answers (dehydrate's default: successful queries).
    for (const { queryKey, state } of server.queries.queries) queryClient.setQueryData(queryKey, state.data, { updatedAt: state.dataUpdatedAt });
    setLocaleSource(() => server.locale);
    const landed = await settlePage(pages, history.location);
    if (!(landed instanceof RouteRedirect) && landed.status === 'ready') {
      const hydrated = hydrateRoot(
        root,
        <StrictMode>
          <ServerRendered now={server.now}>
            <App queryClient={queryClient} navigator={new Navigator(history, pages, landed)} />
          </ServerRendered>
        </StrictMode>,
      );
      schedulePersistence(queryClient);
      return hydrated;
    }
    // An error page (or a redirect the server would have sent): render afresh over it.
    if (landed instanceof RouteRedirect) history.replace(landed.to);
    else failed = landed;
  }
  // Otherwise the navigator starts this URL's loader at once, before React's first render.
  const fresh = renderFresh(root, queryClient, new Navigator(history, pages, failed));
  // Saved copies for offline reading: their code loads when the browser is idle.
  schedulePersistence(queryClient);
  return fresh;
}

function renderFresh(root: HTMLElement, queryClient: ReturnType<typeof createQueryClient>, navigator: Navigator): Root {
  root.replaceChildren();
  const fresh = createRoot(root);
  fresh.render(
    <StrictMode>
      <App queryClient={queryClient} navigator={navigator} />
    </StrictMode>,
  );
  return fresh;
}
