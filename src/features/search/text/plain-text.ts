import type { BbNode } from '../../../lib/bbcode/ast';
import { parseBbcode } from '../../../lib/bbcode/parse';

/**
 * A post body as the words a reader sees, on one line: the BBCode parser's tree
 * flattened to text, so tags, attributes and image/video addresses never show in a
 * snippet. Block boundaries become spaces so words from two paragraphs stay apart.
 */
export function bbcodeToPlainText(body: string): string {
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
