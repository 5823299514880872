// The BBCode showcase: one post per group of SMF 2.1 tags, each subject naming
// what the post shows, so the renderer can be checked tag by tag (and page 2
// exists, since there are more than 15 posts).
import { by, handMadeTopic } from './hand-made';
import type { HandPost } from './hand-made';
import { image } from './attachment-factory';
import { hugePostTime } from './huge-topic';
import {
  ADMIN_MEMBER_ID, DEV_SUNDAY_MEMBER_ID, HUGE_TOPIC_ID, SEED_POST_ID, SHOWCASE_TOPIC_ID, TESTING_BOARD_ID,
  handMadePostId, hugePostId,
} from './ids';
import { MODERATOR_MEMBER_ID } from './members';
import { SEED_POSTED_AT } from './seed-topic';
import { HOUR, MINUTE, unixSeconds } from './time';
import type { DbTopic } from './types';

export const SHOWCASE_TITLE = 'BBCode showcase: every SMF 2.1 tag';
/** Inline images of the "attach" post. */
export const SHOWCASE_ATTACHMENT_IDS = [1101, 1102] as const;

const marta = by(MODERATOR_MEMBER_ID, 'Marta Kowalski');
const kwame = by(4, 'Kwame Mensah');
const bosman = by(ADMIN_MEMBER_ID, 'Bosman');
const dev = by(DEV_SUNDAY_MEMBER_ID, 'Dev Sunday');

const START = Date.UTC(2025, 1, 3, 9, 0);
const lines = (...l: string[]): string => l.join('\n');
const msg = (n: number): number => handMadePostId(SHOWCASE_TOPIC_ID, n);
const at = (n: number): number => START + (n - 1) * HOUR + (n % 3) * 7 * MINUTE;
const unixAt = (n: number): string => String(unixSeconds(at(n)));

const SMILEYS = [':)', ';)', ':D', ';D', '>:(', ':(', ':o', '8)', '???', '::)', ':P', ':-[', ':-X', ':-\\', ':-*', ":'("];

