// SMF 2.1 BBCode → validated AST. Iterative (an explicit stack, no recursion), linear
// in the input, and never throws on any string: a tag it cannot honour stays in the
// text exactly as the author typed it.
import type {
  Align,
  BbDocument,
  BbNode,
  ListItemNode,
  TableCellNode,
  TableRowNode,
  TextNode,
} from './ast';
import { isBlockNode } from './ast';
import { inlineText } from './inline-text';
import {
  allowedColor,
  allowedFont,
  allowedListStyle,
  allowedSize,
  isOrderedListStyle,
  stripQuotes,
} from './style-values';
import { emailHref, quoteLinkToPath, sanitizeLinkTarget, sanitizeUrl, youtubeId } from './url';

/** Elements nested deeper than this are ignored (their content is kept). */
export const MAX_DEPTH = 32;
/** Quotes nested deeper than this are flattened into the innermost shown quote. */
export const MAX_QUOTE_DEPTH = 4;

type ParBreak = { type: 'parbreak' };
type Raw = BbNode | ParBreak;

/**
 * How a container's children are finished:
 * - paragraphs: always grouped into paragraphs (the body, quotes);
 * - blocks: grouped only when there is a blank line or a block inside (cells, items…);
 * - inline: a blank line becomes two line breaks;
 * - list / table / row: only items / rows / cells; stray content is wrapped.
 */
type Flow = 'paragraphs' | 'blocks' | 'inline' | 'list' | 'table' | 'row';

type Opened = {
  flow: Flow;
  build: (children: BbNode[]) => BbNode;
  link?: boolean;
};

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

type TagSpec = {
  /** May appear inside a link. */
  inline: boolean;
  /** Closed implicitly by a sibling or by the parent's closing tag. */
  autoClose?: boolean;
  /** Must sit directly inside this. */
  parent?: string;
  /** `null`: not valid as typed (stays text); `'phantom'`: valid but not rendered. */
  open: (attr: string) => Opened | null | 'phantom';
};

const anyBlock = (children: BbNode[]) => children.some(isBlockNode);

function plain(flow: Flow, build: (children: BbNode[]) => BbNode) {
  return (attr: string): Opened | null => (attr === '' ? { flow, build } : null);
}

function valued<T>(check: (value: string) => T | null, make: (value: T) => Opened) {
  return (attr: string): Opened | null | 'phantom' => {
    if (!attr.startsWith('=') || attr.trim() === '=') return null;
    const value = check(attr.slice(1));
    return value === null ? 'phantom' : make(value);
  };
}

const styleTag = (tag: 'b' | 'i' | 'u' | 's' | 'sub' | 'sup'): TagSpec => ({
  inline: true,
  open: plain('inline', (children) => ({ type: 'style', tag, block: anyBlock(children), children })),
});

const alignTag = (align: Align): TagSpec => ({
  inline: false,
  open: plain('blocks', (children) => ({ type: 'align', align, children })),
});

const linkTag = (check: (value: string) => string | null): TagSpec => ({
  inline: false,
  open: valued(check, (href) => ({
    flow: 'inline',
    link: true,
    build: (children) => ({
      type: 'link',
      href,
      external: !href.startsWith('/'),
      block: false,
      children,
    }),
  })),
});

/**
 * `[tag a=1 b=two words]` → {a: '1', b: 'two words'}. SMF lets values hold spaces, so
 * a value runs until the next known name; text before the first name is invalid.
 */
const QUOTE_ATTRS = ['author', 'link', 'date'] as const;
const LIST_ATTRS = ['type'] as const;
const IMG_ATTRS = ['width', 'height', 'alt', 'title'] as const;
const ATTACH_ATTRS = ['id', 'name', 'type', 'width', 'height', 'align', 'alt'] as const;
const attrReCache = new Map<readonly string[], RegExp>();

function namedAttrs(attr: string, names: readonly string[]): Map<string, string> | null {
  let re = attrReCache.get(names);
  if (!re) {
    re = new RegExp(`(?:^|\\s)(${names.join('|')})=`, 'gi');
    attrReCache.set(names, re);
  }
  const found: Array<{ name: string; start: number; valueStart: number }> = [];
  for (const m of attr.matchAll(re)) {
    found.push({ name: (m[1] ?? '').toLowerCase(), start: m.index, valueStart: m.index + m[0].length });
  }
  const first = found[0];
  if (!first || attr.slice(0, first.start).trim() !== '') return null;
  const out = new Map<string, string>();
  found.forEach((f, i) => {
    out.set(f.name, stripQuotes(attr.slice(f.valueStart, found[i + 1]?.start ?? attr.length)));
  });
  return out;
}

