// SMF 2.1 BBCode → validated AST. Iterative (an explicit stack, no recursion), linear
// in the input, and never throws on any string: a tag it cannot honour stays in the
// text exactly as the author typed it. A long body is parsed a part at a time, so that no
// post, however long, keeps the reader busy for long (see PART_CHARS).
import type { BbDocument, BbResume, BbNode, TextNode } from './ast';
import { finishFlow, type Flow, type Raw } from './finish-flow';
import { inlineText } from './inline-text';
import { stripQuotes } from './style-values';
import {
  ATTACH_ATTRS,
  IMG_ATTRS,
  INLINE_SELF_CONTAINED,
  namedAttrs,
  SELF_CONTAINED,
  tableRow,
  tagSpec,
  type Opened,
  type TagSpec,
} from './tags';
import { emailHref, sanitizeLinkTarget, sanitizeUrl, youtubeId } from './url';

/** Elements nested deeper than this are ignored (their content is kept). */
export const MAX_DEPTH = 32;
/** Quotes nested deeper than this are flattened into the innermost shown quote. */
export const MAX_QUOTE_DEPTH = 4;
/**
 * A part of a long body ends near this many characters (the last part may run a quarter
 * longer, rather than leave a sliver for a part of its own)…
 */
export const PART_CHARS = 5_000;
/** …or once it has about this many nodes, whichever comes first. Either way a part is
 * rendered and laid out in about 30 ms on a slow machine, within the 50 ms after which a
 * page feels stuck (measured in Chromium: test/e2e/huge-posts.e2e.ts). */
export const PART_NODES = 600;
/** How far past PART_CHARS a tag begun before it may reach: its attributes (1 KB) and its
 * one-line content (4 KB). */
const LOOKAHEAD = 6_000;
/** Longer lines are taken in pieces (cut after a space, which no link or smiley spans), so
 * the node budget is looked at often enough. */
const CHUNK = 200;
/** Thrown, and caught in run(), when a part is full: every tag that is honoured first
 * flushes the text before it, so that is where the budget is checked and the part ends. */
const FULL = new Error('part full');

type Frame = {
  tag: string;
  raw: string;
  flow: Flow;
  /** null: a phantom — a tag we accept but do not render (a disallowed style value, or
   * too deep). Its content goes straight into the nearest real frame. */
  build: ((children: BbNode[]) => BbNode) | null;
  children: Raw[];
  /** A phantom's slot in its parent, given the opening text if it is never closed. */
  placeholder: TextNode | null;
  autoClose: boolean;
  inLink: boolean;
  depth: number;
  quoteDepth: number;
  /** For each auto-closing tag (list, table, tr…), the stack index of its nearest frame in
   * the run of auto-closing frames that ends with this one: where a [*], [td] or [tr] belongs. */
  near: Partial<Record<string, number>>;
};

const TAG_RE = /\[(\/?)([a-z][a-z0-9]{0,15}|\*)((?:[= \t][^[\]\r\n]{0,1024})?)\]/iy;
// CRLF, LF or CR: one line break each (the body is read as it is, not normalised first, so
// that a part's place in it needs no translating).
const NEWLINES = /(?:\r\n|\r|\n)+/g;
const closeTagCache = new Map<string, RegExp>();
const contentCache = new Map<string, RegExp>();

/** Finds `[/name]` (any case) from `from` on. */
function closeTagRe(name: string): RegExp {
  let re = closeTagCache.get(name);
  if (!re) {
    re = new RegExp(`\\[/${name}\\]`, 'gi');
    closeTagCache.set(name, re);
  }
  return re;
}

/** Short single-line content followed by `[/name]`, matched at a position. */
function contentRe(name: string): RegExp {
  let re = contentCache.get(name);
  if (!re) {
    re = new RegExp(`([^[\\r\\n]{0,4096})\\[/${name}\\]`, 'iy');
    contentCache.set(name, re);
  }
  return re;
}

