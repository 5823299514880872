// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ATTACHMENT_IDS } from './attachments-topic';
import { buildForum, compareTopics } from './build-forum';
import type { Forum } from './build-forum';
import {
  ATTACHMENTS_TOPIC_ID, BUSY_BOARD_ID, CHILD_BOARD_ID, CRYPTO_BOARD_ID, EMPTY_BOARD_ID, ENTREPRENEURS_BOARD_ID,
  GRANDCHILD_BOARD_ID, HOSTILE_TOPIC_ID, HUGE_TOPIC_ID, LOUNGE_BOARD_ID, MOVED_NOTICE_TOPIC_ID, MULTI_PAGE_TOPIC_ID,
  NEWS_CATEGORY_ID, REDIRECT_BOARD_ID, RESTRICTED_BOARD_ID, SEED_BOARD_ID, SEED_TOPIC_ID, SHOWCASE_TOPIC_ID,
  hugePostId,
} from './ids';
import { boardPage, forumIndex, topicPage } from './queries';
import { movedToJson } from './serialize';
import type { DbPost, DbTopic } from './types';

const forum = buildForum();
const BASE = 'http://localhost/api';

function topic(id: number): DbTopic {
  const t = forum.topics.get(id);
  if (!t) throw new Error(`no topic ${id}`);
  return t;
}

function posts(t: DbTopic): DbPost[] {
  return Array.from({ length: t.postCount }, (_, i) => t.postAt(i + 1));
}

function boardsBelow(f: Forum, id: number): number {
  const board = f.boards.get(id);
  return board ? 1 + Math.max(0, ...board.childIds.map((c) => boardsBelow(f, c))) : 0;
}

