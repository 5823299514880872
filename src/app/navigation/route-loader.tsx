import { createContext, use, useSyncExternalStore, type ReactNode } from 'react';
import { Router } from 'react-router-dom';
import { PageSkeleton } from '../page-skeleton';
import type { Navigator, NavigatorState } from './navigator';

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

/**
 * The page on screen: its view with the loader's data, a skeleton, or its failure page.
 * A failed loader's page is rendered here rather than thrown to an error boundary: the
 * server renderer has no error boundaries, and must send the same page the browser shows.
 */
export function PageOutlet({ failed }: { failed: (error: unknown) => ReactNode }) {
  const { page } = useNavigationInfo();
  if (page.status === 'loading') return <PageSkeleton />;
  if (page.status === 'failed') return failed(page.error);
  return page.render();
}
