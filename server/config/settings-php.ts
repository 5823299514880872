// Reads the database settings out of an SMF `Settings.php` without running PHP.
//
// Lectern never evaluates the file: running a forum's PHP from a Node server would
// mean trusting whatever a host, a mod or an attacker left in it. Instead a small
// lexer that follows PHP's own token rules (comments, both string quotings and their
// escapes, heredocs, numbers, `?>`) feeds a statement walker that knows which
// statements PHP always runs (top level) and which it may skip (inside `if`, loops,
// `switch`, `try`), and which do not touch the file's variables at all (bodies of
// functions, closures and classes). A value is taken only when it is a literal:
// a string, a number, true/false/null, or literal strings joined with `.` (SMF
// itself writes values that contain newlines as `'a' . "\n" . 'b'`). Anything
// else, such as `dirname(__FILE__) . '/cache'` or `"$prefix"`, is reported as
// "not a literal" for that variable and never guessed.
//
// Which assignment wins: PHP runs the file top-down, so the last assignment wins.
// An assignment inside a conditional may or may not run, and we cannot know which,
// so the last top-level (unconditional) assignment wins; a conditional assignment
// is used only when a variable has no top-level one. Either case that leaves doubt
// is reported as a warning, so an operator can see why a value was or was not used.
//
// Out of reach, and said so: files pulled in with include/require (reported, except
// SMF's own cache/db_last_error.php), variables written through references or by
// functions such as extract() (reported where they can be seen), and `goto`.

/** The Settings.php variables Lectern reads, named as in PHP (without the `$`). */
export const SETTINGS_VARIABLES = [
  'db_type', 'db_server', 'db_port', 'db_name', 'db_user', 'db_passwd', 'db_prefix', 'mbname', 'boardurl',
] as const;

export type SettingsVariable = (typeof SETTINGS_VARIABLES)[number];

export interface SettingsWarning {
  /** 1-based line in Settings.php, or null for a remark about the whole file. */
  readonly line: number | null;
  /** The variable the warning is about, if it is about one. */
  readonly variable: SettingsVariable | null;
  /** A self-contained sentence (it names the line), fit for a log. Never holds $db_passwd's text. */
  readonly message: string;
}

/**
 * What Settings.php says, field by field, named after its PHP variables.
 * `undefined`: the file never assigns the variable, or its value is not a literal
 * (then the variable is also listed in `notLiteral`). `null`: the file assigns PHP's null.
 * Strings are PHP strings converted the way PHP would when the value is used
 * (`$db_passwd = 1234;` is the string '1234'); the port is a number.
 */
export interface SmfSettingsFile {
  readonly dbType: string | null | undefined;
  readonly dbServer: string | null | undefined;
  readonly dbPort: number | null | undefined;
  readonly dbName: string | null | undefined;
  readonly dbUser: string | null | undefined;
  readonly dbPasswd: string | null | undefined;
  readonly dbPrefix: string | null | undefined;
  readonly mbname: string | null | undefined;
  readonly boardurl: string | null | undefined;
  /** Variables whose deciding assignment is code, not a literal: reported, never guessed. */
  readonly notLiteral: readonly SettingsVariable[];
  /** Variables assigned a literal that cannot be used as one (a $db_port that is not a whole number). */
  readonly invalid: readonly SettingsVariable[];
  readonly warnings: readonly SettingsWarning[];
}

type PhpLiteral = string | number | boolean | null;

/** The value an assignment gives: a literal, code we will not run, or unset(). */
type AssignedValue =
  | { readonly kind: 'literal'; readonly value: PhpLiteral }
  | { readonly kind: 'code'; readonly description: string }
  | { readonly kind: 'unset' };

interface Assignment {
  readonly line: number;
  readonly conditional: boolean;
  readonly value: AssignedValue;
}

// ---------------------------------------------------------------------------------
// Lexer

type Token =
  | { readonly kind: 'variable'; readonly name: string; readonly start: number; readonly end: number }
  | { readonly kind: 'name'; readonly lower: string; readonly start: number; readonly end: number }
  /** `value` null: the string interpolates variables or has an invalid escape (`why` says which). */
  | { readonly kind: 'string'; readonly value: string | null; readonly why: string; readonly start: number; readonly end: number }
  | { readonly kind: 'number'; readonly value: number; readonly start: number; readonly end: number }
  /** Operators and brackets; `?>` arrives as ';', as PHP treats it. */
  | { readonly kind: 'punct'; readonly text: string; readonly start: number; readonly end: number }
  /** Heredoc, nowdoc and `backtick` shell commands: never taken as values. */
  | { readonly kind: 'opaque'; readonly what: string; readonly start: number; readonly end: number };