class Parser {
  private readonly src: string;
  /** Where this part may end: PART_CHARS, or Infinity in the body's last window. */
  private readonly soft: number;
  /** This part continues the one before (see close()). */
  private readonly resumed: boolean;
  private readonly stack: Frame[];
  private readonly openCounts = new Map<string, number>();
  private readonly attachmentIds: number[] = [];
  private readonly seenAttachments = new Set<number>();
  /** [code]/[nobbc] with no closing tag after some point: none after any later one either,
   * so one scan to the end, not one per opener. */
  private readonly unclosed = new Set<string>();
  private textStart = 0;
  /** Nodes made so far, roughly the elements and text nodes they will become. */
  private nodes = 0;
  private cut: number | null = null;
  /** The opening tag of a [code]/[nobbc] block the part ends inside. */
  private cutBlock = '';
  /** Frames opened again from the part before: they end with the body, never turn back
   * into text (that text was a tag, honoured, in the part before). */
  private readonly carried = new Set<Frame>();

  constructor(src: string, soft: number, resumed: boolean) {
    this.src = src;
    this.soft = soft;
    this.resumed = resumed;
    this.stack = [
      {
        tag: '',
        raw: '',
        flow: 'paragraphs',
        build: null,
        children: [],
        placeholder: null,
        autoClose: false,
        inLink: false,
        depth: 0,
        quoteDepth: 0,
        near: {},
      },
    ];
  }

  private get top(): Frame {
    return this.stack[this.stack.length - 1] as Frame;
  }

  run(open: readonly string[]): BbDocument {
    const { src } = this;
    let pos = 0;
    try {
      for (const raw of open) pos = this.textStart = this.reopen(raw);
      for (;;) {
        let lb = src.indexOf('[', pos);
        if (lb < 0) lb = src.length;
        if (lb > this.soft) {
          const cut = this.textCut();
          this.flushText(cut);
          this.stop(cut);
        }
        if (lb === src.length) break;
        TAG_RE.lastIndex = lb;
        const m = TAG_RE.exec(src);
        const end = m ? this.handleTag(m, lb) : -1;
        if (end < 0) {
          pos = lb + 1;
        } else {
          pos = end;
          this.textStart = end;
        }
      }
      this.flushText(src.length);
    } catch (error) {
      if (error !== FULL) throw error;
    }
    const { cut, stack } = this;
    // The tags open where the part ends, to open again where the next one begins (an
    // implied row has no text of its own). At most MAX_DEPTH and then some: deeper ones
    // show nothing of their own, and carrying them all would cost more in every part.
    const next =
      cut === null
        ? null
        : { offset: cut, open: [...stack.slice(1, 2 * MAX_DEPTH).map((f) => f.raw || `[${f.tag}]`), this.cutBlock] };
    // At the end of a part, open tags end there; at the end of the body, ones never closed
    // turn back into the text typed.
    while (stack.length > 1) this.popFrame(cut !== null);
    const root = stack[0] as Frame;
    return { children: finishFlow(root.children, 'paragraphs'), attachmentIds: this.attachmentIds, next };
  }

  /** Ends the part at `at`. */
  private stop(at: number): never {
    this.cut = at;
    throw FULL;
  }

  /** Where a part ends in a run of text that crosses the limit: after the last newline,
   * else the last space, in its last quarter; else at the limit itself (but not between the
   * halves of a surrogate pair). */
  private textCut(): number {
    const { src, soft, textStart } = this;
    for (const c of ['\n', ' ']) {
      const at = src.lastIndexOf(c, soft - 1) + 1;
      if (at > textStart && at > soft * 0.75) return at;
    }
    return Math.max(textStart, this.hardCut());
  }

  private hardCut(): number {
    const { soft } = this;
    return (this.src.charCodeAt(soft - 1) & 0xfc00) === 0xd800 ? soft - 1 : soft;
  }

  /** Opens a tag carried over from the part before, as it was opened there; returns where
   * the part's own text starts (after a [code] block that goes on). */
  private reopen(raw: string): number {
    TAG_RE.lastIndex = 0;
    const m = TAG_RE.exec(raw);
    const name = (m?.[2] ?? '').toLowerCase();
    const attr = m?.[3] ?? '';
    const spec = tagSpec(name);
    if (name === 'code' || name === 'nobbc') return this.block(name, attr, 0, 0, raw);
    if (spec) {
      this.pushFrame(name, raw, spec, spec.open(attr) ?? 'phantom');
      this.carried.add(this.top);
    }
    return 0;
  }

  /**
   * Emits the pending text up to `end` (a tag is being honoured there), and ends the part
   * there, or earlier in the text, once it has PART_NODES nodes.
   */
  private flushText(end: number, verbatim = false): void {
    const start = this.textStart;
    if (end > start) {
      const text = this.src.slice(start, end);
      if (verbatim) this.add({ type: 'text', text });
      else this.emitText(text, start);
    }
    this.textStart = end;
    if (!verbatim) this.checkBudget(end);
  }

