// The entry script is kept tiny on purpose: it starts this URL's API request, then
// loads the app. The request and the app's code download in parallel (index.html
// also gets a modulepreload for the app chunk at build time), so the first post
// shows after max(data, code) rather than data after code. It is loaded `async`:
// a deferred script would wait for the stylesheet before running, and so would the
// request.
import { pageViews } from './app/page-views';
import { isServerRendered } from './app/server-state';
import { startEarlyRequest } from './lib/api/early-request';
import { matchReaderUrl } from './lib/reader-routes';
import './app/theme.css';
import './app/styles.css';

// With the mock forum (dev, demo) the service worker must be running before any
// request, so there the app makes its requests itself once the worker is up. A page the
// server rendered carries its data: nothing to ask for.
if (import.meta.env.VITE_MOCKS !== 'true' && !isServerRendered()) startEarlyRequest(window.location);

// The view's own code, fetched now rather than after the app has started.
const landing = matchReaderUrl(window.location);
if ('page' in landing) pageViews[landing.page.name]?.().catch(() => undefined);

// An async script may run before the body is parsed (and with it a server-rendered
// page's HTML and state): wait for it.
function whenRootReady(): Promise<HTMLElement> {
  return new Promise((resolve, reject) => {
    const find = () => {
      const root = document.getElementById('root');
      if (root) resolve(root);
      else reject(new Error('index.html has no #root element'));
    };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', find, { once: true });
    else find();
  });
}

Promise.all([import('./app/start'), whenRootReady()])
  .then(([{ start }, root]) => start(root))
  .catch((error: unknown) => {
    // The app's code did not arrive (offline, a deploy replaced the files): say so
    // in plain DOM rather than leave a blank page.
    console.error('[lectern] the app could not start', error);
    const message = document.createElement('p');
    message.className = 'boot-error';
    message.append('Lectern could not load. Check your connection, then ');
    const reload = document.createElement('a');
    reload.href = window.location.href;
    reload.textContent = 'reload the page';
    message.append(reload, '.');
    (document.getElementById('root') ?? document.body).replaceChildren(message);
  });