describe('the forum structure', () => {
  it('has four categories, twenty boards and boards three levels deep', () => {
    expect(forum.name).toBe('Bosman Business World');
    expect(forum.description.length).toBeGreaterThan(20);
    expect(forum.categories.length).toBeGreaterThanOrEqual(4);
    expect(forum.boards.size).toBeGreaterThanOrEqual(8);
    for (const board of forum.boards.values()) expect(board.description.length).toBeGreaterThan(10);
    const startups = forum.boards.get(CHILD_BOARD_ID);
    const funding = forum.boards.get(GRANDCHILD_BOARD_ID);
    expect(funding?.parentId).toBe(CHILD_BOARD_ID);
    expect(forum.boards.get(startups?.parentId ?? 0)?.parentId).toBeNull();
    expect(Math.max(...forum.categories.flatMap((c) => c.boardIds.map((id) => boardsBelow(forum, id))))).toBeGreaterThanOrEqual(3);
  });

  it('puts Crime and war in News and Research, with the seed topic and others', () => {
    const board = forum.boards.get(SEED_BOARD_ID);
    expect(board?.name).toBe('Crime and war');
    expect(board?.categoryId).toBe(NEWS_CATEGORY_ID);
    expect(forum.categories.find((c) => c.id === NEWS_CATEGORY_ID)?.name).toBe('News and Research');
    expect(board?.topicIds).toContain(SEED_TOPIC_ID);
    expect(board?.topicIds.length).toBeGreaterThanOrEqual(5);
  });

  it('has a busy board with 65+ topics, sticky and locked ones, in SMF order', () => {
    const board = forum.boards.get(BUSY_BOARD_ID);
    const list = (board?.topicIds ?? []).map(topic);
    expect(list.length).toBeGreaterThanOrEqual(65);
    expect(list.filter((t) => t.sticky).length).toBeGreaterThanOrEqual(2);
    expect(list.filter((t) => t.locked).length).toBeGreaterThanOrEqual(2);
    expect(list.some((t) => t.sticky && t.locked)).toBe(true);
    expect([...list].sort(compareTopics)).toEqual(list);
    const firstPlain = list.findIndex((t) => !t.sticky);
    expect(list.slice(firstPlain).every((t) => !t.sticky)).toBe(true);
  });

  it('lists the topics of every board as SMF does: sticky first, then by last post id, highest first', () => {
    for (const board of forum.boards.values()) {
      const list = board.topicIds.map(topic);
      const firstPlain = list.findIndex((t) => !t.sticky);
      if (firstPlain >= 0) expect(list.slice(firstPlain).every((t) => !t.sticky)).toBe(true);
      for (const group of [list.filter((t) => t.sticky), list.filter((t) => !t.sticky)]) {
        const lastIds = group.map((t) => t.postAt(t.postCount).id);
        expect(lastIds).toEqual([...lastIds].sort((a, b) => b - a));
      }
    }
    // Hand-made topics number their posts topicId * 1000 + n, below every generated post id,
    // so they sit under the generated topics whatever their dates.
    expect(forum.boards.get(ENTREPRENEURS_BOARD_ID)?.topicIds.at(-1)).toBe(MULTI_PAGE_TOPIC_ID);
    expect(forum.boards.get(SEED_BOARD_ID)?.topicIds.at(-1)).toBe(SEED_TOPIC_ID);
  });

  it('has a redirect board in Community with no topics and no child boards', () => {
    const board = forum.boards.get(REDIRECT_BOARD_ID);
    expect(board).toMatchObject({ name: 'Company blog', redirectUrl: 'https://blog.example.com/', topicIds: [], childIds: [], postCount: 0, lastPost: null });
    expect(forum.categories.find((c) => c.boardIds.includes(REDIRECT_BOARD_ID))?.name).toBe('Community');
    for (const other of forum.boards.values()) if (other.id !== REDIRECT_BOARD_ID) expect(other.redirectUrl).toBeNull();
  });

  it('has a moved-topic notice in the Lounge pointing at a topic in Crypto and alternatives', () => {
    const notice = topic(MOVED_NOTICE_TOPIC_ID);
    const moved = topic(notice.movedToTopicId ?? 0);
    expect(notice).toMatchObject({ boardId: LOUNGE_BOARD_ID, title: `MOVED: ${moved.title}`, locked: true, postCount: 1 });
    expect(moved.boardId).toBe(CRYPTO_BOARD_ID);
    expect(moved.movedToTopicId).toBeNull();
    expect(forum.boards.get(LOUNGE_BOARD_ID)?.topicIds).toContain(MOVED_NOTICE_TOPIC_ID);
    expect([...forum.topics.values()].filter((t) => t.movedToTopicId !== null).map((t) => t.id)).toEqual([MOVED_NOTICE_TOPIC_ID]);
  });

  it('has an empty board and a restricted one', () => {
    expect(forum.boards.get(EMPTY_BOARD_ID)?.topicIds).toEqual([]);
    expect(forum.boards.get(EMPTY_BOARD_ID)?.lastPost).toBeNull();
    expect(forum.boards.get(RESTRICTED_BOARD_ID)?.restricted).toBe(true);
  });
});

describe("a moved-topic notice's target", () => {
  const notice = topic(MOVED_NOTICE_TOPIC_ID);
  const movedId = notice.movedToTopicId ?? 0;

  it('is named with its title and board', () => {
    expect(movedToJson(forum, notice)).toEqual({ id: movedId, title: topic(movedId).title, boardId: CRYPTO_BOARD_ID });
    expect(movedToJson(forum, topic(SEED_TOPIC_ID))).toBeNull();
  });

  it('is null once the topic is gone: the notice is then just a notice', () => {
    const topics = new Map(forum.topics);
    topics.delete(movedId);
    expect(movedToJson({ ...forum, topics }, notice)).toBeNull();
  });

  it('is null when the topic is in a board the reader may not open, so its title does not leak', () => {
    const topics = new Map(forum.topics);
    topics.set(movedId, { ...topic(movedId), boardId: RESTRICTED_BOARD_ID });
    expect(movedToJson({ ...forum, topics }, notice)).toBeNull();
  });
});

