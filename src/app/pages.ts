// What each page of the route table (lib/reader-routes.ts) loads, joined to its view
// (./page-views.ts). A page the table names but this file does not fails the typecheck.
import type { QueryClient } from '@tanstack/react-query';
import { isSearchKnownUnavailable } from '../features/search/api/search-availability';
import { endpoints } from '../lib/api/endpoints';
import { postQueries, rememberTopicPage, requestQuery, topicQueries } from '../lib/api/queries';
import { assertReachable } from '../lib/connection/offline';
import { shouldRetry } from '../lib/query-client';
import { pageRequest, postHref, type PageOf, type ReaderPage } from '../lib/reader-routes';
import { definePage, type PageRoutes } from './navigation/page-route';
import { ensureRouteData } from './navigation/route-data';
import { RouteRedirect } from './navigation/route-outcome';
import { pageViews } from './page-views';
import type { TopicViewData } from './routes/topic-route-view';

export function createPages(queryClient: QueryClient): PageRoutes {
  // Most pages load what the table says they ask for, into the cache their view reads,
  // and hand the view their parameters.
  const loadRequest = async <P extends ReaderPage>(page: P): Promise<P> => {
    await ensureRouteData(queryClient, requestQuery(pageRequest(page)));
    return page;
  };
  const prefetchRequest = (page: ReaderPage) => void queryClient.prefetchQuery(requestQuery(pageRequest(page)));

  const loadTopic = async ({ topicId, page, postId }: PageOf<'topic'>): Promise<TopicViewData> => {
    if (postId === null) {
      const data = await ensureRouteData(queryClient, topicQueries.page(topicId, page));
      return { topicId, boardId: data.topic.boardId, page, targetPostId: null };
    }
    // A /post/{id} link already learned which page holds the post: reuse that answer.
    const located = queryClient.getQueryData(postQueries.locate(postId).queryKey);
    if (located && located.topic.id === topicId) {
      const data = await ensureRouteData(queryClient, topicQueries.page(topicId, located.page));
      return { topicId, boardId: data.topic.boardId, page: located.page, targetPostId: postId };
    }
    const byPost = topicQueries.pageWithPost(topicId, postId);
    const data = await ensureRouteData(queryClient, byPost);
    rememberTopicPage(queryClient, data, queryClient.getQueryState(byPost.queryKey)?.dataUpdatedAt);
    return { topicId, boardId: data.topic.boardId, page: data.page.number, targetPostId: postId };
  };

  return {
    forum: definePage({ load: async (page) => (await loadRequest(page), null), view: pageViews.forum, prefetch: prefetchRequest }),
    board: definePage<'board', PageOf<'board'>>({ load: loadRequest, view: pageViews.board, prefetch: prefetchRequest }),
    topic: definePage({ load: loadTopic, view: pageViews.topic, prefetch: prefetchRequest }),
    // Ask the server where the post lives, then show it in its topic.
    post: definePage({
      load: async ({ postId }) => {
        const located = await ensureRouteData(queryClient, postQueries.locate(postId));
        return new RouteRedirect(postHref(located.topic.id, located.post.id));
      },
      view: pageViews.post,
    }),
    // Page 1 names the topic, its trail and how many pages there are; the view loads the rest.
    print: definePage({
      load: async (page) => {
        // The app's retries, not the print pages' own: those retry a timeout, which kept the
        // reader on the skeleton for 45 s instead of 15 (see shouldRetry).
        await ensureRouteData(queryClient, { ...requestQuery(pageRequest(page)), retry: shouldRetry });
        return page;
      },
      view: pageViews.print,
    }),
    // Results, a prompt for words, or "search is not available".
    search: definePage({
      load: async ({ q, page }) => {
        if (q === '') return { q, page, state: 'prompt' as const };
        // Offline, results not seen before fail at once (a known "no search" needs no network).
        if (!isSearchKnownUnavailable(queryClient)) assertReachable(queryClient, endpoints.search(q, page).key);
        // Search's schemas and loading come with its chunk, not on the way to a topic.
        const { loadSearchPage } = await import('../features/search/api/load-search-page');
        return { q, page, state: await loadSearchPage(queryClient, q, page) };
      },
      view: pageViews.search,
    }),
  };
}
