// SMF 2.1 stores what members type in an HTML-escaped form (Post2 runs htmlspecialchars,
// then preparsecode()). This module turns that stored form back into the contract's text:
// post bodies as plain BBCode with \n newlines, titles and names as plain text, and
// applies the forum's word censor the way SMF's censorText() does.
//
// The one rule that shapes everything below: SMF renders stored text as HTML, so a
// character stored as an entity (`&#91;`) is always shown as text and never takes part in
// BBCode, while the reader's BBCode parser sees only characters. Decoding therefore keeps,
// for every decoded character, whether it was stored as an entity ("literal") or as itself
// ("raw"), and writes the body so that no literal bracket can become part of a live tag in
// the reader (src/lib/bbcode/parse.ts).

/** A decoded string plus, for each UTF-16 unit, 1 if it was stored as an entity. */
interface Marked {
  readonly text: string;
  readonly lit: Uint8Array;
}

// ---------------------------------------------------------------------------------------
// Entities
// ---------------------------------------------------------------------------------------

// Numeric references 0x80–0x9F are C1 controls, which nobody means: browsers (HTML's
// "numeric character reference end state") show them as Windows-1252, and that is what
// readers of an SMF forum saw for text converted from old latin1/cp1252 boards
// (`&#146;` → ’). Holes in the table are left as the code point, as browsers do.
const WINDOWS_1252: Readonly<Record<number, number>> = {
  0x80: 0x20ac, 0x82: 0x201a, 0x83: 0x0192, 0x84: 0x201e, 0x85: 0x2026, 0x86: 0x2020,
  0x87: 0x2021, 0x88: 0x02c6, 0x89: 0x2030, 0x8a: 0x0160, 0x8b: 0x2039, 0x8c: 0x0152,
  0x8e: 0x017d, 0x91: 0x2018, 0x92: 0x2019, 0x93: 0x201c, 0x94: 0x201d, 0x95: 0x2022,
  0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02dc, 0x99: 0x2122, 0x9a: 0x0161, 0x9b: 0x203a,
  0x9c: 0x0153, 0x9e: 0x017e, 0x9f: 0x0178,
};

// `&nbsp;` becomes an ordinary space, not U+00A0. SMF writes it only so that HTML does
// not collapse a run of spaces the author typed (preparsecode: '  ' → '&nbsp; '), plus for
// a U+00A0 typed by the author, which it cannot tell apart afterwards; SMF's own editor
// (un_preparsecode) turns every `&nbsp;` back into ' '. The contract's body is the text the
// author typed, not HTML: keeping spaces visible is the renderer's job, and U+00A0 would
// break copying code out of a [code] block (indentation made of no-break spaces) and
// searching for words separated by it.
const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

