// The BBCode tags the parser honours as containers, and how each opens: whether it
// may sit in a link, where it must sit, and what its attribute must be for it to count.
// Tags whose content is not BBCode ([code], [img]…) are the parser's own (./parse.ts).
import type { Align, BbNode, ListItemNode, TableCellNode, TableRowNode } from './ast';
import { isBlockNode } from './ast';
import type { Flow } from './finish-flow';
import { allowedColor, allowedFont, allowedListStyle, allowedSize, isOrderedListStyle, stripQuotes } from './style-values';
import { emailHref, quoteLinkToPath, sanitizeLinkTarget, sanitizeUrl } from './url';

export type Opened = {
  flow: Flow;
  build: (children: BbNode[]) => BbNode;
  link?: boolean;
};

export type TagSpec = {
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
export const IMG_ATTRS = ['width', 'height', 'alt', 'title'] as const;
export const ATTACH_ATTRS = ['id', 'name', 'type', 'width', 'height', 'align', 'alt'] as const;
const attrReCache = new Map<readonly string[], RegExp>();

export function namedAttrs(attr: string, names: readonly string[]): Map<string, string> | null {
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

export const tableRow: TagSpec = {
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

/** The table's own entries only: `[constructor]` is no tag (and must not throw). */
export const tagSpec = (name: string): TagSpec | undefined => (Object.hasOwn(TAGS, name) ? TAGS[name] : undefined);

// Tags the parser handles itself, before looking in the table: their content is not
// BBCode, or they have none.
export const SELF_CONTAINED = new Set(['code', 'nobbc', 'img', 'youtube', 'attach', 'hr', 'br']);
export const INLINE_SELF_CONTAINED = new Set(['img', 'br']);
