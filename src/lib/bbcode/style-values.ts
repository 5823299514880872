import type { ListStyle, SizeStep } from './ast';

// Allow-lists for the only style values a post can set. A value not on a list is
// dropped (the text keeps showing, unstyled); nothing a post types reaches CSS verbatim.

const NAMED_COLORS = new Set([
  'black', 'white', 'gray', 'grey', 'silver', 'red', 'darkred', 'maroon', 'crimson',
  'firebrick', 'salmon', 'coral', 'tomato', 'orangered', 'orange', 'darkorange', 'gold',
  'yellow', 'khaki', 'olive', 'lime', 'limegreen', 'green', 'darkgreen', 'forestgreen',
  'seagreen', 'teal', 'aqua', 'cyan', 'turquoise', 'skyblue', 'steelblue', 'royalblue',
  'blue', 'darkblue', 'navy', 'indigo', 'purple', 'violet', 'magenta', 'fuchsia', 'orchid',
  'pink', 'hotpink', 'deeppink', 'brown', 'chocolate', 'sienna', 'tan', 'beige', 'wheat',
]);
const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

export function allowedColor(raw: string): string | null {
  const v = stripQuotes(raw).toLowerCase();
  if (NAMED_COLORS.has(v)) return v;
  if (HEX.test(v)) return v;
  return null;
}

// Families map to full stacks so that a missing font falls back sensibly.
const FONTS = new Map<string, string>([
  ['arial', 'Arial, Helvetica, sans-serif'],
  ['arial black', '"Arial Black", Arial, sans-serif'],
  ['helvetica', 'Helvetica, Arial, sans-serif'],
  ['verdana', 'Verdana, sans-serif'],
  ['tahoma', 'Tahoma, sans-serif'],
  ['trebuchet ms', '"Trebuchet MS", sans-serif'],
  ['georgia', 'Georgia, serif'],
  ['times new roman', '"Times New Roman", Times, serif'],
  ['courier new', '"Courier New", Courier, monospace'],
  ['comic sans ms', '"Comic Sans MS", "Comic Sans", cursive'],
  ['impact', 'Impact, sans-serif'],
  ['sans-serif', 'sans-serif'],
  ['serif', 'serif'],
  ['monospace', 'monospace'],
]);

export function allowedFont(raw: string): string | null {
  const first = stripQuotes(raw).split(',')[0] ?? '';
  return FONTS.get(stripQuotes(first).toLowerCase().replace(/\s+/g, ' ')) ?? null;
}

const SIZE_KEYWORDS = new Map<string, SizeStep>([
  ['xx-small', 1], ['x-small', 1], ['small', 2], ['smaller', 2], ['medium', 3],
  ['large', 4], ['larger', 4], ['x-large', 5], ['xx-large', 6], ['xxx-large', 7],
]);

/** Points → SMF's 1…7 scale (8, 10, 12, 14, 18, 24, 36pt); anything larger clamps to 7. */
function stepFromPoints(pt: number): SizeStep {
  if (pt <= 8) return 1;
  if (pt <= 10) return 2;
  if (pt <= 12) return 3;
  if (pt <= 14) return 4;
  if (pt <= 18) return 5;
  if (pt <= 24) return 6;
  return 7;
}

export function allowedSize(raw: string): SizeStep | null {
  const v = stripQuotes(raw).toLowerCase();
  const keyword = SIZE_KEYWORDS.get(v);
  if (keyword) return keyword;
  if (/^[1-7]$/.test(v)) return Number(v) as SizeStep;
  const m = /^(\d{1,4}(?:\.\d{1,3})?)(pt|px|em)$/.exec(v);
  if (!m) return null;
  const n = Number(m[1]);
  if (!(n > 0)) return null;
  const unit = m[2];
  return stepFromPoints(unit === 'pt' ? n : unit === 'px' ? n * 0.75 : n * 12);
}

const LIST_STYLES = new Set<ListStyle>([
  'disc', 'circle', 'square', 'none', 'decimal',
  'lower-alpha', 'upper-alpha', 'lower-roman', 'upper-roman',
]);

export function allowedListStyle(raw: string): ListStyle | null {
  const v = stripQuotes(raw).toLowerCase();
  return LIST_STYLES.has(v as ListStyle) ? (v as ListStyle) : null;
}

export function isOrderedListStyle(style: ListStyle | null): boolean {
  return style !== null && !['disc', 'circle', 'square', 'none'].includes(style);
}

export function stripQuotes(raw: string): string {
  const v = raw.trim();
  if (v.length >= 2) {
    const q = v[0];
    if ((q === '"' || q === "'") && v.endsWith(q)) return v.slice(1, -1).trim();
    if (v.startsWith('&quot;') && v.endsWith('&quot;') && v.length >= 12) return v.slice(6, -6).trim();
  }
  return v;
}
