import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BbNode } from '../../src/lib/bbcode/ast';
import { parseBbcode } from '../../src/lib/bbcode/parse';
import { runs } from '../../test/deep';
import { encodeBody, encodeEmojiAsEntities, encodeTitle } from '../seed/stored-text-encode';
import { censor, decodeBody, decodeTitle, parseCensorRules } from './stored-text';

// What the reader shows for a body: the text of the parsed tree, with anything that is
// not plain text marked, so a test can compare it with what SMF shows on its page.
function shownNodes(nodes: readonly BbNode[]): string {
  return nodes
    .map((node): string => {
      switch (node.type) {
        case 'text':
          return node.text;
        case 'br':
          return '\n';
        case 'paragraph':
          return `${shownNodes(node.children)}\n\n`;
        case 'smiley':
          return `<smiley ${node.code}>`;
        case 'code':
          return `<code>${node.text}</code>`;
        default:
          return 'children' in node ? `<${node.type}>${shownNodes(node.children)}</${node.type}>` : `<${node.type}>`;
      }
    })
    .join('');
}

const shown = (bbcode: string): string => shownNodes(parseBbcode(bbcode).children).trim();

const noCensor = parseCensorRules('', '', { wholeWord: false, ignoreCase: false });

describe('decodeBody: SMF stored bodies', () => {
  it.each([
    ['htmlspecialchars with ENT_QUOTES', 'Tom &amp; Jerry &lt;3 &quot;quoted&quot; it&#039;s', 'Tom & Jerry <3 "quoted" it\'s'],
    ['the older &#39; apostrophe and &apos;', 'it&#39;s &apos;ok&apos;', "it's 'ok'"],
    ['<br> newlines', 'one<br>two<br><br>four', 'one\ntwo\n\nfour'],
    ['<br /> newlines of SMF 1.x and 2.0 data', 'one<br />two<br/>three', 'one\ntwo\nthree'],
    ['double spaces kept with &nbsp;', 'a&nbsp; b&nbsp;&nbsp; c&nbsp;  d', 'a  b   c   d'],
    ['tabs are stored as they are', 'a\tb', 'a\tb'],
    ['decoded exactly once', '&amp;lt; &amp;amp; &amp;#91;b&amp;#93; &amp;nbsp;', '&lt; &amp; &#91;b&#93; &nbsp;'],
    [
      'a quote from the quote button',
      '[quote author=Tom &amp; Jerry link=msg=123 date=1700000000]Hi &gt; there[/quote]<br>Reply',
      '[quote author=Tom & Jerry link=msg=123 date=1700000000]Hi > there[/quote]\nReply',
    ],
    ['a quoted [quote=] value', '[quote=&quot;Ann Lee&quot;]x[/quote]', '[quote="Ann Lee"]x[/quote]'],
    ['a URL with &amp;', '[url=https://example.com/?a=1&amp;b=2]link[/url]', '[url=https://example.com/?a=1&b=2]link[/url]'],
    [
      'a [nobbc] region',
      '[nobbc]&#91;b&#93;not bold&#91;/b&#93; &#58;) me&#64;example.com[/nobbc]',
      '[nobbc][b]not bold[/b] :) me@example.com[/nobbc]',
    ],
    ['emoji stored by a utf8 (not utf8mb4) database', 'Hi &#128512; &#x1F600;&#X1f389;', 'Hi 😀 😀🎉'],
    ['invalid code points', '&#0; &#xD800; &#57343; &#1114112; &#x110000; &#99999999999999;', '\uFFFD \uFFFD \uFFFD \uFFFD \uFFFD \uFFFD'],
    ['leading zeros', '&#0000065; &#x000041;', 'A A'],
    ['C1 references are Windows-1252, as browsers show them', '&#146;s &#150; &#128;5 &#129;', '’s – €5 \u0081'],
    ['control characters shown as control pictures', 'a&#x2400;b&#x241b;', 'a\u2400b\u241b'],
    ['named entities SMF never writes stay as typed', '&hellip; &eacute; &AMP;', '&hellip; &eacute; &AMP;'],
    ['a lone ampersand', 'AT&T & co', 'AT&T & co'],
    ['CRLF in old data', 'a\r\nb\rc', 'a\nb\nc'],
  ])('%s', (_label, stored, expected) => {
    expect(decodeBody(stored)).toBe(expected);
  });

  it('shows [nobbc] content as text, with no smileys, tags or links', () => {
    const body = decodeBody('[nobbc]&#91;b&#93;x&#91;/b&#93; &#58;) http&#58;//example.com[/nobbc]');
    expect(shown(body)).toBe('[b]x[/b] :) http://example.com');
  });
});

