import type { ComponentType } from 'react';
import { matchRoutes, type Location, type NavigationType, type RouteObject, type UNSAFE_createBrowserHistory } from 'react-router-dom';
import { RouteRedirect, type ReaderRoute } from './route-loader';
import { rememberScroll } from './scroll-restoration';

/** The browser's history in the app, an in-memory one in tests: both speak this. */
export type AppHistory = ReturnType<typeof UNSAFE_createBrowserHistory>;

/** What a route shows once its loader and view have arrived, or why it cannot. */
export type PageState = { status: 'loading' } | { status: 'ready'; data: unknown; View: ComponentType | null } | { status: 'failed'; error: unknown };

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

// A view's chunk, requested once per route; a failed download is forgotten so that
// "Try again" requests it anew.
const views = new WeakMap<ReaderRoute<unknown>, Promise<ComponentType>>();

function loadView(route: ReaderRoute<unknown>): Promise<ComponentType | null> {
  if (!route.view) return Promise.resolve(null);
  let view = views.get(route);
  if (view === undefined) {
    view = route.view();
    views.set(route, view);
    view.catch(() => views.delete(route));
  }
  return view;
}

/**
 * React Router's declarative mode does the matching, links and hooks; this does what
 * its data router did for us, in a fraction of the code (the data router alone is
 * about 17 kB gzip, see README "Performance"): on every history change it runs the
 * matching route's loader and downloads its view together, keeps the current page
 * on screen (with `pending` set) until both have arrived, follows redirects, and
 * drops a navigation that a newer one overtook.
 */
export class Navigator {
  private state: NavigatorState;
  private readonly listeners = new Set<() => void>();
  private latest = 0;

  constructor(
    readonly history: AppHistory,
    private readonly routes: RouteObject[],
  ) {
    this.state = { location: history.location, action: history.action, navigation: 0, page: { status: 'loading' }, pending: history.location };
    history.listen(({ action, location }) => {
      // Where the reader is on the page they are leaving, read now: a scroll event
      // still on its way would land after the next page has taken over.
      rememberScroll();
      void this.load(action, location);
    });
    void this.load(history.action, history.location);
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): NavigatorState => this.state;

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
    const match = matchRoutes(this.routes, location)?.at(-1);
    const route = match?.route.handle as ReaderRoute<unknown> | undefined;
    let page: PageState;
    if (!route || !match) {
      // A route without a loader (the not-found page) renders as it is.
      page = { status: 'ready', data: null, View: null };
    } else {
      const url = new URL(`${location.pathname}${location.search}${location.hash}`, window.location.origin);
      try {
        const [data, View] = await Promise.all([route.loader({ params: match.params, request: new Request(url) }), loadView(route)]);
        if (data instanceof RouteRedirect) throw data;
        page = { status: 'ready', data, View };
      } catch (error) {
        if (error instanceof RouteRedirect) {
          clearTimeout(showPending);
          if (navigation === this.latest) this.history.replace(error.to);
          return;
        }
        page = { status: 'failed', error };
      }
    }
    clearTimeout(showPending);
    // A newer navigation has started: this one's result is no longer wanted.
    if (navigation !== this.latest) return;
    this.set({ location, action, navigation, page, pending: null });
  }
}
