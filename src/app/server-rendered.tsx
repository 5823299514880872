import { useEffect, type ReactNode } from 'react';
import { ServerRenderContext } from '../ui/server-render';

/**
 * The app as the server renders it and the browser hydrates it: one component for both,
 * so the two trees have the same shape (useId's ids come from the tree's shape, and a
 * different one gives every label and control other ids than the server's HTML has).
 */
export function ServerRendered({ now, children }: { now: number; children: ReactNode }) {
  return (
    <ServerRenderContext value={{ now }}>
      {children}
      <HydrationMark />
    </ServerRenderContext>
  );
}

/** Says on <html> that the server's page is live (hydrated): for styles that only apply before, and for tests. */
function HydrationMark() {
  useEffect(() => {
    document.documentElement.dataset.rendered = 'hydrated';
  }, []);
  return null;
}
