// The mock forum in a service worker, for `npm run dev` and the offline demo.
// Only this file touches import.meta.env (a Vite feature): the Node entry
// points (node.ts, http-server.ts) must load under plain tsx.
import { setupWorker } from 'msw/browser';
import { createHandlers } from './handlers/handlers';

export async function startMockWorker(): Promise<void> {
  // A little latency makes loading states visible, as with a real server.
  const worker = setupWorker(...createHandlers({ latency: [100, 400] }));
  await worker.start({
    onUnhandledRequest: 'bypass',
    quiet: true,
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
  });
}
