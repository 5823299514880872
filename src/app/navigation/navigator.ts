import type { Location, NavigationType, UNSAFE_createBrowserHistory } from 'react-router-dom';
import { matchReaderUrl, type PageName, type ReaderPage } from '../../lib/reader-routes';
import type { LoadedPage, PageRoute, PageRoutes } from './page-route';
import { RouteNotFound, RouteRedirect } from './route-outcome';
import { rememberScroll } from './scroll-positions';

/** The browser's history in the app, an in-memory one in tests: both speak this. */
type AppHistory = ReturnType<typeof UNSAFE_createBrowserHistory>;

/** What a route shows once its loader and view have arrived, or why it cannot. */
export type PageState = { status: 'loading' } | ({ status: 'ready' } & LoadedPage) | { status: 'failed'; error: unknown };

export type NavigatorState = {
  location: Location;
  action: NavigationType;
  /** A new number for every navigation that lands, back and forward included. */
  navigation: number;
  page: PageState;
  /** Where the reader is heading while this page stays on screen; null when no navigation is loading. */
  pending: Location | null;
};

const PENDING_AFTER_MS = 100;

/** The route of a page's name, which takes that page (the table's types pair them). */
function routeFor(pages: PageRoutes, page: ReaderPage): PageRoute<PageName> {
  return pages[page.name] as PageRoute<PageName>;
}

/**
 * React Router's declarative mode gives links, history and hooks; this does what its
 * data router would, in a fraction of the code (the data router alone is about 17 kB
 * gzip, see README "Performance"): on every history change it reads the URL with the
 * route table (lib/reader-routes.ts), runs the page's loader and downloads its view
 * together, keeps the current page on screen (with `pending` set) until both have
 * arrived, follows redirects, and drops a navigation that a newer one overtook.
 */
export class Navigator {
  private state: NavigatorState;
  private readonly listeners = new Set<() => void>();
  private latest = 0;

  /**
   * `landed` is the first page already settled (by `settlePage`): the server renders it,
   * and the browser hydrates the server's HTML with it, so neither starts on a skeleton.
   */
  constructor(
    readonly history: AppHistory,
    private readonly pages: PageRoutes,
    landed?: PageState,
  ) {
    this.state = landed
      ? { location: history.location, action: history.action, navigation: 0, page: landed, pending: null }
      : { location: history.location, action: history.action, navigation: 0, page: { status: 'loading' }, pending: history.location };
    history.listen(({ action, location }) => {
      // Where the reader is on the page they are leaving, read now: a scroll event
      // still on its way would land after the next page has taken over.
      rememberScroll();
      void this.load(action, location);
    });
    if (!landed) void this.load(history.action, history.location);
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): NavigatorState => this.state;

  /** Starts loading the page at `href` (same origin only), for a link about to be followed. */
  prefetch(href: string): void {
    const url = new URL(href, window.location.origin);
    if (url.origin !== window.location.origin) return;
    const match = matchReaderUrl(url);
    if ('page' in match) routeFor(this.pages, match.page).prefetch(match.page);
  }

  private set(next: Partial<NavigatorState>): void {
    this.state = { ...this.state, ...next };
    for (const listener of this.listeners) listener();
  }

  private async load(action: NavigationType, location: Location): Promise<void> {
    const navigation = ++this.latest;
    // Most navigations land within a few milliseconds (data from the cache, view
    // chunk loaded): only a slower one is worth a render that shows it is pending.
    const showPending = setTimeout(() => {
      if (navigation === this.latest) this.set({ pending: location });
    }, PENDING_AFTER_MS);
    const outcome = await settlePage(this.pages, location);
    clearTimeout(showPending);
    // A newer navigation has started: this one's result is no longer wanted.
    if (navigation !== this.latest) return;
    if (outcome instanceof RouteRedirect) this.history.replace(outcome.to);
    else this.set({ location, action, navigation, page: outcome, pending: null });
  }
}

/** What the page at `location` shows, or where it sends the reader instead. */
export async function settlePage(pages: PageRoutes, location: { pathname: string; search: string }): Promise<PageState | RouteRedirect> {
  try {
    const match = matchReaderUrl(location);
    if ('redirect' in match) return new RouteRedirect(match.redirect);
    if ('notFound' in match) throw new RouteNotFound();
    const loaded = await routeFor(pages, match.page).load(match.page);
    return loaded instanceof RouteRedirect ? loaded : { status: 'ready', ...loaded };
  } catch (error) {
    return { status: 'failed', error };
  }
}
