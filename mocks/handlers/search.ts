// GET /api/search?q=TEXT&page=N — posts holding every word, 20 a page;
// with &by=topic, the topics holding them, 10 a page, each with its best posts.
import { http } from 'msw';
import type { HttpHandler } from 'msw';
import { badRequest } from '../db/queries';
import { searchPosts, searchTopics } from '../db/search';
import { apiBaseOf, errorResponse, positiveIntParam, respond } from './respond';
import type { HandlerContext } from './respond';

export function searchHandlers(ctx: HandlerContext): HttpHandler[] {
  return [
    http.get('*/api/search', async ({ request }) => {
      await ctx.pause();
      const url = new URL(request.url);
      const q = url.searchParams.getAll('q');
      if (q.length > 1) return errorResponse(badRequest('Give "q" once.'));
      const by = url.searchParams.getAll('by');
      if (by.length > 1 || (by.length === 1 && by[0] !== 'topic')) return errorResponse(badRequest('"by" can only be "topic".'));
      const page = positiveIntParam(url, 'page');
      if (!page.ok) return errorResponse(page);
      const args = [ctx.forum(), q[0] ?? '', page.value ?? 1, apiBaseOf(request)] as const;
      return by.length === 1 ? respond(searchTopics(...args)) : respond(searchPosts(...args));
    }),
  ];
}
