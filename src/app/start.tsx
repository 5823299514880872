import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router-dom';
import { createQueryClient } from '../lib/query-client';
import { schedulePersistence } from '../lib/saved-copies/saved-copies';
import { App } from './app';
import { createRoutes } from './router';

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
  // Made once, outside React: creating the router runs this URL's loaders at once,
  // before the first render (and StrictMode cannot make it twice).
  const queryClient = createQueryClient();
  const router = createBrowserRouter(createRoutes(queryClient));
  createRoot(root).render(
    <StrictMode>
      <App queryClient={queryClient} router={router} />
    </StrictMode>,
  );
  // Saved copies for offline reading: their code loads when the browser is idle.
  schedulePersistence(queryClient);
}
