// The BBCode parser's cost per KB of body, at 10 KB, 100 KB and 1 MB, for ordinary bodies
// and for the worst pathological body found: flat figures across the sizes are linear
// growth. Every part of the body is parsed, as for a reader who shows them all; the first
// part alone (what a topic, its print view, saved copy or search result shows at once)
// costs the same whatever the body's length. Shared by `npm run bench` (app-bench.ts) and
// bbcode-bench.ts.
import { performance } from 'node:perf_hooks';
import { parseAllParts, parseBbcode } from '../../src/lib/bbcode/parse';
import { formatTable } from './format-table';

export const SIZES = [10_000, 100_000, 1_000_000] as const;

const PROSE =
  "South Korea's government has issued an urgent demand for the immediate withdrawal of troops, a move " +
  'that highlights growing regional tensions and a rapidly shifting geopolitical landscape. Observers ' +
  'note the risks to shipping; see https://example.com/analysis for more :)\n\n';

const MARKUP = `[quote author=Dev Sunday link=topic=12.msg34#msg34 date=1729523940]
Seoul's call for an immediate withdrawal also reflects [b]concerns[/b] about [i]broader[/i] ambitions :)
[quote=Ann]Nested [u]quote[/u] with a link https://example.com/news/2024/10/21?ref=forum.[/quote]
[/quote]
I [color=red]disagree[/color], [size=4]strongly[/size]; see [url=https://example.org/analysis]this analysis[/url] ;D

[list type=decimal]
[*]First point with [b]bold[/b] and :o
[*]Second point, [url=/topic/5]internal link[/url]
[/list]

[table][tr][th]Country[/th][th]Troops[/th][/tr][tr][td]North[/td][td]12,000[/td][/tr][/table]
[code=php]
<?php echo "[b]not bold[/b]"; ?>
[/code]
[center][img width=320 height=200 alt=Map]https://example.com/map.png[/img][/center]

`;

const repeated = (unit: string) => (size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

export const ORDINARY: ReadonlyArray<readonly [string, (size: number) => string]> = [
  ['ordinary: prose', repeated(PROSE)],
  ['ordinary: heavy markup', repeated(MARKUP)],
];

/** The shapes that were slow before (issue #12) and the densest the tag set allows. */
export const PATHOLOGICAL: ReadonlyArray<readonly [string, (size: number) => string]> = [
  ['a link, then `)` to the end', (size) => `http://a.example/${')'.repeat(size - 17)}`],
  ['a link, then `.` to the end', (size) => `http://a.example/${'.'.repeat(size - 18)}a`],
  ['`[code]` never closed', repeated('[code]')],
  ['`[table]`, then `[*]`', (size) => `${'[table]'.repeat(Math.floor(size / 14))}${'[*]'.repeat(Math.floor(size / 6))}`],
  ['`[list]`, then `[td]`', (size) => `${'[list]'.repeat(Math.floor(size / 12))}${'[td]'.repeat(Math.floor(size / 8))}`],
  ['`[b]` never closed', repeated('[b]')],
  ['`[quote][b][list][*]` nested', repeated('[quote][b][list][*]')],
  ['a line per character', repeated('x\n')],
  ['smileys', repeated(':) ')],
  ['links packed without spaces', repeated('"http://a.example/')],
  ['`[img]` after `[img]`', repeated('[img]https://a.example/x.png[/img]')],
  ['table cells', repeated('[td]a')],
  ['`[` after `[`', repeated('[')],
  ['`[url=` with a 1 KB value, never closed', repeated(`[url=${'a'.repeat(1_000)}`)],
];

/** The median of `runs` timings of `fn`, in ms, after one run to warm up. */
function medianMs(fn: () => void, runs: number): number {
  fn();
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[runs >> 1] as number;
}

const runsFor = (size: number) => (size >= 1_000_000 ? 7 : size >= 100_000 ? 21 : 101);

/** µs per KB (1 KB = 1,000 characters) to parse every part of `body`. */
function usPerKb(body: string): number {
  return (medianMs(() => parseAllParts(body), runsFor(body.length)) * 1000) / (body.length / 1000);
}

export type GrowthRow = { name: string; usPerKb: number[]; firstPartMs: number };

/** Finds the worst pathological body (at 100 KB) and measures it and the ordinary ones. */
export function measureParserGrowth(): { rows: GrowthRow[]; worst: string } {
  let worst = PATHOLOGICAL[0] as (typeof PATHOLOGICAL)[number];
  let worstCost = -1;
  for (const candidate of PATHOLOGICAL) {
    const cost = usPerKb(candidate[1](100_000));
    if (cost > worstCost) [worst, worstCost] = [candidate, cost];
  }
  const rows = [...ORDINARY, [`worst: ${worst[0]}`, worst[1]] as const].map(([name, make]): GrowthRow => {
    const largest = make(1_000_000);
    return {
      name,
      usPerKb: SIZES.map((size) => usPerKb(make(size))),
      firstPartMs: medianMs(() => parseBbcode(largest), 11),
    };
  });
  return { rows, worst: worst[0] };
}

export function renderGrowthTable(rows: readonly GrowthRow[]): string {
  return formatTable(
    [
      { title: 'BBCode parser, every part (µs per KB)' },
      ...SIZES.map((size) => ({ title: size >= 1_000_000 ? '1 MB' : `${size / 1000} KB`, align: 'right' as const })),
      { title: 'first part of 1 MB (ms)', align: 'right' },
    ],
    rows.map((row) => [row.name, ...row.usPerKb.map((us) => us.toFixed(1)), row.firstPartMs.toFixed(2)]),
  );
}
