// The inverse of server/smf/stored-text.ts, for seeding test and demo databases: text as a
// member typed it → what SMF 2.1 stores. Post2 (Sources/Post.php) runs
// $smcFunc['htmlspecialchars'] (NFC, then htmlspecialchars) on what was posted, then
// preparsecode() (Sources/Subs-Post.php) on bodies; this reproduces their character-level
// work, so the seeded rows look like a real forum's.
//
// Not reproduced, on purpose: preparsecode's BBCode repairs (closing [code] and [list],
// fixing tables and lists, dropping empty tags and a trailing [quote], /me, [time],
// colour aliases, [html], neutralising tags the poster may not use) and SMF's 100-character
// subject limit. Seed text is expected to be BBCode as SMF would already have repaired it.
// Also not reproduced: the Unicode-version-dependent parts of sanitize_chars() (unassigned
// code points, zero-width characters allowed only in some scripts, emoji sequence checks).

const REPLACEMENT = '\uFFFD';

/** A JavaScript string may hold lone surrogates; UTF-8 cannot, and SMF substitutes U+FFFD. */
function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, REPLACEMENT);
}

const BODY_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#039;',
};

/** htmlspecialchars($text, ENT_QUOTES): what Post2 does to a body. */
function escapeQuotes(text: string): string {
  return text.replace(/[&<>"']/g, (c) => BODY_ESCAPES[c] ?? c);
}

/** htmlspecialchars($text) with SMF's default ENT_COMPAT: `'` is left as is. */
function escapeCompat(text: string): string {
  return text.replace(/[&<>"]/g, (c) => BODY_ESCAPES[c] ?? c);
}

// sanitize_chars($message, 0) replaces these with U+FFFD: controls (C0 ones are already
// control pictures by then, so DEL and C1), private use, noncharacters, the soft hyphen,
// invisible maths operators, deprecated format characters, the BOM and the interlinear
// annotation / object replacement characters.
const INVISIBLES =
  /[\x7F-\x9F\u00AD\u2061-\u2064\u206A-\u206F\uFEFF\uFFF9-\uFFFC\uFDD0-\uFDEF\p{Co}]|[\uFFFE\uFFFF\u{1FFFE}\u{1FFFF}\u{2FFFE}\u{2FFFF}\u{3FFFE}\u{3FFFF}\u{4FFFE}\u{4FFFF}\u{5FFFE}\u{5FFFF}\u{6FFFE}\u{6FFFF}\u{7FFFE}\u{7FFFF}\u{8FFFE}\u{8FFFF}\u{9FFFE}\u{9FFFF}\u{AFFFE}\u{AFFFF}\u{BFFFE}\u{BFFFF}\u{CFFFE}\u{CFFFF}\u{DFFFE}\u{DFFFF}\u{EFFFE}\u{EFFFF}\u{FFFFE}\u{FFFFF}\u{10FFFE}\u{10FFFF}]/gu;

const NOBBC_ESCAPES: Readonly<Record<string, string>> = {
  '[': '&#91;',
  ']': '&#93;',
  ':': '&#58;',
  '@': '&#64;',
};

/**
 * preparsecode's `~\[nobbc\](.+?)\[/nobbc\]~is`: the content of each region (at least one
 * character, up to the first closing tag after it) gets `[ ] : @` as entities, so neither
 * tags, smileys nor mentions are found in it, and the tags are rewritten in lower case.
 * Written as a scan rather than that lazy regex, which would be quadratic on many unclosed
 * openers.
 */
function escapeNobbc(text: string): string {
  const open = /\[nobbc\]/gi;
  const close = /\[\/nobbc\]/gi;
  const parts: string[] = [];
  let pos = 0;
  for (;;) {
    open.lastIndex = pos;
    const o = open.exec(text);
    if (!o) break;
    const contentStart = o.index + o[0].length;
    close.lastIndex = contentStart + 1;
    const c = close.exec(text);
    // No closing tag after this opener means none after any later one either.
    if (!c) break;
    parts.push(
      text.slice(pos, o.index),
      '[nobbc]',
      text.slice(contentStart, c.index).replace(/[[\]:@]/g, (ch) => NOBBC_ESCAPES[ch] ?? ch),
      '[/nobbc]',
    );
    pos = c.index + c[0].length;
  }
  parts.push(text.slice(pos));
  return parts.join('');
}

/**
 * A post body as a member typed it → the `body` column SMF 2.1 would store (utf8mb4
 * database; pass the result through encodeEmojiAsEntities for a utf8 one).
 */
export function encodeBody(plain: string): string {
  // Post2: $smcFunc['htmlspecialchars']($_POST['message'], ENT_QUOTES).
  let text = escapeQuotes(wellFormed(plain).normalize('NFC'));
  // preparsecode, in its order. Control characters other than tab and newlines become
  // the visible "control pictures" (U+2400…), as entities.
  // (C0 controls are the \p{Cc} below U+007F.)
  text = text.replace(
    /(?![\t\n\r\x7F-\x9F])\p{Cc}/gu,
    (c) => `&#x24${c.charCodeAt(0).toString(16).padStart(2, '0')};`,
  );
  // sanitize_chars: every kind of line break is "\n" (normalize_spaces), invisibles U+FFFD.
  text = text.replace(/\r\n|[\r\x85\u2028\u2029]/g, '\n').replace(INVISIBLES, REPLACEMENT);
  text = escapeNobbc(text);
  // "Too many periods upsets apache it seems!"
  text = text.replace(/\.{100,}/g, '...');
  // Whitespace HTML would collapse, kept as entities: a double space, newlines, U+00A0.
  text = text.replace(/ {2}|\n|\u00A0/g, (ws) => (ws === '\n' ? '<br>' : ws === '\u00A0' ? '&nbsp;' : '&nbsp; '));
  // "Things that will slow our parser": a `[` before `]` or a quote is stored as an entity.
  return text.replace(/\[(?=\]|&#039;)/g, '&#91;');
}

/**
 * A subject, member name or board/category name → what SMF stores: escaped with
 * htmlspecialchars' default ENT_COMPAT (so `'` stays), without CR, LF or tab (Post2 strips
 * them from subjects).
 */
export function encodeTitle(plain: string): string {
  return escapeCompat(wellFormed(plain).normalize('NFC')).replace(/[\r\n\t]/g, '');
}

/**
 * SMF's fix_utf8mb4 for forums whose database is utf8 rather than utf8mb4: characters
 * outside the Basic Multilingual Plane (most emoji) are stored as decimal entities.
 */
export function encodeEmojiAsEntities(text: string): string {
  return text.replace(/[\u{10000}-\u{10FFFF}]/gu, (ch) => `&#${String(ch.codePointAt(0))};`);
}
