// The API contract (shared with other servers and test suites) as runtime schemas.
// The client validates every response against these at the edge, and the contract
// tests run the mock forum's answers through the very same schemas, so the two
// cannot drift apart. Unknown keys are stripped (the contract lets servers add
// fields); optional fields accept both absent and null, as the contract says.
import * as v from 'valibot';

// SMF keeps ids and counts in unsigned 32-bit columns. A larger number is no forum's, and
// an unbounded one (2^53, 1e308) would hang the loops that count up to it (page lists, print).
export const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.check((n) => n <= 2 ** 32, 'larger than 2^32'));
export const id = v.pipe(count, v.minValue(1));
const isoTime = v.pipe(
  v.string(),
  v.check((s) => !Number.isNaN(Date.parse(s)), 'expected an ISO 8601 time'),
);

const crumbSchema = v.object({
  kind: v.picklist(['forum', 'category', 'board', 'topic']),
  id: v.nullable(id),
  name: v.string(),
});

const authorSchema = v.object({
  // null: a guest, or a member whose account was deleted
  id: v.nullable(id),
  name: v.string(),
  title: v.nullish(v.string()),
  avatarUrl: v.nullish(v.string()),
  postCount: v.nullish(count),
});

export const pageSchema = v.pipe(
  v.object({ number: id, size: id, totalPages: count, totalItems: count }),
  // Page 1 of 0 is an empty board or search; page 7 of 5 is not a page.
  v.check((page) => page.number <= Math.max(1, page.totalPages), 'a page past the last'),
);

const lastPostSchema = v.object({
  topicId: id,
  topicTitle: v.string(),
  postId: id,
  author: authorSchema,
  postedAt: isoTime,
});

export type BoardSummary = {
  id: number;
  name: string;
  description?: string | null | undefined;
  redirectUrl?: string | null | undefined;
  topicCount: number;
  postCount: number;
  lastPost?: v.InferOutput<typeof lastPostSchema> | null | undefined;
  children: BoardSummary[];
};

const boardFields = {
  id,
  name: v.string(),
  description: v.nullish(v.string()),
  // SMF's redirect board: only a link elsewhere. Untrusted; the reader links http(s) alone.
  redirectUrl: v.nullish(v.string()),
  topicCount: count,
  postCount: count,
};
const boardSummaryFields = { ...boardFields, lastPost: v.nullish(lastPostSchema) };

/** Levels of child boards an answer may hold; real forums use a handful. */
export const MAX_BOARD_DEPTH = 32;

// One schema per level, the deepest allowing no children, rather than a recursive one:
// validating a tree 100,000 boards deep must end in a contract error, not a stack overflow.
let boardAtDepth: v.GenericSchema<BoardSummary> = v.object({ ...boardSummaryFields, children: v.array(v.picklist([])) });
for (let level = 1; level < MAX_BOARD_DEPTH; level++) {
  boardAtDepth = v.object({ ...boardSummaryFields, children: v.array(boardAtDepth) });
}
export const boardSummarySchema = boardAtDepth;

const attachmentSchema = v.object({
  id,
  name: v.string(),
  // The contract's states are available, pending, restricted and deleted; anything else
  // must still parse (and show as "unavailable"): servers may grow new states first.
  state: v.string(),
  sizeBytes: v.nullish(count),
  mimeType: v.nullish(v.string()),
  url: v.nullish(v.string()),
  thumbnailUrl: v.nullish(v.string()),
  width: v.nullish(count),
  height: v.nullish(count),
  downloads: v.nullish(count),
});

export const postSchema = v.object({
  id,
  number: id,
  subject: v.string(),
  author: authorSchema,
  postedAt: isoTime,
  editedAt: v.nullish(isoTime),
  editedBy: v.nullish(v.string()),
  body: v.string(),
  attachments: v.array(attachmentSchema),
});

export const forumResponseSchema = v.object({
  forum: v.object({ name: v.string(), description: v.nullish(v.string()) }),
  categories: v.array(
    v.object({ id, name: v.string(), boards: v.array(boardSummarySchema) }),
  ),
});

// Set on SMF's moved-topic notice: where the topic lives now. Null when that topic is
// gone or hidden from this reader, and the notice is then just a topic like any other.
const movedToSchema = v.nullish(v.object({ id, title: v.string(), boardId: v.nullish(id) }));

export const topicSummarySchema = v.object({
  id,
  title: v.string(),
  starter: authorSchema,
  startedAt: isoTime,
  replyCount: count,
  viewCount: count,
  sticky: v.boolean(),
  locked: v.boolean(),
  hasAttachments: v.nullish(v.boolean()),
  movedTo: movedToSchema,
  lastPost: lastPostSchema,
});

export const boardResponseSchema = v.object({
  board: v.object(boardFields),
  breadcrumb: v.array(crumbSchema),
  children: v.array(boardSummarySchema),
  topics: v.array(topicSummarySchema),
  page: pageSchema,
});

export const topicResponseSchema = v.object({
  topic: v.object({
    id,
    title: v.string(),
    boardId: id,
    starter: authorSchema,
    startedAt: isoTime,
    replyCount: count,
    viewCount: count,
    sticky: v.boolean(),
    locked: v.boolean(),
    movedTo: movedToSchema,
  }),
  breadcrumb: v.array(crumbSchema),
  posts: v.array(postSchema),
  page: pageSchema,
});

export const postResponseSchema = v.object({
  post: postSchema,
  topic: v.object({ id, title: v.string() }),
  page: id,
});

export const errorBodySchema = v.object({
  error: v.object({ code: v.string(), message: v.string() }),
});

export type Crumb = v.InferOutput<typeof crumbSchema>;
export type Author = v.InferOutput<typeof authorSchema>;
export type Page = v.InferOutput<typeof pageSchema>;
export type LastPost = v.InferOutput<typeof lastPostSchema>;
export type Attachment = v.InferOutput<typeof attachmentSchema>;
export type Post = v.InferOutput<typeof postSchema>;
export type ForumResponse = v.InferOutput<typeof forumResponseSchema>;
export type Category = ForumResponse['categories'][number];
export type TopicSummary = v.InferOutput<typeof topicSummarySchema>;
export type MovedTo = NonNullable<TopicSummary['movedTo']>;
export type BoardResponse = v.InferOutput<typeof boardResponseSchema>;
export type TopicResponse = v.InferOutput<typeof topicResponseSchema>;
export type PostResponse = v.InferOutput<typeof postResponseSchema>;