describe('decodeBody: an escaped bracket never becomes a tag', () => {
  it.each([
    // [stored, decoded, what SMF shows]
    ['an entity bracket outside [nobbc]', '&#91;b&#93;bold?&#91;/b&#93;', '[nobbc][[/nobbc]b]bold?[nobbc][[/nobbc]/b]', '[b]bold?[/b]'],
    ['SMF neutralising a tag the member may not use', '&#91;html]<b>&#91;/html]', '[nobbc][[/nobbc]html]<b>[nobbc][[/nobbc]/html]', '[html]<b>[/html]'],
    ['preparsecode’s [] → &#91;]', 'a&#91;]b', 'a[]b', 'a[]b'],
    ["preparsecode's [' → &#91;&#039;", "$x&#91;&#039;key&#039;]", "$x['key']", "$x['key']"],
    ['a hex entity bracket', '&#x5b;i&#x5D;x&#x5b;/i&#x5d;', '[nobbc][[/nobbc]i]x[nobbc][[/nobbc]/i]', '[i]x[/i]'],
    ['an entity ] ending a raw tag', '[b&#93;x[/b]', '[nobbc][[/nobbc]b]x[/b]', '[b]x[/b]'],
    ['an entity letter in a tag name', '[&#98;]x[/b]', '[nobbc][[/nobbc]b]x[/b]', '[b]x[/b]'],
    ['an entity slash in a closing tag', '[b]x[&#47;b]', '[b]x[nobbc][[/nobbc]/b]', '[b]x[/b]'],
    ['an entity = after a tag name', '[color&#61;red]x[/color]', '[nobbc][[/nobbc]color=red]x[/color]', '[color=red]x[/color]'],
    ['an entity ] after an open [', '[ a&#93; &#93;', '[ a[nobbc]][/nobbc] ]', '[ a] ]'],
    ['literal characters typed by the author', '&amp;#91;b&amp;#93;', '&#91;b&#93;', '&#91;b&#93;'],
    // SMF's preparsecode matches `\[nobbc\](.+?)\[/nobbc\]`, at least one character, so
    // for `[nobbc][/nobbc]x[/nobbc]` the content is `[/nobbc]x`.
    ['[/nobbc] inside a [nobbc] region', '[nobbc]&#91;/nobbc&#93;x[/nobbc]', '[nobbc][[/nobbc][nobbc]/nobbc]x[/nobbc]', '[/nobbc]x'],
    ['a [nobbc] SMF did not honour', '[nobbc]abc &#91;b&#93;', '[nobbc][[/nobbc]nobbc]abc [nobbc][[/nobbc]b]', '[nobbc]abc [b]'],
    ['an unclosed [nobbc] with nothing to swallow stays as typed', '[nobbc]abc', '[nobbc]abc', '[nobbc]abc'],
    ['an unclosed [code] before a region holding [/code]', '[code]x [nobbc]&#91;/code&#93;&#91;b&#93;[/nobbc]', '[nobbc][[/nobbc]code]x [nobbc][/code][b][/nobbc]', '[code]x [/code][b]'],
    [
      // preparsecode escapes the region before it closes the [code] it finds unclosed.
      'a [/code] escaped inside [code]',
      '[code]x[nobbc]y&#91;/code&#93;z[/nobbc][/code]',
      '[code]x[nobbc]y[/code][nobbc][[/nobbc][code]/code]z[/nobbc][/code]',
      '<code>x[nobbc]y</code>[\n\n<code>/code]z[/nobbc]</code>',
    ],
  ])('%s', (_label, stored, decoded, smfShows) => {
    const body = decodeBody(stored);
    expect(body).toBe(decoded);
    expect(shown(body)).toBe(smfShows);
  });

  it('keeps code blocks verbatim, entity brackets included', () => {
    const body = decodeBody('[code]if (a&#91;0&#93; &amp;&amp; b) {<br>&nbsp; x = &quot;[b]&quot;;<br>}[/code]');
    expect(body).toBe('[code]if (a[0] && b) {\n  x = "[b]";\n}[/code]');
    expect(shown(body)).toBe('<code>if (a[0] && b) {\n  x = "[b]";\n}</code>');
  });

  it('splits a [nobbc] region inside a link, where the reader would not honour it', () => {
    const body = decodeBody('[url=https://example.com/][nobbc]&#91;img&#93;x&#91;/img&#93;[/nobbc][/url] [nobbc]&#91;b&#93;[/nobbc]');
    expect(body).toBe(
      '[url=https://example.com/][nobbc][[/nobbc][nobbc]img]x[/nobbc][nobbc][[/nobbc][nobbc]/img][/nobbc][/url] [nobbc][b][/nobbc]',
    );
    const doc = parseBbcode(body);
    expect(JSON.stringify(doc)).not.toMatch(/"image"/);
    // After the link is closed, regions are written as stored again.
    expect(shown(body).endsWith(' [b]')).toBe(true);
  });

  it('treats [code] inside a possible link as text for whatever follows', () => {
    // A link the reader refuses (javascript:) does not open; the [code] then is a real
    // code block up to its [/code], and the region in it must not end it early.
    const stored = '[url=javascript:alert(1)][code][/url] [nobbc]&#91;/code&#93;&#91;b&#93;y[/nobbc] [/code]';
    const doc = parseBbcode(decodeBody(stored));
    expect(JSON.stringify(doc)).not.toMatch(/"style"/);
  });
});

