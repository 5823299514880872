// The parser's output: a small, already-validated tree. Every attribute value in it
// has passed an allow-list or URL rule, so a renderer can map nodes to elements
// without re-checking anything (and without ever touching raw HTML).

type StyleTag = 'b' | 'i' | 'u' | 's' | 'sub' | 'sup';
export type Align = 'center' | 'left' | 'right' | 'justify';
/** Font-size steps 1…7 (SMF's own scale); the renderer maps them to CSS classes. */
export type SizeStep = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export type ListStyle =
  | 'disc'
  | 'circle'
  | 'square'
  | 'none'
  | 'decimal'
  | 'lower-alpha'
  | 'upper-alpha'
  | 'lower-roman'
  | 'upper-roman';

export type TextNode = { type: 'text'; text: string };
type BreakNode = { type: 'br' };
type RuleNode = { type: 'hr' };
export type SmileyNode = { type: 'smiley'; code: string; emoji: string; label: string };
type ParagraphNode = { type: 'paragraph'; children: BbNode[] };

// Inline containers carry `block: true` when a block node ended up inside them
// (`[b][quote]…[/quote][/b]`), so that paragraphs are not wrapped around them.
type StyleNode = { type: 'style'; tag: StyleTag; block: boolean; children: BbNode[] };
type ColorNode = { type: 'color'; color: string; block: boolean; children: BbNode[] };
type SizeNode = { type: 'size'; size: SizeStep; block: boolean; children: BbNode[] };
type FontNode = { type: 'font'; family: string; block: boolean; children: BbNode[] };
/** href is http(s), mailto or a same-origin path; `external` is false only for paths. */
type LinkNode = {
  type: 'link';
  href: string;
  external: boolean;
  block: boolean;
  children: BbNode[];
};

type AlignNode = { type: 'align'; align: Align; children: BbNode[] };
type DirNode = { type: 'dir'; dir: 'ltr' | 'rtl'; children: BbNode[] };
type MeNode = { type: 'me'; name: string; children: BbNode[] };
type PreNode = { type: 'pre'; children: BbNode[] };
type CodeNode = { type: 'code'; lang: string | null; text: string };
export type QuoteNode = {
  type: 'quote';
  author: string | null;
  /** Same-origin path to the quoted post (`/post/1` or `/topic/1?post=2#msg2`). */
  href: string | null;
  /** Unix seconds. */
  date: number | null;
  children: BbNode[];
};
export type ListItemNode = { type: 'listItem'; children: BbNode[] };
type ListNode = {
  type: 'list';
  ordered: boolean;
  style: ListStyle | null;
  children: ListItemNode[];
};
export type TableCellNode = { type: 'tableCell'; header: boolean; children: BbNode[] };
export type TableRowNode = { type: 'tableRow'; children: TableCellNode[] };
export type TableNode = { type: 'table'; children: TableRowNode[] };
type ImageNode = {
  type: 'image';
  src: string;
  width: number | null;
  height: number | null;
  alt: string | null;
};
/**
 * `[attach id=N]`; name is the text between the tags, if any; width and height the size
 * the author asked for (SMF's `[attach id=N width=W height=H]`), each at most 4000.
 */
export type AttachmentNode = { type: 'attachment'; id: number; name: string | null; width: number | null; height: number | null };
/** SMF's literal `[attachment deleted by admin]` line. */
type AttachmentDeletedNode = { type: 'attachmentDeleted' };
type YoutubeNode = { type: 'youtube'; videoId: string };

export type BbNode =
  | TextNode
  | BreakNode
  | RuleNode
  | SmileyNode
  | ParagraphNode
  | StyleNode
  | ColorNode
  | SizeNode
  | FontNode
  | LinkNode
  | AlignNode
  | DirNode
  | MeNode
  | PreNode
  | CodeNode
  | QuoteNode
  | ListNode
  | ListItemNode
  | TableNode
  | TableRowNode
  | TableCellNode
  | ImageNode
  | AttachmentNode
  | AttachmentDeletedNode
  | YoutubeNode;

/**
 * Where the next part of a long body starts: an offset in the body, and the tags open
 * there, as typed, to open again (a [code] or [nobbc] block cut in two last).
 */
export type BbResume = { offset: number; open: readonly string[] };

/** One part of a body: all of it, unless the body is too long to show at once. */
export type BbDocument = {
  children: BbNode[];
  /** Ids of attachments placed inline by `[attach]`, in document order, without repeats. */
  attachmentIds: number[];
  /** Where the rest starts, or null when this part ends the body. */
  next: BbResume | null;
};

/** Whether a node must stand outside a paragraph. */
export function isBlockNode(node: BbNode): boolean {
  switch (node.type) {
    case 'text':
    case 'br':
    case 'smiley':
    case 'image':
      return false;
    case 'style':
    case 'color':
    case 'size':
    case 'font':
    case 'link':
      return node.block;
    default:
      return true;
  }
}
