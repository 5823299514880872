// What SMF shows a guest, and nothing more, on both database families: boards by
// their groups and view rows, approved topics and posts only (numbers and counts
// agreeing), attachments by the board's permission profile, censoring, forums closed
// to guests, and no private column anywhere — in the SQL or in the answers.
import { connect, type AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import * as v from 'valibot';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUSY_BOARD_ID, MULTI_PAGE_TOPIC_ID, NEWS_CATEGORY_ID, SEED_BOARD_ID, SEED_TOPIC_ID, handMadePostId } from '../../mocks/db/ids';
import {
  MAX_BOARD_DEPTH, boardResponseSchema, errorBodySchema, forumResponseSchema, postResponseSchema, topicResponseSchema,
} from '../../src/lib/api/schemas';
import { searchResponseSchema, topicSearchResponseSchema } from '../../src/lib/api/search-schemas';
import type { BoardResponse, BoardSummary, ForumResponse, TopicResponse } from '../../src/lib/api/schemas';
import { smfFulltextIndexDdl } from '../seed/smf-ddl';
import { encodeBody, encodeEmojiAsEntities } from '../seed/stored-text-encode';
import { DIALECTS, freshDatabase } from '../test/databases';
import { adminKysely, openServer, seedDemoForum, seededSuite } from '../test/seeded-forum';
import type { SeededForum, ServerUnderTest } from '../test/seeded-forum';
import type { TestDatabase } from '../test/test-database';