describe('decodeTitle', () => {
  it.each([
    ['escaped subject', 'Re: Tom &amp; Jerry &lt;3 &quot;x&quot;', 'Re: Tom & Jerry <3 "x"'],
    ["ENT_COMPAT leaves ' as is", "It's", "It's"],
    ['ENT_QUOTES elsewhere', 'It&#039;s', "It's"],
    ['decoded once', '&amp;amp; &amp;#039;', '&amp; &#039;'],
    ['emoji entities', 'Party &#127881;', 'Party 🎉'],
    ['trimmed, &nbsp; included', ' &nbsp; Title&nbsp; ', 'Title'],
    ['tabs and newlines of old data are spaces', 'a\tb\nc', 'a b c'],
    ['brackets are plain text in a title', '[SOLVED] &#91;b&#93;', '[SOLVED] [b]'],
  ])('%s', (_label, stored, expected) => {
    expect(decodeTitle(stored)).toBe(expected);
  });
});

describe('encodeBody / encodeTitle / encodeEmojiAsEntities', () => {
  it.each([
    ['escapes with ENT_QUOTES', `Tom & "Jerry" <3 it's`, 'Tom &amp; &quot;Jerry&quot; &lt;3 it&#039;s'],
    ['a double space', 'a  b', 'a&nbsp; b'],
    ['three and four spaces, as strtr pairs them', 'a   b    c', 'a&nbsp;  b&nbsp; &nbsp; c'],
    ['newlines, CRLF and CR', 'a\nb\r\nc\rd', 'a<br>b<br>c<br>d'],
    ['Unicode line breaks', 'a\u2028b\u0085c', 'a<br>b<br>c'],
    ['a no-break space', 'a\u00A0b', 'a&nbsp;b'],
    ['[nobbc] regions', '[NoBbC][b]x[/b] :) a@b[/nobbc] [b]y[/b]', '[nobbc]&#91;b&#93;x&#91;/b&#93; &#58;) a&#64;b[/nobbc] [b]y[/b]'],
    ['an empty [nobbc] is not a region', '[nobbc][/nobbc] [b]', '[nobbc][/nobbc] [b]'],
    ['[] and [\'', "[] $a['k']", "&#91;] $a&#91;&#039;k&#039;]"],
    ['control characters', 'a\u0000b\u001bc\u000bd', 'a&#x2400;b&#x241b;c&#x240b;d'],
    ['invisibles and C1 controls', 'a\u00ADb\uFEFFc\u0090d\uE000', 'a\uFFFDb\uFFFDc\uFFFDd\uFFFD'],
    ['lone surrogates', 'a\uD800b\uDC00', 'a\uFFFDb\uFFFD'],
    ['NFC', 'e\u0301', '\u00E9'],
    ['a hundred periods', `wait${'.'.repeat(120)}!`, 'wait...!'],
    ['an entity typed as text', '&#91;b&#93;', '&amp;#91;b&amp;#93;'],
  ])('encodeBody: %s', (_label, plain, stored) => {
    expect(encodeBody(plain)).toBe(stored);
  });

  it('encodeTitle escapes as SMF escapes subjects and names', () => {
    expect(encodeTitle(`Tom & "Jerry" <3 it's\t\r\n!`)).toBe(`Tom &amp; &quot;Jerry&quot; &lt;3 it's!`);
  });

  it('encodeEmojiAsEntities writes characters outside the BMP as decimal entities', () => {
    expect(encodeEmojiAsEntities('é 😀 👍🏽 ✓')).toBe('é &#128512; &#128077;&#127997; ✓');
  });
});

