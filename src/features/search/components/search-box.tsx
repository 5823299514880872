/** The header's search box (issue 7). Placeholder until search lands. */
export function SearchBox() {
  return null;
}
