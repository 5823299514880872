// GET /search: posts holding every word, newest first, in boards a guest may read.
// Like SMF, it uses the forum's full-text index when the administrator built one
// (Admin → Search → "Fulltext index") and otherwise scans messages, keeping at
// most SMF's `search_max_results` (1,200) matches; the statement timeout bounds both.
import { sql } from 'kysely';
import type { Expression, SqlBool } from 'kysely';
import type { SearchResponse, TopicSearchResponse } from '../../src/lib/api/search-schemas';
import { loadMembers } from './authors';
import type { ApiContext } from './context';
import { ApiError, badRequest, pastLastPage, totalPagesFor } from './context';
import { MESSAGE_COLUMNS, loadAttachments, postJson, subjectText } from './posts';
import type { MessageRow } from './posts';
import { requireGuestAccess } from './boards';

export const MAX_QUERY_LENGTH = 200;
const MAX_WORDS = 8;
const MAX_RESULTS = 1200;

/** Stored text is HTML-escaped, so the words are looked for in that form. */
function asStored(word: string): string {
  return word.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#039;' })[c] ?? c);
}

function likePattern(word: string): string {
  return `%${asStored(word).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function searchWords(query: string): string[] {
  const trimmed = query.trim();
  if (trimmed.length === 0) throw badRequest('Say what to search for: the q parameter is empty.');
  if (trimmed.length > MAX_QUERY_LENGTH) throw badRequest(`Search for at most ${String(MAX_QUERY_LENGTH)} characters.`);
  const words = [...new Set(trimmed.toLowerCase().split(/\s+/).filter((w) => w.length > 0))];
  if (words.length > MAX_WORDS) throw badRequest(`Search for at most ${String(MAX_WORDS)} words.`);
  return words;
}

export async function searchPosts(ctx: ApiContext, query: string, page: number): Promise<SearchResponse> {
  const structure = await ctx.structure();
  requireGuestAccess(structure);
  if (!structure.guestsMaySearch) throw new ApiError(501, 'not_implemented', 'Guests may not search this forum.');
  const words = searchWords(query);
  const boards = [...structure.boards.values()].filter((b) => b.reachable && b.redirectUrl === null).map((b) => b.id);
  const size = structure.settings.searchResultsPerPage;
  if (boards.length === 0) return { query: query.trim(), results: [], page: { number: 1, size, totalPages: 1, totalItems: 0 } };

  const fulltext = structure.settings.searchIndex === 'fulltext';
  const like = ctx.dialect === 'postgres' ? 'ilike' : 'like';
  const idRows = await ctx.db
    .selectFrom('messages as m')
    .select('m.id_msg')
    .where('m.approved', '=', 1)
    .where('m.id_board', 'in', boards)
    .where((eb) =>
      // With SMF's full-text index, SMF's own meaning: every word as a word (the index's
      // MATCH alone, which the database can answer from the index). Without it, SMF's
      // standard search: every word anywhere in the subject or body.
      fulltext
        ? fulltextMatch(ctx.dialect, words)
        : eb.and(words.map((word) => eb.or([eb('m.body', like, likePattern(word)), eb('m.subject', like, likePattern(word))]))),
    )
    // With PostgreSQL's full-text index, `id_msg + 0` keeps the planner from walking the
    // primary key backwards and testing every message's text until enough match (measured:
    // 14 s on a million messages); it then takes the matches from the index and sorts them.
    .orderBy(fulltext && ctx.dialect === 'postgres' ? sql`${sql.ref('m.id_msg')} + 0` : sql.ref('m.id_msg'), 'desc')
    .limit(MAX_RESULTS)
    .execute();

  const totalItems = idRows.length;
  const totalPages = totalPagesFor(totalItems, size);
  if (page > totalPages) throw pastLastPage(page, totalPages);
  const ids = idRows.slice((page - 1) * size, page * size).map((r) => Number(r.id_msg));
  if (ids.length === 0) return { query: query.trim(), results: [], page: { number: page, size, totalPages, totalItems } };

  const rows: ResultRow[] = await ctx.db
    .selectFrom('messages as m')
    .innerJoin('topics as t', 't.id_topic', 'm.id_topic')
    .innerJoin('messages as fm', 'fm.id_msg', 't.id_first_msg')
    .select([...MESSAGE_COLUMNS, 'fm.subject as topic_subject', 't.id_first_msg', 't.id_last_msg', 't.num_replies'])
    .where('m.id_msg', 'in', ids)
    .where('t.approved', '=', 1)
    .execute();
  const byId = new Map(rows.map((r) => [Number(r.id_msg), r]));
  const [members, attachments, numbers] = await Promise.all([
    loadMembers(ctx, rows.map((r) => Number(r.id_member))),
    loadAttachments(ctx, ids),
    postNumbers(ctx, rows),
  ]);

  const results = ids.flatMap((id) => {
    const row = byId.get(id);
    const board = row ? structure.boards.get(Number(row.id_board)) : undefined;
    if (!row || !board) return [];
    return [
      {
        post: postJson(ctx, structure, board, members, attachments, row, numbers.get(id) ?? 1),
        topic: { id: Number(row.id_topic), title: subjectText(structure, row.topic_subject) },
        board: { id: board.id, name: board.name },
      },
    ];
  });
  return { query: query.trim(), results, page: { number: page, size, totalPages, totalItems } };
}

/**
 * The full-text condition in the form SMF's index was built for, so the database
 * can use it; the LIKE conditions beside it keep SMF's "every word, anywhere" meaning.
 */
function fulltextMatch(dialect: ApiContext['dialect'], words: readonly string[]): Expression<SqlBool> {
  if (dialect === 'mysql') {
    const boolean = words.map((w) => `+"${w.replace(/["\\]/g, ' ')}"`).join(' ');
    return sql<SqlBool>`MATCH (m.body) AGAINST (${boolean} IN BOOLEAN MODE)`;
  }
  return sql<SqlBool>`to_tsvector(${sql.lit('english')}, m.body) @@ plainto_tsquery(${sql.lit('english')}, ${words.join(' ')})`;
}

