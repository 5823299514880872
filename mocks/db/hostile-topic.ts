// Security test: post bodies, names and attachment names that try to run script,
// break out of attributes, smuggle CSS or exhaust the renderer. Post bodies are
// untrusted input by contract; the reader must show all of this as inert text.
import { file, image } from './attachment-factory';
import { by, handMadeTopic } from './hand-made';
import type { HandPost } from './hand-made';
import { HOSTILE_TOPIC_ID, TESTING_BOARD_ID } from './ids';
import { MODERATOR_MEMBER_ID } from './members';
import { HOUR, MINUTE } from './time';
import type { DbTopic } from './types';

export const HOSTILE_TITLE = 'Security test: hostile posts';

const marta = by(MODERATOR_MEMBER_ID, 'Marta Kowalski');
const START = Date.UTC(2025, 2, 10, 14, 0);
const lines = (...l: string[]): string => l.join('\n');

/** Deep nesting that a recursive renderer could overflow on. */
const DEEP_QUOTES = `${'[quote]'.repeat(200)}two hundred quotes deep${'[/quote]'.repeat(200)}`;
const UNCLOSED_BOLD = `${'[b]'.repeat(500)}five hundred unclosed bold tags`;
const DEEP_LISTS = `${'[list][li]'.repeat(60)}sixty lists deep${'[/li][/list]'.repeat(60)}`;

