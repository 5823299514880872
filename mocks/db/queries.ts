// What each endpoint answers, as plain functions over the forum: the MSW
// handlers only parse the request and turn a Result into a Response. Keeping
// the logic here lets tests and other tools use it without HTTP.
import type {
  BoardResponse, ForumResponse, PostResponse, TopicResponse,
} from '../../src/lib/api/schemas';
import type { Forum } from './build-forum';
import {
  boardCrumbs, boardSummaryJson, pageJson, postJson, topicCrumbs, topicSummaryJson, totalPagesFor,
} from './serialize';
import type { ApiBase } from './serialize';
import type { DbBoard, DbPost, DbTopic } from './types';

/** SMF's defaults, fixed by the contract. */
export const TOPICS_PER_PAGE = 20;
export const POSTS_PER_PAGE = 15;

export type Failure = { ok: false; status: 400 | 403 | 404; code: string; message: string };
export type Result<T> = { ok: true; value: T } | Failure;

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const notFound = (message: string): Failure => ({ ok: false, status: 404, code: 'not_found', message });
export const badRequest = (message: string): Failure => ({ ok: false, status: 400, code: 'bad_request', message });
export const forbidden = (message: string): Failure => ({ ok: false, status: 403, code: 'forbidden', message });

export function forumIndex(forum: Forum, base: ApiBase): ForumResponse {
  return {
    forum: { name: forum.name, description: forum.description },
    categories: forum.categories.map((c) => ({
      id: c.id,
      name: c.name,
      boards: c.boardIds.flatMap((id) => {
        const board = forum.boards.get(id);
        return board ? [boardSummaryJson(forum, board, base)] : [];
      }),
    })),
  };
}

function readableBoard(forum: Forum, boardId: number): Result<DbBoard> {
  const board = forum.boards.get(boardId);
  if (!board) return notFound(`There is no board ${String(boardId)}.`);
  if (board.restricted) return forbidden('You are not allowed to access this board.');
  return ok(board);
}

function readableTopic(forum: Forum, topicId: number): Result<DbTopic> {
  const topic = forum.topics.get(topicId);
  if (!topic) return notFound(`There is no topic ${String(topicId)}.`);
  const board = readableBoard(forum, topic.boardId);
  if (!board.ok) return board.status === 403 ? forbidden('You are not allowed to read this topic.') : board;
  return ok(topic);
}

function pastLastPage(page: number, totalPages: number): Failure {
  return notFound(`Page ${String(page)} does not exist; the last page is ${String(totalPages)}.`);
}

export function boardPage(forum: Forum, boardId: number, page: number, base: ApiBase): Result<BoardResponse> {
  const found = readableBoard(forum, boardId);
  if (!found.ok) return found;
  const board = found.value;
  const totalItems = board.topicIds.length;
  const totalPages = totalPagesFor(totalItems, TOPICS_PER_PAGE);
  if (page > totalPages) return pastLastPage(page, totalPages);
  const ids = board.topicIds.slice((page - 1) * TOPICS_PER_PAGE, page * TOPICS_PER_PAGE);
  return ok({
    board: {
      id: board.id,
      name: board.name,
      description: board.description,
      redirectUrl: board.redirectUrl,
      topicCount: totalItems,
      postCount: board.postCount,
    },
    breadcrumb: boardCrumbs(forum, board),
    children: board.childIds.flatMap((id) => {
      const child = forum.boards.get(id);
      return child ? [boardSummaryJson(forum, child, base)] : [];
    }),
    topics: ids.flatMap((id) => {
      const topic = forum.topics.get(id);
      return topic ? [topicSummaryJson(forum, topic, base)] : [];
    }),
    page: pageJson(page, TOPICS_PER_PAGE, totalItems),
  });
}

export function pageOfPost(post: DbPost): number {
  return Math.ceil(post.number / POSTS_PER_PAGE);
}

/** `at` is either a page number or the id of a post whose page is wanted. */
export function topicPage(
  forum: Forum,
  topicId: number,
  at: { page: number } | { post: number },
  base: ApiBase,
): Result<TopicResponse> {
  const found = readableTopic(forum, topicId);
  if (!found.ok) return found;
  const topic = found.value;
  let page: number;
  if ('post' in at) {
    const post = forum.findPost(at.post);
    if (!post || post.topicId !== topic.id) return notFound(`Topic ${String(topicId)} has no post ${String(at.post)}.`);
    page = pageOfPost(post);
  } else {
    page = at.page;
  }
  const totalPages = totalPagesFor(topic.postCount, POSTS_PER_PAGE);
  if (page > totalPages) return pastLastPage(page, totalPages);

  // Only this page's posts are built: O(page size) even for the 10,000-post topic.
  const posts: DbPost[] = [];
  const last = Math.min(topic.postCount, page * POSTS_PER_PAGE);
  for (let n = (page - 1) * POSTS_PER_PAGE + 1; n <= last; n++) posts.push(topic.postAt(n));

  const summary = topicSummaryJson(forum, topic, base);
  return ok({
    topic: {
      id: topic.id,
      title: topic.title,
      boardId: topic.boardId,
      starter: summary.starter,
      startedAt: summary.startedAt,
      replyCount: summary.replyCount,
      viewCount: topic.viewCount,
      sticky: topic.sticky,
      locked: topic.locked,
      movedTo: summary.movedTo,
    },
    breadcrumb: topicCrumbs(forum, topic),
    posts: posts.map((p) => postJson(forum, p, base)),
    page: pageJson(page, POSTS_PER_PAGE, topic.postCount),
  });
}

export function postLocation(forum: Forum, postId: number, base: ApiBase): Result<PostResponse> {
  const post = forum.findPost(postId);
  if (!post) return notFound(`There is no post ${String(postId)}.`);
  const found = readableTopic(forum, post.topicId);
  if (!found.ok) return found;
  return ok({
    post: postJson(forum, post, base),
    topic: { id: found.value.id, title: found.value.title },
    page: pageOfPost(post),
  });
}