/** Writes the request as given and reads the whole answer. */
function rawRequest(port: number, method: string, target: string): Promise<string> {
  return new Promise((done, fail) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.end(`${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
    });
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', fail);
  });
}

const PRIVATE_COLUMNS = /email_address|poster_email|member_ip|poster_ip|passwd|password_salt|secret_answer|secret_question|tfa_secret|validation_code/i;

function allBoardIds(forum: ForumResponse): number[] {
  const ids: number[] = [];
  const walk = (boards: ForumResponse['categories'][number]['boards']): void => {
    for (const b of boards) {
      ids.push(b.id);
      walk(b.children);
    }
  };
  for (const c of forum.categories) walk(c.boards);
  return ids;
}

describe.each(DIALECTS)('a guest on %s', (kind) => {
  const multiPost = (n: number): number => handMadePostId(MULTI_PAGE_TOPIC_ID, n);
  const suite = seededSuite(kind, (seed) => {
    // A board open to members only (no -1 in member_groups) and one with -1 listed but
    // no view row for guests: SMF shows neither to a guest.
    for (const b of seed.rows.boards) if (b.id_board === 4) b.member_groups = '0';
    seed.rows.board_permissions_view = seed.rows.board_permissions_view.filter((r) => !(r.id_board === 5 && r.id_group === -1));
    // Post 2 of the multi-page topic awaits approval, and a member's e-mail is on file.
    // SMF's counters follow: the topic's replies and the board's posts count approved ones only.
    for (const m of seed.rows.messages) if (m.id_msg === multiPost(2)) m.approved = 0;
    for (const t of seed.rows.topics) if (t.id_topic === MULTI_PAGE_TOPIC_ID) Object.assign(t, { num_replies: t.num_replies - 1, unapproved_posts: 1 });
    const member = seed.rows.members[0];
    if (member) Object.assign(member, { email_address: 'secret-address@example.com' });
  });
  const server = (): ServerUnderTest => suite().server;

  it('does not see boards closed to guests, on the index or by address', async () => {
    const index = v.parse(forumResponseSchema, (await server().json('/api/forum')).body);
    const ids = allBoardIds(index);
    expect(ids).toContain(3);
    expect(ids).not.toContain(4);
    // Board 5 is a child of 4: hidden with its parent, and by its own missing view row.
    expect(ids).not.toContain(5);
    expect((await server().json('/api/boards/4')).status).toBe(403);
    expect((await server().json('/api/boards/5')).status).toBe(403);
  });

  it('reads only approved posts, numbered and counted without the unapproved one', async () => {
    const { body } = await server().json<TopicResponse>(`/api/topics/${String(MULTI_PAGE_TOPIC_ID)}`);
    const topic = v.parse(topicResponseSchema, body);
    expect(topic.posts.map((p) => p.id)).not.toContain(multiPost(2));
    expect(topic.posts.map((p) => p.number)).toEqual([...Array(15).keys()].map((i) => i + 1));
    expect(topic.posts[1]?.id).toBe(multiPost(3));
    expect(topic.page).toEqual({ number: 1, size: 15, totalPages: 3, totalItems: 40 });
    expect(topic.topic.replyCount).toBe(39);
    expect((await server().json(`/api/posts/${String(multiPost(2))}`)).status).toBe(404);
    const at = v.parse(topicResponseSchema, (await server().json(`/api/topics/${String(MULTI_PAGE_TOPIC_ID)}?post=${String(multiPost(17))}`)).body);
    expect(at.page.number).toBe(2);
    expect(at.posts.find((p) => p.id === multiPost(17))?.number).toBe(16);
  });

  it('searches by topic among approved posts only, counting what the plain search lists', async () => {
    const { topic } = v.parse(topicResponseSchema, (await server().json(`/api/topics/${String(MULTI_PAGE_TOPIC_ID)}`)).body);
    const q = encodeURIComponent(topic.title);
    const grouped = v.parse(topicSearchResponseSchema, (await server().json(`/api/search?q=${q}&by=topic`)).body);
    const entry = grouped.topics.find((t) => t.topic.id === MULTI_PAGE_TOPIC_ID);
    expect(entry?.posts.map((p) => p.id)).not.toContain(multiPost(2));
    const listed: number[] = [];
    for (let page = 1, last = 1; page <= last; page++) {
      const flat = v.parse(searchResponseSchema, (await server().json(`/api/search?q=${q}&page=${String(page)}`)).body);
      last = flat.page.totalPages;
      listed.push(...flat.results.filter((r) => r.topic.id === MULTI_PAGE_TOPIC_ID).map((r) => r.post.id));
    }
    expect(listed).not.toContain(multiPost(2));
    expect(entry?.matches).toBe(listed.length);
    // Its title holds every word: it comes first.
    expect(grouped.topics[0]?.topic.id).toBe(MULTI_PAGE_TOPIC_ID);
  });

  it('never causes a private column to be read, nor sees one in an answer', async () => {
    server().queries.length = 0;
    const bodies = await Promise.all(
      ['/api/forum', `/api/boards/${String(BUSY_BOARD_ID)}`, `/api/topics/${String(SEED_TOPIC_ID)}`, '/api/search?q=market', '/api/search?q=market&by=topic', `/api/posts/${String(multiPost(5))}`].map(
        async (path) => (await server().get(path)).text(),
      ),
    );
    expect(server().queries.length).toBeGreaterThan(5);
    for (const query of server().queries) {
      expect(query).not.toMatch(PRIVATE_COLUMNS);
      expect(query).not.toMatch(/select \*/i);
    }
    for (const body of bodies) expect(body).not.toContain('secret-address@example.com');
  });

  it('cannot write through the server, even with an account that may', async () => {
    const admin = openServer(suite().database, { url: suite().database.adminUrl });
    try {
      await expect(sql`UPDATE smf_topics SET num_views = 0`.execute(admin.api.db)).rejects.toThrow(/read.only|READ ONLY/i);
    } finally {
      await admin.close();
    }
  });

  it('answers bad input with a 4xx and the error body, never a 500', async () => {
    for (const [path, status] of [
      ['/api/topics/abc', 404],
      ['/api/topics/-1', 404],
      ['/api/topics/99999999999999999999', 404],
      ['/api/boards/0', 404],
      ['/api/topics/42?page=-1', 400],
      ['/api/topics/42?page=1.5', 400],
      ['/api/topics/42?page=1&page=2', 400],
      ['/api/topics/42?page=99999999999999999999', 404],
      ['/api/topics/42?post=abc', 400],
      ['/api/search?q=', 400],
      [`/api/search?q=${'x'.repeat(201)}`, 400],
      ['/api/search?q=a+b+c+d+e+f+g+h+i', 400],
      ['/api/search?q=%25%5F%5C', 200],
      ['/api/search?q=market&by=board', 400],
      ['/api/search?q=market&by=topic&by=topic', 400],
      ['/api/search?q=market&by=topic&page=999', 404],
      ['/api/search?q=%25%5F%5C&by=topic', 200],
      ['/api/nothing-here', 404],
    ] as const) {
      const response = await server().get(path);
      expect({ path, status: response.status }).toEqual({ path, status });
      if (status !== 200) v.parse(errorBodySchema, await response.json());
    }
    const post = await server().get('/api/forum', { method: 'POST' });
    expect(post.status).toBe(405);
    // TRACE cannot be made with the Fetch API, so over a real socket, as a client sends it.
    const listening = await new Promise<ServerType>((ready) => {
      const s = serve({ fetch: server().app.fetch, hostname: '127.0.0.1', port: 0 }, () => ready(s));
    });
    try {
      const { port } = listening.address() as AddressInfo;
      for (const path of ['/api/forum', '/api/attachments/4201', '/api/nothing-here']) {
        const answer = await rawRequest(port, 'TRACE', path);
        expect(answer, path).toMatch(/^HTTP\/1\.1 405 /);
        expect(answer.toLowerCase(), path).toContain('allow: get, head\r\n');
      }
    } finally {
      await new Promise<void>((done) => listening.close(() => done()));
    }
  });

  it('costs a fixed number of queries per page, however long the topic or deep the page', async () => {
    await server().get('/api/forum'); // warm the forum's structure (settings, boards, permissions)
    const count = async (path: string): Promise<number> => {
      server().queries.length = 0;
      const response = await server().get(path);
      expect({ path, status: response.status }).toEqual({ path, status: 200 });
      return server().queries.length;
    };
    const index = await count('/api/forum');
    expect(index).toBeLessThanOrEqual(2);
    const board = await count(`/api/boards/${String(BUSY_BOARD_ID)}`);
    expect(await count(`/api/boards/${String(BUSY_BOARD_ID)}?page=4`)).toBe(board);
    expect(board).toBeLessThanOrEqual(5);
    const first = await count('/api/topics/30');
    expect(await count('/api/topics/30?page=334')).toBe(first);
    expect(await count('/api/topics/30?page=667')).toBe(first);
    expect(first).toBeLessThanOrEqual(5);
    expect(await count(`/api/topics/${String(SEED_TOPIC_ID)}`)).toBe(first);
  });
});

describe.each(DIALECTS)('the forum settings on %s', (kind) => {
  let database: TestDatabase;
  let seeded: SeededForum;

  beforeAll(async () => {
    database = await freshDatabase(kind);
    seeded = await seedDemoForum(database);
  });

  afterAll(async () => {
    await seeded.cleanup();
    await database.drop();
  });

  async function withSettings(values: Record<string, string>, check: (server: ServerUnderTest) => Promise<void>): Promise<void> {
    const admin = adminKysely(database);
    const before = await admin.selectFrom('settings').select(['variable', 'value']).execute();
    try {
      for (const [variable, value] of Object.entries(values)) {
        await admin.deleteFrom('settings').where('variable', '=', variable).execute();
        await admin.insertInto('settings').values({ variable, value }).execute();
      }
      const server = openServer(database, { attachmentsDir: seeded.attachmentsDir });
      try {
        await check(server);
      } finally {
        await server.close();
      }
    } finally {
      await admin.deleteFrom('settings').execute();
      await admin.insertInto('settings').values(before).execute();
      await admin.destroy();
    }
  }

  it('page sizes come from defaultMaxMessages and defaultMaxTopics', async () => {
    await withSettings({ defaultMaxMessages: '10', defaultMaxTopics: '7' }, async (server) => {
      const topic = v.parse(topicResponseSchema, (await server.json(`/api/topics/${String(MULTI_PAGE_TOPIC_ID)}?page=5`)).body);
      expect(topic.page).toEqual({ number: 5, size: 10, totalPages: 5, totalItems: 41 });
      expect(topic.posts.map((p) => p.number)).toEqual([41]);
      const board = v.parse(boardResponseSchema, (await server.json<BoardResponse>(`/api/boards/${String(BUSY_BOARD_ID)}`)).body);
      expect(board.topics).toHaveLength(7);
      expect(board.page.size).toBe(7);
    });
  });

  it('censors subjects and bodies with the forum’s word lists', async () => {
    await withSettings({ censor_vulgar: 'Seoul\nTroops', censor_proper: 'S****\nCENSORED', censorIgnoreCase: '1', censorWholeWord: '1' }, async (server) => {
      const topic = v.parse(topicResponseSchema, (await server.json(`/api/topics/${String(SEED_TOPIC_ID)}`)).body);
      expect(topic.topic.title).toMatch(/^S\*\*\*\* Calls/);
      expect(topic.posts[0]?.body).not.toMatch(/\bSeoul\b|\btroops\b/i);
      expect(topic.posts[0]?.body).toContain('North Korean CENSORED stationed');
      const board = v.parse(boardResponseSchema, (await server.json(`/api/boards/${String(SEED_BOARD_ID)}`)).body);
      expect(board.topics.map((t) => t.title).join(' ')).not.toMatch(/Seoul/);
    });
  });

  it('closes everything when guests are not allowed in', async () => {
    await withSettings({ allow_guestAccess: '0' }, async (server) => {
      for (const path of ['/api/forum', '/api/boards/3', `/api/topics/${String(SEED_TOPIC_ID)}`, '/api/search?q=market', '/api/attachments/4201']) {
        const response = await server.get(path);
        expect({ path, status: response.status }).toEqual({ path, status: 403 });
        expect(v.parse(errorBodySchema, await response.json()).error.code).toBe('forbidden');
      }
    });
  });

  it('searches with SMF\'s full-text index when the administrator built one', async () => {
    const admin = adminKysely(database);
    for (const statement of smfFulltextIndexDdl(database.dialect, 'smf_')) await sql.raw(statement).execute(admin);
    await admin.destroy();
    await withSettings({ search_index: 'fulltext' }, async (server) => {
      server.queries.length = 0;
      const { status, body } = await server.json('/api/search?q=market');
      expect(status).toBe(200);
      const found = v.parse(searchResponseSchema, body);
      expect(found.results.length).toBeGreaterThan(0);
      // Word matches (PostgreSQL's also by stem: markets, marketing), in the body SMF indexes.
      for (const r of found.results) expect(r.post.body.toLowerCase()).toContain('market');
      expect(server.queries.some((q) => (database.dialect === 'mysql' ? /match \(/i : /to_tsvector/i).test(q))).toBe(true);
      // By topic, the same matches: every topic's posts are among them, and they add up.
      const grouped = v.parse(topicSearchResponseSchema, (await server.json('/api/search?q=market&by=topic')).body);
      expect(grouped.totalPosts).toBe(found.page.totalItems);
      for (const t of grouped.topics) for (const p of t.posts) expect(p.body.toLowerCase()).toContain('market');
    });
  });

  it(`cuts child boards at ${String(MAX_BOARD_DEPTH)} levels, on the index and on a board's page`, async () => {
    // A chain of 40 boards, each the only child of the one before: deeper than the reader
    // can read (its schema refuses the whole answer past MAX_BOARD_DEPTH levels).
    const first = 9001;
    const chain = Array.from({ length: 40 }, (_, i) => first + i);
    const admin = adminKysely(database);
    const levels = (boards: readonly BoardSummary[]): number[] => {
      const ids: number[] = [];
      for (let level = boards; level.length > 0; level = level[0]?.children ?? []) ids.push(level[0]?.id ?? 0);
      return ids;
    };
    try {
      await admin
        .insertInto('boards')
        .values(chain.map((id, i) => ({
          id_board: id, id_cat: NEWS_CATEGORY_ID, child_level: i, id_parent: i === 0 ? 0 : id - 1, board_order: 1000 + i, id_last_msg: 0,
          member_groups: '-1,0', deny_member_groups: '', id_profile: 1, name: `Level ${String(i + 1)}`, description: '', num_topics: 0,
          num_posts: 0, redirect: '',
        })))
        .execute();
      await admin.insertInto('board_permissions_view').values(chain.map((id) => ({ id_group: -1, id_board: id, deny: 0 }))).execute();
      const server = openServer(database, { attachmentsDir: seeded.attachmentsDir });
      try {
        const index = v.parse(forumResponseSchema, (await server.json('/api/forum')).body);
        const top = index.categories.find((c) => c.id === NEWS_CATEGORY_ID)?.boards.filter((b) => b.id === first) ?? [];
        expect(levels(top)).toEqual(chain.slice(0, MAX_BOARD_DEPTH));

        const page = v.parse(boardResponseSchema, (await server.json(`/api/boards/${String(first)}`)).body);
        expect(levels(page.children)).toEqual(chain.slice(1, 1 + MAX_BOARD_DEPTH));
        // Further down, the rest of the chain is listed: nothing is lost, only paged by depth.
        const lower = v.parse(boardResponseSchema, (await server.json(`/api/boards/${String(first + 19)}`)).body);
        expect(levels(lower.children)).toEqual(chain.slice(20));
        expect(lower.breadcrumb.filter((c) => c.kind === 'board').map((c) => c.id)).toEqual(chain.slice(0, 20));
      } finally {
        await server.close();
      }
    } finally {
      await admin.deleteFrom('board_permissions_view').where('id_board', 'in', chain).execute();
      await admin.deleteFrom('boards').where('id_board', 'in', chain).execute();
      await admin.destroy();
    }
  });

  it('shows attachments as restricted where guests may not view them', async () => {
    const admin = adminKysely(database);
    await admin.deleteFrom('board_permissions').where('id_group', '=', -1).execute();
    await admin.destroy();
    const server = openServer(database, { attachmentsDir: seeded.attachmentsDir });
    try {
      const topic = v.parse(topicResponseSchema, (await server.json(`/api/topics/${String(SEED_TOPIC_ID)}`)).body);
      const attachment = topic.posts[0]?.attachments[0];
      expect(attachment).toMatchObject({ id: 4201, state: 'restricted', url: null, thumbnailUrl: null });
      expect((await server.get('/api/attachments/4201')).status).toBe(403);
    } finally {
      await server.close();
      const restore = adminKysely(database);
      await restore.insertInto('board_permissions').values({ id_group: -1, id_profile: 1, permission: 'view_attachments', add_deny: 1 }).execute();
      await restore.destroy();
    }
  });
});