const NAME_START = /[A-Za-z_\u0080-\uffff]/;
const NAME = /[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*/y;
const DIGITS = '[0-9]+(?:_[0-9]+)*';
const EXPONENT = `[eE][+-]?${DIGITS}`;
const NUMBER = new RegExp(
  [
    '0[xX][0-9a-fA-F]+(?:_[0-9a-fA-F]+)*',
    '0[bB][01]+(?:_[01]+)*',
    '0[oO][0-7]+(?:_[0-7]+)*',
    `(?:${DIGITS})?\\.${DIGITS}(?:${EXPONENT})?`,
    `${DIGITS}\\.(?:${DIGITS})?(?:${EXPONENT})?`,
    `${DIGITS}${EXPONENT}`,
    DIGITS,
  ].join('|'),
  'y',
);
const HEREDOC_START = /<<<[ \t]*(["']?)([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)\1\r?\n/y;
const LINE_COMMENT_END = /\r|\n|\?>/g;
const OPEN_TAG = /<\?php(?=\s|$)|<\?=/iy;
// Longest first, so `===` is not read as `==` and `=`.
const PUNCTUATION = [
  '<<=', '>>=', '**=', '...', '<=>', '===', '!==', '??=', '?->',
  '==', '!=', '<>', '<=', '>=', '&&', '||', '++', '--', '+=', '-=', '*=', '/=', '.=', '%=', '&=', '|=', '^=',
  '->', '=>', '::', '<<', '>>', '??', '**',
];
const DOUBLE_QUOTE_ESCAPES: Readonly<Record<string, number>> = {
  n: 0x0a, t: 0x09, r: 0x0d, v: 0x0b, e: 0x1b, f: 0x0c, '\\': 0x5c, $: 0x24, '"': 0x22,
};

const utf8 = new TextEncoder();

class SyntaxProblem extends Error {
  constructor(message: string, readonly offset: number) {
    super(message);
  }
}

interface ScannedString {
  readonly end: number;
  readonly value: string | null;
  readonly why: string;
}

/** Index just past the `}` that closes the `{` at `open`, skipping strings inside (`{$a["}"]}`). */
function skipInterpolation(src: string, open: number, quote: string): number {
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    const c = src[i];
    if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (depth === 0) return i + 1;
    } else if (c === "'") i = scanSingleQuoted(src, i + 1).end - 1;
    else if (c === '"') i = scanDoubleQuoted(src, i + 1, '"').end - 1;
  }
  throw new SyntaxProblem(`an unterminated {$…} inside a ${quote === '"' ? 'string' : 'command'}`, open);
}

function scanSingleQuoted(src: string, from: number): ScannedString {
  // Only \' and \\ are escapes here; every other backslash is itself.
  let value = '';
  let chunk = from;
  for (let i = from; i < src.length; i++) {
    const c = src[i];
    if (c === "'") return { end: i + 1, value: value + src.slice(chunk, i), why: '' };
    if (c === '\\' && (src[i + 1] === "'" || src[i + 1] === '\\')) {
      value += src.slice(chunk, i) + src[i + 1];
      i++;
      chunk = i + 1;
    }
  }
  throw new SyntaxProblem('an unterminated single-quoted string', from - 1);
}

/**
 * A double-quoted (or backtick) string. PHP strings are bytes, so escapes such as
 * "\xC3\xA9" build bytes that are decoded as UTF-8 at the end, as a browser or a
 * database driver would see them; bytes that are not UTF-8 make the value unusable.
 */
function scanDoubleQuoted(src: string, from: number, quote: '"' | '`'): ScannedString {
  const bytes: number[] = [];
  let why = '';
  let chunk = from;
  const pushBytes = (encoded: Uint8Array): void => {
    // A loop, not push(...encoded): a long string would overflow the argument limit.
    for (const byte of encoded) bytes.push(byte);
  };
  const flush = (to: number): void => {
    if (to > chunk) pushBytes(utf8.encode(src.slice(chunk, to)));
  };
  let i = from;
  while (i < src.length) {
    const c = src[i];
    if (c === quote) {
      flush(i);
      if (why) return { end: i + 1, value: null, why };
      try {
        return { end: i + 1, value: new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes)), why: '' };
      } catch {
        return { end: i + 1, value: null, why: 'its escapes make bytes that are not UTF-8' };
      }
    }
    if (c === '\\') {
      flush(i);
      const next = src[i + 1] ?? '';
      const simple = DOUBLE_QUOTE_ESCAPES[next];
      const octal = /^[0-7]{1,3}/.exec(src.slice(i + 1, i + 4));
      const hex = next === 'x' ? /^[0-9A-Fa-f]{1,2}/.exec(src.slice(i + 2, i + 4)) : null;
      if (quote === '`' && next === '`') {
        bytes.push(0x60);
        i += 2;
      } else if (simple !== undefined) {
        bytes.push(simple);
        i += 2;
      } else if (octal) {
        // PHP keeps the low byte: "\400" is "\000".
        bytes.push(parseInt(octal[0], 8) & 0xff);
        i += 1 + octal[0].length;
      } else if (hex) {
        bytes.push(parseInt(hex[0], 16));
        i += 2 + hex[0].length;
      } else if (next === 'u' && src[i + 2] === '{') {
        const close = src.indexOf('}', i + 3);
        const digits = close < 0 ? '' : src.slice(i + 3, close);
        const codePoint = /^[0-9A-Fa-f]+$/.test(digits) ? parseInt(digits, 16) : Number.NaN;
        // PHP refuses to compile a bad \u{…}; such a file would not run at all.
        if (!(codePoint <= 0x10ffff) || (codePoint >= 0xd800 && codePoint <= 0xdfff)) {
          throw new SyntaxProblem('an invalid \\u{…} escape', i);
        }
        pushBytes(utf8.encode(String.fromCodePoint(codePoint)));
        i = close + 1;
      } else {
        // Not an escape: the backslash stays, and the next character is read as usual.
        bytes.push(0x5c);
        i += 1;
      }
      chunk = i;
      continue;
    }
    if (c === '$' && NAME_START.test(src[i + 1] ?? '')) {
      why = 'it interpolates a variable';
    } else if (c === '$' && src[i + 1] === '{') {
      why = 'it interpolates a variable';
      i = skipInterpolation(src, i + 1, quote);
      continue;
    } else if (c === '{' && src[i + 1] === '$') {
      why = 'it interpolates a variable';
      i = skipInterpolation(src, i, quote);
      continue;
    }
    i++;
  }
  throw new SyntaxProblem(quote === '"' ? 'an unterminated double-quoted string' : 'an unterminated `command`', from - 1);
}

