// The stylesheets and scripts a server-rendered page needs beyond index.html's: its
// view's chunk and the lazy parts the server rendered with it (the topic's footer, a
// post's code). The browser would fetch them when the app asks for the view, after the
// page is painted, and the page would change under the reader as their styles arrived.
// Read from the build's manifest (dist/.vite/manifest.json).
import type { PageName } from '../../src/lib/reader-routes';

type ManifestChunk = { file: string; css?: string[]; imports?: string[]; dynamicImports?: string[] };
export type Manifest = Record<string, ManifestChunk>;

/**
 * Each page's view module, as src/app/page-views.ts imports it. A view the build merged
 * into the app's chunk (the topic's) has no entry of its own; one that is neither fails
 * at start-up (see checkViewModules), so a rename cannot pass unnoticed.
 */
export const VIEW_MODULES = {
  forum: 'src/features/forum-index/components/forum-index-page.tsx',
  board: 'src/app/routes/board-route-view.tsx',
  topic: 'src/app/routes/topic-route-view.tsx',
  post: null,
  print: 'src/app/routes/print-route-view.tsx',
  search: 'src/app/routes/search-route-view.tsx',
} as const satisfies { readonly [N in PageName]: string | null };

/**
 * `styles`: what the page's first paint needs (its view's own and what the view imports),
 * for the head. `lateStyles`: the lazy parts' (the topic's footer, error pages' trail, a
 * lightbox), for the end of the body, where they block nothing above them: what the
 * server rendered of those is at the bottom of the page, and the rest only shows later.
 * `scripts`: the view's chunk, to preload.
 */
export type PageAssets = { styles: string[]; lateStyles: string[]; scripts: string[] };

/**
 * What `page` needs that index.html does not name (`announced`: the files it names).
 */
export function pageAssets(manifest: Manifest, page: PageName | null, announced: ReadonlySet<string>): PageAssets {
  const appChunks = Object.keys(manifest).filter((key) => announced.has(`/${manifest[key]?.file ?? ''}`));
  const module = page ? VIEW_MODULES[page] : null;
  const styles = new Set<string>();
  const lateStyles = new Set<string>();
  const seen = new Set<string>();
  // The other pages' views are the entry's lazy imports too: never this page's.
  const views: ReadonlyArray<string | null> = Object.values(VIEW_MODULES);
  const otherViews = new Set(views.filter((view): view is string => view !== null && view !== module));
  const visit = (key: string, lazy: boolean) => {
    if (otherViews.has(key)) return;
    const mark = `${lazy ? 'lazy' : 'now'} ${key}`;
    if (seen.has(mark)) return;
    seen.add(mark);
    const chunk = manifest[key];
    if (!chunk) return;
    for (const css of chunk.css ?? []) if (!announced.has(`/${css}`)) (lazy ? lateStyles : styles).add(`/${css}`);
    for (const next of chunk.imports ?? []) visit(next, lazy);
    for (const next of chunk.dynamicImports ?? []) visit(next, true);
  };
  // A view the build merged into the app chunk is covered by the app chunk's own.
  if (module && manifest[module]) visit(module, false);
  for (const key of appChunks) visit(key, false);
  for (const css of styles) lateStyles.delete(css);
  const own = module ? manifest[module] : undefined;
  const scripts = own && !announced.has(`/${own.file}`) ? [`/${own.file}`] : [];
  return { styles: [...styles], lateStyles: [...lateStyles], scripts };
}

/** Throws, naming it, when a view module is not in the build (renamed, or merged away unexpectedly). */
export function checkViewModules(manifest: Manifest): void {
  for (const [page, module] of Object.entries(VIEW_MODULES)) {
    // The topic's view is one of the app chunk's roots (vite.config.ts, APP_ROOTS).
    if (module && page !== 'topic' && !manifest[module]) {
      throw new Error(`server/render/view-assets.ts: the ${page} view (${module}) is not in the build's manifest; update VIEW_MODULES.`);
    }
  }
}
