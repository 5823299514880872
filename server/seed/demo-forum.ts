// The demo forum (mocks/db) written as SMF 2.1 would have stored it: escaped text,
// unix times, counters, guest permissions, post-count groups, and attachment files
// named `<id>_<hash>.dat` in an upload folder. The parity tests then show that the
// server reading these rows answers what the mock answers.
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Forum } from '../../mocks/db/build-forum';
import { avatarSvg, fileBody, placeholderSvg, thumbnailSize } from '../../mocks/handlers/media';
import { unixSeconds } from '../../mocks/db/time';
import type { DbAttachment, DbAuthor, DbPost } from '../../mocks/db/types';
import { placeholderPng } from './placeholder-png';
import { encodeBody, encodeTitle } from './stored-text-encode';
import type { SeedRows } from './seed-schema';

/** Where avatars and thumbnails get their ids: above every post attachment id of the demo. */
const AVATAR_ID_BASE = 30_000_000;
const THUMBNAIL_ID_BASE = 10_000_000;
/**
 * SMF sets a deleted member's posts to member 0, which it shows as a guest. The mock
 * tells the two apart (a deleted member has no "Guest" title), as forums imported
 * from elsewhere do: their posts name a member id that no longer exists. Those ids
 * start here, one per name.
 */
const DELETED_MEMBER_ID_BASE = 16_000_000;

/** SMF's post-count groups, as its installer creates them (ids 4–8). */
export const POST_GROUPS = [
  { id_group: 4, group_name: 'Newbie', min_posts: 0 },
  { id_group: 5, group_name: 'Jr. Member', min_posts: 50 },
  { id_group: 6, group_name: 'Full Member', min_posts: 100 },
  { id_group: 7, group_name: 'Sr. Member', min_posts: 250 },
  { id_group: 8, group_name: 'Hero Member', min_posts: 500 },
];

export interface AttachmentFile {
  path: string;
  bytes: Uint8Array;
}

export interface DemoSeed {
  rows: SeedRows;
  /** Files to write into the upload folder (relative names). */
  files: AttachmentFile[];
}

function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** The post-count group a member with this many posts is in. */
export function postGroupFor(posts: number): number {
  let id = 4;
  for (const g of POST_GROUPS) if (posts >= g.min_posts) id = g.id_group;
  return id;
}

const encoder = new TextEncoder();

