// Benchmark of the mock forum's search (mocks/db/search.ts) over the whole forum,
// the 10,000-post topic included: the first query (which builds the index) on its own,
// then ~20 varied queries, each run RUNS times, as median and p95.
//   npx tsx test/bench/search-bench.ts [runs]
import { performance } from 'node:perf_hooks';
import { buildForum } from '../../mocks/db/build-forum';
import { searchPosts } from '../../mocks/db/search';

const RUNS = Number(process.argv[2] ?? 25);
const BASE = 'http://localhost/api';
const BUDGET_MS = 100;

// Common and rare words, several words, words only in subjects or only in quotes, a
// word on every page of the huge topic, non-Latin text, no hits, late pages.
const QUERIES: [q: string, page: number][] = [
  ['korean', 1],
  ['North Korean troops', 1],
  ['the', 1],
  ['the', 500],
  ['a', 1],
  ['never-ending', 1],
  ['never-ending', 400],
  ['dividend', 1],
  ['dividend report', 1],
  ['market rates', 1],
  ['emerging market ETFs', 1],
  ['central bank holds rates', 1],
  ['attachment deleted by admin', 1],
  ['script alert', 1],
  ['[b]', 1],
  ['مرحباً', 1],
  ['café', 1],
  ['zzqqxxnotaword', 1],
  ['cold email churn', 1],
  ['Seoul Calls for Immediate Withdrawal of North Korean Troops from Russia Amid', 1],
];

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
}

const ms = (n: number) => `${n.toFixed(2).padStart(8)} ms`;

function time<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const value = fn();
  return [value, performance.now() - t0];
}

console.log(`search bench — ${QUERIES.length} queries × ${RUNS} runs (node ${process.version})`);
const [forum, buildMs] = time(() => buildForum());
console.log(`forum build (not search)            ${ms(buildMs)}`);
const [first, firstMs] = time(() => searchPosts(forum, 'korean', 1, BASE));
if (!first.ok) throw new Error(`first query failed: ${first.message}`);
console.log(`first query, builds the index       ${ms(firstMs)}`);
console.log('');
console.log(`${'query'.padEnd(46)} ${'page'.padStart(4)} ${'hits'.padStart(6)} ${'median'.padStart(11)} ${'p95'.padStart(11)}`);

const all: number[] = [];
for (const [q, page] of QUERIES) {
  const times: number[] = [];
  let hits = 0;
  for (let i = 0; i < RUNS; i++) {
    const [answer, t] = time(() => searchPosts(forum, q, page, BASE));
    if (!answer.ok) throw new Error(`"${q}" page ${page} failed: ${answer.message}`);
    hits = answer.value.page.totalItems;
    times.push(t);
  }
  all.push(...times);
  times.sort((a, b) => a - b);
  const label = q.length > 44 ? `${q.slice(0, 43)}…` : q;
  console.log(`${label.padEnd(46)} ${String(page).padStart(4)} ${String(hits).padStart(6)} ${ms(quantile(times, 0.5))} ${ms(quantile(times, 0.95))}`);
}

all.sort((a, b) => a - b);
const p95 = quantile(all, 0.95);
console.log('');
console.log(`all queries: median ${ms(quantile(all, 0.5))}, p95 ${ms(p95)}, max ${ms(all[all.length - 1] ?? NaN)}`);
console.log(p95 < BUDGET_MS ? `within the ${BUDGET_MS} ms budget` : `OVER the ${BUDGET_MS} ms budget`);
process.exitCode = p95 < BUDGET_MS ? 0 : 1;
