// Marks the searched words in plain text and picks the stretch of a post worth
// showing. Everything here is strings in, strings out: the components render the
// pieces as text and <mark>, never as HTML.

export type Piece = { text: string; marked: boolean };
type Snippet = { pieces: Piece[]; cutStart: boolean; cutEnd: boolean };

type Match = { start: number; end: number; word: string };

/** Characters with a meaning in a `u`-flag pattern (where needless escapes are errors). */
const SPECIAL = /[\\^$.*+?()[\]{}|/]/g;

/** The distinct words of a query, lowercased, as the server splits them. */
export function queryWords(q: string): string[] {
  return [...new Set(q.toLowerCase().split(/\s+/).filter((w) => w.length > 0))];
}

/**
 * One pattern for all the words, matched anywhere and in any case, as the server
 * matches them. Longer words come first so "korean" wins over "korea". Null when
 * there is nothing to look for.
 */
export function wordPattern(words: readonly string[]): RegExp | null {
  if (words.length === 0) return null;
  const sorted = [...words].sort((a, b) => b.length - a.length);
  return new RegExp(sorted.map((w) => w.replace(SPECIAL, '\\$&')).join('|'), 'giu');
}

// A post matching a common word can hold thousands of hits; this many are plenty
// to choose a window from.
const MAX_MATCHES = 500;

function findMatches(text: string, pattern: RegExp | null): Match[] {
  if (!pattern) return [];
  const matches: Match[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m && matches.length < MAX_MATCHES; m = pattern.exec(text)) {
    if (m[0] === '') {
      pattern.lastIndex += 1;
      continue;
    }
    matches.push({ start: m.index, end: m.index + m[0].length, word: m[0].toLowerCase() });
  }
  return matches;
}

function piecesOf(text: string, matches: readonly Match[], from: number, to: number): Piece[] {
  const pieces: Piece[] = [];
  let at = from;
  for (const { start, end } of matches) {
    if (end <= from || start >= to) continue;
    const s = Math.max(start, from);
    const e = Math.min(end, to);
    if (s > at) pieces.push({ text: text.slice(at, s), marked: false });
    pieces.push({ text: text.slice(s, e), marked: true });
    at = e;
  }
  if (at < to) pieces.push({ text: text.slice(at, to), marked: false });
  return pieces;
}

/** The whole of a short text (a title, a subject) with every match marked. */
export function highlight(text: string, pattern: RegExp | null): Piece[] {
  return piecesOf(text, findMatches(text, pattern), 0, text.length);
}

// Never cut between the two halves of a surrogate pair.
function safeCut(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff ? at - 1 : at;
}

/**
 * About `length` characters of `text` around its matches: the window (starting a
 * little before a match) that holds the most distinct words, earliest on a tie, cut at
 * spaces. Without matches (the words were in the subject) it is the text's start.
 */
export function snippet(text: string, pattern: RegExp | null, length = 240, lead = 60): Snippet {
  const matches = findMatches(text, pattern);
  if (text.length <= length) return { pieces: piecesOf(text, matches, 0, text.length), cutStart: false, cutEnd: false };

  let bestStart = 0;
  let bestWords = 0;
  for (const anchor of matches) {
    const start = Math.max(0, anchor.start - lead);
    const end = start + length;
    const words = new Set<string>();
    for (const m of matches) if (m.start >= start && m.end <= end) words.add(m.word);
    if (words.size > bestWords) {
      bestWords = words.size;
      bestStart = start;
    }
  }

  let start = Math.min(bestStart, text.length - length);
  let end = start + length;
  const firstInside = matches.find((m) => m.start >= start);
  if (start > 0) {
    // Begin at a word: after the next space, unless that would drop the match.
    const space = text.indexOf(' ', start);
    if (space !== -1 && (!firstInside || space < firstInside.start)) start = space + 1;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start) end = space;
  }
  start = safeCut(text, start);
  end = safeCut(text, end);
  return { pieces: piecesOf(text, matches, start, end), cutStart: start > 0, cutEnd: end < text.length };
}
