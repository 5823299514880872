import type { SmileyNode } from './ast';

// SMF 2.1's default smiley set, with its own names as the text alternative.
export const SMILEYS: readonly SmileyNode[] = [
  { type: 'smiley', code: '>:(', emoji: '😠', label: 'Angry' },
  { type: 'smiley', code: '::)', emoji: '🙄', label: 'Roll Eyes' },
  { type: 'smiley', code: '???', emoji: '😕', label: 'Huh?' },
  { type: 'smiley', code: ":'(", emoji: '😢', label: 'Cry' },
  { type: 'smiley', code: ':-[', emoji: '😳', label: 'Embarrassed' },
  { type: 'smiley', code: ':-X', emoji: '🤐', label: 'Lips Sealed' },
  { type: 'smiley', code: ':-\\', emoji: '😐', label: 'Undecided' },
  { type: 'smiley', code: ':-*', emoji: '😘', label: 'Kiss' },
  { type: 'smiley', code: ':)', emoji: '🙂', label: 'Smiley' },
  { type: 'smiley', code: ';)', emoji: '😉', label: 'Wink' },
  { type: 'smiley', code: ':D', emoji: '😀', label: 'Cheesy' },
  { type: 'smiley', code: ';D', emoji: '😁', label: 'Grin' },
  { type: 'smiley', code: ':(', emoji: '🙁', label: 'Sad' },
  { type: 'smiley', code: ':o', emoji: '😮', label: 'Shocked' },
  { type: 'smiley', code: '8)', emoji: '😎', label: 'Cool' },
  { type: 'smiley', code: ':P', emoji: '😛', label: 'Tongue' },
];

const byCode = new Map(SMILEYS.map((s) => [s.code, s]));
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Longest codes first so `>:(` wins over `:(`. Like SMF, a smiley must start the text
// or follow whitespace, and must not run into a letter or digit: "(item 8)" and
// "http://" stay text.
const SMILEY_RE = new RegExp(
  `(?<=^|\\s)(?:${[...byCode.keys()]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|')})(?![\\p{L}\\p{N}])`,
  'gu',
);

/** Splits text into strings and smiley nodes. */
export function splitSmileys(text: string): Array<string | SmileyNode> {
  const out: Array<string | SmileyNode> = [];
  let last = 0;
  SMILEY_RE.lastIndex = 0;
  for (let m = SMILEY_RE.exec(text); m; m = SMILEY_RE.exec(text)) {
    const smiley = byCode.get(m[0]);
    if (!smiley) continue;
    if (m.index > last) out.push(text.slice(last, m.index));
    out.push(smiley);
    last = m.index + m[0].length;
  }
  if (last === 0) return [text];
  if (last < text.length) out.push(text.slice(last));
  return out;
}
