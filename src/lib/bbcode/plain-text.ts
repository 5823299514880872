import type { BbNode } from './ast';
import { parseBbcode } from './parse';

/**
 * A post body as the words a reader sees, on one line: the BBCode parser's tree
 * flattened to text, so tags, attributes and image/video addresses never show in a
 * snippet (search) or a description (the server's page metadata). Block boundaries
 * become spaces so words from two paragraphs stay apart. `ownWordsOnly` leaves out
 * quotes (someone else's words), which say little about what a post is.
 */
export function bbcodeToPlainText(body: string, { ownWordsOnly = false } = {}): string {
  const parts: string[] = [];
  const visit = (nodes: readonly BbNode[]): void => {
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
          parts.push(node.text);
          break;
        case 'smiley':
          parts.push(node.emoji);
          break;
        case 'code':
          parts.push(' ', node.text, ' ');
          break;
        case 'attachment':
          if (node.name) parts.push(' ', node.name, ' ');
          break;
        case 'attachmentDeleted':
          parts.push(' [attachment deleted by admin] ');
          break;
        case 'me':
          parts.push(' * ', node.name, ' ');
          visit(node.children);
          break;
        case 'br':
        case 'hr':
        case 'image':
        case 'youtube':
          parts.push(' ');
          break;
        case 'style':
        case 'color':
        case 'size':
        case 'font':
        case 'link':
          visit(node.children);
          break;
        case 'quote':
          parts.push(' ');
          if (!ownWordsOnly) visit(node.children);
          parts.push(' ');
          break;
        default:
          // Blocks (paragraphs, quotes, lists, tables…): their text, set apart.
          parts.push(' ');
          visit(node.children);
          parts.push(' ');
      }
    }
  };
  visit(parseBbcode(body).children);
  return parts.join('').replace(/\s+/g, ' ').trim();
}