function openQuote(attr: string): Opened | null {
  let author: string | null = null;
  let href: string | null = null;
  let date: number | null = null;
  if (attr !== '') {
    const attrs = namedAttrs(attr.startsWith('=') ? ` author${attr}` : attr, QUOTE_ATTRS);
    if (!attrs) return null;
    author = attrs.get('author')?.slice(0, 100) || null;
    const link = attrs.get('link');
    href = link ? quoteLinkToPath(link) : null;
    const d = attrs.get('date');
    if (d && /^\d{1,11}$/.test(d)) date = Number(d);
  }
  return {
    flow: 'paragraphs',
    build: (children) => ({ type: 'quote', author, href, date, children }),
  };
}

function openList(attr: string): Opened | null {
  let style = null;
  if (attr !== '') {
    const value = attr.startsWith('=') ? attr.slice(1) : namedAttrs(attr, LIST_ATTRS)?.get('type');
    if (value === undefined) return null;
    style = allowedListStyle(value);
  }
  return {
    flow: 'list',
    build: (children) => ({
      type: 'list',
      ordered: isOrderedListStyle(style),
      style,
      children: children.filter((c): c is ListItemNode => c.type === 'listItem'),
    }),
  };
}

const listItem: TagSpec = {
  inline: false,
  autoClose: true,
  parent: 'list',
  open: plain('blocks', (children) => ({ type: 'listItem', children })),
};

const tableCell = (header: boolean): TagSpec => ({
  inline: false,
  autoClose: true,
  parent: 'tr',
  open: plain('blocks', (children) => ({ type: 'tableCell', header, children })),
});

const tableRow: TagSpec = {
  inline: false,
  autoClose: true,
  parent: 'table',
  open: plain('row', (children) => ({
    type: 'tableRow',
    children: children.filter((c): c is TableCellNode => c.type === 'tableCell'),
  })),
};

const TAGS: Record<string, TagSpec> = {
  b: styleTag('b'),
  i: styleTag('i'),
  u: styleTag('u'),
  s: styleTag('s'),
  sub: styleTag('sub'),
  sup: styleTag('sup'),
  color: {
    inline: true,
    open: valued(allowedColor, (color) => ({
      flow: 'inline',
      build: (children) => ({ type: 'color', color, block: anyBlock(children), children }),
    })),
  },
  size: {
    inline: true,
    open: valued(allowedSize, (size) => ({
      flow: 'inline',
      build: (children) => ({ type: 'size', size, block: anyBlock(children), children }),
    })),
  },
  font: {
    inline: true,
    open: valued(allowedFont, (family) => ({
      flow: 'inline',
      build: (children) => ({ type: 'font', family, block: anyBlock(children), children }),
    })),
  },
  center: alignTag('center'),
  left: alignTag('left'),
  right: alignTag('right'),
  justify: alignTag('justify'),
  ltr: { inline: false, open: plain('blocks', (children) => ({ type: 'dir', dir: 'ltr', children })) },
  rtl: { inline: false, open: plain('blocks', (children) => ({ type: 'dir', dir: 'rtl', children })) },
  me: {
    inline: false,
    open: (attr) => {
      const name = attr.startsWith('=') ? stripQuotes(attr.slice(1)).slice(0, 100) : '';
      if (name === '') return null;
      return { flow: 'blocks', build: (children) => ({ type: 'me', name, children }) };
    },
  },
  pre: { inline: false, open: plain('inline', (children) => ({ type: 'pre', children })) },
  quote: { inline: false, open: openQuote },
  list: { inline: false, autoClose: true, open: openList },
  li: listItem,
  '*': listItem,
  table: {
    inline: false,
    autoClose: true,
    open: plain('table', (children) => ({
      type: 'table',
      children: children.filter((c): c is TableRowNode => c.type === 'tableRow'),
    })),
  },
  tr: tableRow,
  td: tableCell(false),
  th: tableCell(true),
  url: linkTag((v) => sanitizeLinkTarget(stripQuotes(v))),
  iurl: linkTag((v) => sanitizeLinkTarget(stripQuotes(v))),
  email: linkTag((v) => {
    const address = stripQuotes(v);
    return /^mailto:/i.test(address) ? sanitizeUrl(address, 'link') : emailHref(address);
  }),
};

