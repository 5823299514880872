// The files behind the urls the answers hand out: attachments, their thumbnails and
// uploaded avatars. Served only when a guest could see them in SMF, from paths built
// of ids and hashes, with headers that keep a hostile file inert on our origin.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import type { ForumStructure } from '../smf/forum-structure';
import { attachmentDirs, attachmentPath } from '../smf/attachment-dirs';
import { decodeTitle } from '../smf/stored-text';
import { requireGuestAccess } from './boards';
import type { ApiContext } from './context';
import { forbidden, notFound } from './context';

export interface FileOptions {
  /** SMF_ATTACHMENTS_DIR: replaces the folders of the forum's `attachmentUploadDir`. */
  attachmentsDir: string | null;
}

const SAFE_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  // Opened directly, a file is a document of our origin: it may not run or load anything.
  'Content-Security-Policy': "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox",
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'public, max-age=3600',
};

const INLINE_IMAGES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif', 'image/bmp']);
const ACTIVE = /html|svg|xml|javascript|ecmascript|pdf|x-shockwave/i;
const MIME = /^[a-z]+\/[a-z0-9.+_-]{1,100}$/i;

/** `attachment; filename="…"; filename*=UTF-8''…` with nothing that could split the header. */
export function contentDisposition(kind: 'attachment' | 'inline', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * Images a browser shows without running anything go inline; everything else is a
 * download. SVG is inline only as an image the reader embeds: opened directly, the
 * sandbox CSP above keeps its scripts dead.
 */
function typeAndDisposition(mime: string, name: string): { type: string; disposition: string } {
  const clean = MIME.test(mime) ? mime.toLowerCase() : 'application/octet-stream';
  if (INLINE_IMAGES.has(clean) || clean === 'image/svg+xml') return { type: clean, disposition: contentDisposition('inline', name) };
  const type = ACTIVE.test(clean) ? 'application/octet-stream' : clean;
  return { type: type.startsWith('text/') ? `${type}; charset=utf-8` : type, disposition: contentDisposition('attachment', name) };
}

async function fileResponse(path: string | null, mime: string, name: string, head: boolean): Promise<Response> {
  if (path === null) throw notFound('The file of this attachment is missing.');
  let size: number;
  let mtime: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new Error('not a file');
    size = info.size;
    mtime = info.mtimeMs;
  } catch {
    throw notFound('The file of this attachment is missing.');
  }
  const { type, disposition } = typeAndDisposition(mime, name);
  const headers = {
    ...SAFE_HEADERS,
    'Content-Type': type,
    'Content-Disposition': disposition,
    'Content-Length': String(size),
    ETag: `"${size.toString(36)}-${Math.floor(mtime).toString(36)}"`,
  };
  if (head) return new Response(null, { headers });
  const stream = Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>;
  return new Response(stream, { headers });
}

interface AttachmentRow {
  id_attach: number;
  id_folder: number;
  file_hash: string;
  filename: string;
  mime_type: string;
  approved: number;
  id_thumb: number;
  id_board: number;
}

async function servableAttachment(ctx: ApiContext, structure: ForumStructure, id: number): Promise<AttachmentRow> {
  requireGuestAccess(structure);
  const row = await ctx.db
    .selectFrom('attachments as a')
    .innerJoin('messages as m', 'm.id_msg', 'a.id_msg')
    .innerJoin('topics as t', 't.id_topic', 'm.id_topic')
    .select(['a.id_attach', 'a.id_folder', 'a.file_hash', 'a.filename', 'a.mime_type', 'a.approved', 'a.id_thumb', 'm.id_board'])
    .where('a.id_attach', '=', id)
    .where('a.attachment_type', '=', 0)
    .where('m.approved', '=', 1)
    .where('t.approved', '=', 1)
    .executeTakeFirst();
  if (!row) throw notFound(`There is no attachment ${String(id)}.`);
  const board = structure.boards.get(Number(row.id_board));
  if (!board?.reachable || !structure.attachmentProfiles.has(board.profileId)) throw forbidden('You cannot view this attachment.');
  if (Number(row.approved) !== 1) throw forbidden('This attachment is awaiting approval.');
  return row;
}

export async function attachmentFile(ctx: ApiContext, options: FileOptions, id: number, head: boolean): Promise<Response> {
  const structure = await ctx.structure();
  const row = await servableAttachment(ctx, structure, id);
  const dirs = attachmentDirs(structure.settings.attachmentUploadDir, options.attachmentsDir);
  return fileResponse(attachmentPath(dirs, { ...row, id_attach: Number(row.id_attach), id_folder: Number(row.id_folder) }), row.mime_type, decodeTitle(row.filename), head);
}

export async function thumbnailFile(ctx: ApiContext, options: FileOptions, id: number, head: boolean): Promise<Response> {
  const structure = await ctx.structure();
  const row = await servableAttachment(ctx, structure, id);
  const thumb = Number(row.id_thumb) > 0
    ? await ctx.db
        .selectFrom('attachments')
        .select(['id_attach', 'id_folder', 'file_hash', 'mime_type'])
        .where('id_attach', '=', Number(row.id_thumb))
        .where('attachment_type', '=', 3)
        .executeTakeFirst()
    : undefined;
  if (!thumb) throw notFound('This attachment has no thumbnail.');
  const dirs = attachmentDirs(structure.settings.attachmentUploadDir, options.attachmentsDir);
  const path = attachmentPath(dirs, { ...thumb, id_attach: Number(thumb.id_attach), id_folder: Number(thumb.id_folder) });
  return fileResponse(path, thumb.mime_type || row.mime_type, `thumb_${decodeTitle(row.filename)}`, head);
}

export async function avatarFile(ctx: ApiContext, options: FileOptions, memberId: number, head: boolean): Promise<Response> {
  const structure = await ctx.structure();
  requireGuestAccess(structure);
  const row = await ctx.db
    .selectFrom('attachments')
    .select(['id_attach', 'id_folder', 'file_hash', 'filename', 'mime_type', 'attachment_type'])
    .where('id_member', '=', memberId)
    .where('id_msg', '=', 0)
    .orderBy('id_attach', 'desc')
    .executeTakeFirst();
  if (!row) throw notFound(`There is no avatar ${String(memberId)}.`);
  const name = decodeTitle(row.filename);
  if (Number(row.attachment_type) === 1) {
    // Custom avatar folder: SMF stores the file under its own (generated) name there.
    const dir = structure.settings.customAvatarDir;
    const file = basename(row.filename);
    const path = dir !== '' && file === row.filename && /^[\w.-]+$/.test(file) ? join(dir, file) : null;
    return fileResponse(path, row.mime_type, name, head);
  }
  const dirs = attachmentDirs(structure.settings.attachmentUploadDir, options.attachmentsDir);
  return fileResponse(attachmentPath(dirs, { ...row, id_attach: Number(row.id_attach), id_folder: Number(row.id_folder) }), row.mime_type, name, head);
}
