/** Search results at /search?q= (issue 7). Placeholder until search lands. */
export function SearchPage() {
  return <h1>Search</h1>;
}