// Tags handled before the table above: their content is not BBCode, or they have none.
const SELF_CONTAINED = new Set(['code', 'nobbc', 'img', 'youtube', 'attach', 'hr', 'br']);
const INLINE_SELF_CONTAINED = new Set(['img', 'br']);

const TAG_RE = /\[(\/?)([a-z][a-z0-9]{0,15}|\*)((?:[= \t][^[\]\n]{0,1024})?)\]/iy;
const NEWLINES = /\n+/g;
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
    re = new RegExp(`([^[\\n]{0,4096})\\[/${name}\\]`, 'iy');
    contentCache.set(name, re);
  }
  return re;
}

function isWhitespace(node: Raw): boolean {
  return (
    node.type === 'br' || node.type === 'parbreak' || (node.type === 'text' && node.text.trim() === '')
  );
}

function trimBreaks(nodes: BbNode[]): BbNode[] {
  let start = 0;
  let end = nodes.length;
  while (start < end && isWhitespace(nodes[start] as BbNode)) start++;
  while (end > start && isWhitespace(nodes[end - 1] as BbNode)) end--;
  return start === 0 && end === nodes.length ? nodes : nodes.slice(start, end);
}

function finishFlow(children: Raw[], flow: Flow): BbNode[] {
  switch (flow) {
    case 'inline': {
      const out: BbNode[] = [];
      for (const c of children) {
        if (c.type === 'parbreak') out.push({ type: 'br' }, { type: 'br' });
        else if (!(c.type === 'text' && c.text === '')) out.push(c);
      }
      return out;
    }
    case 'paragraphs':
    case 'blocks':
      return groupParagraphs(children, flow === 'paragraphs');
    case 'list':
      return wrapStray(children, 'listItem', (inner) => ({
        type: 'listItem',
        children: groupParagraphs(inner, false),
      }));
    case 'table':
      return wrapStray(children, 'tableRow', (inner) => ({
        type: 'tableRow',
        children: [{ type: 'tableCell', header: false, children: groupParagraphs(inner, false) }],
      }));
    case 'row':
      return wrapStray(children, 'tableCell', (inner) => ({
        type: 'tableCell',
        header: false,
        children: groupParagraphs(inner, false),
      }));
  }
}

function groupParagraphs(children: Raw[], always: boolean): BbNode[] {
  const needed = always || children.some((c) => c.type === 'parbreak' || isBlockNode(c));
  if (!needed) {
    return trimBreaks(children.filter((c): c is BbNode => c.type !== 'parbreak' && !(c.type === 'text' && c.text === '')));
  }
  const out: BbNode[] = [];
  let run: BbNode[] = [];
  const flush = () => {
    const trimmed = trimBreaks(run);
    if (trimmed.length > 0) out.push({ type: 'paragraph', children: trimmed });
    run = [];
  };
  for (const c of children) {
    if (c.type === 'parbreak') flush();
    else if (isBlockNode(c)) {
      flush();
      out.push(c);
    } else if (!(c.type === 'text' && c.text === '')) run.push(c);
  }
  flush();
  return out;
}

/** Keeps nodes of `keep` type; wraps each run of other non-blank content with `wrap`. */
function wrapStray(children: Raw[], keep: BbNode['type'], wrap: (inner: Raw[]) => BbNode): BbNode[] {
  const out: BbNode[] = [];
  let run: Raw[] = [];
  const flush = () => {
    if (run.some((c) => !isWhitespace(c))) out.push(wrap(run));
    run = [];
  };
  for (const c of children) {
    if (c.type === keep) {
      flush();
      out.push(c);
    } else run.push(c);
  }
  flush();
  return out;
}

class Parser {
  private readonly src: string;
  private readonly stack: Frame[];
  private readonly openCounts = new Map<string, number>();
  private readonly attachmentIds: number[] = [];
  private readonly seenAttachments = new Set<number>();
  /** [code]/[nobbc] with no closing tag after some point: none after any later one either,
   * so one scan to the end, not one per opener. */
  private readonly unclosed = new Set<string>();
  private textStart = 0;

