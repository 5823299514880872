import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, Outlet, ScrollRestoration, useLocation, useNavigation } from 'react-router-dom';
import { KeyboardShortcuts } from '../features/keyboard/keyboard-shortcuts';
import { SearchBox } from '../features/search/components/search-box';
import { ThemeSwitch } from '../features/theme/theme-switch';
import { usePrefetchOnIntent } from './routes/prefetch-on-intent';

/** The frame around every view: skip link, header, main landmark, footer. */
export function AppLayout() {
  const navigation = useNavigation();
  usePrefetchOnIntent(useQueryClient());
  const busy = navigation.state !== 'idle';
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      {/* A quiet bar while the next page loads; the old page stays readable meanwhile. */}
      <div className={busy ? 'nav-progress is-active' : 'nav-progress'} aria-hidden="true" />
      <header className="site-header">
        <div className="site-header-inner">
          <Link to="/" className="brand">
            <svg aria-hidden="true" width="22" height="22" viewBox="0 0 24 24" focusable="false">
              <path
                fill="currentColor"
                d="M4 4.5A2.5 2.5 0 0 1 6.5 2H20v16H6.5a1 1 0 0 0 0 2H20v2H6.5A2.5 2.5 0 0 1 4 19.5v-15Zm4 1.5v2h8V6H8Zm0 4v2h6v-2H8Z"
              />
            </svg>
            <span>Lectern</span>
          </Link>
          <div className="site-header-tools">
            <SearchBox />
            <ThemeSwitch />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} aria-busy={busy || undefined}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>
          Read with Lectern · <Link to="/">Board index</Link> · Press <kbd>?</kbd> for keyboard shortcuts
        </p>
      </footer>
      <RouteAnnouncer />
      <KeyboardShortcuts />
      <ScrollRestoration />
    </>
  );
}

// Client-side navigation is silent for screen readers: announce the new page's title,
// as a full page load would have.
function RouteAnnouncer() {
  const location = useLocation();
  const [message, setMessage] = useState('');
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    // Wait a frame so React has committed the new <title>.
    const frame = requestAnimationFrame(() => setMessage(document.title));
    return () => cancelAnimationFrame(frame);
  }, [location.pathname, location.search]);
  return (
    <p className="visually-hidden" aria-live="polite" aria-atomic="true">
      {message}
    </p>
  );
}
