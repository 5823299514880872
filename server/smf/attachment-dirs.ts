// Where SMF keeps attachment files. `attachmentUploadDir` is a JSON object of
// folder id → path in SMF 2.1, a PHP-serialised array in forums upgraded from 2.0,
// or a single plain path in old or single-folder set-ups. Files are then
// `<dir>/<id_attach>_<file_hash>.dat`. Paths come only from the forum's settings or
// the operator's override, and file names only from numeric ids and hex hashes, so
// nothing a member wrote ever reaches the file system.
import { join } from 'node:path';

export interface AttachmentDirs {
  get(folderId: number): string | undefined;
}

function fromPhpSerialized(raw: string): Map<number, string> | null {
  if (!/^a:\d+:\{/.test(raw)) return null;
  const dirs = new Map<number, string>();
  // i:<key>;s:<byte length>:"<path>"; — read by length, as PHP does, not by quotes.
  const bytes = Buffer.from(raw, 'utf8');
  const text = bytes.toString('latin1');
  const entry = /i:(\d+);s:(\d+):"/g;
  for (let m = entry.exec(text); m; m = entry.exec(text)) {
    const start = m.index + m[0].length;
    const length = Number(m[2]);
    const path = bytes.subarray(start, start + length).toString('utf8');
    dirs.set(Number(m[1]), path);
    entry.lastIndex = start + length;
  }
  return dirs;
}

function fromJson(raw: string): Map<number, string> | null {
  if (!raw.startsWith('{') && !raw.startsWith('[')) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null) return null;
    const dirs = new Map<number, string>();
    for (const [key, value] of Object.entries(parsed)) {
      // A JSON array is folder 0, 1, …; SMF numbers its folders from 1 in objects.
      if (typeof value === 'string' && /^\d+$/.test(key)) dirs.set(Array.isArray(parsed) ? Number(key) + 1 : Number(key), value);
    }
    return dirs;
  } catch {
    return null;
  }
}

/**
 * The folders, by id. An override from the operator (SMF_ATTACHMENTS_DIR) wins: a
 * single path serves every folder (the common case: the forum's files mounted
 * elsewhere), or a JSON object maps folder ids as SMF's setting does.
 */
export function attachmentDirs(setting: string, override: string | null): AttachmentDirs {
  const source = (override ?? setting).trim();
  if (source === '') return { get: () => undefined };
  const dirs = fromJson(source) ?? fromPhpSerialized(source);
  if (dirs) return dirs;
  // One plain path: every folder id is that folder.
  return { get: () => source };
}

const HASH = /^[0-9a-f]{40}$/i;

/** The file of an attachment row, or null when the row cannot name one safely. */
export function attachmentPath(dirs: AttachmentDirs, row: { id_attach: number; id_folder: number; file_hash: string }): string | null {
  const dir = dirs.get(row.id_folder);
  if (!dir || !HASH.test(row.file_hash) || !Number.isSafeInteger(row.id_attach)) return null;
  return join(dir, `${String(row.id_attach)}_${row.file_hash}.dat`);
}