function numberValue(text: string): number | null {
  const plain = text.replace(/_/g, '');
  if (/^0[xX]/.test(plain)) return parseInt(plain.slice(2), 16);
  if (/^0[bB]/.test(plain)) return parseInt(plain.slice(2), 2);
  if (/^0[oO]/.test(plain)) return parseInt(plain.slice(2), 8);
  // A leading zero makes an integer octal; 08 does not compile.
  if (/^0[0-9]+$/.test(plain)) return /^[0-7]+$/.test(plain) ? parseInt(plain, 8) : null;
  return Number(plain);
}

interface Lexed {
  readonly tokens: readonly Token[];
  readonly problem: SyntaxProblem | null;
  readonly sawOpenTag: boolean;
}

function lex(src: string): Lexed {
  const tokens: Token[] = [];
  let sawOpenTag = false;
  let i = 0;
  const n = src.length;
  try {
    outer: while (i < n) {
      // Outside <?php … ?> everything is text that PHP would print.
      let open: RegExpExecArray | null = null;
      for (let at = src.indexOf('<?', i); at >= 0; at = src.indexOf('<?', at + 1)) {
        OPEN_TAG.lastIndex = at;
        open = OPEN_TAG.exec(src);
        if (open) break;
      }
      if (!open) break;
      sawOpenTag = true;
      i = open.index + open[0].length;
      if (open[0] === '<?=') tokens.push({ kind: 'name', lower: 'echo', start: open.index, end: i });

      while (i < n) {
        const c = src[i] ?? '';
        const start = i;
        // PHP's whitespace is these four; anything else is part of a name or an error.
        if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
          i++;
        } else if (src.startsWith('?>', i)) {
          tokens.push({ kind: 'punct', text: ';', start, end: i + 2 });
          i += 2;
          if (src[i] === '\n') i++;
          else if (src.startsWith('\r\n', i)) i += 2;
          continue outer;
        } else if (c === '#' || src.startsWith('//', i)) {
          // A line comment ends at the line's end or at ?>, which still closes PHP.
          LINE_COMMENT_END.lastIndex = i;
          i = LINE_COMMENT_END.exec(src)?.index ?? n;
        } else if (src.startsWith('/*', i)) {
          const close = src.indexOf('*/', i + 2);
          if (close < 0) throw new SyntaxProblem('an unterminated /* comment', i);
          i = close + 2;
        } else if (c === "'") {
          const s = scanSingleQuoted(src, i + 1);
          tokens.push({ kind: 'string', value: s.value, why: s.why, start, end: s.end });
          i = s.end;
        } else if (c === '"') {
          const s = scanDoubleQuoted(src, i + 1, '"');
          tokens.push({ kind: 'string', value: s.value, why: s.why, start, end: s.end });
          i = s.end;
        } else if (c === '`') {
          const s = scanDoubleQuoted(src, i + 1, '`');
          tokens.push({ kind: 'opaque', what: 'a shell command', start, end: s.end });
          i = s.end;
        } else if (src.startsWith('<<<', i)) {
          HEREDOC_START.lastIndex = i;
          const head = HEREDOC_START.exec(src);
          if (!head) throw new SyntaxProblem('a malformed <<< heredoc', i);
          const label = head[2] ?? '';
          // PHP 7.3+: the closing label may be indented and followed by more code.
          const closing = new RegExp(`(^|\\n)[ \\t]*${label}(?![A-Za-z0-9_\\u0080-\\uffff])`, 'g');
          closing.lastIndex = i + head[0].length - 1;
          const close = closing.exec(src);
          if (!close) throw new SyntaxProblem('an unterminated heredoc', i);
          const end = close.index + close[0].length;
          tokens.push({ kind: 'opaque', what: head[1] === "'" ? 'a nowdoc' : 'a heredoc', start, end });
          i = end;
        } else if (c === '$' && NAME_START.test(src[i + 1] ?? '')) {
          NAME.lastIndex = i + 1;
          const name = NAME.exec(src)?.[0] ?? '';
          tokens.push({ kind: 'variable', name, start, end: i + 1 + name.length });
          i += 1 + name.length;
        } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
          NUMBER.lastIndex = i;
          const text = NUMBER.exec(src)?.[0] ?? c;
          const value = numberValue(text);
          if (value === null) throw new SyntaxProblem(`an invalid number ${text}`, i);
          tokens.push({ kind: 'number', value, start, end: i + text.length });
          i += text.length;
        } else if (NAME_START.test(c)) {
          NAME.lastIndex = i;
          const name = NAME.exec(src)?.[0] ?? c;
          const lower = name.toLowerCase();
          tokens.push({ kind: 'name', lower, start, end: i + name.length });
          i += name.length;
          // Everything after __halt_compiler() is data, not code.
          if (lower === '__halt_compiler') break outer;
        } else {
          const text = PUNCTUATION.find((p) => src.startsWith(p, i)) ?? c;
          tokens.push({ kind: 'punct', text, start, end: i + text.length });
          i += text.length;
        }
      }
    }
  } catch (error) {
    if (error instanceof SyntaxProblem) return { tokens, problem: error, sawOpenTag };
    throw error;
  }
  return { tokens, problem: null, sawOpenTag };
}

// ---------------------------------------------------------------------------------
// Statements

interface Context {
  /** The statement may not run: it sits in an if/else, loop, switch or try. */
  readonly conditional: boolean;
}

const TOP: Context = { conditional: false };
const MAYBE: Context = { conditional: true };

