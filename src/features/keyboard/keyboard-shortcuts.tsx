/** Keyboard reading (issue 4). Placeholder until it lands. */
export function KeyboardShortcuts() {
  return null;
}