const POSTS: readonly Omit<HandPost, 'postedAt'>[] = [
  {
    author: marta,
    subject: 'BBCode showcase: text styles (b, i, u, s, sub, sup)',
    body: lines(
      'Welcome to the BBCode showcase. Every post in this topic shows one group of SMF 2.1 tags; the subject says which.',
      '',
      '[b]Bold[/b], [i]italic[/i], [u]underlined[/u] and [s]struck through[/s].',
      'Combined: [b][i][u]bold, italic and underlined[/u][/i][/b].',
      'Water is H[sub]2[/sub]O and E = mc[sup]2[/sup]; footnote[sup][1][/sup].',
    ),
  },
  {
    author: kwame,
    subject: 'Colours (named and #hex), sizes and fonts',
    body: lines(
      'Named: [color=red]red[/color], [color=Navy]navy[/color], [color=green]green[/color].',
      'Hex: [color=#1e90ff]#1e90ff[/color], short hex [color=#f80]#f80[/color].',
      '',
      'Sizes: [size=8pt]8pt[/size] [size=10pt]10pt[/size] [size=14pt]14pt[/size] [size=24pt]24pt[/size]',
      'Legacy sizes: [size=1]size=1[/size] [size=4]size=4[/size] [size=7]size=7[/size]; relative: [size=1.5em]1.5em[/size]',
      '',
      'Fonts: [font=Georgia]Georgia[/font], [font=Courier New]Courier New[/font], [font=Comic Sans MS]Comic Sans MS[/font].',
    ),
  },
  {
    author: marta,
    subject: 'Alignment: center, left, right, justify',
    body: lines(
      '[center]Centred text, like a headline.[/center]',
      '[left]Left-aligned text.[/left]',
      '[right]Right-aligned text, often used for signatures.[/right]',
      '[justify]Justified text spreads each line to the full width of the column, which only shows once a paragraph runs over several lines: so here is a longer sentence about quarterly results, operating margins and the outlook for the coming year, written purely to wrap.[/justify]',
    ),
  },
  {
    author: dev,
    subject: 'Direction: ltr and rtl',
    body: lines(
      '[rtl]مرحباً بكم في المنتدى — هذا نص من اليمين إلى اليسار.[/rtl]',
      '[rtl]שלום! זהו טקסט בעברית שנכתב מימין לשמאל.[/rtl]',
      '[ltr]Left to right again, explicitly.[/ltr]',
      '[rtl]Mixed: السهم ارتفع 3% (the share rose 3%) اليوم.[/rtl]',
    ),
  },
  {
    author: kwame,
    subject: 'Rules and breaks: hr and br',
    body: lines('Above the rule.', '[hr]', 'Below the rule.', '', 'Line one[br]Line two[br]Line three, all from br tags.'),
  },
  {
    author: marta,
    subject: 'The me tag',
    body: '[me=Marta Kowalski]waves at everyone and refills the coffee machine[/me]',
  },
  {
    author: bosman,
    subject: 'nobbc and pre',
    body: lines(
      '[nobbc][b]This is not bold[/b], [url=https://example.com]this is not a link[/url] and :) is not a smiley.[/nobbc]',
      '',
      '[pre]  Pre-formatted   text',
      '    keeps    its   spaces',
      '  Q1    Q2    Q3    Q4',
      '  12    15    19    23[/pre]',
    ),
  },
  {
    author: kwame,
    subject: 'Code blocks: code and code=php',
    body: lines(
      '[code]',
      'function growth(previous, current) {',
      '  // BBCode inside code stays literal: [b]not bold[/b] :)',
      '  return (current - previous) / previous;',
      '}',
      '[/code]',
      '[code=php]<?php',
      "echo 'Hello from SMF ' . SMF_VERSION;",
      '$total = array_sum([1, 2, 3]);',
      'if ($total > 5 && $total < 10) { echo "<b>between</b>"; }',
      '?>[/code]',
      'Inline-ish: [code]npm run api[/code] starts the mock.',
    ),
  },
  {
    author: marta,
    subject: 'Quotes: plain, quote=Name, quote author= link= date=',
    body: lines(
      '[quote]A plain quote, without an author.[/quote]',
      '[quote=Kwame Mensah]A quote with just a name (quote=Name).[/quote]',
      `[quote author=Dev Sunday link=msg=${String(SEED_POST_ID)} date=${String(unixSeconds(SEED_POSTED_AT))}]South Korea's government has issued an urgent demand for the immediate withdrawal of North Korean troops stationed in Russia.[/quote]`,
      `[quote author=Bosman link=topic=${String(HUGE_TOPIC_ID)}.msg${String(hugePostId(1))}#msg${String(hugePostId(1))} date=${String(unixSeconds(hugePostTime(1)))}]The older SMF link form: topic=…msg…#msg….[/quote]`,
      'And my reply below the quotes.',
    ),
  },
  {
    author: kwame,
    subject: 'Nested quotes, five deep',
    body: lines(
      `[quote author=Marta Kowalski link=msg=${String(msg(9))} date=${unixAt(9)}]`,
      `[quote author=Dev Sunday link=msg=${String(msg(4))} date=${unixAt(4)}]`,
      `[quote author=Bosman link=msg=${String(msg(7))} date=${unixAt(7)}]`,
      '[quote=Kwame Mensah]',
      '[quote]Level 5: the innermost quote.[/quote]',
      'Level 4.',
      '[/quote]',
      'Level 3.',
      '[/quote]',
      'Level 2.',
      '[/quote]',
      'Level 1.',
      '[/quote]',
      'My reply, outside all five quotes.',
    ),
  },
  {
    author: marta,
    subject: 'Lists: list, li, [*] and list type=decimal',
    body: lines(
      '[list]',
      '[li]A bullet written with li[/li]',
      '[li]Another one[/li]',
      '[/list]',
      '[list]',
      '[*]Star items need no closing tag',
      '[*]Second star item',
      '[/list]',
      '[list type=decimal]',
      '[li]First[/li]',
      '[li]Second[/li]',
      '[li]Third, with a nested list:',
      '[list type=lower-alpha]',
      '[li]nested a[/li]',
      '[li]nested b[/li]',
      '[/list]',
      '[/li]',
      '[/list]',
      '[list type=upper-roman][*]I[*]II[*]III[/list]',
    ),
  },
  {
    author: kwame,
    subject: 'Tables: table, tr, td',
    body: lines(
      '[table]',
      '[tr][td][b]Quarter[/b][/td][td][b]Revenue[/b][/td][td][b]Margin[/b][/td][/tr]',
      '[tr][td]Q1[/td][td]€1.2m[/td][td]18%[/td][/tr]',
      '[tr][td]Q2[/td][td]€1.4m[/td][td]21%[/td][/tr]',
      '[tr][td]Q3[/td][td][color=red]€0.9m[/color][/td][td]9%[/td][/tr]',
      '[/table]',
    ),
  },
  {
    author: bosman,
    subject: 'Links: url, url=, iurl, email and bare URLs',
    body: lines(
      '[url]https://www.simplemachines.org[/url]',
      '[url=https://www.simplemachines.org/community/]The SMF community[/url]',
      `[iurl=https://www.example.com/index.php?topic=${String(SHOWCASE_TOPIC_ID)}.0]iurl opens in the same window[/iurl]`,
      '[email]editor@example.com[/email] and [email=editor@example.com]write to the editor[/email]',
      '',
      'Bare URLs should become links: https://www.example.com/markets?range=1y&currency=EUR and www.example.org/about',
      'In brackets (https://example.com/in-parens) and at the end of a sentence: https://example.com/end.',
      'An ftp link: ftp://files.example.com/readme.txt and a bare address: someone@example.com',
    ),
  },
  {
    author: marta,
    subject: 'Images: img with width, height and alt',
    body: lines(
      '[img]https://www.simplemachines.org/images/smflogo.png[/img]',
      '[img width=200 height=100 alt=A resized placeholder]/api/attachments/1101/thumbnail[/img]',
      '[img alt=Only alt text, no size]/api/attachments/1102[/img]',
      '[img width=80]https://www.simplemachines.org/images/smflogo.png[/img]',
    ),
  },
  {
    author: kwame,
    subject: 'Inline attachments: attach id=N',
    body: lines(
      `Here is the floor plan, inline:`,
      `[attach id=${String(SHOWCASE_ATTACHMENT_IDS[0])}]office-floorplan.png[/attach]`,
      `And a chart at a set width: [attach id=${String(SHOWCASE_ATTACHMENT_IDS[1])} width=320]chart-q3.png[/attach]`,
    ),
    attachments: [
      { id: SHOWCASE_ATTACHMENT_IDS[0], ...image('office-floorplan.png', 1600, 1000, { downloads: 41 }) },
      { id: SHOWCASE_ATTACHMENT_IDS[1], ...image('chart-q3.png', 1200, 800, { downloads: 17 }) },
    ],
  },
  {
    author: dev,
    subject: 'Video: youtube',
    body: lines(
      '[youtube]dQw4w9WgXcQ[/youtube]',
      '[youtube]https://www.youtube.com/watch?v=jNQXAC9IVRw[/youtube]',
      'A bare link too: https://youtu.be/jNQXAC9IVRw',
    ),
  },
  {
    author: marta,
    subject: "Smileys: :) ;) :D ;D >:( :( :o 8) ??? ::) :P :-[ :-X :-\\ :-* :'(",
    body: lines(
      `All of them: ${SMILEYS.join(' ')}`,
      '',
      ...SMILEYS.map((s) => `${s} is the code for one smiley.`),
      '',
      'Back to back:):(;) and at the very end :)',
    ),
  },
  {
    author: kwame,
    subject: 'Unknown and malformed tags',
    body: lines(
      '[foo]An unknown tag shows as text.[/foo]',
      '[b]An unclosed bold tag runs on…',
      'A stray closing tag [/i] here.',
      '[url]https://example.com/no-closing-url',
      '[b][i]Misnested[/b][/i] tags.',
      '[color]A colour without a value[/color] and [size=]a size without one[/size].',
      '[[b]]double brackets[[/b]], empty brackets [] and [ b ]spaces inside[/ b ].',
      '[B]Upper-case tag names[/B] and [Url=https://example.com]mixed case[/uRl].',
      '[quote]An unclosed quote at the end',
    ),
  },
  {
    author: bosman,
    subject: 'Rarely used tags: abbr, acronym, tt, float, time, glow, shadow, move, bdo, html, ftp',
    body: lines(
      '[abbr=Earnings before interest and taxes]EBIT[/abbr] and [acronym=Simple Machines Forum]SMF[/acronym]',
      '[tt]Typewriter text[/tt]',
      '[float=left]Floated left[/float][float=right]Floated right[/float]',
      `Posted at [time]${String(unixSeconds(SEED_POSTED_AT))}[/time]`,
      '[glow=red,2,300]Glow[/glow] [shadow=blue,left]Shadow[/shadow] [move]Marquee[/move]',
      '[bdo=rtl]bdo reversed[/bdo]',
      '[html]<b>The html tag is admin-only in SMF</b>[/html]',
      '[ftp]ftp://files.example.com/pub/[/ftp]',
    ),
  },
  {
    author: marta,
    subject: 'Everything at once',
    body: lines(
      '[center][size=14pt][b]Quarterly update[/b][/size][/center]',
      `[quote author=Kwame Mensah link=msg=${String(msg(12))} date=${unixAt(12)}]`,
      '[list type=decimal]',
      '[li][color=green]Revenue up[/color] — see [url=https://example.com/q3]the report[/url][/li]',
      '[li][i]Costs flat[/i] :)[/li]',
      '[/list]',
      '[/quote]',
      '[table][tr][td][code]x = 1[/code][/td][td][quote]A quote in a table[/quote][/td][/tr][/table]',
      '[right][s]Old figure[/s] [u]new figure[/u][/right]',
    ),
  },
  {
    author: kwame,
    subject: 'Whitespace and newlines',
    body: '    Four leading spaces.\n\tA leading tab.\nTrailing spaces   \n\n\n\nFour newlines above this line.\n \nA line with only a space above.\r\nA Windows line ending before this line.',
    editedAt: START + 30 * HOUR,
    editedBy: 'Marta Kowalski',
  },
];

export function buildShowcaseTopic(): DbTopic {
  return handMadeTopic(
    { id: SHOWCASE_TOPIC_ID, boardId: TESTING_BOARD_ID, title: SHOWCASE_TITLE, sticky: true, viewCount: 3_412 },
    POSTS.map((p, i) => ({ ...p, postedAt: at(i + 1) })),
  );
}
