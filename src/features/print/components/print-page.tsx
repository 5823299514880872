/** The whole topic on one page for printing (issue 4). Placeholder until it lands. */
export function PrintPage() {
  return <h1>Print</h1>;
}
