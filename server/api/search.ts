// GET /search: posts holding every word, newest first, in boards a guest may read;
// with by=topic, the topics holding them, one entry each with its best posts.
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
import type { ForumStructure } from '../smf/forum-structure';

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

/** Who may search, for which words, in which boards: what both forms of search check first. */
async function searchScope(ctx: ApiContext, query: string) {
  const structure = await ctx.structure();
  requireGuestAccess(structure);
  if (!structure.guestsMaySearch) throw new ApiError(501, 'not_implemented', 'Guests may not search this forum.');
  const words = searchWords(query);
  const boards = [...structure.boards.values()].filter((b) => b.reachable && b.redirectUrl === null).map((b) => b.id);
  return { structure, words, boards };
}

export async function searchPosts(ctx: ApiContext, query: string, page: number): Promise<SearchResponse> {
  const { structure, words, boards } = await searchScope(ctx, query);
  const size = structure.settings.searchResultsPerPage;
  if (boards.length === 0) return { query: query.trim(), results: [], page: { number: 1, size, totalPages: 1, totalItems: 0 } };

  const idRows = await matchingMessages(ctx, structure, boards, words).select('m.id_msg').execute();
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
 * The messages a guest may read that hold every word, newest first, at most SMF's
 * `search_max_results`: the one statement both forms of search start from.
 */
function matchingMessages(ctx: ApiContext, structure: ForumStructure, boards: readonly number[], words: readonly string[]) {
  const fulltext = structure.settings.searchIndex === 'fulltext';
  const like = ctx.dialect === 'postgres' ? 'ilike' : 'like';
  return ctx.db
    .selectFrom('messages as m')
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
    .limit(MAX_RESULTS);
}

export const TOPICS_PER_PAGE = 10;
const POSTS_PER_TOPIC = 3;

function occurrences(haystack: string, needle: string): number {
  let count = 0;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + needle.length)) count++;
  return count;
}

/**
 * `by=topic`: the same matches, one entry per topic, ranked as the contract says (title
 * words, then matching posts, then the latest match), with each topic's best three posts.
 * Two statements: the matches grouped by topic, then the matching posts of the page's topics.
 */
export async function searchTopics(ctx: ApiContext, query: string, page: number): Promise<TopicSearchResponse> {
  const { structure, words, boards } = await searchScope(ctx, query);
  const size = TOPICS_PER_PAGE;
  const empty = { query: query.trim(), topics: [], totalPosts: 0, page: { number: 1, size, totalPages: 1, totalItems: 0 } };
  if (boards.length === 0) return empty;

  const grouped = await ctx.db
    .selectFrom(matchingMessages(ctx, structure, boards, words).select(['m.id_msg', 'm.id_topic']).as('hit'))
    .innerJoin('topics as t', 't.id_topic', 'hit.id_topic')
    .innerJoin('messages as fm', 'fm.id_msg', 't.id_first_msg')
    .select((eb) => [
      't.id_topic', 't.id_board', 't.id_first_msg', 't.id_last_msg', 't.num_replies', 'fm.subject as topic_subject',
      eb.fn.countAll().as('matches'), eb.fn.max('hit.id_msg').as('newest'), eb.fn.min('hit.id_msg').as('oldest'),
    ])
    .where('t.approved', '=', 1)
    .groupBy(['t.id_topic', 't.id_board', 't.id_first_msg', 't.id_last_msg', 't.num_replies', 'fm.subject'])
    .execute();

  const topics = grouped
    .map((g) => {
      const title = subjectText(structure, g.topic_subject);
      const lower = title.toLowerCase();
      return { ...g, title, titleWords: words.filter((w) => lower.includes(w)).length, matches: Number(g.matches), newest: Number(g.newest) };
    })
    .sort((a, b) => b.titleWords - a.titleWords || b.matches - a.matches || b.newest - a.newest);
  const totalPosts = topics.reduce((sum, t) => sum + t.matches, 0);
  const totalItems = topics.length;
  const totalPages = totalPagesFor(totalItems, size);
  if (page > totalPages) throw pastLastPage(page, totalPages);
  const shown = topics.slice((page - 1) * size, page * size);
  if (shown.length === 0) return { ...empty, totalPosts, page: { number: page, size, totalPages, totalItems } };

  // Only the matches counted above: SMF's cap keeps the newest, so none older than the oldest kept.
  const oldest = Math.min(...topics.map((t) => Number(t.oldest)));
  const candidates: MessageRow[] = await matchingMessages(ctx, structure, boards, words)
    .select([...MESSAGE_COLUMNS])
    .where('m.id_topic', 'in', shown.map((t) => Number(t.id_topic)))
    .where('m.id_msg', '>=', oldest)
    .execute();
  const stored = words.map((w) => asStored(w).toLowerCase());
  const score = (row: MessageRow): number => {
    const text = `${row.subject}\n${row.body}`.toLowerCase();
    return stored.reduce((sum, w) => sum + occurrences(text, w), 0);
  };
  const scored = candidates.map((row) => ({ row, score: score(row) }));
  const best = new Map<number, ResultRow[]>();
  for (const t of shown) {
    const rows = scored
      .filter(({ row }) => Number(row.id_topic) === Number(t.id_topic))
      .sort((a, b) => b.score - a.score || Number(a.row.id_msg) - Number(b.row.id_msg))
      .slice(0, POSTS_PER_TOPIC)
      .map(({ row }) => ({ ...row, topic_subject: t.topic_subject, id_first_msg: t.id_first_msg, id_last_msg: t.id_last_msg, num_replies: t.num_replies }));
    best.set(Number(t.id_topic), rows);
  }
  const rows = [...best.values()].flat();
  const ids = rows.map((r) => Number(r.id_msg));
  const [members, attachments, numbers] = await Promise.all([
    loadMembers(ctx, rows.map((r) => Number(r.id_member))),
    loadAttachments(ctx, ids),
    postNumbers(ctx, rows),
  ]);

  const entries = shown.flatMap((t) => {
    const board = structure.boards.get(Number(t.id_board));
    const posts = best.get(Number(t.id_topic)) ?? [];
    if (!board || posts.length === 0) return [];
    return [
      {
        topic: { id: Number(t.id_topic), title: t.title },
        board: { id: board.id, name: board.name },
        matches: t.matches,
        posts: posts.map((row) => postJson(ctx, structure, board, members, attachments, row, numbers.get(Number(row.id_msg)) ?? 1)),
      },
    ];
  });
  return { query: query.trim(), topics: entries, totalPosts, page: { number: page, size, totalPages, totalItems } };
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
