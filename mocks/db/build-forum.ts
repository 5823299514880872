// Assembles the whole mock forum: members, hand-made topics, generated topics,
// the on-demand huge topic, then the derived numbers (board totals, last posts,
// member post counts) so that every count the API reports matches the data.
import { buildAttachmentsTopic } from './attachments-topic';
import { handMadeTopic, storedTopic } from './hand-made';
import { buildHostileTopic } from './hostile-topic';
import { createHugeTopic, hugeAttachment } from './huge-topic';
import {
  ADMIN_MEMBER_ID, CRYPTO_BOARD_ID, DEV_SUNDAY_MEMBER_ID, ENTREPRENEURS_BOARD_ID, FIRST_GENERATED_ATTACHMENT_ID, FIRST_GENERATED_POST_ID,
  FIRST_GENERATED_TOPIC_ID, HUGE_POST_ID_BASE, HUGE_TOPIC_ID, HUGE_TOPIC_POST_COUNT, MULTI_PAGE_TOPIC_ID,
  SEED_BOARD_ID, SEED_TOPIC_ID, handMadePostId,
} from './ids';
import { buildMembers } from './members';
import { buildMovedNotice } from './moved-notice';
import { MSG_REF, generateTopic } from './ordinary-topics';
import type { DraftTopic } from './ordinary-topics';
import { pinnedTopic } from './pinned-topics';
import { SEED_ATTACHMENT, SEED_BODY, SEED_POSTED_AT, SEED_TITLE } from './seed-topic';
import { buildShowcaseTopic } from './showcase-topic';
import { BOARDS, CATEGORIES, FORUM_DESCRIPTION, FORUM_NAME } from './structure';
import type { DbAttachment, DbBoard, DbCategory, DbPost, DbTopic, Member } from './types';

export interface Forum {
  name: string;
  description: string;
  categories: readonly DbCategory[];
  boards: ReadonlyMap<number, DbBoard>;
  topics: ReadonlyMap<number, DbTopic>;
  members: ReadonlyMap<number, Member>;
  /** Any post by id, the huge topic's included (computed on demand). */
  findPost(id: number): DbPost | undefined;
  findAttachment(id: number): { attachment: DbAttachment; post: DbPost } | undefined;
  /** The topic a board listing or a post belongs to, and the board above it. */
  boardOf(topic: DbTopic): DbBoard;
}

let shared: Forum | undefined;

/**
 * The forum every handler set in this process answers from. Built on first use
 * (about 60 ms), so importing the handlers stays cheap; shared so the search
 * index is built once even when the MSW server and the HTTP server both run.
 */
export function sharedForum(): Forum {
  shared ??= buildForum();
  return shared;
}

export function buildForum(): Forum {
  const memberList = buildMembers();
  const members = new Map(memberList.map((m) => [m.id, m]));

  const topics = new Map<number, DbTopic>();
  const add = (topic: DbTopic): void => {
    if (topics.has(topic.id)) throw new Error(`duplicate topic id ${String(topic.id)}`);
    topics.set(topic.id, topic);
  };

  add(buildSeedTopic());
  add(buildShowcaseTopic());
  add(buildHostileTopic());
  add(buildAttachmentsTopic());
  const huge = createHugeTopic(memberList);
  add(huge);
  add(buildMultiPageTopic(memberList));
  for (const topic of buildGeneratedTopics(memberList)) add(topic);
  add(buildNoticeOfMove(topics));

  const boards = buildBoards(topics);
  const categories = CATEGORIES.map((c): DbCategory => ({
    id: c.id,
    name: c.name,
    boardIds: BOARDS.filter((b) => b.categoryId === c.id && b.parentId === null).map((b) => b.id),
  }));

  countMemberPosts(members, topics);

  // Stored posts and attachments are indexed once; the huge topic's are computed from the id.
  const posts = new Map<number, DbPost>();
  const attachments = new Map<number, { attachment: DbAttachment; post: DbPost }>();
  for (const topic of topics.values()) {
    if (topic.id === HUGE_TOPIC_ID) continue;
    for (let n = 1; n <= topic.postCount; n++) {
      const post = topic.postAt(n);
      if (posts.has(post.id)) throw new Error(`duplicate post id ${String(post.id)}`);
      posts.set(post.id, post);
      for (const attachment of post.attachments) {
        if (attachments.has(attachment.id)) throw new Error(`duplicate attachment id ${String(attachment.id)}`);
        attachments.set(attachment.id, { attachment, post });
      }
    }
  }

  return {
    name: FORUM_NAME,
    description: FORUM_DESCRIPTION,
    categories,
    boards,
    topics,
    members,
    findPost(id) {
      const number = id - HUGE_POST_ID_BASE;
      if (Number.isInteger(number) && number >= 1 && number <= HUGE_TOPIC_POST_COUNT) return huge.postAt(number);
      return posts.get(id);
    },
    findAttachment(id) {
      const stored = attachments.get(id);
      if (stored) return stored;
      return hugeAttachment(huge, id);
    },
    boardOf(topic) {
      const board = boards.get(topic.boardId);
      if (!board) throw new Error(`topic ${String(topic.id)} is in unknown board ${String(topic.boardId)}`);
      return board;
    },
  };
}

