import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { server } from '../mocks/node';
import { installIdleCallbacks, resetIdle } from './idle';

// findBy* waits up to 1 s by default; a loaded 2-core machine can take longer to
// render a 15-post page, and a slow pass is not a failure of the app.
configure({ asyncUtilTimeout: 5000 });

// Every request a test makes must be one the mock forum knows: an unhandled
// request is a bug in the test or the app, and relative /api URLs only resolve
// while MSW intercepts them in jsdom.
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
// A test that overrides a handler (server.use) must not leak it into the next one.
afterEach(() => {
  server.resetHandlers();
  cleanup();
  resetIdle();
});
afterAll(() => server.close());

// jsdom does not lay out or scroll; the router and deep links call these. The mock
// forum's own tests run in Node (no window), so only patch where there is a DOM.
if (typeof window !== 'undefined') {
  // Nor does it have requestIdleCallback: see ./idle.ts.
  installIdleCallbacks(window);
  window.scrollTo = () => undefined;
  Element.prototype.scrollIntoView = function scrollIntoView() {
    return undefined;
  };
}
