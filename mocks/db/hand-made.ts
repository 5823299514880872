// Helpers for the hand-written topics (seed, showcase, hostile, attachments):
// their posts are listed literally and get ids `topicId * 1000 + number`.
import { handMadePostId } from './ids';
import type { DbAttachment, DbAuthor, DbPost, DbTopic } from './types';

export interface HandPost {
  author: DbAuthor;
  postedAt: number;
  /** Defaults to the title for the first post and "Re: title" after it, as SMF does. */
  subject?: string;
  body: string;
  attachments?: DbAttachment[];
  editedAt?: number;
  editedBy?: string;
}

export interface HandTopicMeta {
  id: number;
  boardId: number;
  title: string;
  sticky?: boolean;
  locked?: boolean;
  viewCount: number;
  /** A moved-topic notice: the id of the topic it points at. */
  movedToTopicId?: number;
}

export function storedTopic(meta: HandTopicMeta, posts: readonly DbPost[]): DbTopic {
  if (posts.length === 0) throw new Error(`topic ${String(meta.id)} has no posts`);
  const postAt = (number: number): DbPost => {
    const post = posts[number - 1];
    if (!post) throw new RangeError(`topic ${String(meta.id)} has no post ${String(number)}`);
    return post;
  };
  return {
    id: meta.id,
    boardId: meta.boardId,
    title: meta.title,
    sticky: meta.sticky ?? false,
    locked: meta.locked ?? false,
    viewCount: meta.viewCount,
    postCount: posts.length,
    postAt,
    authorOf: (number) => postAt(number).author,
    hasAttachments: posts.some((p) => p.attachments.length > 0),
    movedToTopicId: meta.movedToTopicId ?? null,
  };
}

export function handMadeTopic(meta: HandTopicMeta, posts: readonly HandPost[]): DbTopic {
  const dbPosts = posts.map((p, i): DbPost => {
    const number = i + 1;
    const post: DbPost = {
      id: handMadePostId(meta.id, number),
      topicId: meta.id,
      number,
      subject: p.subject ?? (number === 1 ? meta.title : `Re: ${meta.title}`),
      author: p.author,
      postedAt: p.postedAt,
      body: p.body,
      attachments: p.attachments ?? [],
    };
    if (p.editedAt !== undefined) post.editedAt = p.editedAt;
    if (p.editedBy !== undefined) post.editedBy = p.editedBy;
    return post;
  });
  return storedTopic(meta, dbPosts);
}

/** Shorthand for a post by a known member. */
export function by(memberId: number, name: string): DbAuthor {
  return { memberId, name };
}
