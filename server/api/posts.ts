// Messages → the contract's posts: text decoded from SMF's stored form and censored
// as SMF censors what it displays; attachments in the state a guest sees them.
import type { Attachment, Post } from '../../src/lib/api/schemas';
import type { BoardNode, ForumStructure } from '../smf/forum-structure';
import { censor, decodeBody, decodeTitle } from '../smf/stored-text';
import { authorJson } from './authors';
import type { Members } from './authors';
import type { ApiContext } from './context';
import { isoTime } from './context';

export interface MessageRow {
  id_msg: number;
  id_topic: number;
  id_board: number;
  poster_time: number;
  id_member: number;
  poster_name: string;
  subject: string;
  modified_time: number;
  modified_name: string;
  body: string;
}

export const MESSAGE_COLUMNS = [
  'm.id_msg', 'm.id_topic', 'm.id_board', 'm.poster_time', 'm.id_member', 'm.poster_name', 'm.subject',
  'm.modified_time', 'm.modified_name', 'm.body',
] as const;

interface AttachmentRow {
  id_attach: number;
  id_msg: number;
  filename: string;
  size: number;
  mime_type: string;
  width: number;
  height: number;
  downloads: number;
  approved: number;
  thumb_id: number | null;
}

/** The attachments of these messages (never avatars or thumbnails), in upload order. */
export async function loadAttachments(ctx: ApiContext, messageIds: readonly number[]): Promise<Map<number, AttachmentRow[]>> {
  const byMessage = new Map<number, AttachmentRow[]>();
  if (messageIds.length === 0) return byMessage;
  const rows = await ctx.db
    .selectFrom('attachments as a')
    .leftJoin('attachments as th', (join) => join.onRef('th.id_attach', '=', 'a.id_thumb').on('th.attachment_type', '=', 3))
    .select([
      'a.id_attach', 'a.id_msg', 'a.filename', 'a.size', 'a.mime_type', 'a.width', 'a.height', 'a.downloads', 'a.approved',
      'th.id_attach as thumb_id',
    ])
    .where('a.id_msg', 'in', [...messageIds])
    .where('a.attachment_type', '=', 0)
    .orderBy('a.id_attach')
    .execute();
  for (const row of rows) {
    const list = byMessage.get(Number(row.id_msg)) ?? [];
    list.push({
      ...row,
      id_attach: Number(row.id_attach),
      id_msg: Number(row.id_msg),
      size: Number(row.size),
      width: Number(row.width),
      height: Number(row.height),
      downloads: Number(row.downloads),
      approved: Number(row.approved),
      thumb_id: row.thumb_id === null ? null : Number(row.thumb_id),
    });
    byMessage.set(Number(row.id_msg), list);
  }
  return byMessage;
}

export function attachmentJson(ctx: ApiContext, structure: ForumStructure, board: BoardNode, row: AttachmentRow): Attachment {
  const image = row.width > 0 && row.height > 0;
  const base = {
    id: row.id_attach,
    name: decodeTitle(row.filename),
    sizeBytes: row.size > 0 ? row.size : null,
    mimeType: row.mime_type === '' ? null : row.mime_type,
    width: image ? row.width : null,
    height: image ? row.height : null,
    downloads: row.downloads,
  };
  if (row.approved !== 1) return { ...base, state: 'pending', url: null, thumbnailUrl: null };
  if (!structure.attachmentProfiles.has(board.profileId)) return { ...base, state: 'restricted', url: null, thumbnailUrl: null };
  const url = `${ctx.apiBase}/attachments/${String(row.id_attach)}`;
  return { ...base, state: 'available', url, thumbnailUrl: image && row.thumb_id !== null ? `${url}/thumbnail` : null };
}

export function subjectText(structure: ForumStructure, stored: string): string {
  return censor(decodeTitle(stored), structure.settings.censor);
}

export function postJson(
  ctx: ApiContext,
  structure: ForumStructure,
  board: BoardNode,
  members: Members,
  attachments: ReadonlyMap<number, readonly AttachmentRow[]>,
  row: MessageRow,
  number: number,
): Post {
  const edited = Number(row.modified_time) > 0;
  return {
    id: Number(row.id_msg),
    number,
    subject: subjectText(structure, row.subject),
    author: authorJson(ctx, structure, members, Number(row.id_member), row.poster_name),
    postedAt: isoTime(Number(row.poster_time)),
    editedAt: edited ? isoTime(Number(row.modified_time)) : null,
    editedBy: edited && row.modified_name !== '' ? decodeTitle(row.modified_name) : null,
    // Censored while decoding, before brackets are re-escaped, as SMF censors stored text before parsing.
    body: decodeBody(row.body, structure.settings.censor),
    attachments: (attachments.get(Number(row.id_msg)) ?? []).map((a) => attachmentJson(ctx, structure, board, a)),
  };
}
