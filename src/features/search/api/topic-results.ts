// The reader shows search results one entry per topic. A server that knows `by=topic`
// groups them itself; one that only lists posts gets its page grouped here, and the
// page then says that it covers only that page's posts.
import type { Page } from '../../../lib/api/schemas';
import type { SearchAnswer, TopicMatch } from '../../../lib/api/search-schemas';

export type TopicResults = {
  topics: TopicMatch[];
  /** Matching posts in all topics; for a plain list, its `page.totalItems`. */
  totalPosts: number;
  page: Page;
  /** False: a plain list of posts, grouped here page by page (counts are this page's). */
  byServer: boolean;
};

export function topicResults(answer: SearchAnswer): TopicResults {
  const { topics, totalPosts, results, page } = answer;
  if (topics && totalPosts != null) return { topics, totalPosts, page, byServer: true };
  const byTopic = new Map<number, TopicMatch>();
  // In the server's order: a topic stands where its best post stood.
  for (const { post, topic, board } of results ?? []) {
    const entry = byTopic.get(topic.id);
    if (entry) {
      entry.posts.push(post);
      entry.matches += 1;
    } else byTopic.set(topic.id, { topic, board, matches: 1, posts: [post] });
  }
  return { topics: [...byTopic.values()], totalPosts: page.totalItems, page, byServer: false };
}
