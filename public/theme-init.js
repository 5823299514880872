// Applies the reader's chosen theme before the first paint, so a page never flashes in
// the other one. Loaded synchronously from <head> (index.html), and a file rather than
// an inline script so a strict Content-Security-Policy (script-src 'self') allows it.
// The storage key and values must stay in step with src/features/theme/theme-preference.ts.
(function () {
  var theme = 'system';
  try {
    var stored = window.localStorage.getItem('lectern.theme');
    if (stored === 'light' || stored === 'dark') theme = stored;
  } catch {
    // Storage can be disabled or throw (private modes, blocked cookies): follow the system.
  }
  document.documentElement.dataset.theme = theme;
  // The browser paints its default canvas and form controls from this before any CSS.
  var meta = document.querySelector('meta[name="color-scheme"]');
  if (meta) meta.setAttribute('content', theme === 'system' ? 'light dark' : theme);
})();