const POSTS: readonly Omit<HandPost, 'postedAt'>[] = [
  {
    author: marta,
    subject: 'Security test: raw HTML must show as text',
    body: lines(
      'Everything in this topic must render as harmless text. Nothing here may run, load or restyle the page.',
      '',
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '<a href="javascript:alert(1)">an HTML link</a>',
      '<svg onload=alert(1)><circle r=10></svg>',
      '<iframe src="javascript:alert(1)"></iframe>',
      '<style>body { display: none }</style>',
      '<b onmouseover="alert(1)">bold via HTML</b>',
      '&lt;script&gt; is already escaped; &amp;lt; is double-escaped; &#60;script&#62; uses numeric entities.',
    ),
  },
  {
    author: marta,
    subject: 'javascript: in url, iurl, img and email',
    body: lines(
      '[url=javascript:alert(1)]click[/url]',
      '[url]javascript:alert(1)[/url]',
      '[iurl=javascript:alert(1)]iurl[/iurl]',
      '[img]javascript:alert(1)[/img]',
      '[email]javascript:alert(1)[/email]',
      '[url=vbscript:msgbox(1)]vbscript[/url]',
      '[ftp]javascript:alert(1)[/ftp]',
    ),
  },
  {
    author: marta,
    subject: 'Mixed case, leading spaces and entity tricks',
    body: lines(
      '[url= JaVaScRiPt:alert(1)]mixed case with a leading space[/url]',
      '[url=   javascript:alert(1)]three leading spaces[/url]',
      '[img] JaVaScRiPt:alert(1)[/img]',
      '[url=&#106;avascript:alert(1)]decimal entity[/url]',
      '[url=&#x6A;avascript:alert(1)]hex entity[/url]',
      '[url=&#0000106&#0000097vascript:alert(1)]padded entities without semicolons[/url]',
      '[url=java&#09;script:alert(1)]tab entity[/url]',
      '[url=java\tscript:alert(1)]a real tab[/url]',
      '[url=java\nscript:alert(1)]a real newline[/url]',
      '[url=javascript&colon;alert(1)]named colon entity[/url]',
      '[url=%6A%61%76%61%73%63%72%69%70%74:alert(1)]percent-encoded scheme[/url]',
      '[url=java\u0000script:alert(1)]a NUL character[/url]',
      '[url=\u0001javascript:alert(1)]a control character first[/url]',
    ),
  },
  {
    author: marta,
    subject: 'data: URLs',
    body: lines(
      '[url=data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==]x[/url]',
      '[img]data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+[/img]',
      '[url]data:text/html,<script>alert(1)</script>[/url]',
      '[iurl=DATA:text/html,hi]upper-case data[/iurl]',
    ),
  },
  {
    author: marta,
    subject: 'iframe, object and other tags SMF does not have',
    body: lines(
      '[iframe srcdoc="<script>alert(1)</script>"][/iframe]',
      '[iframe]https://evil.example.com/[/iframe]',
      '[object data="javascript:alert(1)"][/object]',
      '[embed src="javascript:alert(1)"]',
      '[script]alert(1)[/script]',
      '[style]body { display: none }[/style]',
      '[html]<img src=x onerror=alert(1)>[/html]',
      '[meta http-equiv="refresh" content="0;url=javascript:alert(1)"]',
    ),
  },
  {
    author: marta,
    subject: 'CSS injection in color, size and font',
    body: lines(
      '[color=red;position:fixed;top:0]x[/color]',
      '[color=red;position:fixed;top:0;left:0;width:100%;height:100%;background:red]overlay attempt[/color]',
      '[color=expression(alert(1))]IE expression[/color]',
      '[color=#fff" onmouseover="alert(1)]attribute break-out[/color]',
      '[color=url(javascript:alert(1))]url() colour[/color]',
      '[size=999999px]enormous[/size]',
      '[size=12pt;display:none]hidden text[/size]',
      '[size=-5]negative size[/size]',
      '[font=Arial;background:url(javascript:alert(1))]font with CSS[/font]',
      '[font=Arial" style="x:expression(alert(1))]font with a quote[/font]',
    ),
  },
  {
    author: marta,
    subject: 'Attribute break-out in quote, url, img and youtube',
    body: lines(
      '[quote author="><script>alert(1)</script> link=msg=javascript:alert(1) date=not-a-date]A quote with hostile attributes.[/quote]',
      '[quote author=x link=topic=javascript:alert(1) date=99999999999999999999]Absurd date, script link.[/quote]',
      '[url=https://example.com" onmouseover="alert(1)]double-quote break-out[/url]',
      "[url=https://example.com/'onmouseover='alert(1)]single-quote break-out[/url]",
      '[img alt="><script>alert(1)</script> width=100000 height=100000]https://example.com/x.png[/img]',
      '[youtube]"><script>alert(1)</script>[/youtube]',
      '[youtube]javascript:alert(1)[/youtube]',
      '[email]x@example.com?subject=<script>alert(1)</script>[/email]',
      '[me=<img src=x onerror=alert(1)>]does something[/me]',
    ),
  },
  {
    author: marta,
    subject: 'Attach tags that point nowhere, template syntax, prototype keys',
    body: lines(
      '[attach id=__proto__]prototype[/attach]',
      '[attach id=constructor]constructor[/attach]',
      '[attach id=-1]negative id[/attach]',
      '[attach id=999999999]no such attachment[/attach]',
      '[attach id=1"onerror="alert(1)]quote in the id[/attach]',
      '[attach]no id at all[/attach]',
      "{{constructor.constructor('alert(1)')()}}",
      '${alert(1)} and #{alert(1)} and <%= alert(1) %>',
      '__proto__ constructor prototype toString hasOwnProperty',
    ),
  },
  {
    author: marta,
    subject: 'Deep nesting and unclosed tags',
    body: lines(DEEP_QUOTES, '', UNCLOSED_BOLD, '', DEEP_LISTS),
  },
  {
    author: marta,
    subject: 'Unicode tricks: bidi overrides, zero-width and combining marks',
    body: lines(
      'Right-to-left override: invoice\u202Efdp.exe (looks like invoiceexe.pdf)',
      'Zero-width spaces: java\u200Bscript:alert(1) and [url=java\u200Bscript:alert(1)]zero-width scheme[/url]',
      'Combining marks: Z̸̡̢͎͉̈́a̶̛͚̝͐l̷̰̓g̵̗̿o̴̢̔ text',
      'Byte order mark:\uFEFF here; line separator:\u2028here; paragraph separator:\u2029here.',
      'Homoglyph domain: [url=https://exаmple.com]exаmple.com with a Cyrillic а[/url]',
    ),
  },
  {
    author: { memberId: null, name: "<img src=x onerror=alert('name')>", guest: true },
    subject: "\"><script>alert('subject')</script>",
    body: 'My guest name and this subject are both hostile; both must show as text.',
    editedAt: START + 12 * HOUR,
    editedBy: '<b onmouseover=alert(1)>a moderator</b>',
  },
  {
    author: marta,
    subject: 'Hostile attachment names',
    body: lines('The file names below try to break out of the markup.', '[attach id=1202]inline hostile image[/attach]'),
    attachments: [
      { id: 1201, ...file('"><img src=x onerror=alert(1)>.pdf', 'application/pdf', 48_213, 3) },
      { id: 1202, ...image('<script>alert(1)</script>.png', 640, 480, { downloads: 1 }) },
      { id: 1203, ...file('javascript:alert(1)', 'application/octet-stream', 12, 0) },
    ],
  },
  {
    author: marta,
    subject: 'Huge line and smiley flood',
    body: lines(`${'x'.repeat(20_000)}`, '', ':) '.repeat(500), '', `${'[b]bold[/b] '.repeat(400)}`),
  },
];

export function buildHostileTopic(): DbTopic {
  return handMadeTopic(
    { id: HOSTILE_TOPIC_ID, boardId: TESTING_BOARD_ID, title: HOSTILE_TITLE, locked: true, viewCount: 977 },
    POSTS.map((p, i) => ({ ...p, postedAt: START + i * 20 * MINUTE })),
  );
}
