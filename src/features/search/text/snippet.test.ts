import { describe, expect, it } from 'vitest';
import { bbcodeToPlainText } from '../../../lib/bbcode/plain-text';
import { highlight, queryWords, snippet, wordPattern, type Piece } from './snippet';

const marked = (pieces: readonly Piece[]) => pieces.filter((p) => p.marked).map((p) => p.text);
const joined = (pieces: readonly Piece[]) => pieces.map((p) => p.text).join('');

describe('query words', () => {
  it('splits on any space, lowercases and drops repeats', () => {
    expect(queryWords('  North\tKOREAN  north ')).toEqual(['north', 'korean']);
    expect(wordPattern(queryWords('   '))).toBeNull();
  });

  it('treats pattern characters as text', () => {
    const pattern = wordPattern(queryWords('c++ (a|b) never-ending $5'));
    expect(marked(highlight('I write c++ and (a|b) in a never-ending $5 thread', pattern))).toEqual(['c++', '(a|b)', 'never-ending', '$5']);
    expect(marked(highlight('cxx ab', pattern))).toEqual([]);
  });
});

describe('highlight', () => {
  it('marks every occurrence in any case, keeping the text as written', () => {
    const pieces = highlight('North Korean troops: KOREA and korean', wordPattern(['korean', 'korea']));
    expect(joined(pieces)).toBe('North Korean troops: KOREA and korean');
    expect(marked(pieces)).toEqual(['Korean', 'KOREA', 'korean']);
  });

  it('marks non-Latin words', () => {
    expect(marked(highlight('قال مرحباً للجميع', wordPattern(['مرحباً'])))).toEqual(['مرحباً']);
  });
});

describe('snippet', () => {
  const filler = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

  it('shows a short text whole', () => {
    const s = snippet('a short post about dividends', wordPattern(['dividend']));
    expect(s).toMatchObject({ cutStart: false, cutEnd: false });
    expect(marked(s.pieces)).toEqual(['dividend']);
  });

  it('centres a long text on its matches, cut at spaces', () => {
    const text = `${filler(100)} the dividend cover ${filler(100)}`;
    const s = snippet(text, wordPattern(['dividend']));
    expect(s.cutStart && s.cutEnd).toBe(true);
    expect(marked(s.pieces)).toEqual(['dividend']);
    const shown = joined(s.pieces);
    expect(shown.length).toBeLessThanOrEqual(240);
    expect(text.includes(shown)).toBe(true);
    expect(shown).toMatch(/^word\d+ /);
    expect(shown).toMatch(/ word\d+$/);
  });

  it('prefers the stretch that holds the most of the words', () => {
    const text = `alpha ${filler(80)} alpha beta gamma ${filler(80)}`;
    const s = snippet(text, wordPattern(['alpha', 'beta', 'gamma']));
    expect(marked(s.pieces)).toEqual(['alpha', 'beta', 'gamma']);
  });

  it('starts at the beginning when the words are not in the body', () => {
    const s = snippet(filler(200), wordPattern(['absent']));
    expect(s.cutStart).toBe(false);
    expect(s.cutEnd).toBe(true);
    expect(marked(s.pieces)).toEqual([]);
  });
});

describe('post text without BBCode', () => {
  it('keeps quoted words for a snippet, and leaves them out when only the post\'s own words are wanted', () => {
    const body = '[quote author=Ann]Their words[/quote]My own words.';
    expect(bbcodeToPlainText(body)).toBe('Their words My own words.');
    expect(bbcodeToPlainText(body, { ownWordsOnly: true })).toBe('My own words.');
  });

  it('keeps the words and drops the tags, attributes and addresses', () => {
    const text = bbcodeToPlainText(
      '[quote author=Dev Sunday link=msg=42001 date=1729523940]Quoted [b]words[/b][/quote]\n' +
        'See [url=https://example.com/x]the report[/url] :)\n[img]https://example.com/a.png[/img][list][*]one[*]two[/list]',
    );
    expect(text).toBe('Quoted words See the report 🙂 one two');
  });

  it('keeps HTML-looking text as text', () => {
    expect(bbcodeToPlainText('<script>alert(1)</script> [b]x[/b]')).toBe('<script>alert(1)</script> x');
  });

  it('keeps the deleted-attachment line, which SMF writes into the body', () => {
    expect(bbcodeToPlainText('Photo below.\n\n[attachment deleted by admin]')).toBe('Photo below. [attachment deleted by admin]');
  });
});
