import { useEffect, useLayoutEffect } from 'react';
import { useLocation } from 'react-router-dom';
import { useNavigationInfo } from './route-loader';
import { rememberScroll, savedPosition, savePositions, showingEntry } from './scroll-positions';

/**
 * Scrolls like a page load would, once a page's content has rendered (it commits with
 * the content, never with a skeleton): Back and Forward return to where the reader
 * was; a new page starts at its top, or at the element its #hash names; a replaced URL
 * (a setting such as "text only", a retry, a canonical redirect) keeps the reader
 * where they are.
 */
export function ScrollRestoration() {
  const location = useLocation();
  const { action, navigation, page } = useNavigationInfo();
  const ready = page.status !== 'loading';

  useEffect(() => {
    // The browser's own restoration would jump before our content is back.
    const previous = window.history.scrollRestoration;
    window.history.scrollRestoration = 'manual';
    // Kept up to date as the reader scrolls, so the position is there when they leave,
    // however they leave (a link, Back, a key, a reload).
    const onHide = () => {
      rememberScroll();
      savePositions();
    };
    window.addEventListener('scroll', rememberScroll, { passive: true });
    window.addEventListener('pagehide', onHide);
    return () => {
      window.history.scrollRestoration = previous;
      window.removeEventListener('scroll', rememberScroll);
      window.removeEventListener('pagehide', onHide);
    };
  }, []);

  useLayoutEffect(() => {
    // Nothing to place until the page's content is there.
    if (!ready) return;
    showingEntry(location.key);
    const saved = savedPosition(location.key);
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
