import type { BbNode } from './ast';
import { splitSmileys } from './smileys';
import { sanitizeUrl } from './url';

// Bare http(s) URLs in running text. `\b` keeps "xhttp://" from matching; the
// character class stops at whitespace, brackets and quotes, which end a URL in prose.
const BARE_URL = /\bhttps?:\/\/[^\s[\]<>"]+/gi;
const PUNCT = /[.,;:!?'*]/;

/**
 * Trims sentence punctuation and unbalanced closing parentheses off a URL. One count,
 * then one walk back from the end: linear however many `)` or `.` a post piles up
 * (a regex anchored at `$`, or recounting for each `)`, is quadratic).
 */
function trimUrl(url: string): string {
  let unbalanced = url.split(')').length - url.split('(').length;
  let end = url.length;
  for (; end > 0; end--) {
    const c = url[end - 1] as string;
    if (c === ')' && unbalanced > 0) unbalanced--;
    else if (!PUNCT.test(c)) break;
  }
  return url.slice(0, end);
}

type NodeSink = { push(node: BbNode): unknown };

function pushText(out: NodeSink, text: string, smileys: boolean): void {
  if (text === '') return;
  if (!smileys) {
    out.push({ type: 'text', text });
    return;
  }
  for (const part of splitSmileys(text)) {
    out.push(typeof part === 'string' ? { type: 'text', text: part } : part);
  }
}

/**
 * Text without newlines → text, smiley and (unless already inside a link) link nodes.
 */
export function inlineText(text: string, autolink: boolean, out: NodeSink): void {
  if (!autolink || !/https?:\/\//i.test(text)) {
    pushText(out, text, true);
    return;
  }
  let last = 0;
  BARE_URL.lastIndex = 0;
  for (let m = BARE_URL.exec(text); m; m = BARE_URL.exec(text)) {
    const url = trimUrl(m[0]);
    const href = url.length > 0 ? sanitizeUrl(url, 'link') : null;
    if (!href) continue;
    pushText(out, text.slice(last, m.index), true);
    out.push({
      type: 'link',
      href,
      external: true,
      block: false,
      children: [{ type: 'text', text: url }],
    });
    last = m.index + url.length;
    BARE_URL.lastIndex = last;
  }
  pushText(out, text.slice(last), true);
}
