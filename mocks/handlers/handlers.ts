// Every mock API handler, for the service worker, the Node test server and the
// loopback HTTP server alike. Paths match any origin and any prefix before
// `/api`, so the same handlers answer jsdom's http://localhost:3000, the
// preview server and 127.0.0.1:PORT.
import type { HttpHandler } from 'msw';
import { sharedForum } from '../db/build-forum';
import { attachmentHandlers } from './attachments';
import { boardHandlers } from './boards';
import { forumHandlers } from './forum';
import { postHandlers } from './posts';
import { createPause } from './respond';
import type { HandlerContext } from './respond';
import { searchHandlers } from './search';
import { topicHandlers } from './topics';

export interface HandlerOptions {
  /** A random delay in [min, max] ms before each answer; null answers at once. */
  latency: readonly [number, number] | null;
}

export function createHandlers(options: HandlerOptions): HttpHandler[] {
  const ctx: HandlerContext = { forum: sharedForum, pause: createPause(options.latency) };
  return [
    ...forumHandlers(ctx),
    ...boardHandlers(ctx),
    ...topicHandlers(ctx),
    ...postHandlers(ctx),
    ...attachmentHandlers(ctx),
    ...searchHandlers(ctx),
  ];
}
