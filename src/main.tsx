// The entry script is kept tiny on purpose: it starts this URL's API request, then
// loads the app. The request and the app's code download in parallel (index.html
// also gets a modulepreload for the app chunk at build time), so the first post
// shows after max(data, code) rather than data after code.
import { startEarlyRequest } from './lib/api/early-request';
import './app/theme.css';
import './app/styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// With the mock forum (dev, demo) the service worker must be running before any
// request, so there the app makes its requests itself once the worker is up.
if (import.meta.env.VITE_MOCKS !== 'true') startEarlyRequest(window.location);

import('./app/start')
  .then(({ start }) => start(root))
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
    root.replaceChildren(message);
  });
