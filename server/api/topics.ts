// A page of a topic, and where one post lives. Only approved messages exist for a
// guest, so post numbers, page counts and the page a post is on all count approved
// messages in id order, exactly as SMF's display does.
import type { PostResponse, TopicResponse } from '../../src/lib/api/schemas';
import type { BoardNode, ForumStructure } from '../smf/forum-structure';
import { authorJson, loadMembers } from './authors';
import { boardCrumbs, loadMoveTargets, requireGuestAccess } from './boards';
import type { ApiContext } from './context';
import { forbidden, isoTime, notFound, pastLastPage, totalPagesFor } from './context';
import { MESSAGE_COLUMNS, loadAttachments, postJson, subjectText } from './posts';
import type { MessageRow } from './posts';

interface TopicRow {
  id_topic: number;
  id_board: number;
  is_sticky: number;
  locked: number;
  num_views: number;
  id_redirect_topic: number;
  subject: string;
  poster_time: number;
  id_member: number;
  poster_name: string;
}

async function readableTopic(ctx: ApiContext, structure: ForumStructure, topicId: number): Promise<{ topic: TopicRow; board: BoardNode }> {
  const topic = await ctx.db
    .selectFrom('topics as t')
    .innerJoin('messages as fm', 'fm.id_msg', 't.id_first_msg')
    .select([
      't.id_topic', 't.id_board', 't.is_sticky', 't.locked', 't.num_views', 't.id_redirect_topic', 'fm.subject',
      'fm.poster_time', 'fm.id_member', 'fm.poster_name',
    ])
    .where('t.id_topic', '=', topicId)
    .where('t.approved', '=', 1)
    .executeTakeFirst();
  if (!topic) throw notFound(`There is no topic ${String(topicId)}.`);
  requireGuestAccess(structure);
  const board = structure.boards.get(Number(topic.id_board));
  // A topic whose board is gone is gone; one in a board a guest may not open is not theirs to read.
  if (!board) throw notFound(`There is no topic ${String(topicId)}.`);
  if (!board.reachable) throw forbidden('You are not allowed to read this topic.');
  return { topic, board };
}

/** How many approved messages come before this one in its topic (its number − 1). */
async function approvedBefore(ctx: ApiContext, topicId: number, messageId: number): Promise<number> {
  const row = await ctx.db
    .selectFrom('messages')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('id_topic', '=', topicId)
    .where('approved', '=', 1)
    .where('id_msg', '<', messageId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function topicPage(ctx: ApiContext, topicId: number, at: { page: number } | { post: number }): Promise<TopicResponse> {
  const structure = await ctx.structure();
  const { topic, board } = await readableTopic(ctx, structure, topicId);
  const size = structure.settings.postsPerPage;

  let page: number;
  if ('post' in at) {
    const message = await ctx.db
      .selectFrom('messages')
      .select(['id_msg'])
      .where('id_msg', '=', at.post)
      .where('id_topic', '=', topicId)
      .where('approved', '=', 1)
      .executeTakeFirst();
    if (!message) throw notFound(`Topic ${String(topicId)} has no post ${String(at.post)}.`);
    page = Math.floor((await approvedBefore(ctx, topicId, at.post)) / size) + 1;
  } else {
    page = at.page;
  }

  const counted = await ctx.db
    .selectFrom('messages')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('id_topic', '=', topicId)
    .where('approved', '=', 1)
    .executeTakeFirst();
  const totalItems = Number(counted?.n ?? 0);
  const totalPages = totalPagesFor(totalItems, size);
  if (page > totalPages) throw pastLastPage(page, totalPages);

  // The page's ids come from the (id_topic, id_msg, …) index alone; only then are the
  // fifteen rows with their bodies read, so a deep page reads no bodies it skips.
  const offset = (page - 1) * size;
  const idRows = await ctx.db
    .selectFrom('messages')
    .select('id_msg')
    .where('id_topic', '=', topicId)
    .where('approved', '=', 1)
    .orderBy('id_msg')
    .limit(size)
    .offset(offset)
    .execute();
  const ids = idRows.map((r) => Number(r.id_msg));
  const rows: MessageRow[] =
    ids.length === 0 ? [] : await ctx.db.selectFrom('messages as m').select(MESSAGE_COLUMNS).where('m.id_msg', 'in', ids).orderBy('m.id_msg').execute();

  const [members, attachments, moved] = await Promise.all([
    loadMembers(ctx, [Number(topic.id_member), ...rows.map((r) => Number(r.id_member))]),
    loadAttachments(ctx, ids),
    loadMoveTargets(ctx, structure, [Number(topic.id_redirect_topic)]),
  ]);

  return {
    topic: {
      id: topicId,
      title: subjectText(structure, topic.subject),
      boardId: board.id,
      starter: authorJson(ctx, structure, members, Number(topic.id_member), topic.poster_name),
      startedAt: isoTime(Number(topic.poster_time)),
      replyCount: Math.max(0, totalItems - 1),
      viewCount: Number(topic.num_views),
      sticky: Number(topic.is_sticky) !== 0,
      locked: Number(topic.locked) !== 0,
      movedTo: moved.get(Number(topic.id_redirect_topic)) ?? null,
    },
    breadcrumb: [...boardCrumbs(ctx, structure, board), { kind: 'topic', id: topicId, name: subjectText(structure, topic.subject) }],
    posts: rows.map((row, i) => postJson(ctx, structure, board, members, attachments, row, offset + i + 1)),
    page: { number: page, size, totalPages, totalItems },
  };
}

export async function postLocation(ctx: ApiContext, postId: number): Promise<PostResponse> {
  const structure = await ctx.structure();
  const row: MessageRow | undefined = await ctx.db
    .selectFrom('messages as m')
    .select(MESSAGE_COLUMNS)
    .where('m.id_msg', '=', postId)
    .where('m.approved', '=', 1)
    .executeTakeFirst();
  if (!row) throw notFound(`There is no post ${String(postId)}.`);
  const { topic, board } = await readableTopic(ctx, structure, Number(row.id_topic));
  const before = await approvedBefore(ctx, Number(row.id_topic), postId);
  const [members, attachments] = await Promise.all([loadMembers(ctx, [Number(row.id_member)]), loadAttachments(ctx, [postId])]);
  return {
    post: postJson(ctx, structure, board, members, attachments, row, before + 1),
    topic: { id: Number(topic.id_topic), title: subjectText(structure, topic.subject) },
    page: Math.floor(before / structure.settings.postsPerPage) + 1,
  };
}
