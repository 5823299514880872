// GET /api/search?q=TEXT&page=N — posts holding every word, 20 a page.
import { http } from 'msw';
import type { HttpHandler } from 'msw';
import { badRequest } from '../db/queries';
import { searchPosts } from '../db/search';
import { apiBaseOf, errorResponse, positiveIntParam, respond } from './respond';
import type { HandlerContext } from './respond';

export function searchHandlers(ctx: HandlerContext): HttpHandler[] {
  return [
    http.get('*/api/search', async ({ request }) => {
      await ctx.pause();
      const url = new URL(request.url);
      const q = url.searchParams.getAll('q');
      if (q.length > 1) return errorResponse(badRequest('Give "q" once.'));
      const page = positiveIntParam(url, 'page');
      if (!page.ok) return errorResponse(page);
      return respond(searchPosts(ctx.forum(), q[0] ?? '', page.value ?? 1, apiBaseOf(request)));
    }),
  ];
}
