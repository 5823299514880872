// Benchmark of the post-body pipeline: parse, and parse + render to HTML, of a 1 MB body
// (every part of it, and the first part a reader is shown) and of a 15-post topic page with
// heavy markup; then the parser's µs per KB at 10 KB, 100 KB and 1 MB (parser-growth.ts).
// Median of N runs after a warm-up.
//   npx tsx test/bench/bbcode-bench.ts [runs]
import { register } from 'node:module';
import { performance } from 'node:perf_hooks';
import type { Attachment, Post } from '../../src/lib/api/schemas';

// PostBody imports its stylesheet; Node cannot load CSS, and the benchmark has no use
// for it, so .css modules load as empty ones.
register(
  'data:text/javascript,' +
    encodeURIComponent(
      'export async function load(url, context, next) {' +
        ' if (url.endsWith(".css")) return { format: "module", source: "", shortCircuit: true };' +
        ' return next(url, context); }',
    ),
);

const { createElement } = await import('react');
const { renderToString } = await import('react-dom/server');
const { parseAllParts, parseBbcode } = await import('../../src/lib/bbcode/parse');
const { measureParserGrowth, renderGrowthTable } = await import('./parser-growth');
const { PostBody } = await import('../../src/ui/post-body/post-body');

const RUNS = Number(process.argv[2] ?? 15);

const HEAVY = `[quote author=Dev Sunday link=topic=12.msg34#msg34 date=1729523940]
Seoul's call for an immediate withdrawal also reflects [b]concerns[/b] about [i]broader[/i] ambitions :)
[quote=Ann]Nested [u]quote[/u] with a link https://example.com/news/2024/10/21?ref=forum.[/quote]
[/quote]
I [color=red]disagree[/color], [size=4]strongly[/size]; see [url=https://example.org/analysis]this analysis[/url] ;D

[list type=decimal]
[*]First point with [b]bold[/b] and :o
[*]Second point, [url=/topic/5]internal link[/url]
[*]Third with [s]strike[/s] and [sup]sup[/sup]
[/list]

[table][tr][th]Country[/th][th]Troops[/th][/tr][tr][td]North[/td][td]12,000[/td][/tr][tr][td]South[/td][td]—[/td][/tr][/table]
[code=php]
<?php echo "[b]not bold[/b]"; ?>
[/code]
[center][img width=320 height=200 alt=Map]https://example.com/map.png[/img][/center]
[attach id=1]photo.jpg[/attach]
مرحبا بالعالم — שלום עולם 8) ::) :P

`;

function attachmentsFor(postId: number): Attachment[] {
  return [
    { id: 1, name: 'photo.jpg', state: 'available', url: `/att/${postId}/1`, thumbnailUrl: `/att/${postId}/1t`, width: 800, height: 600, mimeType: 'image/jpeg', sizeBytes: 120_000, downloads: 4 },
    { id: 2, name: 'report.pdf', state: 'available', url: `/att/${postId}/2`, mimeType: 'application/pdf', sizeBytes: 1_250_000, downloads: 17 },
    { id: 3, name: 'pending.zip', state: 'pending' },
  ];
}

function post(id: number, body: string): Post {
  return {
    id,
    number: id,
    subject: 'Re: benchmark',
    author: { id: 1, name: 'Bench' },
    postedAt: '2024-10-21T15:19:00Z',
    body,
    attachments: attachmentsFor(id),
  };
}

const megabyte = HEAVY.repeat(Math.ceil(1_000_000 / HEAVY.length)).slice(0, 1_000_000);
// A page: 15 posts, each several screens of heavy markup (~6 KB).
const page = Array.from({ length: 15 }, (_, i) => post(i + 1, HEAVY.repeat(6)));

function median(fn: () => void): number {
  fn(); // warm-up: JIT and caches
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? NaN;
}

const ms = (n: number) => `${n.toFixed(1).padStart(8)} ms`;
const big = post(999, megabyte);

console.log(`bbcode bench — median of ${RUNS} runs (node ${process.version})`);
console.log(`1 MB body (${megabyte.length.toLocaleString('en-US')} chars)`);
console.log(`  parse, every part                ${ms(median(() => parseAllParts(megabyte)))}`);
console.log(`  parse, first part               ${ms(median(() => parseBbcode(megabyte)))}`);
console.log(`  parse + render, as first shown  ${ms(median(() => renderToString(createElement(PostBody, { post: big }))))}`);
const pageChars = page.reduce((n, p) => n + p.body.length, 0);
console.log(`15-post page (${pageChars.toLocaleString('en-US')} chars of heavy markup)`);
console.log(`  parse                           ${ms(median(() => page.forEach((p) => parseBbcode(p.body))))}`);
console.log(
  `  parse + render                  ${ms(median(() => renderToString(createElement('main', null, page.map((p) => createElement(PostBody, { key: p.id, post: p }))))))}`,
);

console.log('');
console.log(renderGrowthTable(measureParserGrowth().rows));