// ---------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------

// Text SMF stores without loss. The exceptions are SMF's, not the codec's: it rewrites
// control characters, other line breaks, U+00A0 (stored as &nbsp;, which it cannot tell
// from a double space), invisibles, non-NFC text and long runs of periods (see encodeBody).
const LOSSY = /(?![\t\n])\p{Cc}|[\u00A0\u00AD\u2028\u2029\u2061-\u2064\u206A-\u206F\uFEFF\uFFF9-\uFFFC\p{Co}\p{Cn}]|\.{100}/u;
const storesLosslessly = (s: string): boolean => !LOSSY.test(s) && s === s.normalize('NFC');

// Where SMF and the reader read typed text differently, decodeBody follows SMF (what the
// author saw), so the round trip cannot give back the typed text:
// - `[nobbc][/nobbc]…[/nobbc]`: SMF's region is `[/nobbc]…` (its regex needs a character);
// - [nobbc] tags not in lower case: preparsecode rewrites the tags of a region.
const readsAlike = (s: string): boolean =>
  !/\[nobbc\]\[\/nobbc\][\s\S]*\[\/nobbc\]/i.test(s) && !/\[\/?nobbc\]/i.test(s.replace(/\[\/?nobbc\]/g, ''));

const SHARED_TOKENS = [
  '[', ']', '[]', "['", ':)', ':', '@', '&', '&amp;', '&#91;', '&#x5b;', '&#93;', '&nbsp;', '&lt;', '&#039;', '&#128512;',
  '<br>', '<br />', '<', '>', '"', "'", ' ', '  ', '   ', '\n', '\n\n', '\t', '😀', '👍🏽', 'é', 'x', 'b', '/', '*', '=',
  '[b]', '[/b]', '[quote author=Ann link=msg=1 date=2]', '[/quote]',
];
const NOBBC_TOKENS = ['[nobbc]', '[/nobbc]', 'nobbc', '[/', '[nobbc][/nobbc]'];
const CODE_TOKENS = ['[code]', '[/code]', '[code=php]', '[CODE]', '[/Code]', 'code'];

const typed = (tokens: readonly string[]) =>
  fc
    .array(
      fc.oneof(
        { arbitrary: fc.constantFrom(...tokens), weight: 5 },
        { arbitrary: fc.string({ unit: 'grapheme', maxLength: 3 }), weight: 1 },
      ),
      { maxLength: 40 },
    )
    .map((parts) => parts.join(''))
    .filter((s) => storesLosslessly(s) && readsAlike(s));

describe('round trips', () => {
  it('decodeBody(encodeBody(s)) === s, with [nobbc]', () => {
    fc.assert(
      fc.property(typed([...SHARED_TOKENS, ...NOBBC_TOKENS]), (s) => {
        expect(decodeBody(encodeBody(s))).toBe(s);
      }),
      { numRuns: runs(300) },
    );
  });

  it('decodeBody(encodeBody(s)) === s, with [code]', () => {
    fc.assert(
      fc.property(typed([...SHARED_TOKENS, ...CODE_TOKENS]), (s) => {
        expect(decodeBody(encodeBody(s))).toBe(s);
      }),
      { numRuns: runs(300) },
    );
  });

  it('round trips through a utf8 database, emoji as entities', () => {
    fc.assert(
      fc.property(typed([...SHARED_TOKENS, ...NOBBC_TOKENS]), (s) => {
        expect(decodeBody(encodeEmojiAsEntities(encodeBody(s)))).toBe(s);
        expect(decodeTitle(encodeEmojiAsEntities(encodeTitle(s)))).toBe(s.replace(/[\t\n\r]/g, '').trim());
      }),
      { numRuns: runs(200) },
    );
  });

  it('no censor rules change nothing', () => {
    fc.assert(
      fc.property(typed([...SHARED_TOKENS, ...NOBBC_TOKENS]), (s) => {
        const stored = encodeBody(s);
        expect(decodeBody(stored, noCensor)).toBe(decodeBody(stored));
      }),
      { numRuns: runs(100) },
    );
  });

  // SMF strips tabs and line breaks from subjects; decodeTitle trims, since HTML never
  // showed a title's outer spaces. Everything else comes back as typed.
  it('decodeTitle(encodeTitle(s)) === s without tabs and line breaks, trimmed', () => {
    const title = fc
      .array(fc.oneof(fc.constantFrom('&', '&amp;', '&#039;', '"', "'", '<', '>', ' ', '\t', '\n', '\r', '&nbsp;', '[b]', '😀'), fc.string({ unit: 'grapheme', maxLength: 3 })), { maxLength: 20 })
      .map((parts) => parts.join(''))
      .filter((s) => s === s.normalize('NFC'));
    fc.assert(
      fc.property(title, (s) => {
        expect(decodeTitle(encodeTitle(s))).toBe(s.replace(/[\t\n\r]/g, '').trim());
      }),
      { numRuns: runs(300) },
    );
  });

  it('decodeBody never throws, on any string at all', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        expect(typeof decodeBody(s)).toBe('string');
        expect(typeof decodeTitle(s)).toBe('string');
      }),
      { numRuns: runs(300) },
    );
  });
});