/**
 * The Lounge's moved-topic notice. The moved topic is a generated one: the oldest in
 * Crypto and alternatives, posted in the Lounge first (as the story goes) and moved.
 */
function buildNoticeOfMove(topics: ReadonlyMap<number, DbTopic>): DbTopic {
  const moved = [...topics.values()].filter((t) => t.boardId === CRYPTO_BOARD_ID).sort((a, b) => a.id - b.id)[0];
  const board = BOARDS.find((b) => b.id === CRYPTO_BOARD_ID);
  if (!moved || !board) throw new Error('the moved-topic notice needs a topic in Crypto and alternatives');
  return buildMovedNotice(moved, board);
}

function buildSeedTopic(): DbTopic {
  return handMadeTopic(
    { id: SEED_TOPIC_ID, boardId: SEED_BOARD_ID, title: SEED_TITLE, viewCount: 1_284 },
    [
      {
        author: { memberId: DEV_SUNDAY_MEMBER_ID, name: 'Dev Sunday' },
        postedAt: SEED_POSTED_AT,
        body: SEED_BODY,
        attachments: [SEED_ATTACHMENT],
      },
    ],
  );
}

/** An ordinary discussion long enough for three pages, at a fixed id. */
function buildMultiPageTopic(members: readonly Member[]): DbTopic {
  const draft = generateTopic(
    {
      boardId: ENTREPRENEURS_BOARD_ID,
      theme: 'startups',
      seedName: 'multi-page',
      startWindow: [Date.UTC(2023, 4, 2), Date.UTC(2023, 4, 3)],
      postCount: 41,
      title: 'Bootstrapping vs raising: a year later',
    },
    members,
  );
  const ids = draft.posts.map((_, i) => handMadePostId(MULTI_PAGE_TOPIC_ID, i + 1));
  // Hand-made topics number their attachments topicId * 100 + k.
  let next = MULTI_PAGE_TOPIC_ID * 100 + 1;
  return toTopic(MULTI_PAGE_TOPIC_ID, draft, ids, () => next++);
}

const USUAL_STARTERS = {
  admin: { memberId: ADMIN_MEMBER_ID, name: 'Bosman' },
  'news-desk': { memberId: DEV_SUNDAY_MEMBER_ID, name: 'Dev Sunday' },
} as const;

/**
 * Generates every board's ordinary topics, then hands out ids in time order:
 * topics by their first post, posts and attachments by when they were posted,
 * as SMF's auto-increment columns would have.
 */
function buildGeneratedTopics(members: readonly Member[]): DbTopic[] {
  const drafts: DraftTopic[] = [];
  // Two topics with one title in one board would look like a bug; titles are kept unique per board.
  const titles = new Map<number, Set<string>>();
  const titlesByBoard = (boardId: number): Set<string> => {
    let set = titles.get(boardId);
    if (!set) titles.set(boardId, (set = new Set([SEED_TITLE, 'Bootstrapping vs raising: a year later'])));
    return set;
  };
  for (const spec of BOARDS) {
    for (let index = 0; index < spec.generated; index++) {
      const pinned = pinnedTopic(spec.id, index);
      const draft = generateTopic(
        {
          boardId: spec.id,
          theme: spec.theme,
          seedName: `${String(spec.id)}-${String(index)}`,
          startWindow: spec.window,
          ...(pinned?.title !== undefined && { title: pinned.title }),
          ...(pinned?.postCount !== undefined && { postCount: pinned.postCount }),
          ...(pinned?.body !== undefined && { openingBody: pinned.body }),
          ...(spec.usualStarter && { usualStarter: USUAL_STARTERS[spec.usualStarter] }),
          avoidTitles: titlesByBoard(spec.id),
        },
        members,
      );
      draft.sticky = pinned?.sticky ?? false;
      draft.locked = pinned?.locked ?? false;
      drafts.push(draft);
    }
  }

  const byStart = drafts
    .map((draft, order) => ({ draft, order }))
    .sort((a, b) => firstTime(a.draft) - firstTime(b.draft) || a.order - b.order);

  const allPosts = byStart.flatMap(({ draft }, t) => draft.posts.map((post, index) => ({ post, t, index })));
  allPosts.sort((a, b) => a.post.postedAt - b.post.postedAt || a.t - b.t || a.index - b.index);
  const postIds = byStart.map(({ draft }) => new Array<number>(draft.posts.length).fill(0));
  allPosts.forEach(({ t, index }, i) => {
    const row = postIds[t];
    if (row) row[index] = FIRST_GENERATED_POST_ID + i;
  });

  // Attachment ids follow post ids, so they too rise with time.
  let nextAttachmentId = FIRST_GENERATED_ATTACHMENT_ID;
  const attachmentIds = byStart.map(({ draft }) => draft.posts.map((p) => p.attachments.map(() => 0)));
  for (const { post, t, index } of allPosts) {
    const row = attachmentIds[t]?.[index];
    if (row) post.attachments.forEach((_, a) => (row[a] = nextAttachmentId++));
  }

  return byStart.map(({ draft }, t) => {
    const ids = postIds[t] ?? [];
    const queue = (attachmentIds[t] ?? []).flat();
    // toTopic asks for attachment ids in post order, the order `queue` holds them in.
    return toTopic(FIRST_GENERATED_TOPIC_ID + t, draft, ids, () => {
      const id = queue.shift();
      if (id === undefined) throw new Error('attachment id missing');
      return id;
    });
  });
}