interface ResultRow extends MessageRow {
  topic_subject: string;
  id_first_msg: number;
  id_last_msg: number;
  num_replies: number;
}

/**
 * Each result's number in its topic, counted from the nearer end of the topic (by id) as
 * the topic page does: two grouped queries for the whole page of results, however many.
 */
async function postNumbers(ctx: ApiContext, rows: readonly ResultRow[]): Promise<Map<number, number>> {
  const numbers = new Map<number, number>();
  const nearEnd = (r: ResultRow): boolean => Number(r.id_msg) - Number(r.id_first_msg) > Number(r.id_last_msg) - Number(r.id_msg);
  const count = async (subset: readonly ResultRow[], fromEnd: boolean): Promise<void> => {
    if (subset.length === 0) return;
    const counted = await ctx.db
      .selectFrom('messages as r')
      .innerJoin('messages as o', (join) => join.onRef('o.id_topic', '=', 'r.id_topic').onRef('o.id_msg', fromEnd ? '>' : '<', 'r.id_msg'))
      .select((eb) => ['r.id_msg', eb.fn.countAll().as('n')])
      .where('r.id_msg', 'in', subset.map((r) => Number(r.id_msg)))
      .where('o.approved', '=', 1)
      .groupBy('r.id_msg')
      .execute();
    const byId = new Map(counted.map((c) => [Number(c.id_msg), Number(c.n)]));
    for (const r of subset) {
      const n = byId.get(Number(r.id_msg)) ?? 0;
      numbers.set(Number(r.id_msg), fromEnd ? Number(r.num_replies) + 1 - n : n + 1);
    }
  };
  await Promise.all([count(rows.filter((r) => !nearEnd(r)), false), count(rows.filter(nearEnd), true)]);
  return numbers;
}
