// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { decodeVlq, generatedSpans, groupOf, textByGroup } from './source-map';

describe('VLQ decoding', () => {
  it('decodes the sourcemap spec’s digits, signs and continuations', () => {
    expect(decodeVlq('AAAA')).toEqual([0, 0, 0, 0]);
    expect(decodeVlq('CADF')).toEqual([1, 0, -1, -2]);
    expect(decodeVlq('gB')).toEqual([16]);
    expect(decodeVlq('2Hw+B')).toEqual([123, 1000]);
    expect(() => decodeVlq('A!')).toThrow(/Not a base64 VLQ digit/);
  });
});

describe('attributing generated code to sources', () => {
  // Line 0: "aaa" from a.ts at column 0, "bbbb" from b.ts at column 3; line 1: "a" from a.ts at column 2.
  const map = { sources: ['a.ts', 'b.ts'], mappings: 'AAAA,GCAA;EDAA' };
  const code = 'aaabbbb\n;;a';

  it('splits each line at its segments; text before a line’s first segment is glue', () => {
    expect(generatedSpans(map, code)).toEqual([
      { line: 0, start: 0, end: 3, source: 'a.ts' },
      { line: 0, start: 3, end: 7, source: 'b.ts' },
      { line: 0, start: 7, end: 8, source: null },
      { line: 1, start: 0, end: 2, source: null },
      { line: 1, start: 2, end: 3, source: 'a.ts' },
      { line: 1, start: 3, end: 4, source: null },
    ]);
  });

  it('adds up to the whole file, grouped', () => {
    const groups = textByGroup({ ...map, sources: ['../../node_modules/react-dom/cjs/x.js', '../../src/features/topic/y.tsx'] }, code);
    expect(groups.get('react-dom')).toBe('aaaa');
    expect(groups.get('src/features/topic')).toBe('bbbb');
    expect([...groups.values()].join('').length).toBe(code.length + 1);
  });

  it('names packages (scoped ones too) and app areas', () => {
    expect(groupOf('../../node_modules/react-dom/cjs/react-dom-client.production.js')).toBe('react-dom');
    expect(groupOf('../../node_modules/@tanstack/query-core/build/modern/query.js')).toBe('@tanstack/query-core');
    expect(groupOf('../../node_modules/a/node_modules/b/src/index.js')).toBe('b');
    expect(groupOf('../../src/features/topic/components/topic-page.tsx')).toBe('src/features/topic');
    expect(groupOf('../../src/lib/bbcode/parse.ts')).toBe('src/lib/bbcode');
    expect(groupOf('../../src/ui/post-body/post-body.tsx')).toBe('src/ui');
    expect(groupOf('../../src/main.tsx')).toBe('src/main.tsx');
    expect(groupOf('../../mocks/browser.ts')).toBe('mocks (!)');
    expect(groupOf(null)).toBe('(bundler glue, no source)');
  });
});
