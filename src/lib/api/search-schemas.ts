// The contract's search answers as runtime schemas, apart from ./schemas.ts so that only
// the search page's chunk carries them: reading a topic never downloads them.
import * as v from 'valibot';
import { count, id, pageSchema, postSchema } from './schemas';

const topicRefSchema = v.object({ id, title: v.string() });
const boardRefSchema = v.object({ id, name: v.string() });

/** `GET /search?q=` — the posts that match, one by one. */
export const searchResponseSchema = v.object({
  query: v.string(),
  results: v.array(v.object({ post: postSchema, topic: topicRefSchema, board: boardRefSchema })),
  page: pageSchema,
});

/** `GET /search?q=&by=topic` — one entry per topic, with its best matching posts; the page counts topics. */
export const topicSearchResponseSchema = v.object({
  query: v.string(),
  topics: v.array(
    v.object({
      topic: topicRefSchema,
      board: boardRefSchema,
      // All the topic's matching posts, of which `posts` are the best few.
      matches: id,
      posts: v.pipe(
        v.array(postSchema),
        v.check((posts) => posts.length > 0, 'a topic entry without posts'),
      ),
    }),
  ),
  totalPosts: count,
  page: pageSchema,
});

/**
 * What the reader accepts for `by=topic`: the grouped form, or, from a server that does not
 * know `by`, the plain list; told apart by `topics`. One object with both lists optional
 * rather than a union: valibot's vendor chunk is on the topic path and has no union in it.
 */
export const searchAnswerSchema = v.pipe(
  v.object({
    query: v.string(),
    topics: v.nullish(topicSearchResponseSchema.entries.topics),
    totalPosts: v.nullish(count),
    results: v.nullish(searchResponseSchema.entries.results),
    page: pageSchema,
  }),
  v.check((answer) => (answer.topics != null && answer.totalPosts != null) || answer.results != null, 'neither topics nor results'),
);

export type SearchResponse = v.InferOutput<typeof searchResponseSchema>;
export type TopicSearchResponse = v.InferOutput<typeof topicSearchResponseSchema>;
export type SearchAnswer = v.InferOutput<typeof searchAnswerSchema>;
export type TopicMatch = TopicSearchResponse['topics'][number];
