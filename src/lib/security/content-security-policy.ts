/**
 * The Content-Security-Policy the reader is built to run under: no inline script, no
 * eval, no inline <style>, nothing loaded from elsewhere but images over https and the
 * YouTube embed a reader clicks. `npm run preview`, `npm run server` and the browser tests
 * serve it; the README gives it to deployers (add an API origin to connect-src if it is
 * elsewhere). Kept in a module of its own, free of imports, so the build config and the
 * server read the one copy.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' https: data:",
  "connect-src 'self'",
  'frame-src https://www.youtube-nocookie.com',
  "object-src 'none'",
  "base-uri 'none'",
].join('; ');