// Only the named entities SMF itself writes (and &apos;) are decoded; any other `&name;`
// in stored text stays as typed. `<br>` (and the `<br />` of SMF 1.x and 2.0 data) is
// SMF's stored newline. A stored CR can only come from old data: CRLF or CR is a newline.
const STORED_TOKEN = /&(?:#(?:([0-9]+)|[xX]([0-9a-fA-F]+))|([a-z]+));|<[bB][rR]\s*\/?>|\r\n?/g;

function numericEntity(digits: string, radix: 10 | 16): string {
  let start = 0;
  while (start < digits.length - 1 && digits.charCodeAt(start) === 0x30) start++;
  // More digits than U+10FFFF has can only be out of range (and would lose precision).
  if (digits.length - start > (radix === 10 ? 7 : 6)) return '\uFFFD';
  const cp = Number.parseInt(digits.slice(start), radix);
  if (cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return '\uFFFD';
  // A CR stored as an entity (SMF writes `&#13;` for newlines inside [html]) is a newline
  // like any other CR.
  if (cp === 0x0d) return '\n';
  return String.fromCodePoint(WINDOWS_1252[cp] ?? cp);
}

/**
 * Decodes SMF's stored text exactly once: `&amp;lt;` becomes `&lt;` (the author typed
 * that), never `<`. Records which characters came from entities when `withLit` is set.
 */
function decodeStored(stored: string, breaks: boolean, withLit: boolean): Marked {
  const parts: string[] = [];
  const litRanges: number[] = [];
  let length = 0;
  let last = 0;
  STORED_TOKEN.lastIndex = 0;
  for (let m = STORED_TOKEN.exec(stored); m; m = STORED_TOKEN.exec(stored)) {
    let decoded: string;
    let literal = true;
    const token = m[0];
    if (m[1] !== undefined) decoded = numericEntity(m[1], 10);
    else if (m[2] !== undefined) decoded = numericEntity(m[2], 16);
    else if (m[3] !== undefined) {
      const named = NAMED[m[3]];
      if (named === undefined) continue;
      decoded = named;
    } else if (token.charCodeAt(0) === 0x3c) {
      if (!breaks) continue;
      decoded = '\n';
      literal = false;
    } else {
      decoded = '\n';
      literal = false;
    }
    if (m.index > last) {
      parts.push(stored.slice(last, m.index));
      length += m.index - last;
    }
    if (literal && withLit) litRanges.push(length, length + decoded.length);
    parts.push(decoded);
    length += decoded.length;
    last = m.index + token.length;
  }
  if (last === 0) return { text: stored, lit: new Uint8Array(withLit ? stored.length : 0) };
  parts.push(stored.slice(last));
  const text = parts.join('');
  const lit = new Uint8Array(withLit ? text.length : 0);
  for (let i = 0; i < litRanges.length; i += 2) lit.fill(1, litRanges[i], litRanges[i + 1]);
  return { text, lit };
}

// ---------------------------------------------------------------------------------------
// Writing the body: literal brackets stay text
// ---------------------------------------------------------------------------------------
//
// What SMF shows, case by case, and how the decoded BBCode reproduces it:
//
// - `[nobbc]&#91;b&#93;[/nobbc]` (what preparsecode stores for `[nobbc][b][/nobbc]`): SMF
//   shows `[b]` as text. Decoded as `[nobbc][b][/nobbc]`, which the reader shows the same
//   way, because a [nobbc] region is verbatim up to the first `[/nobbc]`.
// - An entity bracket outside any [nobbc] (SMF's own `&#91;` for a tag the member may not
//   use, `&#91;]` for `[]`, or a hostile import): SMF shows a `[`. Written as `[` only when
//   the next character cannot continue a tag (not `/`, a letter or `*`), else as
//   `[nobbc][[/nobbc]`, so `&#91;b&#93;` becomes `[nobbc][[/nobbc]b]`. An entity `]` is
//   written as `[nobbc]][/nobbc]` when a `[` is still open before it on its line, since it
//   could otherwise end that tag (`[b&#93;`).
// - A raw `[` whose tag name (or the `/` or `=` around it) contains an entity (`[&#98;]`):
//   SMF's parser does not see a tag there, so neither may the reader: the `[` is literal.
// - Text typed as the characters `&#91;` is stored `&amp;#91;` and decodes to `&#91;`.
// - A literal `[/nobbc]` inside a [nobbc] region would end the region early in the reader
//   (SMF cannot store one, except from `[nobbc][/nobbc]x[/nobbc]`, whose content is
//   `[/nobbc]x`): the region is closed before it, the bracket written alone, and reopened.
//   A literal `[/code]` inside [code] is split the same way (the reader's code block has
//   no escape at all, so it becomes two blocks with the `[` between them as text).
// - The reader refuses [nobbc] and [code] inside a link (`[url=…]…[/url]`), where they
//   would stay text and their content would be parsed. Inside anything that may be a link,
//   a [nobbc] region is written as several regions with every literal `[` that could start
//   a tag taken out on its own, which is safe whether or not the reader honours them. A
//   [code] there is written as a plain tag and its content as ordinary text (with its
//   [nobbc] regions split the same way), right for either reading of it.
// - A [nobbc] or [code] that SMF did not honour (no closing tag after it) stays text in
//   SMF; it is written as text if a closing tag appears later in what we write (so the
//   reader does not honour it either and swallow, say, a region's closing tag).
//
// Censoring (SMF's censorText runs on the stored text before BBCode) happens between
// decoding and writing, so a replacement never becomes markup and a censored tag name
// breaks the tag as it does in SMF.

const LITERAL_OPEN = '[nobbc][[/nobbc]';
const LITERAL_CLOSE = '[nobbc]][/nobbc]';
const NOBBC_OPEN = '[nobbc]';
const NOBBC_CLOSE = '[/nobbc]';
const CODE_CLOSE = '[/code]';
/** The reader's tag names are at most 16 characters; look a little further to be safe. */
const MAX_NAME = 20;

/** `/`, ASCII letters and `*` can follow `[` in a tag the reader recognises. */
function continuesTag(code: number): boolean {
  return code === 0x2f || code === 0x2a || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
}

function isNameChar(code: number): boolean {
  return code === 0x2a || (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
}

/** `text` at `at` is `word` (ASCII, lowercase), in any case. */
function startsWithAscii(text: string, at: number, word: string): boolean {
  if (at + word.length > text.length) return false;
  for (let k = 0; k < word.length; k++) {
    const c = text.charCodeAt(at + k);
    const w = word.charCodeAt(k);
    if (c !== w && !(w >= 0x61 && w <= 0x7a && c === w - 0x20)) return false;
  }
  return true;
}

/** Sorted start indexes of closing tags written entirely as raw characters. */
function rawClosers(marked: Marked, name: 'nobbc' | 'code'): number[] {
  const { text, lit } = marked;
  const tag = `[/${name}]`;
  const out: number[] = [];
  for (let at = text.indexOf('[/'); at >= 0; at = text.indexOf('[/', at + 1)) {
    if (!startsWithAscii(text, at, tag)) continue;
    let raw = true;
    for (let k = 0; k < tag.length; k++) if (lit[at + k] === 1) raw = false;
    if (raw) out.push(at);
  }
  return out;
}

/** The first entry ≥ from, or -1. */
function firstFrom(sorted: readonly number[], from: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length ? (sorted[lo] as number) : -1;
}

type LinkTag = 'url' | 'iurl' | 'email';
const LINK_TAGS: readonly string[] = ['url', 'iurl', 'email'];

class BodyWriter {
  private readonly text: string;
  private readonly lit: Uint8Array;
  private readonly nobbcClosers: number[];
  private readonly codeClosers: number[];
  private readonly out: string[] = [];
  /** Indexes in `out` of [nobbc]/[code] openers SMF did not honour, written raw for now. */
  private readonly strays: number[] = [];
  /** A `[` has been written since the last `]` or newline: a `]` now could end a tag. */
  private pending = false;
  /**
   * Link openers seen and not yet closed, by tag. A superset of the links the reader
   * has open (it also counts links the reader refuses), so "zero" is a safe "not in a link".
   */
  private readonly links: Record<LinkTag, number> = { url: 0, iurl: 0, email: 0 };
  /** Until this index the reader may be inside a [code] we wrote as a plain tag. */
  private maybeCodeUntil = -1;

  constructor(marked: Marked) {
    this.text = marked.text;
    this.lit = marked.lit;
    this.nobbcClosers = rawClosers(marked, 'nobbc');
    this.codeClosers = rawClosers(marked, 'code');
  }

  write(): string {
    const { text, lit } = this;
    const n = text.length;
    let runStart = 0;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x5b) {
        if (i > runStart) this.out.push(text.slice(runStart, i));
        i = this.bracket(i);
        runStart = i;
      } else if (c === 0x5d) {
        if (lit[i] === 1 && this.pending) {
          if (i > runStart) this.out.push(text.slice(runStart, i));
          this.out.push(LITERAL_CLOSE);
          runStart = i + 1;
        }
        this.pending = false;
        i++;
      } else {
        if (c === 0x0a) this.pending = false;
        i++;
      }
    }
    if (n > runStart) this.out.push(text.slice(runStart));
    this.settleStrays();
    return this.out.join('');
  }

  private inLink(): boolean {
    return this.links.url + this.links.iurl + this.links.email > 0;
  }

  /** A literal `[`: written as is only where it cannot start a tag. */
  private literalOpen(i: number): number {
    if (i + 1 < this.text.length && continuesTag(this.text.charCodeAt(i + 1))) {
      this.out.push(LITERAL_OPEN);
      this.pending = false;
    } else {
      this.out.push('[');
      this.pending = true;
    }
    return i + 1;
  }

  /** Handles the `[` at i; returns where to continue. */
  private bracket(i: number): number {
    const { text, lit } = this;
    if (lit[i] === 1) return this.literalOpen(i);
    const n = text.length;
    let j = i + 1;
    let entity = false;
    const slash = j < n && text.charCodeAt(j) === 0x2f;
    if (slash) {
      if (lit[j] === 1) entity = true;
      j++;
    }
    const nameStart = j;
    while (j < n && j - nameStart < MAX_NAME && isNameChar(text.charCodeAt(j))) {
      if (lit[j] === 1) entity = true;
      j++;
    }
    const term = j < n ? text.charCodeAt(j) : -1;
    // An entity `=` or `]` right after the name: SMF does not see a tag there either.
    if ((term === 0x3d || term === 0x5d) && lit[j] === 1) entity = true;
    if (entity) return this.literalOpen(i);

    const name = text.slice(nameStart, j).toLowerCase();
    if (!slash && name === 'nobbc' && term === 0x5d) return this.nobbc(i, j + 1);
    if (!slash && name === 'code' && (term === 0x5d || term === 0x3d)) {
      const end = term === 0x5d ? j : this.attrEnd(j);
      if (end >= 0) return this.code(i, end + 1);
    }
    if (LINK_TAGS.includes(name)) {
      const tag = name as LinkTag;
      if (!slash && term === 0x3d) this.links[tag]++;
      else if (slash && term === 0x5d && this.links[tag] > 0) this.links[tag]--;
    }
    this.out.push('[');
    this.pending = true;
    return i + 1;
  }

  /** The raw `]` ending a tag attribute that starts at `from`, as the reader's TAG_RE sees it. */
  private attrEnd(from: number): number {
    const { text, lit } = this;
    const limit = Math.min(text.length, from + 1025);
    for (let k = from; k < limit; k++) {
      const c = text.charCodeAt(k);
      if (c === 0x5d) return lit[k] === 1 ? -1 : k;
      if (c === 0x5b || c === 0x0a) return -1;
    }
    return -1;
  }

  private nobbc(start: number, contentStart: number): number {
    const { text } = this;
    const close = firstFrom(this.nobbcClosers, contentStart);
    if (close < 0) {
      this.strays.push(this.out.length);
      this.out.push(text.slice(start, contentStart));
      this.pending = false;
      return contentStart;
    }
    const split = this.inLink() || start < this.maybeCodeUntil;
    const pieces: string[] = [];
    let pieceStart = contentStart;
    for (let p = text.indexOf('[', contentStart); p >= 0 && p < close; p = text.indexOf('[', p + 1)) {
      const cuts = split ? continuesTag(text.charCodeAt(p + 1)) : startsWithAscii(text, p + 1, '/nobbc]');
      if (!cuts) continue;
      if (p > pieceStart) pieces.push(NOBBC_OPEN + text.slice(pieceStart, p) + NOBBC_CLOSE);
      pieces.push(LITERAL_OPEN);
      pieceStart = p + 1;
    }
    if (pieceStart === contentStart) {
      // The common case: the region exactly as stored.
      this.out.push(text.slice(start, close + NOBBC_CLOSE.length));
    } else {
      if (close > pieceStart) pieces.push(NOBBC_OPEN + text.slice(pieceStart, close) + NOBBC_CLOSE);
      for (const piece of pieces) this.out.push(piece);
    }
    this.pending = false;
    return close + NOBBC_CLOSE.length;
  }

  private code(start: number, contentStart: number): number {
    const { text } = this;
    const opener = text.slice(start, contentStart);
    const close = firstFrom(this.codeClosers, contentStart);
    this.pending = false;
    if (close < 0) {
      this.strays.push(this.out.length);
      this.out.push(opener);
      return contentStart;
    }
    if (this.inLink() || start < this.maybeCodeUntil) {
      // The reader may refuse it (inside a link) and parse its content, or honour it up to
      // the first `[/code]`: write the content as ordinary text, and split any [nobbc] in
      // it, so that neither reading can go wrong.
      this.maybeCodeUntil = Math.max(this.maybeCodeUntil, close);
      this.out.push(opener);
      return contentStart;
    }
    let pieceStart = contentStart;
    this.out.push(opener);
    for (let p = text.indexOf('[', contentStart); p >= 0 && p < close; p = text.indexOf('[', p + 1)) {
      if (!startsWithAscii(text, p + 1, '/code]')) continue;
      this.out.push(text.slice(pieceStart, p), CODE_CLOSE, LITERAL_OPEN, opener);
      pieceStart = p + 1;
    }
    this.out.push(text.slice(pieceStart, close + CODE_CLOSE.length));
    return close + CODE_CLOSE.length;
  }

  /**
   * An opener SMF did not honour stays raw if nothing after it could close it in the
   * reader; otherwise it is written as text. Right to left, because turning one into text
   * adds a `[/nobbc]` that earlier ones then see.
   */
  private settleStrays(): void {
    const { out, strays } = this;
    let nobbcCloseAfter = false;
    let codeCloseAfter = false;
    let end = out.length;
    for (let s = strays.length - 1; s >= 0; s--) {
      const at = strays[s] as number;
      const after = out.slice(at + 1, end).join('');
      if (!nobbcCloseAfter && /\[\/nobbc\]/i.test(after)) nobbcCloseAfter = true;
      if (!codeCloseAfter && /\[\/code\]/i.test(after)) codeCloseAfter = true;
      const opener = out[at] as string;
      const isCode = startsWithAscii(opener, 1, 'code');
      if (isCode ? codeCloseAfter : nobbcCloseAfter) {
        out[at] = LITERAL_OPEN + opener.slice(1);
        nobbcCloseAfter = true;
      }
      end = at;
    }
  }
}

// ---------------------------------------------------------------------------------------
// Censoring
// ---------------------------------------------------------------------------------------
//
// SMF 2.1 censorText(): `censor_vulgar` and `censor_proper` are newline-separated lists
// paired by position (a missing replacement is ''). Each pair is applied in turn to the
// result of the previous ones (PHP's str_replace/preg_replace with arrays).
// - Not whole-word: plain substring replacement; `*` is an ordinary character.
// - Whole word: the word may not touch a letter, mark, digit or `_` on either side
//   (SMF's `\b` or `(?<![\p{L}\p{M}\p{N}_])`, which amount to the same), `*` matches the
//   shortest run of non-space characters that lets the rest match (`[^\s]*?`), and `\*`
//   is a literal star.
// Deliberate differences: words that are empty or only spaces and stars are ignored (SMF's
// admin page drops them on save; censorText would insert the replacement between every
// two characters); case-insensitive matching folds all of Unicode in both modes (SMF's
// str_ireplace only folds ASCII); words are matched in the decoded text, so `&` or `"` in a
// word matches the character (SMF matched the escaped text and missed those).
//
// Speed: words without `*` are regular expressions made of an escaped literal and
// one-character lookarounds, linear in the text. `[^\s]*?` would backtrack
// (quadratically, or worse with several stars) on long runs without spaces, so words with
// `*` run on a small Pike VM instead, which keeps the same leftmost, shortest-star
// semantics in time linear in the text.

/** A replacement rule; the matcher finds the next match at or after `from`. */
export interface CensorRule {
  readonly vulgar: string;
  readonly proper: string;
  readonly find: (text: string, from: number) => readonly [number, number] | null;
}

/** The forum's censor, ready to apply. Build it once with parseCensorRules. */
export interface CensorRules {
  readonly rules: readonly CensorRule[];
}

const WORD_CHAR = /^[\p{L}\p{M}\p{N}_]$/u;
const SPACE_CHAR = /^\s$/u;

function isWordCode(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x30 && cp <= 0x39) || ((cp | 0x20) >= 0x61 && (cp | 0x20) <= 0x7a) || cp === 0x5f;
  return WORD_CHAR.test(String.fromCodePoint(cp));
}

