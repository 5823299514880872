// Boards as a guest sees them: which ones may be opened, the breadcrumb above them,
// their summaries with last posts, the board index and a board's page of topics.
import { MAX_BOARD_DEPTH } from '../../src/lib/api/schemas';
import type {
  BoardResponse, BoardSummary, Crumb, ForumResponse, LastPost, TopicSummary,
} from '../../src/lib/api/schemas';
import type { BoardNode, ForumStructure } from '../smf/forum-structure';
import { authorJson, loadMembers } from './authors';
import type { Members } from './authors';
import type { ApiContext } from './context';
import { forbidden, isoTime, notFound, pastLastPage, totalPagesFor } from './context';
import { pageSlice } from './paging';
import { subjectText } from './posts';

export function requireGuestAccess(structure: ForumStructure): void {
  if (!structure.settings.guestAccess) throw forbidden('This forum is open to members only.');
}

/** A board a guest may open: 404 when there is none, 403 when it is not for guests. */
export function readableBoard(structure: ForumStructure, boardId: number): BoardNode {
  requireGuestAccess(structure);
  const board = structure.boards.get(boardId);
  if (!board) throw notFound(`There is no board ${String(boardId)}.`);
  if (!board.reachable) throw forbidden('You are not allowed to access this board.');
  return board;
}

export function boardCrumbs(ctx: ApiContext, structure: ForumStructure, board: BoardNode): Crumb[] {
  const chain: BoardNode[] = [];
  for (let b: BoardNode | undefined = board; b && chain.length <= structure.boards.size; ) {
    chain.unshift(b);
    b = b.parentId === null ? undefined : structure.boards.get(b.parentId);
  }
  const category = structure.categories.find((c) => c.id === board.categoryId);
  return [
    { kind: 'forum', id: null, name: ctx.forum.name },
    ...(category ? [{ kind: 'category' as const, id: category.id, name: category.name }] : []),
    ...chain.map((b) => ({ kind: 'board' as const, id: b.id, name: b.name })),
  ];
}

interface LastMessageRow {
  id_msg: number;
  id_topic: number;
  poster_time: number;
  id_member: number;
  poster_name: string;
  topic_subject: string;
}

/** The last posts of these boards, in one query, keyed by message id. */
async function loadLastPosts(ctx: ApiContext, structure: ForumStructure, messageIds: readonly number[]): Promise<Map<number, LastPost>> {
  const ids = [...new Set(messageIds)].filter((id) => id > 0);
  const result = new Map<number, LastPost>();
  if (ids.length === 0) return result;
  const rows: LastMessageRow[] = await ctx.db
    .selectFrom('messages as m')
    .innerJoin('topics as t', 't.id_topic', 'm.id_topic')
    .innerJoin('messages as fm', 'fm.id_msg', 't.id_first_msg')
    .select(['m.id_msg', 'm.id_topic', 'm.poster_time', 'm.id_member', 'm.poster_name', 'fm.subject as topic_subject'])
    .where('m.id_msg', 'in', ids)
    .where('m.approved', '=', 1)
    .execute();
  const members = await loadMembers(ctx, rows.map((r) => Number(r.id_member)));
  for (const row of rows) result.set(Number(row.id_msg), lastPostJson(ctx, structure, members, row));
  return result;
}

function lastPostJson(ctx: ApiContext, structure: ForumStructure, members: Members, row: LastMessageRow): LastPost {
  return {
    topicId: Number(row.id_topic),
    topicTitle: subjectText(structure, row.topic_subject),
    postId: Number(row.id_msg),
    author: authorJson(ctx, structure, members, Number(row.id_member), row.poster_name),
    postedAt: isoTime(Number(row.poster_time)),
  };
}

/**
 * Every board a guest reaches from these, down to the depth an answer holds (for loading
 * the last posts of the boards it lists, at once): these at depth 0, as in boardSummary.
 */
function reachableTree(structure: ForumStructure, ids: readonly number[]): BoardNode[] {
  const out: BoardNode[] = [];
  const stack = ids.map((id) => ({ id, depth: 0 }));
  const seen = new Set<number>();
  while (stack.length > 0) {
    const next = stack.pop();
    if (next === undefined || seen.has(next.id)) continue;
    seen.add(next.id);
    const board = structure.boards.get(next.id);
    if (!board?.reachable) continue;
    out.push(board);
    if (next.depth + 1 < MAX_BOARD_DEPTH) stack.push(...board.childIds.map((id) => ({ id, depth: next.depth + 1 })));
  }
  return out;
}

