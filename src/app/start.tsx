import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { UNSAFE_createBrowserHistory as createBrowserHistory } from 'react-router-dom';
import { createQueryClient } from '../lib/query-client';
import { schedulePersistence } from '../lib/saved-copies/saved-copies';
import { App } from './app';
import { Navigator } from './navigation/navigator';
import { createPages } from './pages';

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
  // The navigator starts this URL's loader at once, before React's first render.
  const navigator = new Navigator(createBrowserHistory({ v5Compat: true }), createPages(queryClient));
  createRoot(root).render(
    <StrictMode>
      <App queryClient={queryClient} navigator={navigator} />
    </StrictMode>,
  );
  // Saved copies for offline reading: their code loads when the browser is idle.
  schedulePersistence(queryClient);
}