describe('counts', () => {
  it('match the data on every board: topics, posts and the newest post', () => {
    for (const board of forum.boards.values()) {
      const own = [...forum.topics.values()].filter((t) => t.boardId === board.id);
      expect(new Set(board.topicIds)).toEqual(new Set(own.map((t) => t.id)));
      expect(board.postCount).toBe(own.reduce((n, t) => n + t.postCount, 0));
      const newest = own.map((t) => t.postAt(t.postCount)).sort((a, b) => b.postedAt - a.postedAt)[0] ?? null;
      expect(board.lastPost?.id ?? null).toBe(newest?.id ?? null);
    }
  });

  it('count the huge topic as 10,000 posts', () => {
    const huge = topic(HUGE_TOPIC_ID);
    expect(huge.postCount).toBe(10_000);
    const board = forum.boards.get(huge.boardId);
    expect(board?.postCount).toBeGreaterThan(10_000);
    const summary = forumIndex(forum, BASE).categories.flatMap((c) => c.boards).find((b) => b.id === huge.boardId);
    expect(summary?.postCount).toBe(board?.postCount);
  });

  it('give every member the number of posts they wrote', () => {
    const counted = new Map<number, number>();
    for (const t of forum.topics.values()) {
      for (let n = 1; n <= t.postCount; n++) {
        const id = t.authorOf(n).memberId;
        if (id !== null) counted.set(id, (counted.get(id) ?? 0) + 1);
      }
    }
    for (const member of forum.members.values()) expect(member.postCount).toBe(counted.get(member.id) ?? 0);
  });
});

describe('ids', () => {
  it('are unique, and every stored post is found by its id', () => {
    const seen = new Set<number>();
    for (const t of forum.topics.values()) {
      if (t.id === HUGE_TOPIC_ID) continue;
      for (const post of posts(t)) {
        expect(seen.has(post.id)).toBe(false);
        seen.add(post.id);
        expect(forum.findPost(post.id)).toBe(post);
        expect(post.topicId).toBe(t.id);
      }
    }
  });

  it('rise with time inside a topic', () => {
    for (const t of forum.topics.values()) {
      if (t.id === HUGE_TOPIC_ID) continue;
      const list = posts(t);
      list.slice(1).forEach((p, i) => {
        const before = list[i] as DbPost;
        expect(p.id).toBeGreaterThan(before.id);
        expect(p.postedAt).toBeGreaterThanOrEqual(before.postedAt);
      });
    }
  });

  it('map huge-topic posts to and from their number', () => {
    const post = forum.findPost(hugePostId(5_000));
    expect(post).toMatchObject({ id: 1_005_000, topicId: HUGE_TOPIC_ID, number: 5_000 });
    expect(forum.findPost(1_000_000)).toBeUndefined();
    expect(forum.findPost(1_010_001)).toBeUndefined();
    expect(topic(HUGE_TOPIC_ID).postAt(10_000).id).toBe(1_010_000);
  });

  it('resolve quote links of generated threads to earlier posts of the same topic', () => {
    const links = [...forum.topics.values()]
      .filter((t) => t.id !== HUGE_TOPIC_ID)
      .flatMap(posts)
      .flatMap((p) => [...p.body.matchAll(/link=msg=(\d+) date=(\d+)\]/g)].map((m) => ({ p, id: Number(m[1]), date: Number(m[2]) })));
    expect(links.length).toBeGreaterThan(10);
    // No placeholder from generation may survive into a body.
    expect([...forum.topics.values()].filter((t) => t.id !== HUGE_TOPIC_ID).flatMap(posts).some((p) => p.body.includes('⟦'))).toBe(false);
    for (const { p, id, date } of links) {
      const quoted = forum.findPost(id);
      expect(quoted).toBeDefined();
      if (!quoted) continue;
      expect(quoted.postedAt).toBeLessThanOrEqual(p.postedAt);
      expect(Math.floor(quoted.postedAt / 1000)).toBe(date);
    }
  });
});

