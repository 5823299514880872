// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BbNode } from './ast';
import { runs } from '../../../test/deep';
import { MAX_DEPTH, MAX_QUOTE_DEPTH, parseAllParts, parseBbcode } from './parse';

/** The text a reader would see, with smileys as their codes and breaks as newlines. */
function flatten(nodes: readonly BbNode[]): string {
  let out = '';
  const stack: Array<BbNode | string> = [...nodes].reverse();
  while (stack.length > 0) {
    const n = stack.pop() as BbNode | string;
    if (typeof n === 'string') out += n;
    else if (n.type === 'text') out += n.text;
    else if (n.type === 'smiley') out += n.code;
    else if (n.type === 'br') out += '\n';
    else if (n.type === 'code') out += n.text;
    else if ('children' in n) {
      stack.push('\n');
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as BbNode);
    }
  }
  return out;
}

function depth(nodes: readonly BbNode[]): number {
  let max = 0;
  const stack: Array<[BbNode, number]> = nodes.map((n) => [n, 1]);
  while (stack.length > 0) {
    const [n, d] = stack.pop() as [BbNode, number];
    max = Math.max(max, d);
    if ('children' in n) for (const c of n.children) stack.push([c, d + 1]);
  }
  return max;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const types = (nodes: readonly BbNode[]) => nodes.map((n) => n.type);

describe('paragraphs and line breaks', () => {
  it('splits blank lines into paragraphs and single newlines into breaks', () => {
    const doc = parseBbcode('one\ntwo\n\n\nthree');
    expect(doc.children).toEqual([
      { type: 'paragraph', children: [{ type: 'text', text: 'one' }, { type: 'br' }, { type: 'text', text: 'two' }] },
      { type: 'paragraph', children: [{ type: 'text', text: 'three' }] },
    ]);
  });

  it('treats CRLF like LF', () => {
    expect(parseBbcode('a\r\n\r\nb')).toEqual(parseBbcode('a\n\nb'));
  });

  it('does not wrap blocks in paragraphs, and drops the newline that follows a block', () => {
    const doc = parseBbcode('before\n[quote]q[/quote]\nafter');
    expect(types(doc.children)).toEqual(['paragraph', 'quote', 'paragraph']);
    expect(doc.children[2]).toEqual({ type: 'paragraph', children: [{ type: 'text', text: 'after' }] });
  });
});

describe('malformed markup stays as typed', () => {
  it.each([
    '[b]never closed',
    'stray [/i] close',
    '[unknown]x[/unknown]',
    '[b=1]x[/b]',
    '[color]x[/color]',
    '[url]not a url[/url',
    '[*] outside a list',
    '[td]outside a table[/td]',
    '[code]no end',
    '[ b]spaced[/b ]',
    '[[b]]',
    '[constructor]not a tag[/constructor] [tostring] [/hasownproperty]',
  ])('%j', (body) => {
    expect(squash(flatten(parseBbcode(body).children))).toBe(squash(body));
  });

  it('reverts tags left open inside a closed one', () => {
    const doc = parseBbcode('[b]bold [i]both[/b] tail[/i]');
    expect(squash(flatten(doc.children))).toBe('bold [i]both tail[/i]');
    const b = (doc.children[0] as { children: BbNode[] }).children[0];
    expect(b).toMatchObject({ type: 'style', tag: 'b' });
  });

  it('keeps the text of any bracket-and-word soup (property)', () => {
    const piece = fc.oneof(
      fc.constantFrom('[', ']', '/', '=', ' ', '\n', 'foo', 'bar', 'x', '[foo]', '[/foo]', '[bar=1]', '[/bar]'),
      fc.stringMatching(/^[a-z ]{0,6}$/),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const body = parts.join('');
        expect(squash(flatten(parseBbcode(body).children))).toBe(squash(body));
      }),
      { numRuns: runs(500) },
    );
  });
});

describe('limits', () => {
  it('caps element depth for 10,000 nested tags, keeping the text and only the text', () => {
    const body = `${'[b]'.repeat(10_000)}core${'[/b]'.repeat(10_000)}`;
    const parts = parseAllParts(body);
    for (const part of parts) expect(depth(part.children)).toBeLessThanOrEqual(MAX_DEPTH + 2);
    expect(squash(parts.map((part) => flatten(part.children)).join(''))).toBe('core');
  });

  it(`flattens quotes nested deeper than ${MAX_QUOTE_DEPTH}`, () => {
    const body = `${'[quote]'.repeat(10)}deep${'[/quote]'.repeat(10)} after`;
    const doc = parseBbcode(body);
    let quotes = 0;
    let node: BbNode | undefined = doc.children[0];
    while (node && node.type === 'quote') {
      quotes++;
      node = node.children[0];
    }
    expect(quotes).toBe(MAX_QUOTE_DEPTH);
    expect(flatten(doc.children)).toContain('deep');
    expect(squash(flatten(doc.children))).toBe('deep after');
  });

  it('bounds the depth of any input (property)', () => {
    const piece = fc.constantFrom('[quote]', '[/quote]', '[b]', '[list][*]', '[table][td]', '[center]', '[url=/x]', 'x', '\n\n');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 200 }), (parts) => {
        expect(depth(parseBbcode(parts.join('')).children)).toBeLessThanOrEqual(MAX_DEPTH + 4);
      }),
      { numRuns: runs(500) },
    );
  });
});