  constructor(src: string) {
    this.src = src;
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

  run(): BbDocument {
    const { src } = this;
    let pos = 0;
    for (;;) {
      const lb = src.indexOf('[', pos);
      if (lb < 0) break;
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
    while (this.stack.length > 1) this.popFrame(false);
    const root = this.stack[0] as Frame;
    return { children: finishFlow(root.children, 'paragraphs'), attachmentIds: this.attachmentIds };
  }

  /** Emits the pending text up to `end` (a tag is being honoured there). */
  private flushText(end: number, verbatim = false): void {
    if (end > this.textStart) this.emitText(this.src.slice(this.textStart, end), verbatim);
    this.textStart = end;
  }

  private emitText(text: string, verbatim: boolean): void {
    const frame = this.top;
    const out = frame.children;
    const line = (s: string) => {
      if (s === '') return;
      if (verbatim) out.push({ type: 'text', text: s });
      else inlineText(s, !frame.inLink, out);
    };
    let last = 0;
    NEWLINES.lastIndex = 0;
    for (let m = NEWLINES.exec(text); m; m = NEWLINES.exec(text)) {
      line(text.slice(last, m.index));
      out.push(m[0].length > 1 ? { type: 'parbreak' } : { type: 'br' });
      last = m.index + m[0].length;
    }
    line(text.slice(last));
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
    const spec = TAGS[name];
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
    const ends = close || frame.autoClose;
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
    if (!this.openCounts.get(name)) return -1;
    this.flushText(lb);
    // Frames opened inside this one and never closed: structural ones end, others revert.
    while (this.top.tag !== name) this.popFrame(false);
    this.popFrame(true);
    return after;
  }

  private push(node: BbNode, lb: number): void {
    this.flushText(lb);
    this.top.children.push(node);
  }

  private selfContained(name: string, attr: string, lb: number, after: number): number {
    const { src } = this;
    switch (name) {
      case 'hr':
      case 'br':
        if (attr !== '') return -1;
        this.push({ type: name }, lb);
        return after;
      case 'code':
      case 'nobbc': {
        if (this.unclosed.has(name) || (name === 'nobbc' ? attr !== '' : attr !== '' && !attr.startsWith('='))) return -1;
        const re = closeTagRe(name);
        re.lastIndex = after;
        const close = re.exec(src);
        if (!close) {
          this.unclosed.add(name);
          return -1;
        }
        if (name === 'nobbc') {
          this.flushText(lb);
          this.textStart = after;
          this.flushText(close.index, true);
        } else {
          const lang = stripQuotes(attr.slice(1));
          // One newline after [code] and one before [/code] are layout, not code.
          const text = src.slice(after, close.index).replace(/^\n/, '').replace(/\n$/, '');
          this.push({ type: 'code', lang: /^[\w+#.-]{1,24}$/.test(lang) ? lang : null, text }, lb);
        }
        return close.index + close[0].length;
      }
      case 'img':
      case 'youtube':
        return this.contentTag(name, attr, lb, after);
      case 'attach':
        return this.attach(attr, lb, after);
      default:
        return -1;
    }
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
      const src = sanitizeUrl(content, 'resource');
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
    if (attr.startsWith('=')) id = attr.slice(1).trim();
    else if (attr !== '') {
      const attrs = namedAttrs(attr, ATTACH_ATTRS);
      if (!attrs) return -1;
      id = attrs.get('id');
    }
    const re = contentRe('attach');
    re.lastIndex = after;
    const m = re.exec(this.src);
    const content = m ? (m[1] ?? '').trim() : null;
    if (id === undefined) id = content ?? undefined;
    if (id === undefined || !/^\d{1,9}$/.test(id) || Number(id) === 0) return -1;
    const n = Number(id);
    const name = content && content !== id ? content.slice(0, 255) : null;
    this.push({ type: 'attachment', id: n, name }, lb);
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

/** Parses an SMF BBCode body. Never throws; linear time; output depth ≤ MAX_DEPTH (+ wrappers). */
export function parseBbcode(input: string): BbDocument {
  return new Parser(input.replace(/\r\n?/g, '\n')).run();
}
