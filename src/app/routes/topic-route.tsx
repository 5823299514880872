import type { QueryClient } from '@tanstack/react-query';
import { postQuery } from '../../features/topic/api/post-query';
import { rememberTopicPage, topicPageQuery, topicPostQuery } from '../../features/topic/api/topic-query';
import { ensureRouteData } from '../../lib/connection/offline';
import { parsePositiveInt, postHref } from '../../lib/routes';
import { RouteRedirect, type LoaderArgs, type ReaderRoute } from '../navigation/route-loader';
import { readPage, requireId } from './route-params';

export type TopicLoaderData = { topicId: number; boardId: number; page: number; targetPostId: number | null };

export function topicRoute(queryClient: QueryClient): ReaderRoute<TopicLoaderData> {
  return {
    loader: async ({ params, request }: LoaderArgs): Promise<TopicLoaderData> => {
      const topicId = requireId(params.topicId);
      const targetPostId = parsePositiveInt(new URL(request.url).searchParams.get('post'));
      if (targetPostId === null) {
        const page = readPage(request);
        const data = await ensureRouteData(queryClient, topicPageQuery(topicId, page));
        return { topicId, boardId: data.topic.boardId, page, targetPostId };
      }
      // A /post/{id} link already learned which page holds the post: reuse that answer.
      const located = queryClient.getQueryData(postQuery(targetPostId).queryKey);
      if (located && located.topic.id === topicId) {
        const data = await ensureRouteData(queryClient, topicPageQuery(topicId, located.page));
        return { topicId, boardId: data.topic.boardId, page: located.page, targetPostId };
      }
      const byPost = topicPostQuery(topicId, targetPostId);
      const data = await ensureRouteData(queryClient, byPost);
      rememberTopicPage(queryClient, data, queryClient.getQueryState(byPost.queryKey)?.dataUpdatedAt);
      return { topicId, boardId: data.topic.boardId, page: data.page.number, targetPostId };
    },
    view: async () => (await import('./topic-route-view')).TopicRouteView,
  };
}

/** `/post/{id}`: ask the server where the post lives, then show it in its topic. */
export function postRoute(queryClient: QueryClient): ReaderRoute<RouteRedirect> {
  return {
    loader: async ({ params }: LoaderArgs) => {
      const postId = requireId(params.postId);
      const located = await ensureRouteData(queryClient, postQuery(postId));
      return new RouteRedirect(postHref(located.topic.id, located.post.id));
    },
  };
}