describe('tags', () => {
  it('keeps code verbatim, without the newlines around it', () => {
    const doc = parseBbcode('[code=php]\n<?php echo "[b]x[/b] :)"; ?>\n[/code]');
    expect(doc.children).toEqual([{ type: 'code', lang: 'php', text: '<?php echo "[b]x[/b] :)"; ?>' }]);
  });

  it('leaves nobbc content alone: no tags, no smileys, no links', () => {
    const doc = parseBbcode('[nobbc][b]:) http://example.com[/b][/nobbc]');
    expect(doc.children).toEqual([{ type: 'paragraph', children: [{ type: 'text', text: '[b]:) http://example.com[/b]' }] }]);
  });

  it('reads SMF quote attributes, names with spaces included', () => {
    const [quote] = parseBbcode('[quote author=Dev Sunday link=topic=12.msg34#msg34 date=1700000000]hi[/quote]').children;
    expect(quote).toMatchObject({ type: 'quote', author: 'Dev Sunday', href: '/topic/12?post=34#msg34', date: 1700000000 });
    expect(parseBbcode('[quote="Bob"]x[/quote]').children[0]).toMatchObject({ author: 'Bob', href: null });
    expect(parseBbcode('[quote=Bob link=msg=5]x[/quote]').children[0]).toMatchObject({ author: 'Bob', href: '/post/5' });
  });

  it('closes list items implicitly and wraps stray content', () => {
    const [list] = parseBbcode('[list type=decimal]\n[*]one\n[li]two[/li]\n[*]three\n[/list]').children;
    expect(list).toMatchObject({ type: 'list', ordered: true, style: 'decimal' });
    expect((list as { children: BbNode[] }).children.map((li) => flatten([li]).trim())).toEqual(['one', 'two', 'three']);
  });

  it('implies a row for cells written straight inside a table', () => {
    const [table] = parseBbcode('[table][td]1[td]2[/table]').children;
    expect(table).toMatchObject({ type: 'table', children: [{ type: 'tableRow', children: [{}, {}] }] });
  });

  it('drops disallowed style values but keeps the text', () => {
    const doc = parseBbcode('[color=red;position:fixed]a[/color][size=50px]b[/size][font=Evil Font]c[/font][color=#ABC]d[/color]');
    const [p] = doc.children;
    expect((p as { children: BbNode[] }).children).toEqual([
      { type: 'text', text: 'a' },
      { type: 'size', size: 7, block: false, children: [{ type: 'text', text: 'b' }] },
      { type: 'text', text: 'c' },
      { type: 'color', color: '#abc', block: false, children: [{ type: 'text', text: 'd' }] },
    ]);
  });

  it('does not nest links', () => {
    const doc = parseBbcode('[url=http://a.example][url=http://b.example]x[/url][/url]');
    expect(JSON.stringify(doc)).not.toMatch(/"type":"link"[^\]]*"type":"link"/);
  });

  it('reads [attach] in its SMF forms and lists inline ids once, in order', () => {
    const doc = parseBbcode('[attach id=5]a.png[/attach] [attach id=3] [attach=5] [attach]7[/attach]');
    expect(doc.attachmentIds).toEqual([5, 3, 7]);
    expect(doc.children[0]).toEqual({ type: 'attachment', id: 5, name: 'a.png', width: null, height: null });
  });

  it('keeps the size an [attach] asks for, and drops one that is not a number', () => {
    const [sized, bad] = parseBbcode('[attach id=5 width=320 height=180] [attach id=6 width=50%]').children;
    expect(sized).toMatchObject({ type: 'attachment', id: 5, width: 320, height: 180 });
    expect(bad).toMatchObject({ type: 'attachment', id: 6, width: null, height: null });
  });

  it('turns SMF’s “attachment deleted by admin” line into a node', () => {
    expect(types(parseBbcode('text\n\n[attachment deleted by admin]').children)).toEqual(['paragraph', 'attachmentDeleted']);
  });
});

describe('smileys and bare links', () => {
  it('converts smileys only where SMF would', () => {
    const codes = (s: string) =>
      JSON.stringify(parseBbcode(s))
        .match(/"code":"[^"]+"/g)
        ?.map((m) => m.slice(8, -1)) ?? [];
    expect(codes(':) ;) :D ;D >:( :( :o 8) ??? ::) :P :-[ :-X :-\\ :-* :\'(')).toHaveLength(16);
    expect(codes('(item8) http://x.example :)x a:D')).toEqual([]);
  });

  it('links bare URLs without trailing punctuation or an unbalanced parenthesis', () => {
    const doc = parseBbcode('See (http://example.com/a_(b)), and https://example.org/x.');
    const links = JSON.stringify(doc).match(/"href":"[^"]+"/g);
    expect(links).toEqual(['"href":"http://example.com/a_(b)"', '"href":"https://example.org/x"']);
  });
});