const OPENERS: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };
const COMPOUND_ASSIGNMENT = new Set(['.=', '+=', '-=', '*=', '/=', '%=', '**=', '??=', '&=', '|=', '^=', '<<=', '>>=']);
const LOOSE_OPERATORS = new Set(['and', 'or', 'xor', 'as']);
const ALT_ENDS: Readonly<Record<string, string>> = {
  while: 'endwhile', for: 'endfor', foreach: 'endforeach', switch: 'endswitch', declare: 'enddeclare',
};
const CLASS_LIKE = new Set(['class', 'interface', 'trait', 'enum', 'abstract', 'final', 'readonly']);
const VARIABLE_SETTERS = new Set(['extract', 'parse_str', 'mb_parse_str', 'eval', 'import_request_variables']);
const INCLUDES = new Set(['include', 'include_once', 'require', 'require_once']);
// Values of these never appear in warnings, so a log of warnings cannot leak them.
const SECRET: ReadonlySet<string> = new Set<SettingsVariable>(['db_passwd']);

class SettingsWalker {
  readonly #src: string;
  readonly #tokens: readonly Token[];
  readonly #tracked: ReadonlySet<string>;
  /** For each opening bracket, the index of its closer (tokens.length when unclosed). */
  readonly #close: Int32Array;
  readonly #lineStarts: number[] = [0];
  readonly assignments = new Map<string, Assignment[]>();
  readonly warnings: SettingsWarning[] = [];
  #pos = 0;
  /** Line of an unconditional return/exit: nothing after it runs. */
  #stoppedAt: number | null = null;
  readonly #warned = new Set<string>();

  constructor(src: string, tokens: readonly Token[], tracked: ReadonlySet<string>) {
    this.#src = src;
    this.#tokens = tokens;
    this.#tracked = tracked;
    for (let i = 0; i < src.length; i++) if (src[i] === '\n') this.#lineStarts.push(i + 1);
    this.#close = new Int32Array(tokens.length).fill(tokens.length);
    const stack: number[] = [];
    tokens.forEach((t, index) => {
      if (t.kind !== 'punct') return;
      if (OPENERS[t.text]) stack.push(index);
      else if (t.text === ')' || t.text === ']' || t.text === '}') {
        const open = stack.at(-1);
        const opener = open === undefined ? undefined : tokens[open];
        if (open !== undefined && opener?.kind === 'punct' && OPENERS[opener.text] === t.text) {
          stack.pop();
          this.#close[open] = index;
        }
      }
    });
  }

  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.#lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.#lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  warn(line: number | null, variable: SettingsVariable | null, message: string, onceKey?: string): void {
    if (onceKey !== undefined) {
      if (this.#warned.has(onceKey)) return;
      this.#warned.add(onceKey);
    }
    this.warnings.push({ line, variable, message: line === null ? message : `line ${line}: ${message}` });
  }

  run(): void {
    while (this.#pos < this.#tokens.length) this.#statement(TOP);
  }

  // --- token helpers ----------------------------------------------------------

  #at(index: number): Token | undefined {
    return this.#tokens[index];
  }

