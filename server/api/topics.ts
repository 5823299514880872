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
import { pageSlice } from './paging';
import type { Slice } from './paging';

interface TopicRow {
  id_topic: number;
  id_board: number;
  is_sticky: number;
  locked: number;
  num_views: number;
  num_replies: number;
  id_first_msg: number;
  id_last_msg: number;
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
      't.id_topic', 't.id_board', 't.is_sticky', 't.locked', 't.num_views', 't.num_replies', 't.id_first_msg', 't.id_last_msg',
      't.id_redirect_topic', 'fm.subject', 'fm.poster_time', 'fm.id_member', 'fm.poster_name',
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

/**
 * A guest sees the topic's approved messages, as many as SMF's counter says (SMF's own
 * display pages by `num_replies` too, and keeps it up to date as posts are approved,
 * removed or moved): no count over a 20,000-post topic on every page.
 */
function visibleCount(topic: TopicRow): number {
  return Number(topic.num_replies) + 1;
}

/**
 * The 1-based number of an approved message in its topic, counted from whichever end of
 * the topic it is nearer to (by id, which rises with time), or null when the message is
 * not an approved one of this topic.
 */
async function numberOf(ctx: ApiContext, topic: TopicRow, messageId: number): Promise<number | null> {
  const topicId = Number(topic.id_topic);
  const nearerEnd = messageId - Number(topic.id_first_msg) > Number(topic.id_last_msg) - messageId;
  const [found, counted] = await Promise.all([
    ctx.db
      .selectFrom('messages')
      .select('id_msg')
      .where('id_msg', '=', messageId)
      .where('id_topic', '=', topicId)
      .where('approved', '=', 1)
      .executeTakeFirst(),
    ctx.db
      .selectFrom('messages')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('id_topic', '=', topicId)
      .where('approved', '=', 1)
      .where('id_msg', nearerEnd ? '>' : '<', messageId)
      .executeTakeFirst(),
  ]);
  if (!found) return null;
  const n = Number(counted?.n ?? 0);
  return nearerEnd ? visibleCount(topic) - n : n + 1;
}

/** One page of a topic's approved messages, ids from the index and rows joined to them. */
function pageOfMessages(ctx: ApiContext, topicId: number, slice: Slice): Promise<MessageRow[]> {
  if (slice.limit === 0) return Promise.resolve([]);
  const order = slice.reversed ? 'desc' : 'asc';
  return ctx.db
    .selectFrom((eb) =>
      eb
        .selectFrom('messages')
        .select('id_msg')
        .where('id_topic', '=', topicId)
        .where('approved', '=', 1)
        .orderBy('id_msg', order)
        .limit(slice.limit)
        .offset(slice.skip)
        .as('page'),
    )
    .innerJoin('messages as m', 'm.id_msg', 'page.id_msg')
    .select(MESSAGE_COLUMNS)
    .orderBy('m.id_msg')
    .execute();
}

export async function topicPage(ctx: ApiContext, topicId: number, at: { page: number } | { post: number }): Promise<TopicResponse> {
  const structure = await ctx.structure();
  const { topic, board } = await readableTopic(ctx, structure, topicId);
  const size = structure.settings.postsPerPage;
  const totalItems = visibleCount(topic);
  const totalPages = totalPagesFor(totalItems, size);

  let page: number;
  if ('post' in at) {
    const number = await numberOf(ctx, topic, at.post);
    if (number === null) throw notFound(`Topic ${String(topicId)} has no post ${String(at.post)}.`);
    page = Math.floor((number - 1) / size) + 1;
  } else {
    page = at.page;
  }
  if (page > totalPages) throw pastLastPage(page, totalPages);

  const slice = pageSlice(totalItems, page, size);
  const rows = await pageOfMessages(ctx, topicId, slice);
  const ids = rows.map((r) => Number(r.id_msg));
  const [members, attachments, moved] = await Promise.all([
    loadMembers(ctx, [Number(topic.id_member), ...rows.map((r) => Number(r.id_member))]),
    loadAttachments(ctx, ids),
    loadMoveTargets(ctx, structure, [Number(topic.id_redirect_topic)]),
  ]);
  const title = subjectText(structure, topic.subject);

  return {
    topic: {
      id: topicId,
      title,
      boardId: board.id,
      starter: authorJson(ctx, structure, members, Number(topic.id_member), topic.poster_name),
      startedAt: isoTime(Number(topic.poster_time)),
      replyCount: totalItems - 1,
      viewCount: Number(topic.num_views),
      sticky: Number(topic.is_sticky) !== 0,
      locked: Number(topic.locked) !== 0,
      movedTo: moved.get(Number(topic.id_redirect_topic)) ?? null,
    },
    breadcrumb: [...boardCrumbs(ctx, structure, board), { kind: 'topic', id: topicId, name: title }],
    posts: rows.map((row, i) => postJson(ctx, structure, board, members, attachments, row, slice.offset + i + 1)),
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
  const [number, members, attachments] = await Promise.all([
    numberOf(ctx, topic, postId),
    loadMembers(ctx, [Number(row.id_member)]),
    loadAttachments(ctx, [postId]),
  ]);
  if (number === null) throw notFound(`There is no post ${String(postId)}.`);
  return {
    post: postJson(ctx, structure, board, members, attachments, row, number),
    topic: { id: Number(topic.id_topic), title: subjectText(structure, topic.subject) },
    page: Math.floor((number - 1) / structure.settings.postsPerPage) + 1,
  };
}
