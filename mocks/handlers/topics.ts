// GET /api/topics/:id?page=N or ?post=P — one page (15) of a topic's posts;
// ?post=P answers the page holding post P.
import { http } from 'msw';
import type { HttpHandler } from 'msw';
import { badRequest, notFound, topicPage } from '../db/queries';
import { apiBaseOf, errorResponse, idParam, positiveIntParam, respond } from './respond';
import type { HandlerContext } from './respond';

export function topicHandlers(ctx: HandlerContext): HttpHandler[] {
  return [
    http.get('*/api/topics/:id', async ({ request, params }) => {
      await ctx.pause();
      const id = idParam(params.id);
      if (id === null) return errorResponse(notFound(`There is no topic "${String(params.id)}".`));
      const url = new URL(request.url);
      const page = positiveIntParam(url, 'page');
      if (!page.ok) return errorResponse(page);
      const post = positiveIntParam(url, 'post');
      if (!post.ok) return errorResponse(post);
      if (page.value !== null && post.value !== null) {
        return errorResponse(badRequest('Ask for a page or for a post, not both.'));
      }
      const at = post.value !== null ? { post: post.value } : { page: page.value ?? 1 };
      return respond(topicPage(ctx.forum(), id, at, apiBaseOf(request)));
    }),
  ];
}