  private checkBudget(at: number): void {
    if (this.nodes >= PART_NODES && at > 0 && at < this.src.length) this.stop(at);
  }

  private add(node: Raw): void {
    this.top.children.push(node);
    this.nodes++;
  }

  /** `text` starts at `base` in the source. */
  private emitText(text: string, base: number): void {
    const frame = this.top;
    const out = frame.children;
    const piece = (from: number, to: number) => {
      if (from === to) return;
      this.checkBudget(base + from);
      const before = out.length;
      inlineText(text.slice(from, to), !frame.inLink, out);
      // A smiley counts for more: its emoji costs a font lookup at each layout, slow where
      // no emoji font is installed (a part of 300 took 50 ms in Chromium there).
      for (let i = before; i < out.length; i++) this.nodes += out[i]?.type === 'smiley' ? 5 : 1;
    };
    const line = (from: number, to: number) => {
      for (let cut; to - from > CHUNK && (cut = text.indexOf(' ', from + CHUNK) + 1) > 0 && cut < to; from = cut) {
        piece(from, cut);
      }
      piece(from, to);
    };
    let last = 0;
    NEWLINES.lastIndex = 0;
    for (let m = NEWLINES.exec(text); m; m = NEWLINES.exec(text)) {
      line(last, m.index);
      this.add(m[0].length > (m[0] === '\r\n' ? 2 : 1) ? { type: 'parbreak' } : { type: 'br' });
      last = m.index + m[0].length;
    }
    line(last, text.length);
  }

  /** Returns the index after the consumed tag (and content), or -1 to leave it as text. */
  private handleTag(m: RegExpExecArray, lb: number): number {
    const name = (m[2] ?? '').toLowerCase();
    const attr = m[3] ?? '';
    const after = lb + m[0].length;
    if (m[1]) return attr === '' ? this.close(name, lb, after) : -1;

    if (name === 'attachment' && /^\s+deleted by admin\s*$/i.test(attr) && !this.top.inLink) {
      this.flushText(lb);
      this.top.children.push({ type: 'attachmentDeleted' });
      return after;
    }
    if (SELF_CONTAINED.has(name)) {
      if (this.top.inLink && !INLINE_SELF_CONTAINED.has(name)) return -1;
      return this.selfContained(name, attr, lb, after);
    }
    const spec = tagSpec(name);
    if (!spec || (this.top.inLink && !spec.inline)) return -1;
    if (attr === '' && (name === 'url' || name === 'iurl' || name === 'email')) {
      return this.contentTag(name, attr, lb, after);
    }
    const opened = spec.open(attr);
    if (opened === null) return -1;
    return this.open(name, m[0], spec, opened, lb, after);
  }

  private open(name: string, raw: string, spec: TagSpec, opened: Opened | 'phantom', lb: number, after: number): number {
    if (spec.parent) {
      // The parent is the nearest one among the auto-closing frames on top; the frames above
      // it close implicitly ([*] after [*], [td] after [td]). Looked up, not walked to: a
      // walk for each tag is quadratic. A cell straight inside a table gets an implied row.
      const cell = name === 'td' || name === 'th';
      const { near } = this.top;
      const i = Math.max(near[spec.parent] ?? 0, cell ? (near.table ?? 0) : 0);
      if (i === 0) return -1;
      const impliedRow = cell && (this.stack[i] as Frame).tag === 'table';
      this.flushText(lb);
      while (this.stack.length - 1 > i) this.popFrame(true);
      if (impliedRow) {
        const row = tableRow.open('');
        if (row && row !== 'phantom') this.pushFrame('tr', '', tableRow, row);
      }
    } else {
      this.flushText(lb);
    }
    this.pushFrame(name, raw, spec, opened);
    return after;
  }