/**
 * A board and its reachable child boards, at most MAX_BOARD_DEPTH levels in all (the
 * contract's bound, which the reader enforces: one level more and it could not read the
 * answer at all). SMF nests boards a few levels; a deeper tree, damaged or made so, is cut
 * there: the deepest board listed shows no children, and its own page lists them.
 */
function boardSummary(structure: ForumStructure, board: BoardNode, lastPosts: ReadonlyMap<number, LastPost>, depth = 0): BoardSummary {
  return {
    id: board.id,
    name: board.name,
    description: board.description,
    topicCount: board.topicCount,
    postCount: board.postCount,
    lastPost: lastPosts.get(board.lastMessageId) ?? null,
    redirectUrl: board.redirectUrl,
    children:
      depth + 1 >= MAX_BOARD_DEPTH
        ? []
        : board.childIds.flatMap((id) => {
            const child = structure.boards.get(id);
            return child?.reachable ? [boardSummary(structure, child, lastPosts, depth + 1)] : [];
          }),
  };
}

export async function forumIndex(ctx: ApiContext): Promise<ForumResponse> {
  const structure = await ctx.structure();
  requireGuestAccess(structure);
  const tops = structure.categories.flatMap((c) => c.boardIds);
  const lastPosts = await loadLastPosts(ctx, structure, reachableTree(structure, tops).map((b) => b.lastMessageId));
  return {
    forum: { name: ctx.forum.name, description: ctx.forum.description },
    categories: structure.categories.flatMap((c) => {
      const boards = c.boardIds.flatMap((id) => {
        const board = structure.boards.get(id);
        return board?.reachable ? [boardSummary(structure, board, lastPosts)] : [];
      });
      // SMF hides a category with nothing in it a guest may see.
      return boards.length > 0 ? [{ id: c.id, name: c.name, boards }] : [];
    }),
  };
}

interface TopicListRow {
  id_topic: number;
  id_last_msg: number;
  is_sticky: number;
  locked: number;
  num_replies: number;
  num_views: number;
  id_redirect_topic: number;
  first_subject: string;
  first_time: number;
  first_member: number;
  first_name: string;
  last_msg: number;
  last_time: number;
  last_member: number;
  last_name: string;
}

