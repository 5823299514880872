// Names, titles and subjects are written by the forum's members, not by us: they may
// carry bidi controls (U+202E would reverse the rest of a line) and any length (a 1 MB
// title froze the page for 89 s). SMF keeps each under 256 characters, so a clamp at
// 300 never shortens a real one, and nothing longer is worth laying out.
const MAX_SHOWN = 300;

/** `text` cut to what a page shows, with an ellipsis when cut. */
export function clampText(text: string): string {
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}

/**
 * Forum text inside a line of ours: clamped, and in `<bdi>`, which isolates its
 * direction so neither its controls nor its right-to-left letters reorder the words
 * around it ("Started by X · 1 reply"). Screen readers read it as plain text.
 */
export function UntrustedText({ children }: { children: string }) {
  return <bdi>{clampText(children)}</bdi>;
}
