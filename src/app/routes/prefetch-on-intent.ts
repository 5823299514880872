// Long enough to ignore a pointer sweeping across a list, short enough that the
// data usually arrives before the click lands (~100–300 ms after hover starts).
const HOVER_DELAY_MS = 60;

/**
 * Prefetch on intent: hovering a link (briefly) or focusing it by keyboard loads its
 * page, so the click shows content without a spinner. One delegated listener covers
 * every link in the app: lists, breadcrumbs, pagination, post links. `prefetch` loads
 * what a reader URL shows (the navigator's, by the route table). Returns the function
 * that stops listening.
 */
export function listenForIntent(prefetch: (href: string) => void): () => void {
  let timer: number | undefined;
  const linkOf = (event: Event) => (event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a[href]') : null);
  const onOver = (event: MouseEvent) => {
    const link = linkOf(event);
    window.clearTimeout(timer);
    if (link) timer = window.setTimeout(() => prefetch(link.href), HOVER_DELAY_MS);
  };
  const onFocus = (event: FocusEvent) => {
    const link = linkOf(event);
    if (link) prefetch(link.href);
  };
  // Touch screens have no hover: a finger landing on a link is the intent.
  const onTouch = (event: TouchEvent) => {
    const link = linkOf(event);
    if (link) prefetch(link.href);
  };
  document.addEventListener('mouseover', onOver);
  document.addEventListener('focusin', onFocus);
  document.addEventListener('touchstart', onTouch, { passive: true });
  return () => {
    window.clearTimeout(timer);
    document.removeEventListener('mouseover', onOver);
    document.removeEventListener('focusin', onFocus);
    document.removeEventListener('touchstart', onTouch);
  };
}
