// Storage records → the contract's JSON shapes. Urls (avatars, attachments) start
// with the API base the handlers pass in: root-relative (`/api`, see apiBaseOf), so
// they resolve against the page's origin in the service worker, in jsdom and behind
// the loopback HTTP server alike, and no request header can point them elsewhere.
import type {
  Attachment, Author, BoardSummary, Crumb, LastPost, MovedTo, Page, Post, TopicSummary,
} from '../../src/lib/api/schemas';
import type { Forum } from './build-forum';
import { memberGroup } from './members';
import { isoTime } from './time';
import type { DbAttachment, DbAuthor, DbBoard, DbPost, DbTopic } from './types';

/** Where the API's files live for this request, e.g. `/api` (tests may pass an absolute base). */
export type ApiBase = string;

export function authorJson(forum: Forum, author: DbAuthor, base: ApiBase): Author {
  const member = author.memberId === null ? undefined : forum.members.get(author.memberId);
  if (!member) {
    // Guests and deleted members: SMF shows the name it stored, and "Guest" for guests.
    return { id: null, name: author.name, title: author.guest ? 'Guest' : null, avatarUrl: null, postCount: null };
  }
  return {
    id: member.id,
    name: member.name,
    title: member.customTitle ?? memberGroup(member.postCount),
    avatarUrl: member.hasAvatar ? `${base}/avatars/${String(member.id)}` : null,
    postCount: member.postCount,
  };
}

export function isImage(a: DbAttachment): boolean {
  return a.width !== undefined && a.height !== undefined;
}

export function attachmentJson(a: DbAttachment, base: ApiBase): Attachment {
  const available = a.state === 'available';
  const url = `${base}/attachments/${String(a.id)}`;
  return {
    id: a.id,
    name: a.name,
    state: a.state,
    sizeBytes: a.sizeBytes ?? null,
    mimeType: a.mimeType ?? null,
    // Only available attachments have a url, as the contract says.
    url: available ? url : null,
    thumbnailUrl: available && isImage(a) && a.thumbnail ? `${url}/thumbnail` : null,
    width: a.width ?? null,
    height: a.height ?? null,
    downloads: a.downloads ?? null,
  };
}

export function postJson(forum: Forum, post: DbPost, base: ApiBase): Post {
  return {
    id: post.id,
    number: post.number,
    subject: post.subject,
    author: authorJson(forum, post.author, base),
    postedAt: isoTime(post.postedAt),
    editedAt: post.editedAt === undefined ? null : isoTime(post.editedAt),
    editedBy: post.editedBy ?? null,
    body: post.body,
    attachments: post.attachments.map((a) => attachmentJson(a, base)),
  };
}

export function lastPostJson(forum: Forum, topic: DbTopic, post: DbPost, base: ApiBase): LastPost {
  return {
    topicId: topic.id,
    topicTitle: topic.title,
    postId: post.id,
    author: authorJson(forum, post.author, base),
    postedAt: isoTime(post.postedAt),
  };
}

/**
 * Where a moved-topic notice's topic lives now. Null for ordinary topics, and for a
 * notice whose topic is gone or in a board this reader may not open: the notice must not
 * leak a hidden topic's title, and is then just a notice.
 */
export function movedToJson(forum: Forum, topic: DbTopic): MovedTo | null {
  if (topic.movedToTopicId === null) return null;
  const target = forum.topics.get(topic.movedToTopicId);
  if (!target || forum.boardOf(target).restricted) return null;
  return { id: target.id, title: target.title, boardId: target.boardId };
}

export function topicSummaryJson(forum: Forum, topic: DbTopic, base: ApiBase): TopicSummary {
  const first = topic.postAt(1);
  return {
    id: topic.id,
    title: topic.title,
    starter: authorJson(forum, first.author, base),
    startedAt: isoTime(first.postedAt),
    replyCount: topic.postCount - 1,
    viewCount: topic.viewCount,
    sticky: topic.sticky,
    locked: topic.locked,
    hasAttachments: topic.hasAttachments,
    movedTo: movedToJson(forum, topic),
    lastPost: lastPostJson(forum, topic, topic.postAt(topic.postCount), base),
  };
}

export function boardSummaryJson(forum: Forum, board: DbBoard, base: ApiBase): BoardSummary {
  const last = board.lastPost;
  const lastTopic = last ? forum.topics.get(last.topicId) : undefined;
  return {
    id: board.id,
    name: board.name,
    description: board.description,
    redirectUrl: board.redirectUrl,
    topicCount: board.topicIds.length,
    postCount: board.postCount,
    lastPost: last && lastTopic ? lastPostJson(forum, lastTopic, last, base) : null,
    children: board.childIds.flatMap((id) => {
      const child = forum.boards.get(id);
      return child ? [boardSummaryJson(forum, child, base)] : [];
    }),
  };
}

/** forum → category → parent boards… → this board. */
export function boardCrumbs(forum: Forum, board: DbBoard): Crumb[] {
  const chain: DbBoard[] = [];
  for (let b: DbBoard | undefined = board; b; b = b.parentId === null ? undefined : forum.boards.get(b.parentId)) {
    chain.unshift(b);
  }
  const category = forum.categories.find((c) => c.id === board.categoryId);
  return [
    { kind: 'forum', id: null, name: forum.name },
    ...(category ? [{ kind: 'category' as const, id: category.id, name: category.name }] : []),
    ...chain.map((b) => ({ kind: 'board' as const, id: b.id, name: b.name })),
  ];
}

export function topicCrumbs(forum: Forum, topic: DbTopic): Crumb[] {
  return [...boardCrumbs(forum, forum.boardOf(topic)), { kind: 'topic', id: topic.id, name: topic.title }];
}

export function pageJson(number: number, size: number, totalItems: number): Page {
  return { number, size, totalPages: totalPagesFor(totalItems, size), totalItems };
}

/** An empty list still has one (empty) page, so page 1 is always valid. */
export function totalPagesFor(totalItems: number, size: number): number {
  return Math.max(1, Math.ceil(totalItems / size));
}
