import { createContext, use, useSyncExternalStore, type ComponentType, type ReactNode } from 'react';
import { Router, type Params } from 'react-router-dom';
import { PageSkeleton } from '../page-skeleton';
import type { Navigator, NavigatorState } from './navigator';

/** What a loader knows: the route's params and the URL (as a Request, so loaders read like the web platform). */
export type LoaderArgs = { params: Params; request: Request };

/** A page of the reader: a loader that gets its data into the query cache, and a view in its own chunk. */
export type ReaderRoute<T> = {
  loader: (args: LoaderArgs) => Promise<T> | T;
  /** Absent for routes that only ever redirect. */
  view?: () => Promise<ComponentType>;
};

/** Thrown (or returned) by a loader: go to `to` instead, replacing this address. */
export class RouteRedirect {
  constructor(readonly to: string) {}
}

/** Thrown by a loader for an address the reader has no page for. */
export class RouteNotFound extends Error {
  constructor() {
    super('Not found');
    this.name = 'RouteNotFound';
  }
}

export function isRouteNotFound(error: unknown): error is RouteNotFound {
  return error instanceof RouteNotFound;
}

const NavigatorContext = createContext<NavigatorState | null>(null);

/** Renders the app at the navigator's current (landed) location. */
export function AppRouter({ navigator, children }: { navigator: Navigator; children: ReactNode }) {
  const state = useSyncExternalStore(navigator.subscribe, navigator.getState, navigator.getState);
  return (
    <NavigatorContext value={state}>
      <Router navigator={navigator.history} location={state.location} navigationType={state.action}>
        {children}
      </Router>
    </NavigatorContext>
  );
}

/** The landed navigation: its number, how it came (push, replace, back/forward), and whether another is loading. */
export function useNavigationInfo(): NavigatorState {
  const state = use(NavigatorContext);
  if (state === null) throw new Error('useNavigationInfo needs an AppRouter above it');
  return state;
}

const LoaderDataContext = createContext<unknown>(undefined);

/** The element of every reader route: its view with the loader's data, a skeleton, or its failure (thrown to the error boundary). */
export function LoaderRoute() {
  const { page } = useNavigationInfo();
  if (page.status === 'loading') return <PageSkeleton />;
  if (page.status === 'failed') throw page.error;
  const { View } = page;
  return View ? (
    <LoaderDataContext value={page.data}>
      <View />
    </LoaderDataContext>
  ) : null;
}

/** The data the route's loader returned. */
export function useLoaderData<T>(): T {
  return use(LoaderDataContext) as T;
}
