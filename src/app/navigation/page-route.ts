import { createElement, type ComponentType, type ReactElement } from 'react';
import type { PageName, PageOf } from '../../lib/reader-routes';
import { RouteRedirect } from './route-outcome';

/** A page's view: its loader's data comes in as a typed prop. */
export type PageView<D> = ComponentType<{ data: D }>;

/** How one page of the reader loads: its loader and the view in its own chunk. */
type PageDefinition<N extends PageName, D> = {
  /** Gets the page's data into the query cache and returns what its view needs (or a redirect). */
  load: (page: PageOf<N>) => Promise<D | RouteRedirect>;
  /** Null for pages that only ever redirect. */
  view: (() => Promise<PageView<D>>) | null;
  /** Starts loading what the page shows, for a link the reader is about to follow. */
  prefetch?: (page: PageOf<N>) => void;
};

/** A page ready to show: renders its view with its data. */
export type LoadedPage = { render: () => ReactElement | null };

/** A page as the navigator runs it, its data type kept inside. */
export type PageRoute<N extends PageName> = {
  load: (page: PageOf<N>) => Promise<LoadedPage | RouteRedirect>;
  prefetch: (page: PageOf<N>) => void;
};

/** One route per page of the table: a page the table names but the app cannot show fails the typecheck. */
export type PageRoutes = { readonly [N in PageName]: PageRoute<N> };

/** A page's loader and view, joined so the view receives exactly what the loader returned. */
export function definePage<N extends PageName, D>({ load, view, prefetch }: PageDefinition<N, D>): PageRoute<N> {
  // Requested once; a failed download is forgotten so that "Try again" requests it anew.
  let chunk: Promise<PageView<D>> | undefined;
  const loadView = (): Promise<PageView<D> | null> => {
    if (!view) return Promise.resolve(null);
    if (!chunk) {
      chunk = view();
      chunk.catch(() => (chunk = undefined));
    }
    return chunk;
  };
  return {
    load: async (page) => {
      const [data, View] = await Promise.all([load(page), loadView()]);
      if (data instanceof RouteRedirect) return data;
      return { render: () => (View ? createElement(View, { data }) : null) };
    },
    prefetch: (page) => {
      // The view's code comes with the data (a no-op once loaded).
      loadView().catch(() => undefined);
      prefetch?.(page);
    },
  };
}