describe('determinism', () => {
  it('builds the same forum twice', () => {
    const again = buildForum();
    expect(forumIndex(again, BASE)).toEqual(forumIndex(forum, BASE));
    for (const id of [BUSY_BOARD_ID, SEED_BOARD_ID, CHILD_BOARD_ID, GRANDCHILD_BOARD_ID]) {
      expect(boardPage(again, id, 1, BASE)).toEqual(boardPage(forum, id, 1, BASE));
    }
    for (const [id, page] of [[HUGE_TOPIC_ID, 1], [HUGE_TOPIC_ID, 400], [HUGE_TOPIC_ID, 667], [MULTI_PAGE_TOPIC_ID, 3], [SHOWCASE_TOPIC_ID, 2]] as const) {
      expect(topicPage(again, id, { page }, BASE)).toEqual(topicPage(forum, id, { page }, BASE));
    }
    expect([...again.members.values()]).toEqual([...forum.members.values()]);
  });

  it('computes a huge-topic post the same way every time', () => {
    const t = topic(HUGE_TOPIC_ID);
    expect(t.postAt(7_777)).toEqual(t.postAt(7_777));
  });
});

describe('the huge topic', () => {
  const t = topic(HUGE_TOPIC_ID);
  const all = posts(t);

  it('is in time order from the first post to the last', () => {
    all.slice(1).forEach((p, i) => expect(p.postedAt).toBeGreaterThan((all[i] as DbPost).postedAt));
  });

  it('has guests, deleted members, members with and without avatars, and edits', () => {
    expect(all.some((p) => p.author.memberId === null && p.author.guest)).toBe(true);
    expect(all.some((p) => p.author.memberId === null && !p.author.guest)).toBe(true);
    const members = all.flatMap((p) => (p.author.memberId === null ? [] : [forum.members.get(p.author.memberId)]));
    expect(members.some((m) => m?.hasAvatar)).toBe(true);
    expect(members.some((m) => m && !m.hasAvatar)).toBe(true);
    expect(members.some((m) => m?.customTitle)).toBe(true);
    const edited = all.filter((p) => p.editedAt !== undefined);
    expect(edited.length).toBeGreaterThan(100);
    for (const p of edited) expect(p.editedAt).toBeGreaterThan(p.postedAt);
    expect(edited.every((p) => typeof p.editedBy === 'string')).toBe(true);
  });

  it('has short and long posts, other scripts, emoji, unbreakable words and BBCode', () => {
    const bodies = all.map((p) => p.body);
    expect(bodies.some((b) => b.length < 10)).toBe(true);
    expect(bodies.some((b) => b.split('\n\n').length >= 5)).toBe(true);
    expect(bodies.some((b) => /[\u0600-\u06ff]/.test(b))).toBe(true); // Arabic
    expect(bodies.some((b) => /[\u0590-\u05ff]/.test(b))).toBe(true); // Hebrew
    expect(bodies.some((b) => /[\u4e00-\u9fff]/.test(b))).toBe(true); // Chinese
    expect(bodies.some((b) => /\p{Extended_Pictographic}/u.test(b))).toBe(true);
    expect(bodies.some((b) => /\S{150,}/.test(b.replace(/https?:\/\/\S+/g, '')))).toBe(true);
    expect(bodies.some((b) => /https:\/\/\S{200,}/.test(b))).toBe(true);
    for (const tag of ['[b]', '[i]', '[url=', '[list]', '[code]', '[quote author=']) {
      expect(bodies.some((b) => b.includes(tag))).toBe(true);
    }
  });

  it('quotes earlier posts with their real author, id and time', () => {
    const quoting = all.filter((p) => p.body.startsWith('[quote author='));
    expect(quoting.length).toBeGreaterThan(500);
    for (const p of quoting.slice(0, 200)) {
      const m = /^\[quote author=(.+?) link=msg=(\d+) date=(\d+)\]/.exec(p.body);
      const quoted = forum.findPost(Number(m?.[2]));
      expect(quoted?.author.name).toBe(m?.[1]);
      expect(Math.floor((quoted?.postedAt ?? 0) / 1000)).toBe(Number(m?.[3]));
      expect(quoted?.number).toBeLessThan(p.number);
    }
  });

  it('has attachments that map back to their post by id', () => {
    const withFiles = all.filter((p) => p.attachments.length > 0);
    expect(withFiles.length).toBeGreaterThan(50);
    expect(t.hasAttachments).toBe(true);
    for (const p of withFiles.slice(0, 20)) {
      const a = p.attachments[0];
      expect(forum.findAttachment(a?.id ?? 0)?.post.id).toBe(p.id);
    }
  });
});

