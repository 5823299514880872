// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runs } from '../../../test/deep';
import { parseAllParts } from './parse';

// One post must never freeze the reader, its search snippets, its print view or its saved
// copy (all of them parse with parseBbcode): the parser's time grows linearly with the
// body, whatever the body is — every part of it, as a reader who shows them all gets. Checked by time, robustly: each size is parsed several times
// and its median taken; a body four times as long may take about four times as long plus
// a fixed allowance for noise; and a miss is measured again before it counts, since other
// test files share the CPU. A quadratic cost grows 16-fold and fails every attempt.

const RUNS = 5;
const ATTEMPTS = 3;
/** "About 4×": four times, with half as much again for caches and garbage collection. */
const GROWTH = 4 * 1.5;
const ALLOWANCE_MS = 30;

/** The median of several parses; a parse slower than `cap` ends the count there. */
function medianMs(body: string, cap = Infinity): number {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    parseAllParts(body);
    const time = performance.now() - start;
    if (time > cap) return time;
    times.push(time);
  }
  return times.sort((a, b) => a - b)[RUNS >> 1] as number;
}

type Growth = { small: number; large: number; limit: number };

/** Times the body at `size` characters and at four times that; null when it grew linearly. */
function nonLinearGrowth(body: (size: number) => string, size: number): Growth | null {
  const small = body(size);
  const large = body(4 * size);
  parseAllParts(small); // warm up: the first parse also compiles the code
  let worst: Growth | null = null;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const t1 = medianMs(small);
    const limit = GROWTH * t1 + ALLOWANCE_MS;
    // Far over the limit is no accident of timing: no need to wait for four more of those.
    const t4 = medianMs(large, 4 * limit);
    if (t4 <= limit) return null;
    worst = { small: t1, large: t4, limit };
  }
  return worst;
}

/** `unit` repeated up to about `size` characters. */
const repeated = (unit: string) => (size: number) => unit.repeat(Math.ceil(size / unit.length));

const SIZE = 10_000;

describe('the parser takes linear time', () => {
  it.each([
    ['a bare link followed by closing parentheses', (size: number) => `http://a.example/${')'.repeat(size)}`],
    ['a bare link followed by full stops and a letter', (size: number) => `http://a.example/${'.'.repeat(size)}a`],
    ['a bare link followed by alternating stops and parentheses', (size: number) => `http://a.example/${'.)'.repeat(size / 2)}`],
    ['code blocks that are never closed', repeated('[code]')],
    ['nobbc blocks that are never closed', repeated('[nobbc]')],
    ['list items after tables that never end', (size: number) => '[table]'.repeat(size / 14) + '[*]'.repeat(size / 6)],
    ['cells after lists that never end', (size: number) => '[list]'.repeat(size / 12) + '[td]'.repeat(size / 8)],
    ['rows after lists that never end', (size: number) => '[list]'.repeat(size / 12) + '[tr]'.repeat(size / 8)],
  ])('for %s', (_, body) => {
    expect(nonLinearGrowth(body, SIZE)).toBeNull();
  });

  it('for bodies built by repeating any pieces of BBCode (property)', () => {
    const piece = fc.constantFrom(
      ...['b', 'i', 'quote', 'code', 'nobbc', 'list', '*', 'li', 'table', 'tr', 'td', 'th', 'url', 'email', 'img', 'attach', 'youtube', 'center', 'size=7', 'color=red', 'url=/x', 'code=php'].flatMap(
        (tag) => [`[${tag}]`, `[/${tag.split('=')[0] as string}]`],
      ),
      'http://a.example/',
      '(',
      ')',
      '.',
      ',',
      ':)',
      ' ',
      '\n',
      '\n\n',
      'x',
      '[',
      ']',
      '=',
    );
    const unit = fc.array(piece, { minLength: 1, maxLength: 4 }).map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(unit, unit, unit, (a, b, c) => {
        // Three runs, one after another ("[table]"… then "[*]"…): openers that pile up
        // and the tags that then look back over them.
        const body = (size: number) => [a, b, c].map((u) => repeated(u)(size / 3)).join('');
        expect(nonLinearGrowth(body, 2 * SIZE)).toBeNull();
      }),
      // Timing is the point: a failure is reported as found, not shrunk by re-timing.
      // 25 bodies, 200 under test:deep: each run times parses of large bodies.
      { numRuns: runs(25, 200), endOnFailure: true },
    );
  }, 120_000);
});
