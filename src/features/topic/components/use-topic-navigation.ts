import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useLocation } from 'react-router-dom';
import { topicQueries } from '../../../lib/api/queries';

/** Router state that page links carry: land at the top of the posts, not the page. */
export const TO_POSTS_STATE = { toPosts: true } as const;

function wantsPosts(state: unknown): boolean {
  return typeof state === 'object' && state !== null && (state as { toPosts?: unknown }).toPosts === true;
}

type Options = { topicId: number; page: number; totalPages: number; targetPostId: number | null; postsId: string };

/**
 * Where the reader lands on a topic page and what loads next:
 * - `?post=P` scrolls that post to the top and focuses it (a `#msgP` hash alone is
 *   handled by the router's scroll restoration);
 * - changing page from the page links lands on the top of the posts, focused there
 *   so keyboard and screen-reader users start reading at the first post;
 * - the next page is fetched in the background, so "Next" shows at once.
 */
export function useTopicNavigation({ topicId, page, totalPages, targetPostId, postsId }: Options): void {
  const { key, state } = useLocation();
  const queryClient = useQueryClient();

  useEffect(() => {
    const id = targetPostId !== null ? `msg${targetPostId}` : wantsPosts(state) ? postsId : null;
    const element = id && document.getElementById(id);
    if (!element) return;
    element.scrollIntoView({ block: 'start' });
    element.focus({ preventScroll: true });
    // Runs per navigation (location key), not per render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, targetPostId]);

  useEffect(() => {
    if (page >= totalPages) return;
    // After this page has painted, so the prefetch never competes with it.
    const idle = window.setTimeout(() => void queryClient.prefetchQuery(topicQueries.page(topicId, page + 1)), 200);
    return () => window.clearTimeout(idle);
  }, [queryClient, topicId, page, totalPages]);
}
