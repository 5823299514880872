// Which source each character of a built chunk came from, read from its sourcemap,
// so the size check can say what the bytes are made of (react-dom, the router, our
// own code…). A few dozen lines of VLQ decoding instead of a dependency.

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((char, index) => [char, index]));

/** Decodes one mappings segment ("AAAA", "gBAAC"…) into its signed numbers. */
export function decodeVlq(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = DIGIT.get(char);
    if (digit === undefined) throw new Error(`Not a base64 VLQ digit: ${JSON.stringify(char)}`);
    value += (digit & 31) * 2 ** shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    values.push(value & 1 ? -Math.floor(value / 2) : Math.floor(value / 2));
    value = 0;
    shift = 0;
  }
  return values;
}

export type RawSourceMap = { sources: string[]; sourceRoot?: string; mappings: string };

/** A run of generated text: from `start` to `end` (columns of one line) came from `source`. */
export type GeneratedSpan = { line: number; start: number; end: number; source: string | null };

/**
 * Splits the generated code into spans by source. A segment covers its line from its
 * column to the next segment's; text before a line's first segment, and segments
 * without a source, belong to nobody (`source: null`, the bundler's glue).
 */
export function generatedSpans(map: RawSourceMap, code: string): GeneratedSpan[] {
  const lines = code.split('\n');
  const spans: GeneratedSpan[] = [];
  let sourceIndex = 0;
  const mappingLines = map.mappings.split(';');
  for (const [lineNumber, text] of lines.entries()) {
    const segments = (mappingLines[lineNumber] ?? '').split(',').filter(Boolean);
    let column = 0;
    const starts: { column: number; source: number | null }[] = [];
    for (const segment of segments) {
      const [columnDelta = 0, sourceDelta] = decodeVlq(segment);
      column += columnDelta;
      if (sourceDelta === undefined) {
        starts.push({ column, source: null });
      } else {
        sourceIndex += sourceDelta;
        starts.push({ column, source: sourceIndex });
      }
    }
    let cursor = 0;
    for (const [i, start] of starts.entries()) {
      if (start.column > cursor) spans.push({ line: lineNumber, start: cursor, end: start.column, source: null });
      const end = Math.min(starts[i + 1]?.column ?? text.length, text.length);
      const name = start.source === null ? null : resolveSource(map, start.source);
      if (end > start.column) spans.push({ line: lineNumber, start: start.column, end, source: name });
      cursor = Math.max(cursor, end);
    }
    // The line's end, and the newline itself, count as glue.
    if (text.length + 1 > cursor) spans.push({ line: lineNumber, start: cursor, end: text.length + 1, source: null });
  }
  return spans;
}

function resolveSource(map: RawSourceMap, index: number): string {
  const source = map.sources[index] ?? `(source #${index})`;
  return map.sourceRoot ? `${map.sourceRoot.replace(/\/?$/, '/')}${source}` : source;
}

/**
 * The package or app area a source belongs to: `react-dom`, `@tanstack/query-core`,
 * `src/features/topic`, `src/ui`… (Rolldown's own helpers have no source and show as
 * glue.)
 */
export function groupOf(source: string | null): string {
  if (source === null) return '(bundler glue, no source)';
  const normalized = source.replace(/\\/g, '/');
  const inModules = normalized.lastIndexOf('node_modules/');
  if (inModules >= 0) {
    const parts = normalized.slice(inModules + 'node_modules/'.length).split('/');
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1] ?? ''}` : (parts[0] ?? normalized);
  }
  const inSrc = normalized.search(/(^|\/)src\//);
  if (inSrc >= 0) {
    const parts = normalized.slice(normalized.indexOf('src/', inSrc)).split('/');
    // src/features/topic, src/lib/bbcode, src/app, src/ui: deep enough to act on.
    if ((parts[1] === 'features' || parts[1] === 'lib') && parts.length > 3) return parts.slice(0, 3).join('/');
    return parts.length > 2 ? parts.slice(0, 2).join('/') : parts.join('/');
  }
  if (normalized.includes('/mocks/') || normalized.startsWith('mocks/')) return 'mocks (!)';
  return normalized.replace(/^(\.\.\/)+/, '');
}

/** The generated text of each group, concatenated (for sizes raw and gzipped). */
export function textByGroup(map: RawSourceMap, code: string): Map<string, string> {
  const lines = code.split('\n');
  const parts = new Map<string, string[]>();
  for (const span of generatedSpans(map, code)) {
    const group = groupOf(span.source);
    // A span may end with the line's newline. Sliced from the line alone: copying a
    // minified chunk's one long line for each of its spans took the size check 16 s.
    const line = lines[span.line] ?? '';
    const text = line.slice(span.start, span.end) + (span.end > line.length ? '\n' : '');
    const list = parts.get(group) ?? [];
    list.push(text);
    parts.set(group, list);
  }
  return new Map([...parts].map(([group, list]) => [group, list.join('')]));
}
