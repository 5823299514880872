// Authors as the contract shows them. Messages keep the poster's name; the member
// row, when there is one, gives the current name, title, post count and avatar.
// One query loads every member a page names, whatever the page's length.
import type { Author } from '../../src/lib/api/schemas';
import type { ForumStructure } from '../smf/forum-structure';
import { decodeTitle } from '../smf/stored-text';
import type { ApiContext } from './context';

export interface MemberRow {
  id: number;
  name: string;
  title: string;
  group: number;
  postGroup: number;
  posts: number;
  avatar: string;
  avatarAttachment: boolean;
}

export type Members = ReadonlyMap<number, MemberRow>;

export async function loadMembers(ctx: ApiContext, ids: Iterable<number>): Promise<Members> {
  const wanted = [...new Set(ids)].filter((id) => id > 0);
  if (wanted.length === 0) return new Map();
  // SMF joins a member's avatar attachment the same way (attachments.id_member): only
  // avatars carry a member id; files attached to posts have id_member 0.
  const rows = await ctx.db
    .selectFrom('members as mem')
    .leftJoin('attachments as av', (join) => join.onRef('av.id_member', '=', 'mem.id_member').on('av.id_msg', '=', 0))
    .select([
      'mem.id_member', 'mem.real_name', 'mem.usertitle', 'mem.id_group', 'mem.id_post_group', 'mem.posts', 'mem.avatar',
      'av.id_attach as avatar_attach',
    ])
    .where('mem.id_member', 'in', wanted)
    .execute();
  const members = new Map<number, MemberRow>();
  for (const row of rows) {
    const id = Number(row.id_member);
    const known = members.get(id);
    if (known) {
      known.avatarAttachment ||= row.avatar_attach !== null;
      continue;
    }
    members.set(id, {
      id,
      name: decodeTitle(row.real_name),
      title: decodeTitle(row.usertitle),
      group: Number(row.id_group),
      postGroup: Number(row.id_post_group),
      posts: Number(row.posts),
      avatar: row.avatar,
      avatarAttachment: row.avatar_attach !== null,
    });
  }
  return members;
}

/** An avatar url off the forum (a link or SMF's gallery), when it is http(s); otherwise none. */
function externalAvatar(avatar: string, structure: ForumStructure): string | null {
  if (avatar === '') return null;
  if (/^https?:\/\//i.test(avatar)) return avatar;
  // Gallery avatars are a path under the forum's avatar url.
  if (!avatar.includes('://') && /^https?:\/\//i.test(structure.settings.avatarUrl)) {
    return `${structure.settings.avatarUrl.replace(/\/+$/, '')}/${avatar.split('/').map(encodeURIComponent).join('/')}`;
  }
  return null;
}

/**
 * `memberId` 0 is a guest post (SMF also sets 0 when it deletes a member); a member id
 * whose row is gone is a deleted member. Both keep the name stored on the message.
 */
export function authorJson(
  ctx: ApiContext,
  structure: ForumStructure,
  members: Members,
  memberId: number,
  posterName: string,
): Author {
  const member = memberId > 0 ? members.get(memberId) : undefined;
  if (!member) {
    return { id: null, name: decodeTitle(posterName), title: memberId === 0 ? 'Guest' : null, avatarUrl: null, postCount: null };
  }
  const group = structure.groups.get(member.group !== 0 ? member.group : member.postGroup);
  return {
    id: member.id,
    name: member.name,
    title: member.title !== '' ? member.title : (group ?? null),
    avatarUrl: member.avatarAttachment ? `${ctx.apiBase}/avatars/${String(member.id)}` : externalAvatar(member.avatar, structure),
    postCount: member.posts,
  };
}
