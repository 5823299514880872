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

export type PageAssets = { styles: string[]; scripts: string[] };

/** The chunk a module was built into: its own entry, or the app chunk that holds it. */
function chunkKeyOf(manifest: Manifest, module: string, appChunks: readonly string[]): string[] {
  return manifest[module] ? [module] : [...appChunks];
}

/**
 * What `page` needs that index.html does not name (`announced`: the files it names):
 * the CSS of its view and of everything the view may load lazily, and its view's script.
 */
export function pageAssets(manifest: Manifest, page: PageName | null, announced: ReadonlySet<string>): PageAssets {
  const appChunks = Object.keys(manifest).filter((key) => announced.has(`/${manifest[key]?.file ?? ''}`));
  const module = page ? VIEW_MODULES[page] : null;
  const roots = module ? chunkKeyOf(manifest, module, appChunks) : appChunks;
  const styles = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) return;
    for (const css of chunk.css ?? []) if (!announced.has(`/${css}`)) styles.add(`/${css}`);
    for (const next of [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])]) visit(next);
  };
  // Lazy parts of the app chunk render on every page (the footer's board list, keyboard help).
  for (const root of [...roots, ...appChunks]) visit(root);
  const own = module ? manifest[module] : undefined;
  const scripts = own && !announced.has(`/${own.file}`) ? [`/${own.file}`] : [];
  return { styles: [...styles], scripts };
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