function isSpaceCode(cp: number): boolean {
  if (cp < 0x80) return cp === 0x20 || (cp >= 0x09 && cp <= 0x0d);
  return SPACE_CHAR.test(String.fromCodePoint(cp));
}

function codePointBefore(text: string, at: number): number {
  if (at <= 0) return -1;
  const low = text.charCodeAt(at - 1);
  if (low >= 0xdc00 && low <= 0xdfff && at >= 2) {
    const high = text.charCodeAt(at - 2);
    if (high >= 0xd800 && high <= 0xdbff) return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  }
  return low;
}

const foldCache = new Map<number, number>();

/** Simple case folding, close to the regular expression `i` + `u` flags. */
function fold(cp: number): number {
  if (cp < 0x80) return cp >= 0x41 && cp <= 0x5a ? cp + 0x20 : cp;
  const cached = foldCache.get(cp);
  if (cached !== undefined) return cached;
  const ch = String.fromCodePoint(cp);
  let result = cp;
  for (const candidate of [ch.toUpperCase().toLowerCase(), ch.toLowerCase()]) {
    const first = candidate.codePointAt(0);
    if (first !== undefined && candidate.length === (first > 0xffff ? 2 : 1)) {
      result = first;
      break;
    }
  }
  if (foldCache.size < 10_000) foldCache.set(cp, result);
  return result;
}

