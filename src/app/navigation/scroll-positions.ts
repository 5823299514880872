// Where the reader was on each history entry (by its key), kept for the tab's life
// in sessionStorage so a reload and Back after it come back to the same place. Plain
// state, no React: the navigator records a position as a navigation starts, and
// ScrollRestoration places the page once it has rendered.
const STORAGE_KEY = 'lectern:scroll:v1';
const MAX_ENTRIES = 200;
let positions: Map<string, number> | null = null;
let currentKey: string | null = null;

function readPositions(): Map<string, number> {
  try {
    const saved: unknown = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '[]');
    if (Array.isArray(saved)) return new Map(saved.filter((entry): entry is [string, number] => Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'number'));
  } catch {
    // Storage off or garbled: start afresh, it only costs a scroll position.
  }
  return new Map();
}

// Read on first use, not at import: importing this module has no effects.
const stored = (): Map<string, number> => (positions ??= readPositions());

/** Writes the positions to sessionStorage, for a reload or Back after the page is left. */
export function savePositions(): void {
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify([...stored()].slice(-MAX_ENTRIES)));
  } catch {
    // Quota or privacy mode: positions still work in memory for this page's life.
  }
}

/** Records the scroll position of the page on screen, under its history entry. */
export function rememberScroll(): void {
  if (currentKey === null) return;
  const map = stored();
  map.delete(currentKey);
  map.set(currentKey, window.scrollY);
  if (map.size > MAX_ENTRIES) map.delete(map.keys().next().value ?? '');
}

/** The history entry now on screen, whose position `rememberScroll` records. */
export function showingEntry(key: string): void {
  currentKey = key;
}

/** Where the reader was on this history entry, if they have been there. */
export function savedPosition(key: string): number | undefined {
  return stored().get(key);
}
