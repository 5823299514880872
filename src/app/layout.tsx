import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { SearchBox } from '../features/search/components/search-box';
import { ThemeSwitch } from '../features/theme/theme-switch';
import { whenIdle } from '../lib/idle';
import { ConnectionBanner } from '../ui/connection-banner';
import { Optional } from '../ui/optional';
import { RouteErrorBoundary } from './navigation/route-error-boundary';
import type { Navigator } from './navigation/navigator';
import { PageOutlet, useNavigationInfo } from './navigation/route-loader';
import { ScrollRestoration } from './navigation/scroll-restoration';
import { PageSkeleton } from './page-skeleton';
import { RouteError } from './route-error';

/** The frame around every view: skip link, header, main landmark, footer. */
export function AppLayout({ navigator }: { navigator: Navigator }) {
  const { pending, navigation, page } = useNavigationInfo();
  // The first load shows a skeleton, not a progress bar.
  const busy = pending !== null && page.status !== 'loading';
  usePrefetchOnIntent(navigator);
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
            <svg aria-hidden="true" width="22" height="22" viewBox="0 0 24 24">
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
        {/* Errors of a view render inside the frame, so the header stays. */}
        <RouteErrorBoundary resetKey={String(navigation)} fallback={(error) => <RouteError error={error} />}>
          {/* Views load their data before they show; this only catches one that did not. */}
          <Suspense fallback={<PageSkeleton />}>
            <PageOutlet failed={(error) => <RouteError error={error} />} />
            <ScrollRestoration />
          </Suspense>
        </RouteErrorBoundary>
      </main>
      {/* A new footer for each page that lands, as a page load would give: moved along with
          the page it follows, it would count as a layout shift (and did, 0.06, below a
          short topic opened at a post). */}
      <footer className="site-footer" key={navigation}>
        <p>
          Read with Lectern · <Link to="/">Board index</Link> · Press <kbd>?</kbd> for keyboard shortcuts
        </p>
      </footer>
      <ConnectionBanner />
      <RouteAnnouncer />
      <DeferredKeyboardShortcuts />
    </>
  );
}

/**
 * Prefetch on intent (./routes/prefetch-on-intent.ts). A hover or focus that comes
 * before the listeners would find nothing cached yet anyway, so their code loads once
 * the browser is idle after the first render, off the way to the first post.
 */
function usePrefetchOnIntent(navigator: Navigator): void {
  useEffect(() => {
    let stop: (() => void) | undefined;
    let cancelled = false;
    const cancelIdle = whenIdle(() => {
      import('./routes/prefetch-on-intent')
        .then(({ listenForIntent }) => {
          if (!cancelled) stop = listenForIntent((href) => navigator.prefetch(href));
        })
        // Links still work without it, just without the head start.
        .catch((error: unknown) => console.warn('[lectern] prefetch on hover is off', error));
    });
    return () => {
      cancelled = true;
      cancelIdle();
      stop?.();
    };
  }, [navigator]);
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

const KeyboardShortcuts = lazy(async () => ({ default: (await import('../features/keyboard/keyboard-shortcuts')).KeyboardShortcuts }));

// Keyboard reading is not needed to show the first post: its code loads once the
// browser is idle after the first render, off the critical path. Keys pressed
// before it listens load it at once and are replayed, so no key press is lost.
// The event itself is kept: a KeyboardEvent is a valid init for its own copy.
type EarlyKey = { target: EventTarget; event: KeyboardEvent };
const replayed = new WeakSet<Event>();

function DeferredKeyboardShortcuts() {
  const [wanted, setWanted] = useState(false);
  const [listening, setListening] = useState(false);
  const early = useRef<EarlyKey[]>([]);

  useEffect(() => {
    if (wanted) return;
    return whenIdle(() => setWanted(true));
  }, [wanted]);

  useEffect(() => {
    if (listening) return;
    const onKey = (event: KeyboardEvent) => {
      // Never queue our own replays again.
      if (replayed.has(event) || !event.target) return;
      early.current.push({ target: event.target, event });
      setWanted(true);
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [listening]);

  return wanted ? (
    <Optional>
      <Suspense fallback={null}>
        <KeyboardShortcuts />
        <ReplayKeys earlyRef={early} onListening={setListening} />
      </Suspense>
    </Optional>
  ) : null;
}

// Rendered after the shortcuts, so its effect runs once their listeners are in place.
function ReplayKeys({ earlyRef, onListening }: { earlyRef: { current: EarlyKey[] }; onListening: (listening: true) => void }) {
  useEffect(() => {
    const pending = earlyRef.current;
    earlyRef.current = [];
    onListening(true);
    for (const { target, event: early } of pending) {
      const event = new KeyboardEvent('keydown', early);
      replayed.add(event);
      target.dispatchEvent(event);
    }
  }, [earlyRef, onListening]);
  return null;
}
