// GET /api/posts/:id — where one post lives: the post, its topic and the page.
import { http } from 'msw';
import type { HttpHandler } from 'msw';
import { notFound, postLocation } from '../db/queries';
import { apiBaseOf, errorResponse, idParam, respond } from './respond';
import type { HandlerContext } from './respond';

export function postHandlers(ctx: HandlerContext): HttpHandler[] {
  return [
    http.get('*/api/posts/:id', async ({ request, params }) => {
      await ctx.pause();
      const id = idParam(params.id);
      if (id === null) return errorResponse(notFound(`There is no post "${String(params.id)}".`));
      return respond(postLocation(ctx.forum(), id, apiBaseOf(request)));
    }),
  ];
}
