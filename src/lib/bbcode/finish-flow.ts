// How a container's children become its final nodes: grouped into paragraphs, or
// wrapped into the items, rows and cells a list or table must hold. The parser
// (./parse.ts) collects the children; this finishes them when their container closes.
import type { BbNode } from './ast';
import { isBlockNode } from './ast';

type ParBreak = { type: 'parbreak' };
export type Raw = BbNode | ParBreak;

/**
 * How a container's children are finished:
 * - paragraphs: always grouped into paragraphs (the body, quotes);
 * - blocks: grouped only when there is a blank line or a block inside (cells, items…);
 * - inline: a blank line becomes two line breaks;
 * - list / table / row: only items / rows / cells; stray content is wrapped.
 */
export type Flow = 'paragraphs' | 'blocks' | 'inline' | 'list' | 'table' | 'row';

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

export function finishFlow(children: Raw[], flow: Flow): BbNode[] {
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
