// Each page's view, a chunk of its own, by page name. Apart from the loaders
// (./pages.ts) so the entry script can request the view of the URL it starts on
// without pulling in the loaders' dependencies.
import type { PageName } from '../lib/reader-routes';

export const pageViews = {
  forum: async () => (await import('../features/forum-index/components/forum-index-page')).ForumIndexPage,
  board: async () => (await import('./routes/board-route-view')).BoardRouteView,
  topic: async () => (await import('./routes/topic-route-view')).TopicRouteView,
  // `/post/{id}` only ever redirects to its topic.
  post: null,
  print: async () => (await import('./routes/print-route-view')).PrintRouteView,
  search: async () => (await import('./routes/search-route-view')).SearchRouteView,
} satisfies { readonly [N in PageName]: (() => Promise<unknown>) | null };