describe('a forum on MariaDB in utf8, as SMF 2.1 installs it', () => {
  const typed = 'Launch day 🚀, coffee ☕ and a flag 🇰🇷 — family: 👨‍👩‍👧';
  let database: TestDatabase;
  let seeded: SeededForum;

  beforeAll(async () => {
    database = await freshDatabase('mariadb', { charset: 'utf8' });
    // utf8 (three bytes) cannot hold emoji: SMF saves them as numeric entities.
    seeded = await seedDemoForum(database, (seed) => {
      for (const m of seed.rows.messages) {
        m.body = encodeEmojiAsEntities(m.body);
        m.subject = encodeEmojiAsEntities(m.subject);
        m.poster_name = encodeEmojiAsEntities(m.poster_name);
      }
      for (const m of seed.rows.members) m.real_name = encodeEmojiAsEntities(m.real_name);
      const first = seed.rows.messages.find((m) => m.id_msg === handMadePostId(SEED_TOPIC_ID, 1));
      if (first) first.body = encodeEmojiAsEntities(encodeBody(typed));
    });
  });

  afterAll(async () => {
    await seeded.cleanup();
    await database.drop();
  });

  it('reads emoji stored as numeric entities as the characters they were', async () => {
    const server = openServer(database, { attachmentsDir: seeded.attachmentsDir });
    try {
      const { body } = await server.json(`/api/posts/${String(handMadePostId(SEED_TOPIC_ID, 1))}`);
      expect(v.parse(postResponseSchema, body).post.body).toBe(typed);
    } finally {
      await server.close();
    }
  });
});
