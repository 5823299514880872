// What every page needs and what changes rarely: the forum's settings, its categories
// and boards, which boards a guest may see, which permission profiles let guests see
// attachments, and the member groups' names. Loaded in a handful of small queries and
// kept for a few seconds, so a page costs only the queries about its own content.
// (Counters and last posts on the board index are as fresh as the cache: seconds.)
import type { Kysely } from 'kysely';
import type { SmfDatabase } from './schema';
import { decodeTitle, parseCensorRules } from './stored-text';
import type { CensorRules } from './stored-text';

export interface BoardNode {
  id: number;
  categoryId: number;
  parentId: number | null;
  order: number;
  name: string;
  description: string;
  topicCount: number;
  postCount: number;
  lastMessageId: number;
  profileId: number;
  redirectUrl: string | null;
  /** A guest may open it: its groups, its view rows and the forum's guest access allow it. */
  visible: boolean;
  /** Visible, and so is every board above it (the index only shows boards it can reach). */
  reachable: boolean;
  childIds: number[];
}

export interface CategoryNode {
  id: number;
  name: string;
  /** Top-level boards in SMF's order. */
  boardIds: number[];
}

export interface ForumSettings {
  postsPerPage: number;
  topicsPerPage: number;
  searchResultsPerPage: number;
  guestAccess: boolean;
  censor: CensorRules;
  /** The raw `attachmentUploadDir` setting (JSON, PHP-serialised or a plain path). */
  attachmentUploadDir: string;
  avatarUrl: string;
  customAvatarDir: string;
  customAvatarUrl: string;
  /** SMF's search method: 'fulltext' when the admin built the full-text index. */
  searchIndex: string;
}

export interface ForumStructure {
  settings: ForumSettings;
  categories: CategoryNode[];
  boards: ReadonlyMap<number, BoardNode>;
  /** Permission profiles under which guests may view attachments. */
  attachmentProfiles: ReadonlySet<number>;
  guestsMaySearch: boolean;
  groups: ReadonlyMap<number, string>;
}

const SETTING_NAMES = [
  'defaultMaxMessages', 'defaultMaxTopics', 'search_results_per_page', 'allow_guestAccess', 'censor_vulgar',
  'censor_proper', 'censorWholeWord', 'censorIgnoreCase', 'attachmentUploadDir', 'avatar_url', 'custom_avatar_dir',
  'custom_avatar_url', 'search_index',
];

/** A page size from the settings; SMF's own default when missing or nonsense. */
function pageSize(raw: string | undefined, fallback: number): number {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= 500 ? n : fallback;
}

function groupList(raw: string): Set<number> {
  return new Set(raw.split(',').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n)));
}