describe('the hand-made test topics', () => {
  it('showcase every SMF 2.1 tag over more than one page', () => {
    const list = posts(topic(SHOWCASE_TOPIC_ID));
    expect(list.length).toBeGreaterThanOrEqual(16);
    expect(new Set(list.map((p) => p.subject)).size).toBe(list.length);
    const text = list.map((p) => p.body).join('\n');
    const tags = [
      '[b]', '[i]', '[u]', '[s]', '[sub]', '[sup]', '[color=red]', '[color=#', '[size=', '[font=', '[center]', '[left]',
      '[right]', '[justify]', '[ltr]', '[rtl]', '[hr]', '[br]', '[me=', '[nobbc]', '[pre]', '[code]', '[code=php]',
      '[quote]', '[quote=', '[quote author=', '[list]', '[li]', '[*]', '[list type=decimal]', '[table]', '[tr]', '[td]',
      '[url]', '[url=', '[iurl=', '[email]', '[img]', '[img width=200 height=100 alt=', '[attach id=', '[youtube]',
      ':)', ';)', ':D', ';D', '>:(', ':(', ':o', '8)', '???', '::)', ':P', ':-[', ':-X', ':-\\', ':-*', ":'(",
      'https://www.example.com/markets', '[foo]', '[b]An unclosed',
    ];
    for (const tag of tags) expect(text, tag).toContain(tag);
    expect(text).toMatch(/(\[quote[^\]]*\][\s\S]*?){5}Level 5/);
  });

  it('hold the hostile strings', () => {
    const text = posts(topic(HOSTILE_TOPIC_ID)).map((p) => `${p.subject}\n${p.author.name}\n${p.body}`).join('\n');
    for (const s of [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '[url=javascript:alert(1)]click[/url]',
      '[img]javascript:alert(1)[/img]',
      '[url=data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==]x[/url]',
      '[iframe srcdoc="<script>alert(1)</script>"][/iframe]',
      '[color=red;position:fixed;top:0]x[/color]',
      ' JaVaScRiPt:alert(1)',
      '&#106;avascript:',
    ]) {
      expect(text, s).toContain(s);
    }
  });

  it('cover every attachment state', () => {
    const list = posts(topic(ATTACHMENTS_TOPIC_ID));
    const attachments = list.flatMap((p) => p.attachments);
    const states = new Set(attachments.map((a) => a.state));
    expect(states).toEqual(new Set(['available', 'pending', 'restricted', 'deleted', 'quarantined']));
    expect(attachments.some((a) => a.state === 'available' && a.width === undefined && a.sizeBytes && a.mimeType === 'application/pdf')).toBe(true);
    expect(attachments.some((a) => a.mimeType === 'application/zip')).toBe(true);
    expect(attachments.some((a) => a.state === 'available' && a.width && a.height && a.thumbnail)).toBe(true);
    expect(attachments.some((a) => a.broken)).toBe(true);
    // An [attach] tag naming an attachment that no post lists.
    const body = list.map((p) => p.body).join('\n');
    expect(body).toContain(`[attach id=${ATTACHMENT_IDS.unlisted}]`);
    expect(forum.findAttachment(ATTACHMENT_IDS.unlisted)).toBeUndefined();
  });
});