export async function boardPage(ctx: ApiContext, boardId: number, page: number): Promise<BoardResponse> {
  const structure = await ctx.structure();
  const board = readableBoard(structure, boardId);
  const size = structure.settings.topicsPerPage;
  const header = {
    id: board.id,
    name: board.name,
    description: board.description,
    topicCount: board.topicCount,
    postCount: board.postCount,
    redirectUrl: board.redirectUrl,
  };
  if (board.redirectUrl !== null) {
    if (page > 1) throw pastLastPage(page, 1);
    return { board: header, breadcrumb: boardCrumbs(ctx, structure, board), children: [], topics: [], page: { number: 1, size, totalPages: 1, totalItems: 0 } };
  }

  // SMF pages a board by its `num_topics` counter, as its own message index does.
  const totalItems = board.topicCount;
  const totalPages = totalPagesFor(totalItems, size);
  if (page > totalPages) throw pastLastPage(page, totalPages);

  // SMF's order, on its index (id_board, is_sticky, id_last_msg): the page's ids from the
  // index, read from the nearer end, and only those topics' rows joined to them.
  const slice = pageSlice(totalItems, page, size);
  const direction = slice.reversed ? 'asc' : 'desc';
  const [rows, children] = await Promise.all([
    slice.limit === 0
      ? Promise.resolve([] as TopicListRow[])
      : ctx.db
          .selectFrom((eb) =>
            eb
              .selectFrom('topics')
              .select('id_topic')
              .where('id_board', '=', board.id)
              .where('approved', '=', 1)
              .orderBy('is_sticky', direction)
              .orderBy('id_last_msg', direction)
              .orderBy('id_topic', direction)
              .limit(slice.limit)
              .offset(slice.skip)
              .as('page'),
          )
          .innerJoin('topics as t', 't.id_topic', 'page.id_topic')
          .innerJoin('messages as fm', 'fm.id_msg', 't.id_first_msg')
          .innerJoin('messages as lm', 'lm.id_msg', 't.id_last_msg')
          .select([
            't.id_topic', 't.is_sticky', 't.locked', 't.num_replies', 't.num_views', 't.id_redirect_topic', 't.id_last_msg',
            'fm.subject as first_subject', 'fm.poster_time as first_time', 'fm.id_member as first_member', 'fm.poster_name as first_name',
            'lm.id_msg as last_msg', 'lm.poster_time as last_time', 'lm.id_member as last_member', 'lm.poster_name as last_name',
          ])
          .execute(),
    childSummaries(ctx, structure, board),
  ]);
  // SMF's order again, now over just these rows.
  const ids = rows
    .map((r) => ({ id: Number(r.id_topic), sticky: Number(r.is_sticky), last: Number(r.id_last_msg) }))
    .sort((a, b) => b.sticky - a.sticky || b.last - a.last || b.id - a.id)
    .map((r) => r.id);

  const byId = new Map(rows.map((r) => [Number(r.id_topic), r]));
  const members = await loadMembers(ctx, rows.flatMap((r) => [Number(r.first_member), Number(r.last_member)]));
  const moved = await loadMoveTargets(ctx, structure, rows.map((r) => Number(r.id_redirect_topic)));

  const topics = ids.flatMap((id): TopicSummary[] => {
    const row = byId.get(id);
    if (!row) return [];
    const title = subjectText(structure, row.first_subject);
    return [
      {
        id,
        title,
        starter: authorJson(ctx, structure, members, Number(row.first_member), row.first_name),
        startedAt: isoTime(Number(row.first_time)),
        replyCount: Number(row.num_replies),
        viewCount: Number(row.num_views),
        sticky: Number(row.is_sticky) !== 0,
        locked: Number(row.locked) !== 0,
        movedTo: moved.get(Number(row.id_redirect_topic)) ?? null,
        lastPost: {
          topicId: id,
          topicTitle: title,
          postId: Number(row.last_msg),
          author: authorJson(ctx, structure, members, Number(row.last_member), row.last_name),
          postedAt: isoTime(Number(row.last_time)),
        },
      },
    ];
  });

  return {
    board: header,
    breadcrumb: boardCrumbs(ctx, structure, board),
    children,
    topics,
    page: { number: page, size, totalPages, totalItems },
  };
}

async function childSummaries(ctx: ApiContext, structure: ForumStructure, board: BoardNode): Promise<BoardSummary[]> {
  if (!board.childIds.some((id) => structure.boards.get(id)?.reachable)) return [];
  const lastPosts = await loadLastPosts(ctx, structure, reachableTree(structure, board.childIds).map((b) => b.lastMessageId));
  return board.childIds.flatMap((id) => {
    const child = structure.boards.get(id);
    return child?.reachable ? [boardSummary(structure, child, lastPosts)] : [];
  });
}

export interface MoveTarget {
  id: number;
  title: string;
  boardId: number;
}

/**
 * Where moved-topic notices point, for the targets a guest may read: one query for
 * any number of notices. A target that is gone, unapproved or out of sight is absent.
 */
export async function loadMoveTargets(ctx: ApiContext, structure: ForumStructure, topicIds: readonly number[]): Promise<Map<number, MoveTarget>> {
  const ids = [...new Set(topicIds)].filter((id) => id > 0);
  const targets = new Map<number, MoveTarget>();
  if (ids.length === 0) return targets;
  const rows = await ctx.db
    .selectFrom('topics as t')
    .innerJoin('messages as fm', 'fm.id_msg', 't.id_first_msg')
    .select(['t.id_topic', 't.id_board', 'fm.subject'])
    .where('t.id_topic', 'in', ids)
    .where('t.approved', '=', 1)
    .execute();
  for (const row of rows) {
    if (!structure.boards.get(Number(row.id_board))?.reachable) continue;
    targets.set(Number(row.id_topic), { id: Number(row.id_topic), title: subjectText(structure, row.subject), boardId: Number(row.id_board) });
  }
  return targets;
}