function escapeRegExp(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

function regexFinder(source: string, flags: string): CensorRule['find'] {
  const re = new RegExp(source, flags);
  return (text, from) => {
    re.lastIndex = from;
    const m = re.exec(text);
    return m ? [m.index, m.index + m[0].length] : null;
  };
}

function substringFinder(word: string): CensorRule['find'] {
  return (text, from) => {
    const at = text.indexOf(word, from);
    return at < 0 ? null : [at, at + word.length];
  };
}

/** One element of a whole-word pattern: a character (folded if ignoring case) or `*`. */
type Step = number | 'star';

/**
 * Leftmost-first matching of `(?<!W) step… (?!W)` where W is a word character and a star
 * is `[^\s]*?`, by a Pike VM: threads in priority order, at most one per pattern state,
 * so each text position costs O(pattern length) however the stars could combine. When no
 * thread is alive it skips to the next occurrence of the first literal run (for a leading
 * star, to the start of the space-free stretch holding it), so ordinary text costs about
 * as much as a regular expression search.
 */
function wildcardFinder(steps: readonly Step[], ignoreCase: boolean): CensorRule['find'] {
  const m = steps.length;
  const star = new Uint8Array(m);
  const want = new Int32Array(m);
  steps.forEach((step, k) => {
    if (step === 'star') star[k] = 1;
    else want[k] = step;
  });
  const leadingStar = star[0] === 1;
  let pieceEnd = leadingStar ? 1 : 0;
  while (pieceEnd < m && star[pieceEnd] === 0) pieceEnd++;
  const piece = steps.slice(leadingStar ? 1 : 0, pieceEnd).map((s) => String.fromCodePoint(s as number)).join('');
  const skipTo = new RegExp(escapeRegExp(piece), ignoreCase ? 'giu' : 'gu');
  // Thread lists (state, start), current and next, and a per-position "state seen" mark.
  let states = new Int32Array(m + 1);
  let starts = new Int32Array(m + 1);
  let nextStates = new Int32Array(m + 1);
  let nextStarts = new Int32Array(m + 1);
  const live = new Int32Array(2 * (m + 1));
  const liveStarts = new Int32Array(2 * (m + 1));
  const seen = new Int32Array(m + 1);
  let generation = 0;

  return (text, from) => {
    const n = text.length;
    // The best match so far (start -1: none). A later one can only come from a thread of
    // higher priority, which then wins, as in a backtracking engine.
    let matchStart = -1;
    let matchEnd = -1;
    let count = 0;
    let liveCount = 0;
    let pos = from;
    // Whether a word character follows pos (the end's lookahead): -1 until needed.
    let wordAfter = -1;

    const accept = (start: number): boolean => {
      if (wordAfter < 0) wordAfter = pos < n && isWordCode(text.codePointAt(pos) as number) ? 1 : 0;
      if (wordAfter === 1) return false;
      matchStart = start;
      matchEnd = pos;
      return true;
    };
    const keep = (state: number, start: number): void => {
      live[liveCount] = state;
      liveStarts[liveCount] = start;
      liveCount++;
    };
    // Adds a thread at pos with its ε-moves; true when it accepts, which cuts every thread
    // of lower priority. A star is lazy: leaving it comes before taking another character
    // (stars never follow each other, so one step of leaving is all there is).
    const enter = (state: number, start: number): boolean => {
      if (seen[state] === generation) return false;
      seen[state] = generation;
      if (state === m) return accept(start);
      if (star[state] === 1) {
        const leave = state + 1;
        if (seen[leave] !== generation) {
          seen[leave] = generation;
          if (leave === m) {
            if (accept(start)) return true;
          } else keep(leave, start);
        }
      }
      keep(state, start);
      return false;
    };

    for (;;) {
      if (count === 0) {
        if (matchStart >= 0) return [matchStart, matchEnd];
        skipTo.lastIndex = pos;
        const found = skipTo.exec(text);
        if (!found) return null;
        let at = found.index;
        if (leadingStar) while (at > pos && !isSpaceCode(text.charCodeAt(at - 1))) at--;
        pos = at;
      }
      generation = (generation + 1) | 0;
      liveCount = 0;
      wordAfter = -1;
      let accepted = false;
      for (let t = 0; t < count && !accepted; t++) accepted = enter(states[t] as number, starts[t] as number);
      // A new thread has the lowest priority (leftmost match first); none once a match is known.
      if (!accepted && matchStart < 0 && !isWordCode(codePointBefore(text, pos))) enter(0, pos);
      if (pos >= n) return matchStart >= 0 ? [matchStart, matchEnd] : null;
      let cp = text.charCodeAt(pos);
      if (cp >= 0xd800 && cp <= 0xdbff) cp = text.codePointAt(pos) as number;
      const key = ignoreCase ? fold(cp) : cp;
      const space = isSpaceCode(cp);
      let nextCount = 0;
      for (let t = 0; t < liveCount; t++) {
        const state = live[t] as number;
        const isStar = star[state] === 1;
        if (isStar ? !space : want[state] === key) {
          nextStates[nextCount] = isStar ? state : state + 1;
          nextStarts[nextCount] = liveStarts[t] as number;
          nextCount++;
        }
      }
      [states, nextStates] = [nextStates, states];
      [starts, nextStarts] = [nextStarts, starts];
      count = nextCount;
      pos += cp > 0xffff ? 2 : 1;
    }
  };
}

/** The whole-word steps of a vulgar word: `*` is a star, `\*` a literal star. */
function wholeWordSteps(word: string, ignoreCase: boolean): Step[] {
  const steps: Step[] = [];
  const chars = Array.from(word);
  for (let k = 0; k < chars.length; k++) {
    const ch = chars[k] as string;
    if (ch === '\\' && chars[k + 1] === '*') {
      steps.push(0x2a);
      k++;
    } else if (ch === '*') {
      if (steps[steps.length - 1] !== 'star') steps.push('star');
    } else {
      const cp = ch.codePointAt(0) as number;
      steps.push(ignoreCase ? fold(cp) : cp);
    }
  }
  return steps;
}

function wholeWordFinder(word: string, ignoreCase: boolean): CensorRule['find'] {
  const steps = wholeWordSteps(word, ignoreCase);
  if (steps.includes('star')) return wildcardFinder(steps, ignoreCase);
  // No star: a plain regular expression (the `i` flag does the case folding); `\*` is `*`.
  const boundary = '[\\p{L}\\p{M}\\p{N}_]';
  const literal = escapeRegExp(word.replace(/\\\*/g, '*'));
  return regexFinder(`(?<!${boundary})${literal}(?!${boundary})`, ignoreCase ? 'giu' : 'gu');
}

/**
 * The forum's censor from its settings `censor_vulgar`, `censor_proper` (newline-separated,
 * paired by position), `censorWholeWord` and `censorIgnoreCase`.
 */
export function parseCensorRules(
  vulgar: string,
  proper: string,
  options: { wholeWord: boolean; ignoreCase: boolean },
): CensorRules {
  const vulgarList = vulgar.replace(/\r/g, '').split('\n');
  const properList = proper.replace(/\r/g, '').split('\n');
  const rules: CensorRule[] = [];
  vulgarList.forEach((raw, i) => {
    if (raw.replace(/\*/g, ' ').trim() === '') return;
    // SMF normalises both lists to NFC when they are saved, as it does posts.
    const word = raw.normalize('NFC');
    const replacement = (properList[i] ?? '').normalize('NFC');
    let find: CensorRule['find'];
    if (options.wholeWord) find = wholeWordFinder(word, options.ignoreCase);
    else if (options.ignoreCase) find = regexFinder(escapeRegExp(word), 'giu');
    else find = substringFinder(word);
    rules.push({ vulgar: word, proper: replacement, find });
  });
  return { rules };
}

function applyRule(marked: Marked, rule: CensorRule, withLit: boolean): Marked {
  const { text, lit } = marked;
  const spans: number[] = [];
  for (let from = 0; from <= text.length; ) {
    const found = rule.find(text, from);
    if (!found) break;
    const [start, end] = found;
    spans.push(start, end);
    // Every kept rule has a literal character, so matches are never empty; guard anyway.
    from = end > start ? end : end + 1;
  }
  if (spans.length === 0) return marked;
  const parts: string[] = [];
  let last = 0;
  for (let k = 0; k < spans.length; k += 2) {
    parts.push(text.slice(last, spans[k]), rule.proper);
    last = spans[k + 1] as number;
  }
  parts.push(text.slice(last));
  const out = parts.join('');
  if (!withLit) return { text: out, lit };
  // A replacement is marked literal: it is the forum's text, never markup of the author's.
  const outLit = new Uint8Array(out.length);
  let src = 0;
  let dst = 0;
  for (let k = 0; k < spans.length; k += 2) {
    const start = spans[k] as number;
    outLit.set(lit.subarray(src, start), dst);
    dst += start - src;
    outLit.fill(1, dst, dst + rule.proper.length);
    dst += rule.proper.length;
    src = spans[k + 1] as number;
  }
  outLit.set(lit.subarray(src), dst);
  return { text: out, lit: outLit };
}

function censorMarked(marked: Marked, rules: CensorRules, withLit: boolean): Marked {
  let current = marked;
  for (const rule of rules.rules) current = applyRule(current, rule, withLit);
  return current;
}

/**
 * Censors plain text (subjects, names) as SMF's censorText() does. For a post body, pass
 * the rules to decodeBody instead: censoring the decoded BBCode afterwards could alter the
 * `[nobbc]` escaping that keeps escaped brackets inert (a censored word "nob" would break
 * `[nobbc]`), where decodeBody censors before writing that escaping, as SMF censors
 * before parsing BBCode.
 */
export function censor(text: string, rules: CensorRules): string {
  if (rules.rules.length === 0) return text;
  return censorMarked({ text, lit: new Uint8Array(0) }, rules, false).text;
}

// ---------------------------------------------------------------------------------------
// Public decoders
// ---------------------------------------------------------------------------------------

/**
 * A stored post body → the contract's BBCode text with \n newlines, censored with
 * `censorRules` if given. Safe for any input: no character SMF stored escaped can become
 * part of a live BBCode tag.
 */
export function decodeBody(stored: string, censorRules?: CensorRules): string {
  let marked = decodeStored(stored, true, true);
  if (censorRules && censorRules.rules.length > 0) marked = censorMarked(marked, censorRules, true);
  if (marked.text.indexOf('[') < 0) return marked.text;
  return new BodyWriter(marked).write();
}

/**
 * A stored subject, member, board or category name → plain text. Entities decoded once,
 * line breaks and tabs (which SMF strips from subjects, and HTML shows as spaces) become
 * spaces, and the ends are trimmed: HTML never showed leading or trailing spaces, and SMF
 * does not trim subjects when it saves them.
 */
export function decodeTitle(stored: string): string {
  return decodeStored(stored, false, false).text.replace(/[\t\n\r]/g, ' ').trim();
}