// Stored bodies whose only raw markup is [nobbc], [code] and links, and whose payload is
// escaped tags (as SMF stores them, or as a hostile import might). Whatever the reader
// parses from the decoded text, none of the escaped tags may be live.
const RAW_MARKUP = [
  '[nobbc]', '[/nobbc]', '[NOBBC]', '[/NoBbC]', '[code]', '[/code]', '[code=php]', '[url=https://ok.example/]',
  '[url=javascript:alert(1)]', '[/url]', '[iurl=https://ok.example/]', '[/iurl]', '[email=a@ok.example]', '[/email]',
  '[', ']', '\n', '<br>', ' ', 'x', ':', 'nob', 'code',
];
const ESCAPED = [
  '&#91;', '&#93;', '&#x5b;', '&#X5D;', '&#91;b&#93;', '&#91;/b&#93;', '&#91;img&#93;https://evil.example/i.png&#91;/img&#93;',
  '&#91;/nobbc&#93;', '&#91;nobbc&#93;', '&#91;/code&#93;', '&#91;code&#93;', '&#91;url=https://evil.example/&#93;click',
  '&#91;/url&#93;', '&#91;quote&#93;', '&#91;*&#93;', '&#91;list&#93;', '&#98;', '&#47;', '&#61;', 'b', '/', 'img', 'i]',
  '&#91;attach id=5&#93;', '&#91;youtube&#93;dQw4w9WgXcQ&#91;/youtube&#93;', '&#91;color=red&#93;', '&nbsp;', '&amp;', '&#58;)',
];
const hostile = fc
  .array(fc.oneof(fc.constantFrom(...RAW_MARKUP), fc.constantFrom(...ESCAPED), fc.constantFrom(...ESCAPED)), { maxLength: 30 })
  .map((parts) => parts.join(''));

function escapedTagsThatWentLive(nodes: readonly BbNode[], found: string[]): string[] {
  for (const node of nodes) {
    if (!['paragraph', 'text', 'br', 'link', 'code', 'smiley'].includes(node.type)) found.push(node.type);
    // Links may come from the raw [url=…] tags or from autolinked text, never from escaped tags.
    if (node.type === 'link' && node.href.includes('evil') && !(node.children[0]?.type === 'text' && node.children[0].text.startsWith('http'))) {
      found.push(`link to ${node.href}`);
    }
    if ('children' in node) escapedTagsThatWentLive(node.children, found);
  }
  return found;
}

describe('safety', () => {
  const rules = [
    noCensor,
    // Rules that cut into tag names, [nobbc] included, and one whose replacement is BBCode.
    parseCensorRules('nob\ncode\nx', '***\nc\n', { wholeWord: false, ignoreCase: true }),
    parseCensorRules('b\nimg\nurl', '[b]\n\n[img]', { wholeWord: true, ignoreCase: false }),
  ];

  it('no escaped tag is ever live in the reader', () => {
    fc.assert(
      fc.property(hostile, fc.constantFrom(...rules), (stored, censorRules) => {
        const doc = parseBbcode(decodeBody(stored, censorRules));
        expect(escapedTagsThatWentLive(doc.children, [])).toEqual([]);
        expect(doc.attachmentIds).toEqual([]);
      }),
      { numRuns: runs(2000) },
    );
  });

  it('encoded text keeps the author’s tags, and [nobbc] keeps them text', () => {
    const body = decodeBody(encodeBody('[b]bold[/b] [nobbc][i]not italic[/i][/nobbc]'));
    expect(shown(body)).toBe('<style>bold</style> [i]not italic[/i]');
  });
});