  #isPunct(index: number, text: string): boolean {
    const t = this.#tokens[index];
    return t?.kind === 'punct' && t.text === text;
  }

  #isName(index: number, ...names: string[]): boolean {
    const t = this.#tokens[index];
    return t?.kind === 'name' && names.includes(t.lower);
  }

  #closeOf(index: number): number {
    return this.#close[index] ?? this.#tokens.length;
  }

  #text(from: number, to: number): string {
    const first = this.#tokens[from];
    const last = this.#tokens[to - 1];
    if (!first || !last) return '';
    const text = this.#src.slice(first.start, last.end).replace(/\s+/g, ' ');
    return text.length > 60 ? `${text.slice(0, 57)}…` : text;
  }

  /** Index of the `;` (or unmatched closer, or end) that ends the expression starting at `from`. */
  #expressionEnd(from: number): number {
    let i = from;
    while (i < this.#tokens.length) {
      const t = this.#tokens[i];
      if (t?.kind === 'punct') {
        if (t.text === ';') return i;
        if (OPENERS[t.text]) {
          i = this.#closeOf(i) + 1;
          continue;
        }
        if (t.text === ')' || t.text === ']' || t.text === '}') return i;
      }
      i++;
    }
    return i;
  }

  #skipSemicolon(): void {
    if (this.#isPunct(this.#pos, ';')) this.#pos++;
  }

  /** Consumes a `( … )` group at the cursor, scanning it for assignments. */
  #group(ctx: Context): { from: number; to: number } | null {
    if (!this.#isPunct(this.#pos, '(')) return null;
    const from = this.#pos + 1;
    const to = this.#closeOf(this.#pos);
    this.#scan(from, Math.min(to, this.#tokens.length), ctx);
    this.#pos = to + 1;
    return { from, to };
  }

  // --- statements -------------------------------------------------------------

  #statements(ctx: Context, stop: (index: number) => boolean): void {
    while (this.#pos < this.#tokens.length && !stop(this.#pos)) this.#statement(ctx);
  }

  /** A body after `if (…)`, `while (…)`…: one statement, a block, or `: … endX;`. */
  #body(ctx: Context, altEnds: readonly string[]): 'alt' | 'plain' {
    if (this.#isPunct(this.#pos, ':')) {
      this.#pos++;
      this.#statements(ctx, (i) => this.#isName(i, ...altEnds));
      return 'alt';
    }
    this.#statement(ctx);
    return 'plain';
  }

  #statement(ctx: Context): void {
    const t = this.#at(this.#pos);
    if (!t) return;
    if (t.kind === 'punct') {
      if (t.text === ';') {
        this.#pos++;
        return;
      }
      if (t.text === '{') {
        const close = this.#closeOf(this.#pos);
        this.#pos++;
        this.#statements(ctx, (i) => i >= close);
        // Never step back: a malformed statement may have run past the closer.
        this.#pos = Math.max(this.#pos, close + 1);
        return;
      }
      if (t.text === '}' || t.text === ')' || t.text === ']') {
        // Unbalanced: PHP would refuse the file. Step over it so the walk goes on.
        this.warn(this.lineOf(t.start), null, `an unmatched "${t.text}"; the file may not be valid PHP`, 'unbalanced');
        this.#pos++;
        return;
      }
    }
    if (t.kind === 'name') {
      if (this.#keyword(t.lower, ctx)) return;
      // A label for goto.
      if (this.#isPunct(this.#pos + 1, ':') && !CLASS_LIKE.has(t.lower)) {
        this.#pos += 2;
        return;
      }
    }
    this.#expressionStatement(ctx);
  }

  /** Handles statements that start with a keyword; false when `word` starts none. */
  #keyword(word: string, ctx: Context): boolean {
    switch (word) {
      case 'if': {
        this.#pos++;
        this.#group(ctx);
        if (this.#body(MAYBE, ['elseif', 'else', 'endif']) === 'alt') {
          while (this.#isName(this.#pos, 'elseif', 'else')) {
            const isElseIf = this.#isName(this.#pos, 'elseif');
            this.#pos++;
            if (isElseIf) this.#group(MAYBE);
            this.#body(MAYBE, ['elseif', 'else', 'endif']);
          }
          if (this.#isName(this.#pos, 'endif')) this.#pos++;
          this.#skipSemicolon();
          return true;
        }
        // Brace style: else/elseif belong to this if, unless `else:` ends an outer alt-syntax if.
        while (this.#isName(this.#pos, 'elseif') || (this.#isName(this.#pos, 'else') && !this.#isPunct(this.#pos + 1, ':'))) {
          const isElseIf = this.#isName(this.#pos, 'elseif');
          this.#pos++;
          if (isElseIf) this.#group(MAYBE);
          this.#statement(MAYBE);
        }
        return true;
      }
      case 'elseif':
      case 'else':
        // Only reached when stray; treat what follows as conditional code.
        this.#pos++;
        if (word === 'elseif') this.#group(MAYBE);
        if (this.#isPunct(this.#pos, ':')) this.#pos++;
        return true;
      case 'endif':
      case 'endwhile':
      case 'endfor':
      case 'endforeach':
      case 'endswitch':
      case 'enddeclare':
        this.#pos++;
        this.#skipSemicolon();
        return true;
      case 'while':
      case 'for':
      case 'switch':
      case 'declare': {
        this.#pos++;
        this.#group(word === 'declare' ? ctx : MAYBE);
        const end = ALT_ENDS[word] ?? '';
        if (this.#body(word === 'declare' ? ctx : MAYBE, [end]) === 'alt' && this.#isName(this.#pos, end)) this.#pos++;
        this.#skipSemicolon();
        return true;
      }
      case 'foreach': {
        this.#pos++;
        const group = this.#group(MAYBE);
        if (group) {
          // foreach ($list as $key => $value) writes $key and $value on every turn.
          const as = this.#tokens.findIndex((tok, i) => i >= group.from && i < group.to && tok.kind === 'name' && tok.lower === 'as');
          if (as >= 0) this.#markWritten(as + 1, group.to, MAYBE, 'set by a foreach loop');
        }
        if (this.#body(MAYBE, ['endforeach']) === 'alt' && this.#isName(this.#pos, 'endforeach')) this.#pos++;
        this.#skipSemicolon();
        return true;
      }
      case 'do':
        this.#pos++;
        this.#statement(MAYBE);
        if (this.#isName(this.#pos, 'while')) {
          this.#pos++;
          this.#group(MAYBE);
        }
        this.#skipSemicolon();
        return true;
      case 'try':
        // An exception can cut a try block short anywhere, so all of it is conditional.
        this.#pos++;
        this.#statement(MAYBE);
        while (this.#isName(this.#pos, 'catch', 'finally')) {
          const isCatch = this.#isName(this.#pos, 'catch');
          this.#pos++;
          if (isCatch && this.#isPunct(this.#pos, '(')) this.#pos = this.#closeOf(this.#pos) + 1;
          this.#statement(MAYBE);
        }
        return true;
      case 'case':
      case 'default': {
        if (word === 'default' && !this.#isPunct(this.#pos + 1, ':') && !this.#isPunct(this.#pos + 1, ';')) return false;
        // `case expr:` — skip to the colon that ends the label (brackets skipped whole).
        let i = this.#pos + 1;
        while (i < this.#tokens.length && !this.#isPunct(i, ':') && !this.#isPunct(i, ';')) {
          i = this.#isPunct(i, '(') || this.#isPunct(i, '[') ? this.#closeOf(i) + 1 : i + 1;
        }
        this.#pos = i + 1;
        return true;
      }
      case 'function': {
        // A named function's variables are its own; a closure is an expression.
        const next = this.#isPunct(this.#pos + 1, '&') ? this.#pos + 2 : this.#pos + 1;
        if (this.#at(next)?.kind !== 'name') return false;
        this.#skipDeclaration();
        return true;
      }
      case 'goto':
        this.warn(this.lineOf(this.#at(this.#pos)?.start ?? 0), null, 'the file uses goto, which can skip assignments; values are read as if it did not', 'goto');
        return false;
      case 'return':
      case 'exit':
      case 'die':
        if (!ctx.conditional && this.#stoppedAt === null) this.#stoppedAt = this.lineOf(this.#at(this.#pos)?.start ?? 0);
        return false;
      default:
        if (CLASS_LIKE.has(word) && (word !== 'enum' || this.#at(this.#pos + 1)?.kind === 'name')) {
          if (this.#isPunct(this.#pos + 1, '(') || this.#isPunct(this.#pos + 1, '::')) return false;
          this.#skipDeclaration();
          return true;
        }
        return false;
    }
  }

  /** Skips a function or class declaration: its head, then its `{ … }` body (or `;`). */
  #skipDeclaration(): void {
    let i = this.#pos;
    while (i < this.#tokens.length && !this.#isPunct(i, '{') && !this.#isPunct(i, ';')) {
      i = this.#isPunct(i, '(') ? this.#closeOf(i) + 1 : i + 1;
    }
    this.#pos = this.#isPunct(i, '{') ? this.#closeOf(i) + 1 : i + 1;
  }

  #expressionStatement(ctx: Context): void {
    const from = this.#pos;
    const end = this.#expressionEnd(from);
    this.#scan(from, end, ctx);
    // Step over the `;`; an unmatched closer is left for #statement to report.
    this.#pos = this.#isPunct(end, ';') ? end + 1 : Math.max(end, from + 1);
  }

  // --- expressions ------------------------------------------------------------

  /** Finds the assignments (and other writes) to tracked variables in tokens [from, to). */
  #scan(from: number, to: number, ctx: Context): void {
    for (let i = from; i < to; i++) {
      const t = this.#tokens[i];
      if (!t) return;
      if (t.kind === 'name') {
        i = this.#scanName(t.lower, i, to, ctx);
      } else if (t.kind === 'punct') {
        if (t.text === '[' && (i === from || !this.#isValueEnd(i - 1))) {
          // [$a, $b] = …: destructuring writes every variable inside.
          const close = this.#closeOf(i);
          if (this.#isPunct(close + 1, '=')) {
            this.#markWritten(i + 1, close, ctx, 'set by destructuring');
            i = close;
          }
        } else if (t.text === '$') {
          // $$name or ${'name'}: a variable whose name is computed at run time.
          const target = this.#isPunct(i + 1, '{') ? this.#closeOf(i + 1) : i + 1;
          if (this.#writesAfter(target + 1)) {
            this.warn(this.lineOf(t.start), null, 'assigns to a variable whose name is computed ($$name or ${…}); that assignment is not followed', 'dynamic');
          }
        }
      } else if (t.kind === 'variable') {
        this.#scanVariable(t, i, to, ctx);
      }
    }
  }

  /** Returns the index to continue scanning from (the last token it consumed). */
  #scanName(word: string, i: number, to: number, ctx: Context): number {
    const start = this.#at(i)?.start ?? 0;
    if (word === 'function' || word === 'fn') {
      // A closure or arrow function: its body has variables of its own.
      let j = i + 1;
      if (this.#isPunct(j, '&')) j++;
      if (!this.#isPunct(j, '(')) return i;
      if (word === 'fn') {
        j = this.#closeOf(j) + 1;
        while (j < to && !this.#isPunct(j, '=>')) j++;
        return this.#assignmentEnd(j + 1, to) - 1;
      }
      while (j < to && !this.#isPunct(j, '{')) j = this.#isPunct(j, '(') ? this.#closeOf(j) + 1 : j + 1;
      return Math.min(this.#closeOf(j), to);
    }
    if ((word === 'list' || word === 'unset') && this.#isPunct(i + 1, '(')) {
      const close = this.#closeOf(i + 1);
      if (word === 'list' && this.#isPunct(close + 1, '=')) this.#markWritten(i + 2, close, ctx, 'set by list()');
      if (word === 'unset') this.#markUnset(i + 2, close, ctx);
      return word === 'unset' || this.#isPunct(close + 1, '=') ? close : i;
    }
    if (VARIABLE_SETTERS.has(word) && this.#isPunct(i + 1, '(')) {
      this.warn(this.lineOf(start), null, `calls ${word}(), which can set variables Lectern cannot see`, `setter:${word}`);
    } else if (INCLUDES.has(word)) {
      const last = this.#at(this.#assignmentEnd(i + 1, to) - 1);
      // SMF's own Settings.php includes cache/db_last_error.php, which only sets $db_last_error.
      if (!this.#src.slice(start, last?.end ?? start).includes('db_last_error.php')) {
        this.warn(this.lineOf(start), null, `${word} pulls in another file; settings made there are not read`);
      }
    }
    return i;
  }

  #scanVariable(t: Token & { kind: 'variable' }, i: number, to: number, ctx: Context): void {
    const before = this.#at(i - 1);
    if (before?.kind === 'punct' && ['->', '?->', '::', '$'].includes(before.text)) return;
    // $GLOBALS['db_name'] is $db_name at the top of Settings.php.
    let name = t.name;
    let after = i + 1;
    const key = this.#at(i + 2);
    if (name === 'GLOBALS' && this.#isPunct(i + 1, '[') && key?.kind === 'string' && key.value !== null && this.#isPunct(i + 3, ']')) {
      name = key.value;
      after = i + 4;
    }
    if (!this.#tracked.has(name)) return;
    const variable = name as SettingsVariable;
    const line = this.lineOf(t.start);

    // `= &$db_name`, `as &$db_name`: a reference, unlike the bitwise `$a & $db_name`.
    if (before?.kind === 'punct' && before.text === '&' && !this.#isValueEnd(i - 2)) {
      this.warn(line, variable, `takes a reference to $${name}; writes through that reference are not followed`);
    }
    const next = this.#at(after);
    if (next?.kind === 'punct' && next.text === '=') {
      if (this.#isPunct(after + 1, '&')) {
        this.#record(name, line, ctx, { kind: 'code', description: 'a reference' });
        return;
      }
      const end = this.#assignmentEnd(after + 1, to);
      this.#record(name, line, ctx, this.#evaluate(after + 1, end));
      return;
    }
    if (next?.kind === 'punct' && COMPOUND_ASSIGNMENT.has(next.text)) {
      this.#record(name, line, ctx, { kind: 'code', description: `changed with ${next.text}` });
      return;
    }
    if ((next?.kind === 'punct' && (next.text === '++' || next.text === '--')) || (before?.kind === 'punct' && (before.text === '++' || before.text === '--'))) {
      this.#record(name, line, ctx, { kind: 'code', description: 'incremented or decremented' });
      return;
    }
    // $db_name[0] = 'x', $db_name->x = 1: writing a part changes the whole.
    let j = after;
    while (j < to) {
      if (this.#isPunct(j, '[') || this.#isPunct(j, '{')) j = this.#closeOf(j) + 1;
      else if ((this.#isPunct(j, '->') || this.#isPunct(j, '?->')) && this.#at(j + 1)?.kind === 'name') j += 2;
      else break;
    }
    if (j > after && this.#writesAfter(j)) {
      this.#record(name, line, ctx, { kind: 'code', description: 'changed in part' });
    }
  }

  #writesAfter(index: number): boolean {
    const t = this.#at(index);
    return t?.kind === 'punct' && (t.text === '=' || COMPOUND_ASSIGNMENT.has(t.text) || t.text === '++' || t.text === '--');
  }

  /** True when the token at `index` ends a value, so a following `[` indexes it. */
  #isValueEnd(index: number): boolean {
    const t = this.#at(index);
    if (!t) return false;
    if (t.kind === 'punct') return t.text === ')' || t.text === ']' || t.text === '}';
    return t.kind !== 'name' || !['return', 'echo', 'print', 'as', 'and', 'or', 'xor', 'yield'].includes(t.lower);
  }

  /** The right-hand side of `=` ends at a lower-precedence operator or the enclosing bracket. */
  #assignmentEnd(from: number, to: number): number {
    let i = from;
    while (i < to) {
      const t = this.#tokens[i];
      if (t?.kind === 'punct') {
        if (OPENERS[t.text]) {
          i = this.#closeOf(i) + 1;
          continue;
        }
        if ([';', ',', '=>', ')', ']', '}'].includes(t.text)) return i;
      } else if (t?.kind === 'name' && LOOSE_OPERATORS.has(t.lower)) {
        return i;
      }
      i++;
    }
    return Math.min(i, to);
  }

  #markWritten(from: number, to: number, ctx: Context, description: string): void {
    for (let i = from; i < to; i++) {
      const t = this.#tokens[i];
      if (t?.kind !== 'variable' || !this.#tracked.has(t.name)) continue;
      const before = this.#at(i - 1);
      if (before?.kind === 'punct' && ['->', '?->', '::', '$'].includes(before.text)) continue;
      this.#record(t.name, this.lineOf(t.start), ctx, { kind: 'code', description });
    }
  }

  #markUnset(from: number, to: number, ctx: Context): void {
    for (let i = from; i < to; i++) {
      const t = this.#tokens[i];
      if (t?.kind !== 'variable') continue;
      const key = this.#at(i + 2);
      const name = t.name === 'GLOBALS' && key?.kind === 'string' && key.value !== null ? key.value : t.name;
      const whole = t.name === 'GLOBALS' ? this.#isPunct(i + 3, ']') && (this.#isPunct(i + 4, ',') || i + 4 >= to) : this.#isPunct(i + 1, ',') || i + 1 >= to;
      if (!this.#tracked.has(name)) continue;
      this.#record(name, this.lineOf(t.start), ctx, whole ? { kind: 'unset' } : { kind: 'code', description: 'changed in part' });
    }
  }

  #record(name: string, line: number, ctx: Context, value: AssignedValue): void {
    if (this.#stoppedAt !== null) {
      this.warn(line, name as SettingsVariable, `$${name} is assigned after the file stops running (return or exit on line ${this.#stoppedAt}); ignored`);
      return;
    }
    const list = this.assignments.get(name) ?? [];
    list.push({ line, conditional: ctx.conditional, value });
    this.assignments.set(name, list);
  }

  /** The value of tokens [from, to) if it is a literal; never runs anything. */
  #evaluate(from: number, to: number): AssignedValue {
    // ('smf') is 'smf'.
    while (to - from >= 2 && this.#isPunct(from, '(') && this.#closeOf(from) === to - 1) {
      from++;
      to--;
    }
    if (to <= from) return { kind: 'code', description: 'an empty expression' };
    // $a = $b = 'x' gives both the same value.
    const first = this.#at(from);
    if (first?.kind === 'variable' && this.#isPunct(from + 1, '=') && !this.#isPunct(from + 2, '&')) return this.#evaluate(from + 2, to);

    // 'a' . "\n" . 'b': literal strings joined, as SMF writes multi-line values.
    const parts: Array<[number, number]> = [];
    let partStart = from;
    for (let i = from; i < to; i++) {
      if (this.#isPunct(i, '(') || this.#isPunct(i, '[') || this.#isPunct(i, '{')) i = this.#closeOf(i);
      else if (this.#isPunct(i, '.')) {
        parts.push([partStart, i]);
        partStart = i + 1;
      }
    }
    parts.push([partStart, to]);
    if (parts.length > 1) {
      let joined = '';
      for (const [a, b] of parts) {
        const part = this.#single(a, b);
        if (part.kind !== 'literal') return { kind: 'code', description: this.#text(from, to) };
        if (typeof part.value === 'string') joined += part.value;
        else if (typeof part.value === 'number' && Number.isInteger(part.value)) joined += String(part.value);
        else return { kind: 'code', description: this.#text(from, to) };
      }
      return { kind: 'literal', value: joined };
    }
    return this.#single(from, to);
  }

  #single(from: number, to: number): AssignedValue {
    const t = this.#at(from);
    const count = to - from;
    if (count === 1 && t?.kind === 'string') {
      return t.value === null ? { kind: 'code', description: `a string that is not a literal: ${t.why}` } : { kind: 'literal', value: t.value };
    }
    if (count === 1 && t?.kind === 'number') return { kind: 'literal', value: t.value };
    if (count === 2 && t?.kind === 'punct' && (t.text === '-' || t.text === '+')) {
      const n = this.#at(from + 1);
      if (n?.kind === 'number') return { kind: 'literal', value: t.text === '-' ? -n.value : n.value };
    }
    // true, FALSE, \null: constants PHP defines, in any letter case.
    const word = count === 1 ? t : count === 2 && this.#isPunct(from, '\\') ? this.#at(from + 1) : undefined;
    if (word?.kind === 'name') {
      if (word.lower === 'true') return { kind: 'literal', value: true };
      if (word.lower === 'false') return { kind: 'literal', value: false };
      if (word.lower === 'null') return { kind: 'literal', value: null };
    }
    if (count === 1 && t?.kind === 'opaque') return { kind: 'code', description: t.what };
    return { kind: 'code', description: this.#text(from, to) };
  }
}

// ---------------------------------------------------------------------------------
// Results

/** PHP's string conversion, as when the value is passed to the database driver. */
function phpString(value: PhpLiteral): string | null {
  if (value === null) return null;
  if (value === true) return '1';
  if (value === false) return '';
  return String(value);
}

function phpPort(value: PhpLiteral): number | null | undefined {
  if (value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return Number.isInteger(value) ? value : undefined;
  const trimmed = value.trim();
  if (trimmed === '') return 0;
  return /^[0-9]+$/.test(trimmed) ? Number(trimmed) : undefined;
}

/**
 * Reads the database and forum settings from the text of an SMF Settings.php.
 * Pure: it never runs, includes or evaluates anything in the file.
 */
export function parseSettingsPhp(source: string): SmfSettingsFile {
  const lexed = lex(source);
  const walker = new SettingsWalker(source, lexed.tokens, new Set<string>(SETTINGS_VARIABLES));
  if (!lexed.sawOpenTag) walker.warn(null, null, 'the file has no <?php tag, so PHP would run none of it');
  if (source.includes('\uFFFD')) walker.warn(null, null, 'the file holds characters that were not valid UTF-8 when read; values may differ from what PHP sees');
  walker.run();
  if (lexed.problem) {
    walker.warn(walker.lineOf(lexed.problem.offset), null, `${lexed.problem.message}; PHP would refuse this file, and nothing after this point was read`);
  }

  const notLiteral: SettingsVariable[] = [];
  const resolved = new Map<SettingsVariable, PhpLiteral | undefined>();
  const lines = new Map<SettingsVariable, number>();
  for (const variable of SETTINGS_VARIABLES) {
    const list = walker.assignments.get(variable) ?? [];
    const unconditional = list.filter((a) => !a.conditional);
    const decisive = unconditional.at(-1) ?? list.at(-1);
    if (!decisive) continue;
    if (decisive.conditional) {
      walker.warn(decisive.line, variable, `$${variable} is only assigned inside a conditional block; using that assignment`);
    }
    for (const a of list.slice(list.lastIndexOf(decisive) + 1)) {
      walker.warn(a.line, variable, `$${variable} may be reassigned here inside a conditional block; using the unconditional assignment on line ${decisive.line}`);
    }
    lines.set(variable, decisive.line);
    const value = decisive.value;
    if (value.kind === 'literal') resolved.set(variable, value.value);
    else if (value.kind === 'code') {
      notLiteral.push(variable);
      const what = SECRET.has(variable) ? '' : ` (${value.description})`;
      walker.warn(decisive.line, variable, `$${variable} is not a literal${what}; Lectern does not run PHP, so it is not read`);
    }
  }

  const text = (variable: SettingsVariable): string | null | undefined => {
    const value = resolved.get(variable);
    return value === undefined ? undefined : phpString(value);
  };
  const invalid: SettingsVariable[] = [];
  const portLiteral = resolved.get('db_port');
  const dbPort = portLiteral === undefined ? undefined : phpPort(portLiteral);
  if (portLiteral !== undefined && dbPort === undefined) {
    invalid.push('db_port');
    walker.warn(lines.get('db_port') ?? null, 'db_port', `$db_port is ${JSON.stringify(portLiteral)}, which is not a whole port number`);
  }

  return {
    dbType: text('db_type'),
    dbServer: text('db_server'),
    dbPort,
    dbName: text('db_name'),
    dbUser: text('db_user'),
    dbPasswd: text('db_passwd'),
    dbPrefix: text('db_prefix'),
    mbname: text('mbname'),
    boardurl: text('boardurl'),
    notLiteral,
    invalid,
    warnings: walker.warnings,
  };
}
