import { useEffect, useMemo } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import type { Post } from '../../../lib/api/schemas';
import { lastVisitPosition, markRead } from '../../../lib/unread/read-positions';
import { topicHref } from '../../../lib/reader-routes';
import { useHydrated } from '../../../ui/server-render';

type Options = { topicId: number; posts: readonly Post[]; page: number; perPage: number };

/**
 * Tracks reading on a topic page: a post counts as read once the reader has seen
 * its end. Returns the number of the first post that is new since the last visit
 * (for the "new posts" line), or null.
 */
export function useReadTracking({ topicId, posts, page, perPage }: Options): number | null {
  // Captured once per page view: the line stays put while this visit reads on. Positions
  // live in this browser, so a server-rendered page (and its hydration) starts without
  // them and captures them right after.
  // hydrated flips once, to true, before this visit can mark anything read (that waits for a frame).
  const hydrated = useHydrated();
  const previous = useMemo(() => (hydrated ? lastVisitPosition(topicId) : null), [hydrated, topicId]);
  const firstNew = previous ? posts.find((post) => post.number > previous.number)?.number ?? null : null;

  // `#new` (an old SMF link or an unread marker) lands on the page of the first unread post.
  const location = useLocation();
  const navigate = useNavigate();
  useEffect(() => {
    if (location.hash !== '#new' || !previous) return;
    const target = Math.floor(previous.number / Math.max(1, perPage)) + 1;
    if (target !== page) void navigate(`${topicHref(topicId, target)}#new`, { replace: true });
  }, [location.hash, previous, perPage, page, topicId, navigate]);

  useEffect(() => {
    // The furthest post whose end has been on screen is read; checked on scroll and
    // resize, once a frame at most. Cheap: a page holds a few dozen posts.
    let frame = 0;
    const check = () => {
      frame = 0;
      let furthest: Post | undefined;
      for (const post of posts) {
        const element = document.getElementById(`msg${post.id}`);
        if (element && element.getBoundingClientRect().bottom <= window.innerHeight + 1) furthest = post;
      }
      if (furthest) markRead(topicId, furthest, perPage);
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(check);
    };
    schedule();
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
    };
  }, [topicId, posts, perPage]);

  return firstNew;
}
