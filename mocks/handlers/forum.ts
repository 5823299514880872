// GET /api/forum — the board index.
import { http, HttpResponse } from 'msw';
import type { HttpHandler } from 'msw';
import { forumIndex } from '../db/queries';
import { apiBaseOf } from './respond';
import type { HandlerContext } from './respond';

export function forumHandlers(ctx: HandlerContext): HttpHandler[] {
  return [
    http.get('*/api/forum', async ({ request }) => {
      await ctx.pause();
      return HttpResponse.json(forumIndex(ctx.forum(), apiBaseOf(request)));
    }),
  ];
}