  private pushFrame(name: string, raw: string, spec: TagSpec, opened: Opened | 'phantom'): void {
    const parent = this.top;
    const tooDeep =
      parent.depth >= MAX_DEPTH || (name === 'quote' && parent.quoteDepth >= MAX_QUOTE_DEPTH);
    const autoClose = spec.autoClose ?? false;
    const near = autoClose ? { ...(parent.autoClose ? parent.near : null), [name]: this.stack.length } : {};
    this.openCounts.set(name, (this.openCounts.get(name) ?? 0) + 1);
    if (opened === 'phantom' || tooDeep) {
      const placeholder: TextNode = { type: 'text', text: '' };
      parent.children.push(placeholder);
      this.stack.push({
        ...parent,
        tag: name,
        raw,
        build: null,
        placeholder,
        autoClose,
        near,
      });
      return;
    }
    this.nodes++;
    this.stack.push({
      tag: name,
      raw,
      flow: opened.flow,
      build: opened.build,
      children: [],
      placeholder: null,
      autoClose,
      inLink: parent.inLink || opened.link === true,
      depth: parent.depth + 1,
      quoteDepth: parent.quoteDepth + (name === 'quote' ? 1 : 0),
      near,
    });
  }

  /**
   * Pops the top frame. `close`: it ends normally (its tag was closed, or it closes
   * implicitly); otherwise it was never closed and turns back into the text typed.
   */
  private popFrame(close: boolean): void {
    const frame = this.stack.pop() as Frame;
    this.openCounts.set(frame.tag, (this.openCounts.get(frame.tag) ?? 1) - 1);
    const ends = close || frame.autoClose || this.carried.has(frame);
    if (frame.build === null) {
      if (!ends && frame.placeholder) frame.placeholder.text = frame.raw;
      return;
    }
    const out = this.top.children;
    if (ends) {
      out.push(frame.build(finishFlow(frame.children, frame.flow)));
    } else {
      out.push({ type: 'text', text: frame.raw });
      // A loop, not push(...children): a spread of a huge array overflows the stack.
      for (const c of frame.children) out.push(c);
    }
  }

  private close(name: string, lb: number, after: number): number {
    if (!this.openCounts.get(name)) {
      // In a later part, a closing tag of ours with nothing open closes something opened
      // in an earlier part (one not carried over): it has done its work, and goes.
      if (!this.resumed || !tagSpec(name)) return -1;
      this.flushText(lb);
      return after;
    }
    this.flushText(lb);
    // Frames opened inside this one and never closed: structural ones end, others revert.
    while (this.top.tag !== name) this.popFrame(false);
    this.popFrame(true);
    return after;
  }

  private push(node: BbNode, lb: number): void {
    this.flushText(lb);
    this.add(node);
  }

  private selfContained(name: string, attr: string, lb: number, after: number): number {
    switch (name) {
      case 'hr':
      case 'br':
        if (attr !== '') return -1;
        this.push({ type: name }, lb);
        return after;
      case 'code':
      case 'nobbc':
        if (this.unclosed.has(name) || (name === 'nobbc' ? attr !== '' : attr !== '' && !attr.startsWith('='))) return -1;
        return this.block(name, attr, lb, after);
      case 'img':
      case 'youtube':
        return this.contentTag(name, attr, lb, after);
      case 'attach':
        return this.attach(attr, lb, after);
      default:
        return -1;
    }
  }