// ---------------------------------------------------------------------------------------
// Censor
// ---------------------------------------------------------------------------------------

describe('parseCensorRules', () => {
  it('pairs the lists by position; a missing replacement is empty', () => {
    const rules = parseCensorRules('alpha\r\nbeta\ngamma', 'A\r\nB', { wholeWord: false, ignoreCase: false });
    expect(rules.rules.map((r) => [r.vulgar, r.proper])).toEqual([['alpha', 'A'], ['beta', 'B'], ['gamma', '']]);
  });

  it('drops words that are empty or only spaces and stars, keeping the pairing', () => {
    const rules = parseCensorRules('\n * \nbad\n', 'x\ny\nz\n', { wholeWord: true, ignoreCase: false });
    expect(rules.rules.map((r) => [r.vulgar, r.proper])).toEqual([['bad', 'z']]);
  });

  it('no rules: the text itself, untouched', () => {
    const text = 'anything at all';
    expect(censor(text, noCensor)).toBe(text);
  });
});

describe('censor', () => {
  const sub = (vulgar: string, proper: string, ignoreCase = false) => parseCensorRules(vulgar, proper, { wholeWord: false, ignoreCase });
  const whole = (vulgar: string, proper: string, ignoreCase = false) => parseCensorRules(vulgar, proper, { wholeWord: true, ignoreCase });

  it.each([
    ['substrings, not whole words', sub('ass', '***'), 'class ass Ass', 'cl*** *** Ass'],
    ['ignoring case', sub('ass', '***', true), 'class ass Ass', 'cl*** *** ***'],
    ['ignoring case beyond ASCII', sub('école', 'X', true), 'ÉCOLE école', 'X X'],
    ['* is an ordinary character without whole words', sub('f*k', 'X'), 'f*k fork', 'X fork'],
    ['regex metacharacters are literal', sub('a.b\n(x)\nc++\n$5\n\\d\n[b]', '1\n2\n3\n4\n5\n6'), 'a.b axb (x) c++ $5 \\d 7 [b]', '1 axb 2 3 4 5 7 6'],
    ['each pair applies to the result of the ones before', sub('cat\ndog', 'dog\nbird'), 'cat dog', 'bird bird'],
    ['whole words only', whole('ass', '***'), 'class ass ass! _ass ass2 ассистент', 'class *** ***! _ass ass2 ассистент'],
    ['Unicode letters and marks are part of words', whole('merde', 'M'), 'merde emmerde merde\u0301 merde.', 'M emmerde merde\u0301 M.'],
    ['words that start or end with a symbol', whole('$hit\nc++', 'S\nC'), '$hit a$hit c++ c++d c++', 'S a$hit C c++d C'],
    ['case', whole('shit', 's**t'), 'shit Shit', 's**t Shit'],
    ['ignoring case', whole('shit', 's**t', true), 'shit Shit SHIT', 's**t s**t s**t'],
    ['a star is the shortest run of non-spaces', whole('f*k', 'F'), 'fork fuck f k fk fuck-ok folk!', 'F F f k F F-ok F!'],
    ['a star does not cross spaces', whole('f*k', 'F'), 'for kids', 'for kids'],
    ['a leading star', whole('*hole', 'H'), 'rathole hole holes a-hole', 'H H holes H'],
    ['several stars', whole('c*t*s', 'C'), 'cats cut-outs cts c t s', 'C C C c t s'],
    ['\\* is a literal star', whole('f\\*k', 'F'), 'f*k fork', 'F fork'],
    ['regex metacharacters in whole words', whole('a.b\n(x)', '1\n2'), 'a.b axb (x)', '1 axb 2'],
    ['ampersands and quotes match the decoded text', whole('at&t\n"x"', 'A\nQ'), 'at&t "x"', 'A Q'],
    ['emoji in words', whole('💩', 'poo'), 'a 💩 b', 'a poo b'],
  ])('%s', (_label, rules, text, expected) => {
    expect(censor(text, rules)).toBe(expected);
  });

  it('matches words with stars as a backtracking regular expression would', () => {
    const word = fc.array(fc.constantFrom('a', 'b', 'c', '-', '*', 'é'), { minLength: 1, maxLength: 6 }).map((w) => w.join(''));
    const text = fc.array(fc.constantFrom('a', 'b', 'c', 'A', ' ', '-', 'é', 'É', '_', '1', '\n'), { maxLength: 40 }).map((t) => t.join(''));
    fc.assert(
      fc.property(word, text, fc.boolean(), (w, t, ignoreCase) => {
        fc.pre(w.replace(/\*/g, ' ').trim() !== '');
        // The alphabet has no metacharacter but the star.
        const source = w.split('*').join('[^\\s]*?');
        const re = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}_])${source}(?![\\p{L}\\p{M}\\p{N}_])`, ignoreCase ? 'giu' : 'gu');
        expect(censor(t, parseCensorRules(w, '#', { wholeWord: true, ignoreCase }))).toBe(t.replace(re, '#'));
      }),
      { numRuns: runs(500) },
    );
  });

  it('censors a body before it is written, as SMF censors before parsing BBCode', () => {
    // A censored author name stays inside the live quote tag…
    const stored = '[quote author=shit link=msg=1 date=2]shit[/quote]';
    expect(decodeBody(stored, whole('shit', 's**t'))).toBe('[quote author=s**t link=msg=1 date=2]s**t[/quote]');
    // …and a censored tag name breaks the tag, as it does in SMF.
    const broken = decodeBody(stored, whole('shit\nquote', 's**t\nq'));
    expect(broken).toBe('[nobbc][[/nobbc]q author=s**t link=msg=1 date=2]s**t[nobbc][[/nobbc]/q]');
    expect(shown(broken)).toBe('[q author=s**t link=msg=1 date=2]s**t[/q]');
  });

  it('a censored [nobbc] cannot release what it held', () => {
    const rules = sub('nob', '***', true);
    const body = decodeBody('[nobbc]&#91;b&#93;bold&#91;/b&#93;[/nobbc]', rules);
    expect(shown(body)).toBe('[***bc][b]bold[/b][/***bc]');
  });

  it('a replacement is text, never markup', () => {
    const body = decodeBody('so bad', whole('bad', '[b]bold[/b]'));
    expect(shown(body)).toBe('so [b]bold[/b]');
  });
});

describe('censor speed', () => {
  // Best of a few runs, to be robust on a busy machine.
  function bestMs(run: () => unknown, times = 5): number {
    let best = Infinity;
    for (let k = 0; k < times; k++) {
      const start = performance.now();
      run();
      best = Math.min(best, performance.now() - start);
    }
    return best;
  }

  const sentence = 'Lorem ipsum dolor sit amet, shit consectetur [b]adipiscing[/b] elit :) fuck, sed do&nbsp; eiusmod.<br>';
  const storedBody = (length: number): string => sentence.repeat(Math.ceil(length / sentence.length)).slice(0, length);
  const rules = parseCensorRules('shit\nf*k\ndamn\n*hole\nc*t*s\nass', 's**t\nf**k\nd**n\n***\nc***\na**', {
    wholeWord: true,
    ignoreCase: true,
  });

  it('censors and decodes a 1 MB body in linear time', () => {
    const small = storedBody(250_000);
    const large = storedBody(1_000_000);
    expect(decodeBody(large, rules)).toContain('s**t consectetur [b]adipiscing[/b] elit :) f**k, sed do  eiusmod.\n');
    const tSmall = bestMs(() => decodeBody(small, rules));
    const tLarge = bestMs(() => decodeBody(large, rules));
    // Typically 30–100 ms for 1 MB; quadratic work would be 16 × the small body, not 4 ×.
    expect(tLarge).toBeLessThan(tSmall * 9 + 20);
    expect(tLarge).toBeLessThan(2000);
  });

  it.each([
    ['many starts, no space', 'f-'],
    ['long runs for several stars', `c${'t'.repeat(50)}sss-`],
    ['no candidate at all', 'x'],
  ])('stays linear on adversarial text for words with stars: %s', (_label, unit) => {
    const text = (length: number) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
    const small = text(200_000);
    const large = text(800_000);
    const tSmall = bestMs(() => censor(small, rules), 3);
    const tLarge = bestMs(() => censor(large, rules), 3);
    expect(tLarge).toBeLessThan(tSmall * 9 + 20);
  });
});
