// The half of the server renderer that runs the reader's own code: the route table, the
// pages' loaders and the views, exactly as the browser runs them. Vite builds it into
// dist-ssr/ (`npm run build`), because the reader's modules import CSS and read
// import.meta.env, which Node cannot. server/render/page-html.ts loads the build and
// writes the document around what this renders.
import { AsyncLocalStorage } from 'node:async_hooks';
import { dehydrate, type DehydratedState } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { prerender } from 'react-dom/static';
import { UNSAFE_createMemoryHistory as createMemoryHistory } from 'react-router-dom';
import { App } from '../../src/app/app';
import { Navigator, settlePage } from '../../src/app/navigation/navigator';
import { isRouteNotFound, RouteRedirect } from '../../src/app/navigation/route-outcome';
import { createPages } from '../../src/app/pages';
import { ServerRendered } from '../../src/app/server-rendered';
import { isApiError } from '../../src/lib/api/api-error';
import type { TopicResponse } from '../../src/lib/api/schemas';
import { setApiTransport } from '../../src/lib/api/transport';
import { setLocaleSource } from '../../src/lib/format/format';
import { createQueryClient } from '../../src/lib/query-client';
import { topicQueries } from '../../src/lib/api/queries';
import { matchReaderUrl, type PageName } from '../../src/lib/reader-routes';
import { readPrintRange } from '../../src/features/print/components/print-range';
import { errorMeta, pageMeta, type PageMeta } from './page-meta';

/** What the browser needs to hydrate the server's HTML: the same data, clock and locale. */
export type ServerState = {
  /** The minute the page was rendered at. */
  now: number;
  locale: string;
  queries: DehydratedState;
};

export type RenderRequest = {
  url: URL;
  /** The locale dates and numbers are written in (negotiated from Accept-Language). */
  locale: string;
  /** The server's clock, to the minute. */
  now: number;
};

export type Rendered =
  /** The route table's own redirects (old SMF links, `?page=1`) are permanent; a loader's (a post's topic) is not. */
  | { kind: 'redirect'; to: string; status: 301 | 302 }
  | {
      kind: 'page';
      status: number;
      /** The page the URL named; null for an address the reader has no page for. */
      state: ServerState;
      /** The page whose view was rendered (its stylesheets go in the head); null for an address with none. */
      view: PageName | null;
      meta: PageMeta;
      /** What React hoists to <head> (the view's <title>, preloads), for the document's head. */
      head: string;
      /** The app's HTML for #root, complete: no streamed fallbacks, whose swap would need an inline script. */
      html: string;
    };

/** The elements React writes ahead of a non-document root for <head>: the title, preloads. */
const HOISTED = /^(?:<title>[^<]*<\/title>|<(?:link|meta)\b[^>]*>)*/;

/** How many pages of a topic the print view's HTML holds: 300 posts. */
const SERVER_PRINT_PAGES = 20;

const requestLocale = new AsyncLocalStorage<string>();
setLocaleSource(() => requestLocale.getStore());

/**
 * Where the reader's API requests go on the server: the server's own routes, in-process.
 * One for the whole process (the transport is the client module's): a server has one API.
 */
export function answerApiWith(fetchApi: (request: Request) => Promise<Response>): void {
  setApiTransport((url, init) => fetchApi(new Request(new URL(url, 'http://lectern.internal'), init)));
}

/** The status a failed page answers with: the API's own, or what its kind of failure means. */
function statusOf(error: unknown): number {
  if (isRouteNotFound(error)) return 404;
  if (isApiError(error)) {
    if (error.kind === 'http' && error.status !== undefined) return error.status >= 500 ? (error.status === 501 ? 501 : 503) : error.status;
    if (error.kind === 'timeout' || error.kind === 'network') return 503;
  }
  return 500;
}

export async function renderPage({ url, locale, now }: RenderRequest): Promise<Rendered> {
  return requestLocale.run(locale, async () => {
    const match = matchReaderUrl(url);
    if ('redirect' in match) return { kind: 'redirect', to: match.redirect, status: 301 };
    const queryClient = createQueryClient();
    // One attempt: the API is in this process, and a failure is the page's answer.
    queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
    const pages = createPages(queryClient);
    const settled = await settlePage(pages, url);
    if (settled instanceof RouteRedirect) return { kind: 'redirect', to: settled.to, status: 302 };
    const history = createMemoryHistory({ initialEntries: [`${url.pathname}${url.search}`] });
    const navigator = new Navigator(history, pages, settled);
    // The print view shows every page: its first ones come with the HTML (for a reader
    // without JavaScript), and the browser loads the rest. Bounded, for the HTML's size.
    const printed = 'page' in match && match.page.name === 'print' ? match.page : null;
    if (settled.status === 'ready' && printed) {
      const first = queryClient.getQueryData<TopicResponse>(topicQueries.page(printed.topicId, 1).queryKey);
      // The pages `?from=&to=` name, or the whole topic: the same range the view reads.
      const { from, to } = readPrintRange(new URLSearchParams(url.search), first?.page.totalPages ?? 1);
      const last = Math.min(to, from + SERVER_PRINT_PAGES - 1);
      await Promise.all(
        Array.from({ length: last - from + 1 }, (_, i) => from + i)
          .filter((page) => page !== 1)
          .map((page) => queryClient.prefetchQuery(topicQueries.page(printed.topicId, page))),
      );
    }
    const state: ServerState = { now, locale, queries: dehydrate(queryClient) };
    const status = settled.status === 'failed' ? statusOf(settled.error) : 200;
    const page = 'page' in match ? match.page : null;
    // A topic's later page still describes the topic by its opening post (JSON-LD's `text`).
    // Fetched after the state is taken: the browser does not need it.
    if (status === 200 && page?.name === 'topic' && page.page > 1) {
      await queryClient.prefetchQuery(topicQueries.page(page.topicId, 1));
    }
    const meta = status === 200 && page ? pageMeta(queryClient, page) : errorMeta;
    // prerender, not a streaming render: it waits for every lazy part, so the HTML holds no
    // fallback whose later swap would need an inline script (which the CSP forbids). And no
    // boundary is split out to be revealed later (React does that to big ones by default):
    // the same swap, the same inline script.
    const { prelude } = await prerender(
      <StrictMode>
        <ServerRendered now={now}>
          <App queryClient={queryClient} navigator={navigator} />
        </ServerRendered>
      </StrictMode>,
      { progressiveChunkSize: Number.POSITIVE_INFINITY, onError: (error) => console.error('[lectern] server render', error) },
    );
    const rendered = await new Response(prelude).text();
    const hoisted = HOISTED.exec(rendered)?.[0] ?? '';
    return { kind: 'page', status, state, view: page?.name ?? null, meta, head: hoisted, html: rendered.slice(hoisted.length) };
  });
}