export async function loadForumStructure(db: Kysely<SmfDatabase>): Promise<ForumStructure> {
  const [settingRows, categoryRows, boardRows, viewRows, attachmentRows, searchRows, groupRows] = await Promise.all([
    db.selectFrom('settings').select(['variable', 'value']).where('variable', 'in', SETTING_NAMES).execute(),
    db.selectFrom('categories').select(['id_cat', 'cat_order', 'name']).orderBy('cat_order').orderBy('id_cat').execute(),
    db
      .selectFrom('boards')
      .select([
        'id_board', 'id_cat', 'id_parent', 'board_order', 'name', 'description', 'num_topics', 'num_posts', 'id_last_msg',
        'id_profile', 'redirect', 'member_groups', 'deny_member_groups',
      ])
      .orderBy('board_order')
      .orderBy('id_board')
      .execute(),
    db.selectFrom('board_permissions_view').select(['id_board', 'deny']).where('id_group', '=', -1).execute(),
    db
      .selectFrom('board_permissions')
      .select(['id_profile', 'add_deny'])
      .where('id_group', '=', -1)
      .where('permission', '=', 'view_attachments')
      .execute(),
    db
      .selectFrom('permissions')
      .select(['add_deny'])
      .where('id_group', '=', -1)
      .where('permission', '=', 'search_posts')
      .execute(),
    db.selectFrom('membergroups').select(['id_group', 'group_name']).execute(),
  ]);

  const raw = new Map(settingRows.map((r) => [r.variable, r.value]));
  const guestAccess = raw.get('allow_guestAccess') === '1';
  const settings: ForumSettings = {
    postsPerPage: pageSize(raw.get('defaultMaxMessages'), 15),
    topicsPerPage: pageSize(raw.get('defaultMaxTopics'), 20),
    searchResultsPerPage: pageSize(raw.get('search_results_per_page'), 30),
    guestAccess,
    censor: parseCensorRules(raw.get('censor_vulgar') ?? '', raw.get('censor_proper') ?? '', {
      wholeWord: raw.get('censorWholeWord') === '1',
      ignoreCase: raw.get('censorIgnoreCase') === '1',
    }),
    attachmentUploadDir: raw.get('attachmentUploadDir') ?? '',
    avatarUrl: raw.get('avatar_url') ?? '',
    customAvatarDir: raw.get('custom_avatar_dir') ?? '',
    customAvatarUrl: raw.get('custom_avatar_url') ?? '',
    searchIndex: raw.get('search_index') ?? '',
  };

  const allowed = new Set<number>();
  const denied = new Set<number>();
  for (const row of viewRows) (Number(row.deny) === 0 ? allowed : denied).add(Number(row.id_board));

  const boards = new Map<number, BoardNode>();
  for (const row of boardRows) {
    const id = Number(row.id_board);
    const redirect = row.redirect.trim();
    boards.set(id, {
      id,
      categoryId: Number(row.id_cat),
      parentId: Number(row.id_parent) === 0 ? null : Number(row.id_parent),
      order: Number(row.board_order),
      name: decodeTitle(row.name),
      // SMF board descriptions may carry BBCode-free HTML-escaped text; shown as text.
      description: decodeTitle(row.description),
      topicCount: Number(row.num_topics),
      postCount: Number(row.num_posts),
      lastMessageId: Number(row.id_last_msg),
      profileId: Number(row.id_profile),
      redirectUrl: redirect === '' ? null : redirect,
      visible:
        guestAccess &&
        groupList(row.member_groups).has(-1) &&
        !groupList(row.deny_member_groups).has(-1) &&
        allowed.has(id) &&
        !denied.has(id),
      reachable: false,
      childIds: [],
    });
  }
  for (const board of boards.values()) {
    if (board.parentId !== null) boards.get(board.parentId)?.childIds.push(board.id);
  }
  // Reachable: visible all the way up. Walked with a bound, so a parent loop in a
  // damaged boards table cannot hang the server.
  for (const board of boards.values()) {
    let ok = board.visible;
    let up = board.parentId;
    for (let steps = 0; ok && up !== null; steps++) {
      const parent = boards.get(up);
      if (!parent || steps > boards.size) ok = false;
      else {
        ok = parent.visible;
        up = parent.parentId;
      }
    }
    board.reachable = ok;
  }

  const categories: CategoryNode[] = categoryRows.map((row) => ({
    id: Number(row.id_cat),
    name: decodeTitle(row.name),
    boardIds: [...boards.values()].filter((b) => b.categoryId === Number(row.id_cat) && b.parentId === null).map((b) => b.id),
  }));

  const attachmentProfiles = new Set<number>();
  const deniedProfiles = new Set<number>();
  for (const row of attachmentRows) (Number(row.add_deny) === 1 ? attachmentProfiles : deniedProfiles).add(Number(row.id_profile));
  for (const p of deniedProfiles) attachmentProfiles.delete(p);

  return {
    settings,
    categories,
    boards,
    attachmentProfiles,
    guestsMaySearch: guestAccess && searchRows.some((r) => Number(r.add_deny) === 1) && !searchRows.some((r) => Number(r.add_deny) === 0),
    groups: new Map(groupRows.map((r) => [Number(r.id_group), decodeTitle(r.group_name)])),
  };
}

/** How long past its time-to-live a structure may still answer while a fresh one loads. */
const STALE_STRUCTURE_MS = 5 * 60_000;

/**
 * Keeps the structure for `ttlMs`. After that, for up to `staleMs` more, a request gets
 * the kept structure at once while a fresh one loads behind it (a page must not wait for
 * the forum's settings, boards and permissions to reload: that cost the first reader after
 * each quiet spell tens of milliseconds). Past that, requests wait for the load. Concurrent
 * requests share one load; a failed load is not cached, so a later request tries again.
 */
export function cachedStructure(
  load: () => Promise<ForumStructure>,
  ttlMs: number,
  now: () => number = Date.now,
  staleMs = STALE_STRUCTURE_MS,
): () => Promise<ForumStructure> {
  let value: { at: number; structure: ForumStructure } | undefined;
  let pending: Promise<ForumStructure> | undefined;
  const reload = (): Promise<ForumStructure> =>
    (pending ??= load()
      .then((structure) => {
        value = { at: now(), structure };
        return structure;
      })
      .finally(() => {
        pending = undefined;
      }));
  return () => {
    const age = value ? now() - value.at : Number.POSITIVE_INFINITY;
    if (value && age < ttlMs) return Promise.resolve(value.structure);
    if (value && age < ttlMs + staleMs) {
      // Failures of the background load are the next request's to meet.
      reload().catch(() => undefined);
      return Promise.resolve(value.structure);
    }
    return reload();
  };
}
