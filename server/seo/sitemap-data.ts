// What the sitemaps list: the boards and topics a guest may read, by the API's own rules
// (the cached structure's `reachable` boards, approved topics only, and the forum closed
// to all when guests are not let in), at the reader's canonical addresses, each with the
// time its page last changed. Pages of a sitemap are stable: boards and topics by id.
import { boardHref, topicHref } from '../../src/lib/reader-routes';
import { requireGuestAccess } from '../api/boards';
import type { ApiContext } from '../api/context';
import { isoTime } from '../api/context';
import type { BoardNode, ForumStructure } from '../smf/forum-structure';

export type SitemapKind = 'boards' | 'topics';

/** A page's address within the reader (the caller puts the origin before it). */
export interface SitemapPath {
  path: string;
  lastmod: string | null;
}

/** One sitemap of the index: which list, which page, and the latest change on it. */
export interface SitemapPage {
  kind: SitemapKind;
  page: number;
  lastmod: string | null;
}

/** The protocol's limit of URLs in one sitemap, and the default page size. */
export const MAX_URLS_PER_SITEMAP = 50_000;

/** The latest of SMF's unix-second times (0 is SMF's "never"), as W3C datetime. */
function latest(...seconds: readonly number[]): string | null {
  const max = Math.max(0, ...seconds);
  return max > 0 ? isoTime(max) : null;
}

function latestOf(times: readonly (string | null)[]): string | null {
  // ISO times in one form (UTC, seconds) sort as text.
  return times.reduce<string | null>((a, b) => (b !== null && (a === null || b > a) ? b : a), null);
}

/**
 * The boards a guest may open (readableBoard's rule: reachable), by id. Redirect boards
 * are left out: their page is only a link to another site, nothing to index.
 */
function listedBoards(structure: ForumStructure): BoardNode[] {
  requireGuestAccess(structure);
  return [...structure.boards.values()].filter((b) => b.reachable && b.redirectUrl === null).sort((a, b) => a.id - b.id);
}

/** Every board a guest's topics may live in (readableTopic's rule: the topic's board is reachable). */
function topicBoardIds(structure: ForumStructure): number[] {
  requireGuestAccess(structure);
  return [...structure.boards.values()].filter((b) => b.reachable).map((b) => b.id);
}

/**
 * When each board last had a post a guest can see: SMF keeps the board's last approved
 * message in `id_last_msg`; its time is read here, approved only, as the board index does.
 * (A forum has tens or hundreds of boards, so the id list stays short.)
 */
async function boardTimes(ctx: ApiContext, boards: readonly BoardNode[]): Promise<Map<number, string | null>> {
  const ids = [...new Set(boards.map((b) => b.lastMessageId))].filter((id) => id > 0);
  const rows =
    ids.length === 0
      ? []
      : await ctx.db.selectFrom('messages').select(['id_msg', 'poster_time']).where('id_msg', 'in', ids).where('approved', '=', 1).execute();
  const posted = new Map(rows.map((r) => [Number(r.id_msg), Number(r.poster_time)]));
  return new Map(boards.map((b) => [b.id, latest(posted.get(b.lastMessageId) ?? 0)]));
}

function boardPaths(boards: readonly BoardNode[], times: ReadonlyMap<number, string | null>): SitemapPath[] {
  return boards.map((b) => ({ path: boardHref(b.id), lastmod: times.get(b.id) ?? null }));
}

/**
 * A page of the guest's topics in id order, as a derived table of their ids and last
 * messages: page N by offset, or (walking all pages, for the index) the page after a
 * topic id, which skips nothing however deep the page.
 */
function topicSlice(ctx: ApiContext, boardIds: readonly number[], at: { page: number } | { after: number }, size: number) {
  return ctx.db
    .selectFrom((eb) => {
      const topics = eb
        .selectFrom('topics')
        .select(['id_topic', 'id_last_msg'])
        .where('approved', '=', 1)
        .where('id_board', 'in', boardIds)
        .orderBy('id_topic')
        .limit(size);
      return ('page' in at ? topics.offset((at.page - 1) * size) : topics.where('id_topic', '>', at.after)).as('page');
    })
    // A left join: a topic whose last message row is missing (a damaged table) is still
    // listed, without a lastmod, as the API still serves it.
    .leftJoin('messages as lm', 'lm.id_msg', 'page.id_last_msg');
}

async function topicCount(ctx: ApiContext, boardIds: readonly number[]): Promise<number> {
  if (boardIds.length === 0) return 0;
  const row = await ctx.db
    .selectFrom('topics')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('approved', '=', 1)
    .where('id_board', 'in', boardIds)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * Every sitemap page with something on it (the schema wants at least one URL in a
 * sitemap), boards first. Each topics page's lastmod is one aggregate over that page's
 * topics, each page starting after the last one's final id: 20 queries, each reading
 * its own 50,000 topics, for a million.
 */
export async function sitemapPages(ctx: ApiContext, size: number): Promise<SitemapPage[]> {
  const structure = await ctx.structure();
  const boards = listedBoards(structure);
  const boardIds = topicBoardIds(structure);
  const [times, topics] = await Promise.all([boardTimes(ctx, boards), topicCount(ctx, boardIds)]);

  const pages: SitemapPage[] = [];
  for (let start = 0; start < boards.length; start += size) {
    const slice = boards.slice(start, start + size);
    pages.push({ kind: 'boards', page: start / size + 1, lastmod: latestOf(slice.map((b) => times.get(b.id) ?? null)) });
  }
  // One page after another, not all at once: the pool is shared with readers' requests.
  for (let page = 1, after = 0; (page - 1) * size < topics; page++) {
    const row = await topicSlice(ctx, boardIds, { after }, size)
      .select((eb) => [eb.fn.max('page.id_topic').as('last'), eb.fn.max('lm.poster_time').as('posted'), eb.fn.max('lm.modified_time').as('modified')])
      .executeTakeFirst();
    // Topics removed since the count: the list ended early.
    if (row?.last == null) break;
    after = Number(row.last);
    pages.push({ kind: 'topics', page, lastmod: latest(Number(row.posted ?? 0), Number(row.modified ?? 0)) });
  }
  return pages;
}

/**
 * One sitemap page's addresses, or null when the page does not exist (past the last, or
 * an empty list). A topic's lastmod is its last post's time, or that post's edit time
 * when later (SMF keeps it in the same row, so it costs nothing more).
 */
export async function sitemapPaths(ctx: ApiContext, kind: SitemapKind, page: number, size: number): Promise<SitemapPath[] | null> {
  const structure = await ctx.structure();
  if (kind === 'boards') {
    const slice = listedBoards(structure).slice((page - 1) * size, page * size);
    return slice.length === 0 ? null : boardPaths(slice, await boardTimes(ctx, slice));
  }
  const boardIds = topicBoardIds(structure);
  if (boardIds.length === 0) return null;
  const rows = await topicSlice(ctx, boardIds, { page }, size)
    .select(['page.id_topic', 'lm.poster_time', 'lm.modified_time'])
    .orderBy('page.id_topic')
    .execute();
  if (rows.length === 0) return null;
  return rows.map((r) => ({ path: topicHref(Number(r.id_topic)), lastmod: latest(Number(r.poster_time ?? 0), Number(r.modified_time ?? 0)) }));
}
