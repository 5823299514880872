import type { QueryClient } from '@tanstack/react-query';
import { boardQuery } from '../../features/board/api/board-query';
import { forumQuery } from '../../features/forum-index/api/forum-query';
import { topicPageQuery, topicPostQuery } from '../../features/topic/api/topic-query';
import { parsePositiveInt } from '../../lib/routes';

// Long enough to ignore a pointer sweeping across a list, short enough that the
// data usually arrives before the click lands (~100–300 ms after hover starts).
const HOVER_DELAY_MS = 60;

/** Starts loading what a reader URL shows, into the same cache entries its route loader reads. */
export function prefetchUrl(queryClient: QueryClient, href: string): void {
  const url = new URL(href, window.location.origin);
  if (url.origin !== window.location.origin) return;
  const page = parsePositiveInt(url.searchParams.get('page')) ?? 1;
  // Each view's code is its own chunk: fetch it with the data (a no-op once loaded).
  if (url.pathname === '/') {
    void import('../../features/forum-index/components/forum-index-page');
    void queryClient.prefetchQuery(forumQuery());
    return;
  }
  const board = url.pathname.match(/^\/board\/(\d+)$/);
  const boardId = parsePositiveInt(board?.[1]);
  if (boardId !== null) {
    void import('./board-route-view');
    void queryClient.prefetchQuery(boardQuery(boardId, page));
    return;
  }
  const topic = url.pathname.match(/^\/topic\/(\d+)$/);
  const topicId = parsePositiveInt(topic?.[1]);
  if (topicId !== null) {
    void import('./topic-route-view');
    const postId = parsePositiveInt(url.searchParams.get('post'));
    if (postId !== null) void queryClient.prefetchQuery(topicPostQuery(topicId, postId));
    else void queryClient.prefetchQuery(topicPageQuery(topicId, page));
  }
}

/**
 * Prefetch on intent: hovering a link (briefly) or focusing it by keyboard loads its
 * page, so the click shows content without a spinner. One delegated listener covers
 * every link in the app: lists, breadcrumbs, pagination, post links. Returns the
 * function that stops listening.
 */
export function listenForIntent(queryClient: QueryClient): () => void {
  let timer: number | undefined;
  const linkOf = (event: Event) => (event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a[href]') : null);
  const onOver = (event: MouseEvent) => {
    const link = linkOf(event);
    window.clearTimeout(timer);
    if (link) timer = window.setTimeout(() => prefetchUrl(queryClient, link.href), HOVER_DELAY_MS);
  };
  const onFocus = (event: FocusEvent) => {
    const link = linkOf(event);
    if (link) prefetchUrl(queryClient, link.href);
  };
  // Touch screens have no hover: a finger landing on a link is the intent.
  const onTouch = (event: TouchEvent) => {
    const link = linkOf(event);
    if (link) prefetchUrl(queryClient, link.href);
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
