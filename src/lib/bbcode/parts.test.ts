// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runs } from '../../../test/deep';
import type { BbDocument, BbNode } from './ast';
import { PART_CHARS, PART_NODES, parseAllParts, parseBbcode } from './parse';

// A long body is shown a part at a time, so that no post keeps the reader busy for long.
// What a reader gets from the parts, one after another, must be what the body says.

/** The words a reader sees, smileys as their codes, code blocks as their text. */
function text(nodes: readonly BbNode[]): string {
  let out = '';
  const stack: BbNode[] = [...nodes].reverse();
  while (stack.length > 0) {
    const n = stack.pop() as BbNode;
    if (n.type === 'text') out += n.text;
    else if (n.type === 'smiley') out += n.code;
    else if (n.type === 'code') out += `${n.text}\n`;
    else if (n.type === 'br') out += '\n';
    else if ('children' in n) {
      out += '\n';
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as BbNode);
    }
  }
  return out;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const allText = (parts: readonly BbDocument[]) => squash(parts.map((part) => text(part.children)).join(' '));

function countNodes(nodes: readonly BbNode[]): number {
  let count = 0;
  const stack = [...nodes];
  while (stack.length > 0) {
    const n = stack.pop() as BbNode;
    count++;
    if ('children' in n) stack.push(...n.children);
  }
  return count;
}

const PROSE =
  'South Korea has issued an urgent demand for the immediate withdrawal of troops, a move that highlights ' +
  'growing regional tensions and a rapidly shifting geopolitical landscape. Observers note the risks.\n\n';
const prose = (size: number) => PROSE.repeat(Math.ceil(size / PROSE.length));

describe('a long body, a part at a time', () => {
  it('reads a body a quarter longer than a part as one part, rather than leave a sliver', () => {
    expect(parseBbcode(prose(PART_CHARS * 1.25).slice(0, PART_CHARS * 1.25)).next).toBeNull();
    expect(parseBbcode(prose(PART_CHARS * 1.25 + 1).slice(0, PART_CHARS * 1.25 + 1)).next).not.toBeNull();
  });

  it('splits 100 KB of prose into parts of most of PART_CHARS characters that end at a paragraph', () => {
    const body = prose(100_000);
    const parts = parseAllParts(body);
    expect(parts.length).toBeGreaterThanOrEqual(100_000 / PART_CHARS);
    expect(parts.length).toBeLessThanOrEqual(100_000 / (PART_CHARS * 0.75) + 1);
    for (const part of parts.slice(0, -1)) {
      const offset = part.next?.offset ?? 0;
      expect(body.slice(offset - 2, offset)).toBe('\n\n');
      const last = part.children[part.children.length - 1];
      expect(last && text([last]).trim().endsWith('Observers note the risks.')).toBe(true);
    }
    expect(allText(parts)).toBe(squash(body));
  });

  it('carries a quote that spans parts into each of them, with its author, and never shows its tags', () => {
    const body = `[quote=Ann]${prose(60_000)}[/quote]after`;
    const parts = parseAllParts(body);
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts.slice(0, -1)) {
      expect(part.children).toHaveLength(1);
      expect(part.children[0]).toMatchObject({ type: 'quote', author: 'Ann' });
    }
    expect(allText(parts)).toBe(squash(`${prose(60_000)} after`));
  });

  it('continues a code block in the next part, cut after a line, and closes it where the author did', () => {
    const line = 'const answer = [b]42[/b]; // not BBCode\n';
    const code = line.repeat(Math.ceil((PART_CHARS * 2.5) / line.length));
    const parts = parseAllParts(`[code=js]\n${code}[/code]\n[b]after[/b]`);
    expect(parts.length).toBeGreaterThan(2);
    const codes = parts.flatMap((part) => part.children.filter((n) => n.type === 'code'));
    expect(codes).toHaveLength(parts.length - 1);
    for (const c of codes) expect(c).toMatchObject({ lang: 'js' });
    expect(codes.map((c) => (c.type === 'code' ? `${c.text}\n` : '')).join('')).toBe(code);
    expect(allText(parts).endsWith('not BBCode after')).toBe(true);
  });

  it('ends a part at about PART_NODES nodes, even in a short body dense with smileys and lines', () => {
    for (const body of [':) '.repeat(1_000), 'x\n'.repeat(1_500), '[hr]'.repeat(1_000), '[list]' + '[*]a'.repeat(1_000)]) {
      const parts = parseAllParts(body);
      expect(parts.length).toBeGreaterThan(1);
      for (const part of parts) expect(countNodes(part.children)).toBeLessThanOrEqual(PART_NODES * 1.5);
    }
  });

  it('keeps 10,000 nested tags to their text across parts, without stray closing tags', () => {
    const parts = parseAllParts(`${'[quote][b]'.repeat(10_000)}core${'[/b][/quote]'.repeat(10_000)} end`);
    expect(allText(parts)).toBe('core end');
  });

  it('points the next part into the body as written, CRLF line ends included', () => {
    const body = prose(60_000).replace(/\n/g, '\r\n');
    const parts = parseAllParts(body);
    for (const part of parts.slice(0, -1)) expect(body.slice((part.next?.offset ?? 0) - 2, part.next?.offset)).toBe('\r\n');
    expect(allText(parts)).toBe(squash(body));
  });

  it('moves on in every part and keeps every part small, whatever the body (property)', () => {
    const piece = fc.constantFrom(
      '[b]', '[/b]', '[quote]', '[/quote]', '[code]', '[/code]', '[nobbc]', '[/nobbc]', '[list]', '[*]', '[/list]',
      '[table]', '[tr]', '[td]', '[/table]', '[url=/x]', '[/url]', '[size=7]', '[color=evil]', '[/color]',
      'http://a.example/', ':)', ' ', '\n', '\n\n', 'word', '\r\n', '[', ']', '"', 'é', '😀',
    );
    const unit = fc.array(piece, { minLength: 1, maxLength: 6 }).map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(unit, unit, (a, b) => {
        const body = a.repeat(Math.ceil(12_000 / a.length)) + b.repeat(Math.ceil(12_000 / b.length));
        let offset = 0;
        for (const part of parseAllParts(body)) {
          expect(countNodes(part.children)).toBeLessThanOrEqual(PART_NODES * 3);
          if (part.next) {
            expect(part.next.offset).toBeGreaterThan(offset);
            expect(part.next.offset - offset).toBeLessThanOrEqual(PART_CHARS * 2.25);
            offset = part.next.offset;
          }
        }
      }),
      { numRuns: runs(60) },
    );
  });
});