  /**
   * [code] and [nobbc]: their content up to the closing tag, as it is. One that goes on
   * past this part is cut after a line, and the next part opens it again (`carried`: its
   * opening tag, when this part is that next one).
   */
  private block(name: 'code' | 'nobbc', attr: string, lb: number, after: number, carried = ''): number {
    const { src, soft } = this;
    const re = closeTagRe(name);
    re.lastIndex = after;
    const close = re.exec(src);
    let end = close ? close.index : src.length;
    if (!close && soft === Infinity && !carried) {
      this.unclosed.add(name);
      return -1;
    }
    if (!close && soft !== Infinity) {
      if (after >= soft) {
        this.flushText(lb);
        this.stop(lb);
      }
      const line = src.lastIndexOf('\n', soft - 1) + 1;
      end = line > after ? line : this.hardCut();
    }
    if (name === 'nobbc') {
      this.flushText(lb);
      this.textStart = after;
      this.flushText(end, true);
    } else {
      const lang = stripQuotes(attr.slice(1));
      // One newline after [code] and one before [/code] are layout, not code.
      const text = src.slice(after, end).replace(/^\r?\n/, '').replace(/\r?\n$/, '');
      this.push({ type: 'code', lang: /^[\w+#.-]{1,24}$/.test(lang) ? lang : null, text }, lb);
    }
    if (close) return close.index + close[0].length;
    if (soft !== Infinity) {
      this.cutBlock = carried || src.slice(lb, after);
      this.stop(end);
    }
    return end;
  }

  /** Tags whose content is a single unparsed line: [img], [youtube], and [url]/[email] without a value. */
  private contentTag(name: string, attr: string, lb: number, after: number): number {
    let width: number | null = null;
    let height: number | null = null;
    let alt: string | null = null;
    if (name === 'img' && attr !== '') {
      const attrs = namedAttrs(attr, IMG_ATTRS);
      if (!attrs) return -1;
      width = dimension(attrs.get('width'));
      height = dimension(attrs.get('height'));
      alt = attrs.get('alt')?.slice(0, 200) || null;
    } else if (attr !== '') {
      return -1;
    }
    const re = contentRe(name);
    re.lastIndex = after;
    const m = re.exec(this.src);
    if (!m) return -1;
    const content = m[1] ?? '';
    const end = after + m[0].length;
    let node: BbNode | null = null;
    if (name === 'img') {
      // Images load over https only (the CSP's img-src), as browsers upgrade them anyway.
      const src = sanitizeUrl(content.replace(/^http:/i, 'https:'), 'resource');
      if (src) node = { type: 'image', src, width, height, alt };
    } else if (name === 'youtube') {
      const videoId = youtubeId(content);
      if (videoId) node = { type: 'youtube', videoId };
    } else {
      const href = name === 'email' ? emailHref(content) : sanitizeLinkTarget(content);
      if (href) {
        node = {
          type: 'link',
          href,
          external: !href.startsWith('/'),
          block: false,
          children: [{ type: 'text', text: content }],
        };
      }
    }
    // Refused: the content shows as the text it is; the tags themselves are dropped.
    this.push(node ?? { type: 'text', text: content }, lb);
    return end;
  }

  /** `[attach id=N]`, `[attach id=N]name[/attach]`, `[attach=N]`, `[attach]N[/attach]`. */
  private attach(attr: string, lb: number, after: number): number {
    let id: string | undefined;
    let width: number | null = null;
    let height: number | null = null;
    if (attr.startsWith('=')) id = attr.slice(1).trim();
    else if (attr !== '') {
      const attrs = namedAttrs(attr, ATTACH_ATTRS);
      if (!attrs) return -1;
      id = attrs.get('id');
      width = dimension(attrs.get('width'));
      height = dimension(attrs.get('height'));
    }
    const re = contentRe('attach');
    re.lastIndex = after;
    const m = re.exec(this.src);
    const content = m ? (m[1] ?? '').trim() : null;
    if (id === undefined) id = content ?? undefined;
    if (id === undefined || !/^\d{1,9}$/.test(id) || Number(id) === 0) return -1;
    const n = Number(id);
    const name = content && content !== id ? content.slice(0, 255) : null;
    this.push({ type: 'attachment', id: n, name, width, height }, lb);
    if (!this.seenAttachments.has(n)) {
      this.seenAttachments.add(n);
      this.attachmentIds.push(n);
    }
    return m ? after + m[0].length : after;
  }
}

function dimension(v: string | undefined): number | null {
  if (!v || !/^\d{1,5}$/.test(v)) return null;
  const n = Number(v);
  return n > 0 ? Math.min(n, 4000) : null;
}

/**
 * Parses an SMF BBCode body, or the part of it that starts at `from`: a body longer than
 * PART_CHARS or PART_NODES is parsed a part at a time, and `next` says where the next
 * part starts. Never throws; linear time; output depth ≤ MAX_DEPTH (+ wrappers).
 */
export function parseBbcode(body: string, from: BbResume | null = null): BbDocument {
  const start = from?.offset ?? 0;
  // Only this window is read, so a part costs the same however long the body is.
  const src = body.slice(start, start + PART_CHARS + LOOKAHEAD);
  const last = body.length - start <= PART_CHARS * 1.25;
  const doc = new Parser(src, last ? Infinity : PART_CHARS, from !== null).run(from?.open ?? []);
  if (doc.next) doc.next.offset += start;
  return doc;
}

/** Every part of a body, in order: what a reader who shows it all gets (tests, benchmarks). */
export function parseAllParts(body: string): BbDocument[] {
  const parts = [parseBbcode(body)];
  for (let next = parts[0]?.next; next; next = parts[parts.length - 1]?.next) parts.push(parseBbcode(body, next));
  return parts;
}
