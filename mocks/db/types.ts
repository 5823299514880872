// The mock forum's own storage shapes. They differ from the contract's on
// purpose: times are epoch milliseconds (easy to sort), authors point at members
// (so titles and post counts stay in one place), and attachment urls are built
// per request from the API base the request came in on.

export interface Member {
  id: number;
  name: string;
  /** A custom title; when absent the member group (by post count) is shown. */
  customTitle: string | null;
  hasAvatar: boolean;
  /** Posts by this member in the data; filled in once everything is built. */
  postCount: number;
}

/** memberId null: a guest, or a member whose account was deleted (SMF keeps the name). */
export interface DbAuthor {
  memberId: number | null;
  name: string;
  guest?: boolean;
}

export interface DbAttachment {
  id: number;
  name: string;
  /** Usually a contract state, but deliberately any string (e.g. "quarantined"). */
  state: string;
  sizeBytes?: number;
  mimeType?: string;
  width?: number;
  height?: number;
  downloads?: number;
  /** Images only: whether a thumbnail exists. */
  thumbnail?: boolean;
  /** The url is given out but answers 404, so the reader shows it broken. */
  broken?: boolean;
}

export interface DbPost {
  id: number;
  topicId: number;
  number: number;
  subject: string;
  author: DbAuthor;
  postedAt: number;
  editedAt?: number;
  editedBy?: string;
  body: string;
  attachments: DbAttachment[];
}

export type DraftAttachment = Omit<DbAttachment, 'id'>;

/**
 * A generated post before ids are handed out (generated topics and posts get ids
 * in time order, as SMF's auto-increment would). Its body may hold
 * `msgRef(number)` tokens where a quote links to an earlier post of the thread.
 */
export interface DraftPost {
  author: DbAuthor;
  postedAt: number;
  editedAt?: number;
  editedBy?: string;
  body: string;
  attachments: DraftAttachment[];
}

export interface DbTopic {
  id: number;
  boardId: number;
  title: string;
  sticky: boolean;
  locked: boolean;
  viewCount: number;
  postCount: number;
  /** Post `number` (1-based); O(1) for both stored and on-demand topics. */
  postAt(number: number): DbPost;
  /** Who wrote post `number`, without building its body (for member post counts). */
  authorOf(number: number): DbAuthor;
  /** Whether any post carries attachments. */
  hasAttachments: boolean;
  /**
   * Set on a moved-topic notice (SMF's `id_redirect_topic`): the topic it points at,
   * which may since have gone. Null on every ordinary topic.
   */
  movedToTopicId: number | null;
}

export interface DbBoard {
  id: number;
  categoryId: number;
  parentId: number | null;
  name: string;
  description: string;
  childIds: number[];
  /** Topic ids in listing order: sticky first, then the highest last post id first. */
  topicIds: number[];
  /** A redirect board's address (SMF's `boards.redirect`); null for an ordinary board. */
  redirectUrl: string | null;
  restricted: boolean;
  postCount: number;
  /** The newest post in the board's own topics. */
  lastPost: DbPost | null;
}

export interface DbCategory {
  id: number;
  name: string;
  /** Top-level boards, in display order. */
  boardIds: number[];
}
