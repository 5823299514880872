// How hard the tests try. `npm test` runs the quick loop: property tests make a modest
// number of runs, and the browser tests' biggest loads are cut down. `npm run test:deep`
// (LECTERN_DEEP=1) runs each property 10,000 times and the 10,000-post print checks in
// full: before a release, and after touching the BBCode parser or renderer, or the
// server's decoding of SMF's stored text.

/** True under `npm run test:deep`. */
export const deep = process.env.LECTERN_DEEP === '1';

/** The runs a deep pass makes of each property (unless a test asks for more by default). */
export const DEEP_RUNS = 10_000;

/**
 * fast-check's `numRuns`: `quick` in the everyday loop; under `npm run test:deep`,
 * `deepRuns` (10,000 unless a property is too costly for that), or `quick` if larger.
 */
export function runs(quick: number, deepRuns = DEEP_RUNS): number {
  return deep ? Math.max(quick, deepRuns) : quick;
}
