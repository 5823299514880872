// A large SMF 2.1 forum for the server benchmark, generated deterministically (one
// seeded PRNG, consumed in a fixed order: the same options give the same bytes) and
// written in SMF's stored format: escaped subjects and names, bodies as Post2 and
// preparsecode store them (stored-text-encode.ts), unix times, counters that agree with
// the rows, guest permissions, post-count groups and attachment rows (no files).
//
// The rows go to tab-separated files in the one text format that MariaDB's
// LOAD DATA and PostgreSQL's COPY both read (tab between fields, backslash escapes,
// \N for NULL), so one generation serves both databases. Loading is the databases'
// own bulk paths, because a million rows through INSERT statements would take longer
// than the benchmark itself:
// - MariaDB: LOAD DATA LOCAL INFILE into empty tables, one transaction per table with
//   unique_checks and foreign_key_checks off, which lets InnoDB build the secondary
//   indexes by sorting at commit instead of row by row (MDEV-24621);
// - PostgreSQL: COPY … FROM '<file>' as the superuser (the server is local and runs as
//   its own OS user, so the files are made readable to it), with the secondary indexes
//   dropped first and rebuilt afterwards by the definitions PostgreSQL reports for
//   them, and FREEZE, so the first reads do not rewrite every page to set hint bits.
// Then SMF's full-text index (smfFulltextIndexDdl, what its admin panel creates) and
// the statistics (ANALYZE; VACUUM on PostgreSQL for the visibility map, as autovacuum
// would have done on a live forum).
import { createHash } from 'node:crypto';
import { chmodSync, closeSync, createReadStream, openSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { createConnection } from 'mysql2/promise';
import type { ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import pg from 'pg';
import { POST_GROUPS, postGroupFor } from '../seed/demo-forum';
import { smfFulltextIndexDdl } from '../seed/smf-ddl';
import { encodeBody, encodeTitle } from '../seed/stored-text-encode';
import type { TestDatabase } from '../test/test-database';

// ---- options and what the benchmark needs to know ----------------------------------

export interface GenerateOptions {
  /** Approved messages in all; default 1,000,000. */
  messages?: number;
  /** The PRNG seed; default 20_240_601. */
  seed?: number;
  /** Where the TSV files go (created by the caller; made readable to the database servers). */
  dir: string;
  /** Progress lines (to stderr, say); none by default. */
  log?: (line: string) => void;
}

/** A search word and how many message bodies hold it (counted while generating). */
export interface SearchWord {
  word: string;
  /** The share of messages it was put into. */
  share: number;
  posts: number;
}

export interface ForumFacts {
  messages: number;
  topics: number;
  members: number;
  boards: number;
  attachments: number;
  postsPerPage: number;
  topicsPerPage: number;
  /** The board with exactly `topics` topics (2,000 at full size). */
  bigBoard: { id: number; topics: number; pages: number };
  /** The one huge topic (20,000 posts at full size). */
  bigTopic: { id: number; posts: number; pages: number; firstMessageId: number; lastMessageId: number };
  /** Message ids of the big topic's second half, for post lookups deep in it. */
  deepPostIds: number[];
  words: SearchWord[];
  /** Both words of a two-word search and how many bodies hold both. */
  pair: { words: [string, string]; posts: number };
  /** Mean stored body length, in characters. */
  meanBodyLength: number;
}

export interface TableFile {
  /** SMF's table name without the prefix. */
  table: string;
  columns: readonly string[];
  path: string;
  rows: number;
}

export interface GeneratedForum {
  dir: string;
  files: TableFile[];
  facts: ForumFacts;
  generationMs: number;
}

// ---- a seeded PRNG ------------------------------------------------------------------

/** sfc32: small, fast, and good enough for test data; never Math.random. */
class Rng {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  constructor(seed: number) {
    this.#a = 0x9e3779b9;
    this.#b = 0x243f6a88;
    this.#c = 0xb7e15162;
    this.#d = seed >>> 0;
    // The first outputs of a fresh state are poorly mixed: throw them away.
    for (let i = 0; i < 15; i++) this.next();
  }

  /** A float in [0, 1). */
  next(): number {
    const a = this.#a;
    const b = this.#b;
    const c = this.#c;
    const d = this.#d;
    const t = (((a + b) | 0) + d) | 0;
    this.#d = (d + 1) | 0;
    this.#a = b ^ (b >>> 9);
    this.#b = (c + (c << 3)) | 0;
    this.#c = (((c << 21) | (c >>> 11)) + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** An integer in [lo, hi]. */
  between(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(list: readonly T[]): T {
    const value = list[this.int(list.length)];
    if (value === undefined) throw new Error('pick() from an empty list');
    return value;
  }

  /** A standard normal deviate (Box–Muller; the second value is dropped for simplicity). */
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }
}

/**
 * Vose's alias method: O(1) draws from a fixed discrete distribution. Bodies draw about a
 * hundred million words, so a binary search per draw would be most of the generation.
 */
class AliasTable {
  readonly #probability: Float64Array;
  readonly #alias: Uint32Array;

  constructor(weights: readonly number[]) {
    const n = weights.length;
    const total = weights.reduce((sum, w) => sum + w, 0);
    this.#probability = new Float64Array(n);
    this.#alias = new Uint32Array(n);
    const scaled = weights.map((w) => (w * n) / total);
    const small: number[] = [];
    const large: number[] = [];
    scaled.forEach((p, i) => (p < 1 ? small : large).push(i));
    while (small.length > 0 && large.length > 0) {
      const s = small.pop() ?? 0;
      const l = large.pop() ?? 0;
      this.#probability[s] = scaled[s] ?? 0;
      this.#alias[s] = l;
      scaled[l] = (scaled[l] ?? 0) + (scaled[s] ?? 0) - 1;
      ((scaled[l] ?? 0) < 1 ? small : large).push(l);
    }
    for (const i of [...small, ...large]) this.#probability[i] = 1;
  }

  draw(rng: Rng): number {
    const i = rng.int(this.#probability.length);
    return rng.next() < (this.#probability[i] ?? 1) ? i : (this.#alias[i] ?? 0);
  }
}

function zipfWeights(n: number, exponent: number): number[] {
  return Array.from({ length: n }, (_, k) => 1 / (k + 1) ** exponent);
}

// ---- words --------------------------------------------------------------------------

/**
 * The search words, each put into a fixed share of bodies and nowhere else (no filler
 * word contains one), so the benchmark knows how many hits each search has. Real words,
 * so PostgreSQL's English stemmer and MariaDB's tokenizer leave them whole.
 */
const SEARCH_WORDS: readonly { word: string; share: number }[] = [
  { word: 'carburetor', share: 0.05 },
  { word: 'gasket', share: 0.01 },
  { word: 'camshaft', share: 0.002 },
  { word: 'tachometer', share: 0.0002 },
];
/** The two-word search: a mid-frequency word with a frequent one. */
const PAIR: [string, string] = ['gasket', 'carburetor'];

// Roughly in order of frequency; the Zipf draw makes the first ones the most common.
const COMMON_WORDS = [...new Set(`the and that have with this from they would there their what about which when make like time
just know take people into year your good some could them other than then look only come over think also back after work
first well even want because these give most thanks really problem question answer forum post thread same issue still since
before right something anyone never always maybe though pretty little around better while again another where those both each
much many found used using tried trying works working should might must does done going getting seems looks thing things
every through without between under during point place part case fact idea help hope sure quite enough already actually
probably definitely exactly course least less more long last next different small large great high old new best bad easy
hard fast slow cheap price money buy sell sold bought order shop store model version update install setup power light water
heat cold warm noise sound speed weight size parts tool tools kit box garage weekend morning night today yesterday week month
years ago later soon check checked replace replaced fixed broken clean cleaned test tested manual photo picture link video
guide list reply replies member members topic board agree disagree opinion experience advice recommend suggest mention
remember forget wonder guess mean say said told asked wrote read seen heard bolt bolts nut washer spring valve piston chain
belt filter hose clamp wire fuse relay battery starter pump tank cable lever pedal frame wheel tyre tire rim spoke seat mirror
lamp bulb switch gauge dial screw thread oil fuel grease paint rust chrome steel alloy brass rubber plastic leather`.split(/\s+/).filter(Boolean))];

const ONSETS = ['b', 'br', 'c', 'ch', 'd', 'dr', 'f', 'fl', 'g', 'gr', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'pl', 'pr', 'r', 's', 'sh', 'st', 't', 'tr', 'v', 'w', 'z'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ou', 'y'];
const CODAS = ['', '', 'n', 'r', 'l', 's', 't', 'm', 'nd', 'st', 'rk', 'x'];

function syllableWord(rng: Rng, syllables: number): string {
  let word = '';
  for (let i = 0; i < syllables; i++) word += rng.pick(ONSETS) + rng.pick(VOWELS) + rng.pick(CODAS);
  return word;
}

function containsSearchWord(word: string): boolean {
  return SEARCH_WORDS.some((s) => word.includes(s.word));
}

/** The long tail of a forum's vocabulary: names, jargon, typos. */
function syntheticWords(rng: Rng, count: number): string[] {
  const common = new Set(COMMON_WORDS);
  const words = new Set<string>();
  while (words.size < count) {
    const word = syllableWord(rng, rng.between(2, 3));
    if (word.length >= 4 && !common.has(word) && !containsSearchWord(word)) words.add(word);
  }
  return [...words];
}

class Vocabulary {
  readonly #common: AliasTable;
  readonly #rare: AliasTable;
  readonly #rareWords: string[];

  constructor(rng: Rng) {
    this.#common = new AliasTable(zipfWeights(COMMON_WORDS.length, 1));
    this.#rareWords = syntheticWords(rng, 30_000);
    this.#rare = new AliasTable(zipfWeights(this.#rareWords.length, 1.1));
  }

  word(rng: Rng): string {
    return rng.next() < 0.78
      ? (COMMON_WORDS[this.#common.draw(rng)] ?? 'the')
      : (this.#rareWords[this.#rare.draw(rng)] ?? 'zorn');
  }

  rareWord(rng: Rng): string {
    return this.#rareWords[this.#rare.draw(rng)] ?? 'zorn';
  }

  sentence(rng: Rng, words: number): string[] {
    // A plain loop: this runs a hundred million times for a full-size forum.
    const out: string[] = [];
    for (let i = 0; i < words; i++) out.push(this.word(rng));
    return out;
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// ---- the forum's layout -------------------------------------------------------------

interface BoardSpec {
  id: number;
  category: number;
  parent: number;
  name: string;
  description: string;
  /** Relative share of the ordinary topics. */
  weight: number;
  /** Guests may not see it (SMF's member_groups without -1). */
  staffOnly?: boolean;
  redirect?: string;
}

const CATEGORIES = ['General', 'Workshop', 'Marketplace', 'Community', 'Archive'];

const BIG_BOARD_ID = 39;
const BIG_TOPIC_BOARD_ID = 27;

const BOARDS: readonly BoardSpec[] = [
  { id: 1, category: 1, parent: 0, name: 'Announcements', description: 'News from the team. Read these first.', weight: 0.2 },
  { id: 2, category: 1, parent: 0, name: 'Introductions', description: 'New here? Say hello & tell us what you ride.', weight: 1 },
  { id: 3, category: 1, parent: 0, name: 'General Discussion', description: 'Anything about old machines that fits nowhere else.', weight: 4 },
  { id: 4, category: 1, parent: 0, name: 'Forum Feedback', description: 'Bugs, ideas and "how do I…" about the forum itself.', weight: 0.5 },
  { id: 5, category: 1, parent: 3, name: "Newcomers' Questions", description: 'No question is too basic.', weight: 1.5 },
  { id: 40, category: 1, parent: 0, name: 'Club Website', description: 'Our homepage, events calendar and shop.', weight: 0, redirect: 'https://www.example.org/' },
  { id: 6, category: 2, parent: 0, name: 'Engines', description: 'Top ends, bottom ends, everything in between.', weight: 3 },
  { id: 16, category: 2, parent: 6, name: 'Diesel', description: 'Compression ignition & friends.', weight: 0.8 },
  { id: 17, category: 2, parent: 6, name: 'Two-Strokes', description: 'Ring-ding-ding.', weight: 0.6 },
  { id: 7, category: 2, parent: 0, name: 'Fuel Systems', description: 'Carbs, injection, tanks and taps.', weight: 2 },
  { id: 8, category: 2, parent: 0, name: 'Transmissions', description: 'Gearboxes, clutches, final drives.', weight: 1.5 },
  { id: 9, category: 2, parent: 0, name: 'Electrical', description: 'Sparks, charging, lighting <12V & 6V>.', weight: 2 },
  { id: 18, category: 2, parent: 9, name: 'Wiring Diagrams', description: 'Scans and redrawn diagrams.', weight: 0.4 },
  { id: 10, category: 2, parent: 0, name: 'Suspension & Brakes', description: 'Stopping and steering.', weight: 1.5 },
  { id: 11, category: 2, parent: 0, name: 'Bodywork & Paint', description: 'Rust, filler, primer, colour.', weight: 1 },
  { id: 12, category: 2, parent: 0, name: 'Tools & Garage', description: 'Workshops, jigs, lifts and tips.', weight: 1 },
  { id: 13, category: 2, parent: 0, name: 'Restoration Projects', description: 'Show us what you are working on.', weight: 2 },
  { id: 14, category: 2, parent: 13, name: 'Project Logs', description: 'Long-running build diaries.', weight: 1 },
  { id: 15, category: 2, parent: 14, name: 'Finished Builds', description: 'Done (for now).', weight: 0.5 },
  { id: 39, category: 2, parent: 0, name: 'Vintage Motorcycles', description: 'Pre-1980 bikes of every make.', weight: 0 },
  { id: 33, category: 2, parent: 0, name: "Buyers' Guides", description: 'What to look for before you buy.', weight: 0.7 },
  { id: 34, category: 2, parent: 0, name: 'Technical FAQ', description: 'The answers we keep giving.', weight: 0.3 },
  { id: 19, category: 3, parent: 0, name: 'For Sale', description: 'Parts and machines for sale. No dealers.', weight: 2.5 },
  { id: 20, category: 3, parent: 0, name: 'Wanted', description: 'Looking for something?', weight: 1 },
  { id: 21, category: 3, parent: 19, name: 'Free to a Good Home', description: 'Collection only, usually.', weight: 0.3 },
  { id: 22, category: 3, parent: 0, name: 'Price Check', description: "What's it worth?", weight: 0.6 },
  { id: 23, category: 3, parent: 0, name: 'Vendor Reviews', description: 'Good and bad experiences with suppliers.', weight: 0.8 },
  { id: 24, category: 4, parent: 0, name: 'Events & Meetups', description: 'Rallies, shows, ride-outs.', weight: 1 },
  { id: 25, category: 4, parent: 0, name: 'Road Trips', description: 'Ride reports with pictures.', weight: 1 },
  { id: 26, category: 4, parent: 0, name: 'Photo Gallery', description: 'Pictures, no questions.', weight: 1.2 },
  { id: 27, category: 4, parent: 0, name: 'Off-Topic', description: 'The pub. Be nice.', weight: 3 },
  { id: 28, category: 4, parent: 27, name: 'Games & Contests', description: 'Caption contests, guess the part.', weight: 0.5 },
  { id: 29, category: 4, parent: 0, name: 'Regional: North', description: 'Meetups and help up north.', weight: 0.5 },
  { id: 30, category: 4, parent: 0, name: 'Regional: South', description: 'Meetups and help down south.', weight: 0.5 },
  { id: 31, category: 4, parent: 0, name: 'Regional: East', description: 'Meetups and help out east.', weight: 0.4 },
  { id: 32, category: 4, parent: 0, name: 'Regional: West', description: 'Meetups and help out west.', weight: 0.4 },
  { id: 35, category: 5, parent: 0, name: 'Old Forum Archive 2008–2012', description: 'Read-only copy of the old forum.', weight: 2 },
  { id: 36, category: 5, parent: 0, name: 'Classifieds Archive', description: 'Expired adverts.', weight: 1 },
  { id: 37, category: 5, parent: 0, name: 'Trash Can', description: 'Where spam goes to die.', weight: 0.2 },
  { id: 38, category: 5, parent: 0, name: "Moderators' Room", description: 'Staff only.', weight: 0.3, staffOnly: true },
];


const FORUM_START = Date.UTC(2008, 0, 1) / 1000;
const FORUM_END = Date.UTC(2024, 11, 31) / 1000;
const BIG_TOPIC_START = Date.UTC(2011, 5, 1) / 1000;
const POSTS_PER_PAGE = 15;
const TOPICS_PER_PAGE = 20;

// ---- the TSV writer -----------------------------------------------------------------

type Cell = string | number | null;

const TSV_ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function tsvCell(value: Cell): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => TSV_ESCAPES[c] ?? c) : value;
}

/** Rows to a file, buffered: a million bodies through one write() each would crawl. */
class TsvWriter {
  readonly file: TableFile;
  #fd: number;
  #chunks: string[] = [];
  #buffered = 0;

  constructor(dir: string, table: string, columns: readonly string[]) {
    const path = join(dir, `${table}.tsv`);
    this.file = { table, columns, path, rows: 0 };
    this.#fd = openSync(path, 'w', 0o644);
  }

  row(values: readonly Cell[]): void {
    if (values.length !== this.file.columns.length) {
      throw new Error(`${this.file.table}: ${String(values.length)} values for ${String(this.file.columns.length)} columns`);
    }
    const line = `${values.map(tsvCell).join('\t')}\n`;
    this.#chunks.push(line);
    this.#buffered += line.length;
    this.file.rows++;
    if (this.#buffered > 4_000_000) this.#flush();
  }

  #flush(): void {
    if (this.#chunks.length > 0) writeSync(this.#fd, this.#chunks.join(''));
    this.#chunks = [];
    this.#buffered = 0;
  }

  close(): TableFile {
    this.#flush();
    closeSync(this.#fd);
    // The PostgreSQL server runs as its own OS user and reads the file itself.
    chmodSync(this.file.path, 0o644);
    return this.file;
  }
}

// ---- bodies -------------------------------------------------------------------------

interface QuoteSource {
  name: string;
  id: number;
  time: number;
}

const CODE_SNIPPETS = [
  'if (rpm > 6000 && temp < 90) { advance += 2; } // don\'t go past 38°',
  '<jet main="120" pilot="25"/>\n<needle clip="3"/>',
  'R1 = 4.7k, R2 = 10k -> Vout = 12 * 10 / (4.7 + 10) = 8.16 V',
  'torque: head nuts 22 ft-lb "in sequence", rocker cover 8 ft-lb',
];
const EMOJI = [' :)', ' ;)', ' :D', ' 🙂', ' 👍', ' 🔧'];

interface BodyPlan {
  /** Indexes into SEARCH_WORDS of the words this body must hold. */
  searchWords: number[];
  quote: QuoteSource | null;
}

/** A body as a member would type it (BBCode and all), 200–1,500 characters. */
function plainBody(rng: Rng, vocab: Vocabulary, plan: BodyPlan): string {
  const target = Math.min(1450, Math.max(200, Math.round(Math.exp(6.25 + 0.55 * rng.normal()))));
  const sentences: string[][] = [];
  let length = 0;
  while (length < target) {
    const words = vocab.sentence(rng, rng.between(5, 16));
    sentences.push(words);
    length += words.reduce((n, w) => n + w.length + 1, 1);
  }
  // Each search word goes into one random sentence at a random place.
  for (const index of plan.searchWords) {
    const word = SEARCH_WORDS[index]?.word ?? '';
    const sentence = sentences[rng.int(sentences.length)] ?? [];
    sentence.splice(rng.int(sentence.length + 1), 0, word);
  }
  const parts: string[] = [];
  if (plan.quote) {
    const q = plan.quote;
    parts.push(`[quote author=${q.name} link=msg=${String(q.id)} date=${String(q.time)}]${capitalise(vocab.sentence(rng, rng.between(4, 12)).join(' '))}.[/quote]\n`);
  }
  sentences.forEach((words, i) => {
    let text = capitalise(words.join(' '));
    const style = rng.next();
    if (style < 0.04) text = `[b]${text}[/b]`;
    else if (style < 0.06) text = `[i]${text}[/i]`;
    else if (style < 0.075) text += ` [url=https://www.example.org/${vocab.rareWord(rng)}/${String(rng.int(100_000))}]${vocab.rareWord(rng)}[/url]`;
    else if (style < 0.08) text = text.replace(/^(\S+)/, "$1 don't");
    parts.push(text + (rng.chance(0.15) ? '?' : rng.chance(0.05) ? '!' : '.'));
    parts.push(i % 3 === 2 ? '\n\n' : ' ');
  });
  const extra = rng.next();
  if (extra < 0.02) parts.push(`\n[code]${rng.pick(CODE_SNIPPETS)}[/code]`);
  else if (extra < 0.045) parts.push(`\n[list]\n[*]${vocab.sentence(rng, 3).join(' ')}\n[*]${vocab.sentence(rng, 4).join(' ')}\n[*]${vocab.sentence(rng, 2).join(' ')}\n[/list]`);
  else if (extra < 0.06) parts.push(`\n[img]https://img.example.org/${String(rng.int(1_000_000))}.jpg[/img]`);
  else if (extra < 0.1) parts.push(rng.pick(EMOJI));
  let body = parts.join('').trim();
  // Keep under the ceiling without cutting a search word or a tag: drop whole sentences.
  while (body.length > 1500 && sentences.length > 1) {
    const cut = body.lastIndexOf('. ', 1400);
    if (cut < 200) break;
    const tail = body.slice(cut + 1);
    if (SEARCH_WORDS.some((s) => tail.includes(s.word)) || tail.includes('[/')) break;
    body = body.slice(0, cut + 1);
  }
  return body;
}

// ---- generation ---------------------------------------------------------------------

function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

interface TopicPlan {
  board: number[];
  size: number[];
  start: number[];
  gapMean: number[];
  sticky: number[];
  locked: number[];
  title: string[];
}

export function generateForum(options: GenerateOptions): GeneratedForum {
  const started = performance.now();
  const log = options.log ?? (() => undefined);
  const total = options.messages ?? 1_000_000;
  if (!Number.isInteger(total) || total < 1_000 || total > 4_000_000) {
    throw new Error(`The forum needs 1,000 to 4,000,000 messages, not ${String(total)}.`);
  }
  const rng = new Rng(options.seed ?? 20_240_601);
  const vocab = new Vocabulary(rng);
  const dir = resolve(options.dir);
  // The PostgreSQL server (another OS user) has to reach the files.
  chmodSync(dir, 0o755);

  // Full size: one 20,000-post topic, one board of exactly 2,000 topics, 20,000 members.
  const bigTopicPosts = Math.min(20_000, Math.floor(total / 10));
  const bigBoardTopics = Math.min(2_000, Math.floor(total / 100));
  const memberCount = Math.min(20_000, Math.max(50, Math.floor(total / 50)));

  // ---- topics: board, size (long-tailed), start, pace -------------------------------
  const plan: TopicPlan = { board: [], size: [], start: [], gapMean: [], sticky: [], locked: [], title: [] };
  const topicTitle = (): string => {
    const words = vocab.sentence(rng, rng.between(3, 8));
    return capitalise(words.join(' ')) + (rng.chance(0.25) ? '?' : '');
  };
  // Lognormal sizes: median 5 posts, mean about 11, a tail into the thousands.
  const topicSize = (): number => Math.min(4_000, Math.max(1, Math.round(Math.exp(1.6 + 1.3 * rng.normal()))));
  const addTopic = (board: number, size: number, start?: number, gapMean?: number): void => {
    const gap = gapMean ?? Math.exp(Math.log(4 * 3600) + 1.2 * rng.normal());
    // More topics in later years, as forums grow; room left at the end for every post.
    const latest = FORUM_END - size * 120;
    const begin = start ?? Math.min(latest, FORUM_START + (FORUM_END - FORUM_START) * rng.next() ** 0.6);
    plan.board.push(board);
    plan.size.push(size);
    plan.start.push(Math.floor(begin));
    plan.gapMean.push(gap);
    plan.sticky.push(0);
    plan.locked.push(rng.chance(0.02) ? 1 : 0);
    plan.title.push(topicTitle());
  };

  let remaining = total;
  addTopic(BIG_TOPIC_BOARD_ID, bigTopicPosts, BIG_TOPIC_START, (FORUM_END - 86_400 - BIG_TOPIC_START) / bigTopicPosts);
  plan.title[0] = 'The endless garage thread: post what you did today';
  remaining -= bigTopicPosts;
  for (let i = 0; i < bigBoardTopics; i++) {
    // Leave at least one message for each big-board topic still to come.
    const size = Math.max(1, Math.min(topicSize(), remaining - (bigBoardTopics - i - 1)));
    addTopic(BIG_BOARD_ID, size);
    remaining -= size;
  }
  const ordinary = BOARDS.filter((b) => b.weight > 0);
  const boardDraw = new AliasTable(ordinary.map((b) => b.weight));
  while (remaining > 0) {
    const size = Math.min(topicSize(), remaining);
    addTopic(ordinary[boardDraw.draw(rng)]?.id ?? 3, size);
    remaining -= size;
  }
  const topicCount = plan.size.length;
  // A few stickies per board, as moderators pin rules and FAQs.
  const stickies = new Map<number, number>();
  for (let t = 1; t < topicCount; t++) {
    const board = plan.board[t] ?? 0;
    const n = stickies.get(board) ?? 0;
    if (n < 3 && rng.chance(0.002)) {
      plan.sticky[t] = 1;
      stickies.set(board, n + 1);
    }
  }
  log(`planned ${topicCount.toLocaleString('en')} topics`);

  // ---- message times, then ids in time order ----------------------------------------
  const msgTime = new Uint32Array(total);
  const msgTopic = new Uint32Array(total);
  let index = 0;
  for (let t = 0; t < topicCount; t++) {
    const size = plan.size[t] ?? 1;
    const gapMean = plan.gapMean[t] ?? 3600;
    let time = plan.start[t] ?? FORUM_START;
    for (let k = 0; k < size; k++) {
      // Strictly rising within a topic, and never past the end with posts still to come.
      time = Math.min(time, FORUM_END - (size - k));
      msgTime[index] = time;
      msgTopic[index] = t;
      index++;
      time += Math.max(1, Math.round(rng.exponential(gapMean)));
    }
  }
  // Sorting (time, generation order) as one exact float: times < 2^31 and
  // total ≤ 4,000,000 < 2^22, so the key stays below 2^53.
  const keys = new Float64Array(total);
  for (let i = 0; i < total; i++) keys[i] = (msgTime[i] ?? 0) * total + i;
  keys.sort();
  log('ordered messages by time');

  // ---- members ------------------------------------------------------------------------
  const memberNames: string[] = [''];
  const usedNames = new Set<string>();
  for (let m = 1; m <= memberCount; m++) {
    let name = capitalise(syllableWord(rng, rng.between(2, 3)));
    if (rng.chance(0.3)) name += String(rng.between(1, 99));
    if (rng.chance(0.1)) name = `${name}_${capitalise(syllableWord(rng, 2))}`;
    while (usedNames.has(name)) name += String(rng.int(10));
    usedNames.add(name);
    memberNames.push(name);
  }
  // About 70% of members ever post; who posts most is a Zipf draw over a shuffled order.
  const posters = Array.from({ length: memberCount }, (_, i) => i + 1);
  for (let i = posters.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [posters[i], posters[j]] = [posters[j] ?? 0, posters[i] ?? 0];
  }
  posters.length = Math.max(1, Math.floor(memberCount * 0.7));
  const posterDraw = new AliasTable(zipfWeights(posters.length, 0.8));
  const memberPosts = new Uint32Array(memberCount + 1);
  const memberFirst = new Uint32Array(memberCount + 1).fill(FORUM_END);
  const memberLast = new Uint32Array(memberCount + 1);

  // ---- the pass over messages in id order --------------------------------------------
  const topicId = new Uint32Array(topicCount);
  const topicSeen = new Uint32Array(topicCount);
  const topicFirstMsg = new Uint32Array(topicCount);
  const topicLastMsg = new Uint32Array(topicCount);
  const topicFirstMember = new Uint32Array(topicCount);
  const topicLastMember = new Uint32Array(topicCount);
  const topicLastTime = new Uint32Array(topicCount);
  const boardPosts = new Map<number, number>();
  const boardTopics = new Map<number, number>();
  const boardLast = new Map<number, number>();
  const wordPosts = SEARCH_WORDS.map(() => 0);
  let pairPosts = 0;
  let bodyChars = 0;
  let nextTopicId = 1;
  let nextAttach = 1;
  const deepPostIds: number[] = [];

  const messages = new TsvWriter(dir, 'messages', [
    'id_msg', 'id_topic', 'id_board', 'poster_time', 'id_member', 'id_msg_modified', 'subject', 'poster_name', 'poster_email',
    'poster_ip', 'smileys_enabled', 'modified_time', 'modified_name', 'modified_reason', 'body', 'icon', 'approved', 'likes',
  ]);
  const attachments = new TsvWriter(dir, 'attachments', [
    'id_attach', 'id_thumb', 'id_msg', 'id_member', 'id_folder', 'attachment_type', 'filename', 'file_hash', 'fileext', 'size',
    'downloads', 'width', 'height', 'mime_type', 'approved',
  ]);
  const encodedNames = memberNames.map((n) => encodeTitle(n));
  const encodedTitles = plan.title.map((t) => encodeTitle(t));
  const pairIndexes = PAIR.map((w) => SEARCH_WORDS.findIndex((s) => s.word === w));

  for (let rank = 0; rank < total; rank++) {
    const key = keys[rank] ?? 0;
    const original = key % total;
    const time = (key - original) / total;
    const t = msgTopic[original] ?? 0;
    const id = rank + 1;
    const position = topicSeen[t] ?? 0;
    topicSeen[t] = position + 1;
    const board = plan.board[t] ?? 0;

    const guest = rng.chance(0.015);
    const member = guest ? 0 : (posters[posterDraw.draw(rng)] ?? 1);
    const name = guest ? `${capitalise(vocab.rareWord(rng))} (guest)` : (memberNames[member] ?? '');
    const storedName = guest ? encodeTitle(name) : (encodedNames[member] ?? '');

    if (position === 0) {
      topicId[t] = nextTopicId++;
      topicFirstMsg[t] = id;
      topicFirstMember[t] = member;
      boardTopics.set(board, (boardTopics.get(board) ?? 0) + 1);
    }
    const quote = position > 0 && rng.chance(0.12)
      ? { name: memberNames[topicLastMember[t] ?? 0] || 'Guest', id: topicLastMsg[t] ?? 0, time: topicLastTime[t] ?? 0 }
      : null;
    topicLastMsg[t] = id;
    topicLastMember[t] = member;
    topicLastTime[t] = time;
    boardPosts.set(board, (boardPosts.get(board) ?? 0) + 1);
    boardLast.set(board, id);
    if (member > 0) {
      memberPosts[member] = (memberPosts[member] ?? 0) + 1;
      if (time < (memberFirst[member] ?? FORUM_END)) memberFirst[member] = time;
      memberLast[member] = time;
    }
    if (t === 0 && position >= bigTopicPosts / 2 && deepPostIds.length < 2_000 && position % 5 === 0) deepPostIds.push(id);

    const chosen: number[] = [];
    SEARCH_WORDS.forEach((s, i) => {
      if (rng.next() < s.share) {
        chosen.push(i);
        wordPosts[i] = (wordPosts[i] ?? 0) + 1;
      }
    });
    if (pairIndexes.every((i) => chosen.includes(i))) pairPosts++;
    const body = encodeBody(plainBody(rng, vocab, { searchWords: chosen, quote }));
    bodyChars += body.length;
    const subject = position === 0 ? (encodedTitles[t] ?? '') : `Re: ${encodedTitles[t] ?? ''}`;
    const edited = rng.chance(0.05);
    const modifiedTime = edited ? time + rng.between(60, 3 * 86_400) : 0;
    messages.row([
      id, topicId[t] ?? 0, board, time, member, id, subject, storedName,
      guest ? '' : `${name.toLowerCase().replace(/[^a-z0-9]/g, '')}@example.invalid`, null, 1,
      modifiedTime, edited ? storedName : '', edited && rng.chance(0.3) ? 'typo' : '', body, 'xx', 1,
      rng.chance(0.1) ? rng.between(1, 12) : 0,
    ]);

    // Some posts carry files: images (half with a thumbnail row, which SMF stores right
    // after the image and points at with id_thumb) and documents. No files on disk.
    if (rng.chance(0.015)) {
      const count = rng.between(1, 3);
      for (let a = 0; a < count; a++) {
        const image = rng.chance(0.6);
        const attachId = nextAttach++;
        const thumb = image && rng.chance(0.5) ? nextAttach++ : 0;
        const width = image ? rng.between(400, 4000) : 0;
        const height = image ? rng.between(300, 3000) : 0;
        const file = image ? `IMG_${String(rng.between(1000, 9999))}.jpg` : `${vocab.rareWord(rng)}-manual.pdf`;
        attachments.row([
          attachId, thumb, id, 0, 1, 0, encodeTitle(file), sha1(`attachment-${String(attachId)}`), image ? 'jpg' : 'pdf',
          rng.between(20_000, 4_000_000), rng.int(500), width, height, image ? 'image/jpeg' : 'application/pdf', 1,
        ]);
        if (thumb > 0) {
          const scale = Math.min(1, 320 / width);
          attachments.row([
            thumb, 0, id, 0, 1, 3, encodeTitle(`${file}_thumb`), sha1(`thumbnail-${String(thumb)}`), 'jpg',
            rng.between(5_000, 40_000), 0, Math.round(width * scale), Math.round(height * scale), 'image/jpeg', 1,
          ]);
        }
      }
    }
    if (rank % 100_000 === 99_999) log(`generated ${(rank + 1).toLocaleString('en')} messages`);
  }
  const messagesFile = messages.close();

  // ---- members (post counts and registration known now) ------------------------------
  const members = new TsvWriter(dir, 'members', [
    'id_member', 'member_name', 'date_registered', 'posts', 'id_group', 'last_login', 'real_name', 'buddy_list', 'email_address',
    'signature', 'avatar', 'usertitle', 'id_post_group', 'ignore_boards', 'is_activated', 'additional_groups',
  ]);
  for (let m = 1; m <= memberCount; m++) {
    const posts = memberPosts[m] ?? 0;
    const first = posts > 0 ? (memberFirst[m] ?? FORUM_END) : FORUM_START + rng.int(FORUM_END - FORUM_START);
    const registered = Math.max(FORUM_START - 86_400, first - rng.int(30 * 86_400));
    const name = memberNames[m] ?? '';
    const avatarKind = rng.next();
    let avatar = '';
    if (avatarKind < 0.15) {
      const attachId = nextAttach++;
      attachments.row([
        attachId, 0, 0, m, 1, 0, encodeTitle(`avatar_${String(m)}.png`), sha1(`avatar-${String(m)}`), 'png', rng.between(2_000, 60_000), 0,
        96, 96, 'image/png', 1,
      ]);
    } else if (avatarKind < 0.25) {
      avatar = `https://avatars.example.org/${String(m)}.png`;
    } else if (avatarKind < 0.3) {
      avatar = `Vehicles/${rng.pick(['Car', 'Bike', 'Tractor', 'Scooter'])}.png`;
    }
    // Member 1 administers, 2–4 moderate the whole forum: SMF's groups 1 and 2.
    const group = m === 1 ? 1 : m <= 4 ? 2 : 0;
    members.row([
      m, name.toLowerCase(), registered, posts, group, Math.max(registered, memberLast[m] ?? 0) + rng.int(86_400), encodeTitle(name), '',
      `${name.toLowerCase().replace(/[^a-z0-9]/g, '')}${String(m)}@example.invalid`,
      rng.chance(0.2) ? encodeBody(`[i]${capitalise(vocab.sentence(rng, rng.between(3, 9)).join(' '))}[/i]`) : '',
      avatar, rng.chance(0.02) ? encodeTitle(capitalise(vocab.sentence(rng, 2).join(' '))) : '', postGroupFor(posts), '', 1, '',
    ]);
  }
  const attachmentsFile = attachments.close();
  const membersFile = members.close();

  // ---- topics -------------------------------------------------------------------------
  const topics = new TsvWriter(dir, 'topics', [
    'id_topic', 'is_sticky', 'id_board', 'id_first_msg', 'id_last_msg', 'id_member_started', 'id_member_updated', 'num_replies',
    'num_views', 'locked', 'approved', 'unapproved_posts',
  ]);
  // In id order, as SMF's rows are; only the generation order differs from it.
  const byTopicId = Array.from({ length: topicCount }, (_, t) => t).sort((a, b) => (topicId[a] ?? 0) - (topicId[b] ?? 0));
  for (const t of byTopicId) {
    const replies = (plan.size[t] ?? 1) - 1;
    topics.row([
      topicId[t] ?? 0, plan.sticky[t] ?? 0, plan.board[t] ?? 0, topicFirstMsg[t] ?? 0, topicLastMsg[t] ?? 0, topicFirstMember[t] ?? 0,
      topicLastMember[t] ?? 0, replies, Math.round(replies * (3 + 20 * rng.next())) + rng.between(10, 500), plan.locked[t] ?? 0, 1, 0,
    ]);
  }
  const topicsFile = topics.close();

  // ---- the small tables ---------------------------------------------------------------
  const categories = new TsvWriter(dir, 'categories', ['id_cat', 'cat_order', 'name', 'description', 'can_collapse']);
  CATEGORIES.forEach((name, i) => categories.row([i + 1, i, encodeTitle(name), '', 1]));

  const boards = new TsvWriter(dir, 'boards', [
    'id_board', 'id_cat', 'child_level', 'id_parent', 'board_order', 'id_last_msg', 'id_msg_updated', 'member_groups', 'id_profile',
    'name', 'description', 'num_topics', 'num_posts', 'count_posts', 'redirect', 'deny_member_groups',
  ]);
  const views = new TsvWriter(dir, 'board_permissions_view', ['id_group', 'id_board', 'deny']);
  const specs = new Map(BOARDS.map((b) => [b.id, b]));
  const level = (b: BoardSpec): number => {
    let n = 0;
    for (let p = specs.get(b.parent); p; p = specs.get(p.parent)) n++;
    return n;
  };
  BOARDS.forEach((b, order) => {
    const last = boardLast.get(b.id) ?? 0;
    boards.row([
      b.id, b.category, level(b), b.parent, order, last, last, b.staffOnly ? '2' : '-1,0', 1, encodeTitle(b.name),
      encodeTitle(b.description), boardTopics.get(b.id) ?? 0,
      // A redirect board counts its clicks in num_posts.
      b.redirect ? 12_345 : (boardPosts.get(b.id) ?? 0), 0, b.redirect ?? '', '',
    ]);
    if (!b.staffOnly) {
      views.row([-1, b.id, 0]);
      views.row([0, b.id, 0]);
    }
    views.row([2, b.id, 0]);
  });

  const boardPermissions = new TsvWriter(dir, 'board_permissions', ['id_group', 'id_profile', 'permission', 'add_deny']);
  for (const permission of ['view_attachments', 'poll_view']) boardPermissions.row([-1, 1, permission, 1]);
  for (const permission of ['view_attachments', 'poll_view', 'post_reply_any', 'post_new']) boardPermissions.row([0, 1, permission, 1]);
  const permissions = new TsvWriter(dir, 'permissions', ['id_group', 'permission', 'add_deny']);
  for (const permission of ['search_posts', 'calendar_view', 'view_stats', 'who_view']) permissions.row([-1, permission, 1]);

  const groups = new TsvWriter(dir, 'membergroups', ['id_group', 'group_name', 'description', 'online_color', 'min_posts', 'icons']);
  groups.row([1, 'Administrator', '', '#FF0000', -1, '5#iconadmin.png']);
  groups.row([2, 'Global Moderator', '', '#0000FF', -1, '5#icongmod.png']);
  groups.row([3, 'Moderator', '', '', -1, '5#iconmod.png']);
  for (const g of POST_GROUPS) groups.row([g.id_group, encodeTitle(g.group_name), '', '', g.min_posts, `${String(g.id_group - 3)}#icon.png`]);

  const settings = new TsvWriter(dir, 'settings', ['variable', 'value']);
  const settingValues: Record<string, string> = {
    smfVersion: '2.1.4',
    defaultMaxMessages: String(POSTS_PER_PAGE),
    defaultMaxTopics: String(TOPICS_PER_PAGE),
    search_results_per_page: '30',
    search_max_results: '1200',
    search_index: 'fulltext',
    allow_guestAccess: '1',
    censor_vulgar: '',
    censor_proper: '',
    censorWholeWord: '0',
    censorIgnoreCase: '1',
    // No files are written: a post's attachment rows are enough for the pages' JSON.
    attachmentUploadDir: JSON.stringify({ 1: '/nonexistent/lectern-bench-attachments' }),
    currentAttachmentUploadDir: '1',
    avatar_url: 'https://forum.example.org/avatars',
    custom_avatar_dir: '',
    custom_avatar_url: '',
    totalMessages: String(total),
    totalTopics: String(topicCount),
    totalMembers: String(memberCount),
    maxMsgID: String(total),
    latestMember: String(memberCount),
    latestRealName: encodedNames[memberCount] ?? '',
  };
  for (const [variable, value] of Object.entries(settingValues)) settings.row([variable, value]);

  const files = [
    categories.close(), boards.close(), views.close(), boardPermissions.close(), permissions.close(), groups.close(), settings.close(),
    membersFile, topicsFile, messagesFile, attachmentsFile,
  ];
  const bigTopicIndex = 0;
  const bigBoardTopicCount = boardTopics.get(BIG_BOARD_ID) ?? 0;
  const facts: ForumFacts = {
    messages: total,
    topics: topicCount,
    members: memberCount,
    boards: BOARDS.length,
    attachments: attachmentsFile.rows,
    postsPerPage: POSTS_PER_PAGE,
    topicsPerPage: TOPICS_PER_PAGE,
    bigBoard: { id: BIG_BOARD_ID, topics: bigBoardTopicCount, pages: Math.max(1, Math.ceil(bigBoardTopicCount / TOPICS_PER_PAGE)) },
    bigTopic: {
      id: topicId[bigTopicIndex] ?? 0,
      posts: bigTopicPosts,
      pages: Math.max(1, Math.ceil(bigTopicPosts / POSTS_PER_PAGE)),
      firstMessageId: topicFirstMsg[bigTopicIndex] ?? 0,
      lastMessageId: topicLastMsg[bigTopicIndex] ?? 0,
    },
    deepPostIds,
    words: SEARCH_WORDS.map((s, i) => ({ word: s.word, share: s.share, posts: wordPosts[i] ?? 0 })),
    pair: { words: PAIR, posts: pairPosts },
    meanBodyLength: Math.round(bodyChars / total),
  };
  return { dir, files, facts, generationMs: performance.now() - started };
}

// ---- loading ------------------------------------------------------------------------

export interface LoadTimings {
  /** Rows into the tables (with their keys; PostgreSQL: without secondary indexes). */
  rowsMs: number;
  /** Secondary indexes rebuilt (PostgreSQL; MariaDB builds them at commit, inside rowsMs). */
  indexesMs: number;
  /** SMF's full-text index. */
  fulltextMs: number;
  /** ANALYZE (and VACUUM on PostgreSQL). */
  analyzeMs: number;
  totalMs: number;
  /** Server settings changed for the load and the benchmark, to report. */
  notes: string[];
}

const PREFIX = 'smf_';

async function timed(work: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** Loads the generated rows into `database` (made by createTestDatabase, prefix smf_). */
export async function loadForum(database: TestDatabase, forum: GeneratedForum, log: (line: string) => void = () => undefined): Promise<LoadTimings> {
  return database.dialect === 'mysql' ? loadMariaDb(database, forum, log) : loadPostgres(database, forum, log);
}

async function loadMariaDb(database: TestDatabase, forum: GeneratedForum, log: (line: string) => void): Promise<LoadTimings> {
  const started = performance.now();
  const allowed = new Set(forum.files.map((f) => f.path));
  const connection = await createConnection({
    uri: database.adminUrl,
    charset: 'utf8mb4',
    // The server asks for the file named in LOAD DATA LOCAL; only ours are handed over.
    infileStreamFactory: (path: string): Readable => {
      if (!allowed.has(path)) throw new Error(`The server asked for ${path}, which is not a generated file.`);
      return createReadStream(path, { highWaterMark: 1 << 20 });
    },
  });
  const notes: string[] = [];
  try {
    // The private server starts with InnoDB's 128 MB buffer pool, a tenth of this forum's
    // messages: every read would go to disk (InnoDB bypasses the OS cache). A server
    // holding a forum this size is given room for it; the pool resizes online.
    const [poolRows] = await connection.query<RowDataPacket[]>('SELECT @@innodb_buffer_pool_size AS size');
    const poolBefore = Number(poolRows[0]?.size ?? 0);
    const poolWanted = 4 * 1024 ** 3;
    if (poolBefore < poolWanted) {
      await connection.query(`SET GLOBAL innodb_buffer_pool_size = ${String(poolWanted)}`);
      for (let i = 0; i < 600; i++) {
        const [rows] = await connection.query<RowDataPacket[]>('SELECT @@innodb_buffer_pool_size AS size');
        if (Number(rows[0]?.size ?? 0) >= poolWanted) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      notes.push(`innodb_buffer_pool_size raised from ${String(poolBefore / 1024 ** 2)} MB to ${String(poolWanted / 1024 ** 2)} MB (SET GLOBAL)`);
    }
    // A bigger redo log means fewer forced checkpoints during the load (dynamic since 10.9).
    try {
      await connection.query(`SET GLOBAL innodb_log_file_size = ${String(1024 ** 3)}`);
      notes.push('innodb_log_file_size set to 1024 MB (SET GLOBAL)');
    } catch {
      // An older server: the load is only slower.
    }
    await connection.query('SET SESSION unique_checks = 0, foreign_key_checks = 0');

    const rowsMs = await timed(async () => {
      for (const file of forum.files) {
        const at = performance.now();
        // One transaction per empty table: InnoDB's bulk insert sorts the secondary
        // index entries and writes them at commit, instead of one B-tree insert a row.
        await connection.query('START TRANSACTION');
        const [result] = await connection.query<ResultSetHeader>(
          `LOAD DATA LOCAL INFILE ${connection.escape(file.path)} INTO TABLE ${PREFIX}${file.table} CHARACTER SET utf8mb4 `
          + "FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' "
          + `(${file.columns.join(', ')})`,
        );
        await connection.query('COMMIT');
        // LOCAL turns bad rows into warnings and skips them; a benchmark on a forum that
        // silently lost rows would measure the wrong thing.
        if (result.affectedRows !== file.rows || result.warningStatus > 0) {
          const [warnings] = await connection.query<RowDataPacket[]>('SHOW WARNINGS LIMIT 5');
          throw new Error(`${file.table}: loaded ${String(result.affectedRows)} of ${String(file.rows)} rows, `
            + `${String(result.warningStatus)} warnings: ${JSON.stringify(warnings)}`);
        }
        if (file.rows > 10_000) log(`  ${file.table}: ${file.rows.toLocaleString('en')} rows in ${seconds(performance.now() - at)}`);
      }
    });
    const fulltextMs = await timed(async () => {
      for (const statement of smfFulltextIndexDdl('mysql', PREFIX)) await connection.query(statement);
    });
    log(`  full-text index in ${seconds(fulltextMs)}`);
    const analyzeMs = await timed(async () => {
      await connection.query(`ANALYZE TABLE ${forum.files.map((f) => PREFIX + f.table).join(', ')}`);
    });
    return { rowsMs, indexesMs: 0, fulltextMs, analyzeMs, totalMs: performance.now() - started, notes };
  } finally {
    await connection.end();
  }
}

async function loadPostgres(database: TestDatabase, forum: GeneratedForum, log: (line: string) => void): Promise<LoadTimings> {
  const started = performance.now();
  const connect = async (): Promise<pg.Client> => {
    const client = new pg.Client({ connectionString: database.adminUrl });
    await client.connect();
    // Index builds sort in memory when they can; the machine has room, the default 64 MB is for small servers.
    await client.query("SET maintenance_work_mem = '1GB'");
    return client;
  };
  const main = await connect();
  const notes = ['maintenance_work_mem 1 GB for the index builds (session only)'];
  try {
    const rebuild: { table: string; name: string; definition: string }[] = [];
    const rowsMs = await timed(async () => {
      for (const file of forum.files) {
        const at = performance.now();
        const table = PREFIX + file.table;
        await main.query('BEGIN');
        // Secondary indexes are rebuilt after the rows, from PostgreSQL's own account of
        // them: one sorted build each instead of a million B-tree inserts.
        if (file.rows > 10_000) {
          const { rows } = await main.query<{ name: string; definition: string }>(
            `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS definition
               FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
              WHERE x.indrelid = $1::regclass AND NOT x.indisprimary`,
            [table],
          );
          for (const index of rows) {
            await main.query(`DROP INDEX ${index.name}`);
            rebuild.push({ table: file.table, ...index });
          }
        }
        // FREEZE needs the table emptied in this transaction; it is empty anyway.
        await main.query(`TRUNCATE ${table}`);
        const result = await main.query(`COPY ${table} (${file.columns.join(', ')}) FROM '${file.path.replace(/'/g, "''")}' WITH (FORMAT text, FREEZE)`);
        await main.query('COMMIT');
        if (result.rowCount !== file.rows) throw new Error(`${file.table}: loaded ${String(result.rowCount)} of ${String(file.rows)} rows`);
        if (file.rows > 10_000) log(`  ${file.table}: ${file.rows.toLocaleString('en')} rows in ${seconds(performance.now() - at)}`);
      }
      // SMF's sequences continue after the highest id, as they would on a live forum.
      for (const [table, column] of [['categories', 'id_cat'], ['boards', 'id_board'], ['membergroups', 'id_group'], ['members', 'id_member'],
        ['topics', 'id_topic'], ['messages', 'id_msg'], ['attachments', 'id_attach']] as const) {
        await main.query(`SELECT setval('${PREFIX}${table}_seq', (SELECT MAX(${column}) FROM ${PREFIX}${table}))`);
      }
    });

    // The GIN build is single-threaded in PostgreSQL 15, B-tree builds use parallel
    // workers: running the full-text index beside them keeps both cores busy.
    const second = await connect();
    let indexesMs = 0;
    let fulltextMs = 0;
    try {
      const both = performance.now();
      await Promise.all([
        timed(async () => {
          for (const index of rebuild) await main.query(index.definition);
        }).then((ms) => {
          indexesMs = ms;
          log(`  ${String(rebuild.length)} secondary indexes in ${seconds(ms)}`);
        }),
        timed(async () => {
          for (const statement of smfFulltextIndexDdl('postgres', PREFIX)) await second.query(statement);
        }).then((ms) => {
          fulltextMs = ms;
          log(`  full-text index in ${seconds(ms)}`);
        }),
      ]);
      notes.push(`secondary and full-text indexes built side by side: ${seconds(performance.now() - both)} together`);
    } finally {
      await second.end();
    }
    const analyzeMs = await timed(async () => {
      await main.query('VACUUM (ANALYZE)');
    });
    return { rowsMs, indexesMs, fulltextMs, analyzeMs, totalMs: performance.now() - started, notes };
  } finally {
    await main.end();
  }
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
