// GET /api/boards/:id?page=N — one page (20) of a board's topics.
import { http } from 'msw';
import type { HttpHandler } from 'msw';
import { boardPage, notFound } from '../db/queries';
import { apiBaseOf, errorResponse, idParam, positiveIntParam, respond } from './respond';
import type { HandlerContext } from './respond';

export function boardHandlers(ctx: HandlerContext): HttpHandler[] {
  return [
    http.get('*/api/boards/:id', async ({ request, params }) => {
      await ctx.pause();
      const id = idParam(params.id);
      if (id === null) return errorResponse(notFound(`There is no board "${String(params.id)}".`));
      const page = positiveIntParam(new URL(request.url), 'page');
      if (!page.ok) return errorResponse(page);
      return respond(boardPage(ctx.forum(), id, page.value ?? 1, apiBaseOf(request)));
    }),
  ];
}
