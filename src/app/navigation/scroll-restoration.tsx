import { useLayoutEffect } from 'react';
import { useLocation } from 'react-router-dom';
import { useNavigationInfo } from './route-loader';

// Where the reader was on each history entry (by its key), kept for the tab's life
// in sessionStorage so a reload and Back after it come back to the same place.
const STORAGE_KEY = 'lectern:scroll:v1';
const MAX_ENTRIES = 200;
const positions = readPositions();
let currentKey: string | null = null;

function readPositions(): Map<string, number> {
  try {
    const saved: unknown = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '[]');
    if (Array.isArray(saved)) return new Map(saved.filter((entry): entry is [string, number] => Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'number'));
  } catch {
    // Storage off or garbled: start afresh, it only costs a scroll position.
  }
  return new Map();
}

function savePositions(): void {
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify([...positions].slice(-MAX_ENTRIES)));
  } catch {
    // Quota or privacy mode: positions still work in memory for this page's life.
  }
}

/** Records the scroll position of the page on screen, under its history entry. */
export function rememberScroll(): void {
  if (currentKey === null) return;
  positions.delete(currentKey);
  positions.set(currentKey, window.scrollY);
  if (positions.size > MAX_ENTRIES) positions.delete(positions.keys().next().value ?? '');
}

if (typeof window !== 'undefined') {
  // The browser's own restoration would jump before our content is back.
  if ('scrollRestoration' in window.history) window.history.scrollRestoration = 'manual';
  // Kept up to date as the reader scrolls, so the position is there when they leave,
  // however they leave (a link, Back, a key, a reload).
  window.addEventListener('scroll', rememberScroll, { passive: true });
  window.addEventListener('pagehide', () => {
    rememberScroll();
    savePositions();
  });
}

/**
 * Scrolls like a page load would, once a page's content has rendered (it sits inside
 * the route's Suspense boundary, so it commits with the content, never with a
 * skeleton): Back and Forward return to where the reader was; a new page starts at
 * its top, or at the element its #hash names; a replaced URL (a setting such as
 * "text only", a retry, a canonical redirect) keeps the reader where they are.
 */
export function ScrollRestoration() {
  const location = useLocation();
  const { action, navigation, page } = useNavigationInfo();
  const ready = page.status !== 'loading';
  useLayoutEffect(() => {
    // Nothing to place until the page's content is there.
    if (!ready) return;
    currentKey = location.key;
    const saved = positions.get(location.key);
    if (action === 'POP' && saved !== undefined) {
      window.scrollTo(0, saved);
      return;
    }
    if (action === 'REPLACE') return;
    if (location.hash.length > 1) {
      // Our anchors are ASCII (msg…, new, c…), so the hash is used as it is: decoding it
      // would throw a URIError at a malformed %-escape (#%E0) and fail the whole page.
      const target = document.getElementById(location.hash.slice(1));
      if (target) {
        target.scrollIntoView();
        return;
      }
    }
    if (action === 'PUSH') window.scrollTo(0, 0);
    // Once per landed navigation.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [navigation, ready]);
  return null;
}