export function demoSeed(forum: Forum, uploadDir: string): DemoSeed {
  const rows: SeedRows = {
    categories: [], boards: [], board_permissions_view: [], board_permissions: [], permissions: [], membergroups: [],
    members: [], topics: [], messages: [], attachments: [], settings: [],
  };
  const files: AttachmentFile[] = [];
  const deletedIds = new Map<string, number>();

  const memberIdOf = (author: DbAuthor): number => {
    if (author.memberId !== null) return author.memberId;
    if (author.guest) return 0;
    let id = deletedIds.get(author.name);
    if (id === undefined) deletedIds.set(author.name, (id = DELETED_MEMBER_ID_BASE + deletedIds.size));
    return id;
  };

  forum.categories.forEach((c, i) => rows.categories.push({ id_cat: c.id, cat_order: i, name: encodeTitle(c.name), description: '' }));

  const depth = (id: number): number => {
    let d = 0;
    for (let b = forum.boards.get(id); b?.parentId != null; b = forum.boards.get(b.parentId)) d++;
    return d;
  };
  [...forum.boards.values()].forEach((b, order) => {
    rows.boards.push({
      id_board: b.id,
      id_cat: b.categoryId,
      child_level: depth(b.id),
      id_parent: b.parentId ?? 0,
      board_order: order,
      id_last_msg: b.lastPost?.id ?? 0,
      member_groups: b.restricted ? '2' : '-1,0',
      deny_member_groups: '',
      id_profile: 1,
      name: encodeTitle(b.name),
      description: encodeTitle(b.description),
      num_topics: b.topicIds.length,
      num_posts: b.postCount,
      redirect: b.redirectUrl ?? '',
    });
    if (!b.restricted) rows.board_permissions_view.push({ id_group: -1, id_board: b.id, deny: 0 }, { id_group: 0, id_board: b.id, deny: 0 });
    rows.board_permissions_view.push({ id_group: 2, id_board: b.id, deny: 0 });
  });
  rows.board_permissions.push({ id_group: -1, id_profile: 1, permission: 'view_attachments', add_deny: 1 });
  rows.permissions.push({ id_group: -1, permission: 'search_posts', add_deny: 1 });

  rows.membergroups.push(
    { id_group: 1, group_name: 'Administrator', min_posts: -1, description: '' },
    { id_group: 2, group_name: 'Global Moderator', min_posts: -1, description: '' },
    { id_group: 3, group_name: 'Moderator', min_posts: -1, description: '' },
    ...POST_GROUPS.map((g) => ({ ...g, description: '' })),
  );

  for (const m of forum.members.values()) {
    rows.members.push({
      id_member: m.id,
      member_name: encodeTitle(m.name),
      real_name: encodeTitle(m.name),
      date_registered: 1_489_482_000,
      posts: m.postCount,
      id_group: 0,
      id_post_group: postGroupFor(m.postCount),
      usertitle: encodeTitle(m.customTitle ?? ''),
      avatar: '',
      buddy_list: '',
      signature: '',
      ignore_boards: '',
    });
    if (m.hasAvatar) {
      const id = AVATAR_ID_BASE + m.id;
      const hash = sha1(`avatar-${String(m.id)}`);
      rows.attachments.push({
        id_attach: id, id_thumb: 0, id_msg: 0, id_member: m.id, id_folder: 1, attachment_type: 0,
        filename: encodeTitle(`avatar_${String(m.id)}.svg`), file_hash: hash, fileext: 'svg', size: 0, downloads: 0,
        width: 96, height: 96, mime_type: 'image/svg+xml', approved: 1,
      });
      files.push({ path: `${String(id)}_${hash}.dat`, bytes: encoder.encode(avatarSvg(m.id, m.name)) });
    }
  }

  const addAttachment = (post: DbPost, a: DbAttachment): void => {
    // SMF has no per-file "restricted" (that is a board's permission profile), and it
    // deletes the rows of files an administrator removes: such entries have no row.
    if (a.state !== 'available' && a.state !== 'pending') return;
    const hash = sha1(`attachment-${String(a.id)}`);
    const image = a.width !== undefined && a.height !== undefined;
    let thumbId = 0;
    if (image && a.thumbnail) {
      thumbId = THUMBNAIL_ID_BASE + a.id;
      const size = thumbnailSize(a.width ?? 1, a.height ?? 1);
      const thumbHash = sha1(`thumbnail-${String(a.id)}`);
      rows.attachments.push({
        id_attach: thumbId, id_thumb: 0, id_msg: post.id, id_member: 0, id_folder: 1, attachment_type: 3,
        filename: encodeTitle(`${a.name}_thumb`), file_hash: thumbHash, fileext: 'svg', size: 0, downloads: 0,
        width: size.width, height: size.height, mime_type: 'image/svg+xml', approved: 1,
      });
      files.push({ path: `${String(thumbId)}_${thumbHash}.dat`, bytes: encoder.encode(placeholderSvg({ seed: a.id, ...size, label: a.name })) });
    }
    rows.attachments.push({
      id_attach: a.id, id_thumb: thumbId, id_msg: post.id, id_member: 0, id_folder: 1, attachment_type: 0,
      filename: encodeTitle(a.name), file_hash: hash, fileext: a.name.split('.').pop()?.slice(0, 8) ?? '',
      size: a.sizeBytes ?? 0, downloads: a.downloads ?? 0, width: a.width ?? 0, height: a.height ?? 0,
      mime_type: a.mimeType ?? '', approved: a.state === 'available' ? 1 : 0,
    });
    // A "broken" attachment is a row whose file is missing, as on a real server.
    if (a.state === 'available' && !a.broken) {
      const bytes = image
        ? placeholderPng({ seed: a.id, width: a.width ?? 1, height: a.height ?? 1 })
        : fileBody(a.name, a.mimeType ?? 'application/octet-stream');
      files.push({ path: `${String(a.id)}_${hash}.dat`, bytes });
    }
  };

  for (const topic of forum.topics.values()) {
    const first = topic.postAt(1);
    const last = topic.postAt(topic.postCount);
    rows.topics.push({
      id_topic: topic.id, is_sticky: topic.sticky ? 1 : 0, id_board: topic.boardId, id_first_msg: first.id,
      id_last_msg: last.id, num_replies: topic.postCount - 1, num_views: topic.viewCount, locked: topic.locked ? 1 : 0,
      id_redirect_topic: topic.movedToTopicId ?? 0, redirect_expires: 0, approved: 1, unapproved_posts: 0,
    });
    for (let n = 1; n <= topic.postCount; n++) {
      const post = topic.postAt(n);
      rows.messages.push({
        id_msg: post.id, id_topic: topic.id, id_board: topic.boardId, poster_time: unixSeconds(post.postedAt),
        id_member: memberIdOf(post.author), // SMF's topic title is its first message's subject: one stored string for both.
        subject: encodeTitle(n === 1 ? topic.title : post.subject), poster_name: encodeTitle(post.author.name),
        modified_time: post.editedAt === undefined ? 0 : unixSeconds(post.editedAt),
        modified_name: post.editedBy === undefined ? '' : encodeTitle(post.editedBy),
        id_msg_modified: post.id, body: encodeBody(post.body), approved: 1,
      });
      for (const a of post.attachments) addAttachment(post, a);
    }
  }

  const settings: Record<string, string> = {
    defaultMaxMessages: '15',
    defaultMaxTopics: '20',
    search_results_per_page: '20',
    allow_guestAccess: '1',
    censor_vulgar: '',
    censor_proper: '',
    censorWholeWord: '0',
    censorIgnoreCase: '1',
    attachmentUploadDir: JSON.stringify({ 1: uploadDir }),
    currentAttachmentUploadDir: '1',
    avatar_url: '',
    custom_avatar_dir: '',
    custom_avatar_url: '',
    search_index: '',
  };
  for (const [variable, value] of Object.entries(settings)) rows.settings.push({ variable, value });

  return { rows, files };
}

export async function writeAttachmentFiles(dir: string, files: readonly AttachmentFile[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  // A few at a time: thousands of small files, without thousands of open handles.
  for (let i = 0; i < files.length; i += 64) {
    await Promise.all(files.slice(i, i + 64).map((f) => writeFile(join(dir, f.path), f.bytes)));
  }
}
