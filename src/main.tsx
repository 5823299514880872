import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import './app/theme.css';
import './app/styles.css';

// Dev and demo builds answer /api from the mock forum in a service worker. The
// condition is a build-time constant, so the production build drops this import
// and carries no mock code at all.
async function startMockForum(): Promise<void> {
  if (import.meta.env.VITE_MOCKS !== 'true') return;
  try {
    const { startMockWorker } = await import('../mocks/browser');
    await startMockWorker();
  } catch (error) {
    // The reader still renders: its error pages will say the forum cannot be reached.
    console.error('[lectern] the demo forum could not start', error);
  }
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

void startMockForum().then(() => {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
