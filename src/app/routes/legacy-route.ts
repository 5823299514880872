import { RouteRedirect, type LoaderArgs, type ReaderRoute } from '../navigation/route-loader';

/**
 * Old SMF links keep working: people have years of them in bookmarks and other sites.
 * Their parsing loads only when such a link is followed.
 */
export function legacyRoute(): ReaderRoute<RouteRedirect> {
  return {
    loader: async ({ request }: LoaderArgs) => new RouteRedirect((await import('./legacy-target')).legacyTarget(new URL(request.url).search)),
  };
}