function firstTime(draft: DraftTopic): number {
  return draft.posts[0]?.postedAt ?? 0;
}

function toTopic(id: number, draft: DraftTopic, postIds: readonly number[], nextAttachmentId: () => number): DbTopic {
  const posts = draft.posts.map((p, i): DbPost => {
    const postId = postIds[i];
    if (postId === undefined) throw new Error('post id missing');
    const post: DbPost = {
      id: postId,
      topicId: id,
      number: i + 1,
      subject: i === 0 ? draft.title : `Re: ${draft.title}`,
      author: p.author,
      postedAt: p.postedAt,
      body: p.body.replace(MSG_REF, (_, n: string) => String(postIds[Number(n) - 1] ?? 0)),
      attachments: p.attachments.map((a) => ({ ...a, id: nextAttachmentId() })),
    };
    if (p.editedAt !== undefined) post.editedAt = p.editedAt;
    if (p.editedBy !== undefined) post.editedBy = p.editedBy;
    return post;
  });
  return storedTopic({ id, boardId: draft.boardId, title: draft.title, sticky: draft.sticky, locked: draft.locked, viewCount: draft.viewCount }, posts);
}

function lastPostOf(topic: DbTopic): DbPost {
  return topic.postAt(topic.postCount);
}

/**
 * SMF's listing order (MessageIndex: `is_sticky DESC, id_last_msg DESC`): sticky first,
 * then by the id of the last post, highest first. Ids, not times: a post's id is handed
 * out when it is written, so a topic edited or imported with an old date stays where its
 * id puts it. The topic id breaks ties, as it does in SMF's index.
 */
export function compareTopics(a: DbTopic, b: DbTopic): number {
  if (a.sticky !== b.sticky) return a.sticky ? -1 : 1;
  return lastPostOf(b).id - lastPostOf(a).id || b.id - a.id;
}

function buildBoards(topics: ReadonlyMap<number, DbTopic>): Map<number, DbBoard> {
  const boards = new Map<number, DbBoard>();
  for (const spec of BOARDS) {
    const own = [...topics.values()].filter((t) => t.boardId === spec.id).sort(compareTopics);
    const childIds = BOARDS.filter((b) => b.parentId === spec.id).map((b) => b.id);
    // The contract: a redirect board answers no topics and no child boards.
    if (spec.redirectUrl !== undefined && (own.length > 0 || childIds.length > 0)) {
      throw new Error(`redirect board ${String(spec.id)} must have no topics and no child boards`);
    }
    let lastPost: DbPost | null = null;
    for (const topic of own) {
      const last = lastPostOf(topic);
      if (!lastPost || last.postedAt > lastPost.postedAt) lastPost = last;
    }
    boards.set(spec.id, {
      id: spec.id,
      categoryId: spec.categoryId,
      parentId: spec.parentId,
      name: spec.name,
      description: spec.description,
      childIds,
      topicIds: own.map((t) => t.id),
      redirectUrl: spec.redirectUrl ?? null,
      restricted: spec.restricted ?? false,
      postCount: own.reduce((sum, t) => sum + t.postCount, 0),
      lastPost,
    });
  }
  for (const topic of topics.values()) {
    if (!boards.has(topic.boardId)) throw new Error(`topic ${String(topic.id)} in unknown board`);
  }
  return boards;
}

/** Post counts shown under names are the member's posts in this data, exactly. */
function countMemberPosts(members: ReadonlyMap<number, Member>, topics: ReadonlyMap<number, DbTopic>): void {
  for (const topic of topics.values()) {
    for (let n = 1; n <= topic.postCount; n++) {
      const id = topic.authorOf(n).memberId;
      const member = id === null ? undefined : members.get(id);
      if (member) member.postCount++;
    }
  }
}
