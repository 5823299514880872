// Full-text search over every readable post, the huge topic's included. The
// first query builds a lowercase, BBCode-stripped copy of each subject and body
// (about 12,000 posts); later queries only scan those strings, which keeps
// them well under 100 ms. Matching is SMF-like: every word must occur
// somewhere in the subject or body, as a substring, ignoring case.
import type { SearchResponse, TopicSearchResponse } from '../../src/lib/api/search-schemas';
import type { Forum } from './build-forum';
import { badRequest, notFound, ok } from './queries';
import type { Result } from './queries';
import { pageJson, postJson, totalPagesFor } from './serialize';
import type { ApiBase } from './serialize';

export const RESULTS_PER_PAGE = 20;

interface Entry {
  postId: number;
  topicId: number;
  postedAt: number;
  subject: string;
  text: string;
}

const indexes = new WeakMap<Forum, Entry[]>();

// SMF 2.1's tags (and a few legacy ones). Only these are stripped: bracketed
// text that is not a tag, like "[attachment deleted by admin]", is content.
const TAGS = [
  'abbr', 'acronym', 'anchor', 'attach', 'b', 'bdo', 'black', 'blue', 'br', 'center', 'code', 'color', 'email',
  'flash', 'float', 'font', 'ftp', 'glow', 'green', 'hr', 'html', 'i', 'img', 'iurl', 'justify', 'left', 'li',
  'list', 'ltr', 'me', 'move', 'nobbc', 'php', 'pre', 'quote', 'red', 'right', 'rtl', 's', 'shadow', 'size',
  'sub', 'sup', 'table', 'td', 'th', 'time', 'tr', 'tt', 'u', 'url', 'white', 'youtube', '\\*',
];
const TAG = new RegExp(`\\[/?(?:${TAGS.join('|')})(?:[=\\s][^\\]\\n]*)?\\]`, 'gi');

/** Tags go, their words stay: `[url=https://x]the report[/url]` → ` the report `. */
export function stripBbcode(body: string): string {
  return body.replace(TAG, ' ');
}

function indexOf(forum: Forum): Entry[] {
  const cached = indexes.get(forum);
  if (cached) return cached;
  const entries: Entry[] = [];
  for (const topic of forum.topics.values()) {
    // Posts in boards the reader may not open must not leak through search.
    if (forum.boardOf(topic).restricted) continue;
    for (let n = 1; n <= topic.postCount; n++) {
      const post = topic.postAt(n);
      entries.push({
        postId: post.id,
        topicId: topic.id,
        postedAt: post.postedAt,
        subject: post.subject.toLowerCase(),
        text: stripBbcode(post.body).toLowerCase(),
      });
    }
  }
  indexes.set(forum, entries);
  return entries;
}

function occurrences(haystack: string, needle: string): number {
  let count = 0;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + needle.length)) count++;
  return count;
}

interface Hit {
  entry: Entry;
  subjectWords: number;
  matches: number;
}

export const TOPICS_PER_PAGE = 10;
/** The best matching posts shown with each topic. */
export const POSTS_PER_TOPIC = 3;

function queryWords(query: string): string[] {
  return [...new Set(query.toLowerCase().split(/\s+/).filter((w) => w.length > 0))];
}

/** Every readable post holding every word, with how often the words occur in it. */
function findHits(forum: Forum, words: readonly string[]): Hit[] {
  const hits: Hit[] = [];
  for (const entry of indexOf(forum)) {
    let subjectWords = 0;
    let matches = 0;
    let all = true;
    for (const word of words) {
      const inSubject = occurrences(entry.subject, word);
      const inText = occurrences(entry.text, word);
      if (inSubject + inText === 0) {
        all = false;
        break;
      }
      if (inSubject > 0) subjectWords++;
      matches += inSubject + inText;
    }
    if (all) hits.push({ entry, subjectWords, matches });
  }
  return hits;
}

export function searchPosts(forum: Forum, query: string, page: number, base: ApiBase): Result<SearchResponse> {
  const words = queryWords(query);
  if (words.length === 0) return badRequest('Say what to search for: the q parameter is empty.');

  const hits = findHits(forum, words);
  // Subject hits first, then more matches, then newest; the id settles ties.
  hits.sort(
    (a, b) =>
      b.subjectWords - a.subjectWords ||
      b.matches - a.matches ||
      b.entry.postedAt - a.entry.postedAt ||
      b.entry.postId - a.entry.postId,
  );

  const totalPages = totalPagesFor(hits.length, RESULTS_PER_PAGE);
  if (page > totalPages) return notFound(`Page ${String(page)} does not exist; the last page is ${String(totalPages)}.`);
  const results = hits.slice((page - 1) * RESULTS_PER_PAGE, page * RESULTS_PER_PAGE).flatMap(({ entry }) => {
    const post = forum.findPost(entry.postId);
    const topic = forum.topics.get(entry.topicId);
    if (!post || !topic) return [];
    const board = forum.boardOf(topic);
    return [{ post: postJson(forum, post, base), topic: { id: topic.id, title: topic.title }, board: { id: board.id, name: board.name } }];
  });
  return ok({ query: query.trim(), results, page: pageJson(page, RESULTS_PER_PAGE, hits.length) });
}

interface TopicHits {
  topicId: number;
  titleWords: number;
  newestPostId: number;
  hits: Hit[];
}

/**
 * The same search, one entry per topic (`by=topic`). Topics whose title holds more of the
 * words come first, then those with more matching posts, then the most recently matched;
 * each topic is one entry, so a topic matching by its title can no longer fill the page.
 * Within a topic, the posts where the words occur most come first, earlier on a tie (a
 * topic found by its title leads with its opening post).
 */
export function searchTopics(forum: Forum, query: string, page: number, base: ApiBase): Result<TopicSearchResponse> {
  const words = queryWords(query);
  if (words.length === 0) return badRequest('Say what to search for: the q parameter is empty.');

  const hits = findHits(forum, words);
  const byTopic = new Map<number, TopicHits>();
  for (const hit of hits) {
    const { topicId, postId } = hit.entry;
    let group = byTopic.get(topicId);
    if (!group) {
      const title = (forum.topics.get(topicId)?.title ?? '').toLowerCase();
      group = { topicId, titleWords: words.filter((w) => title.includes(w)).length, newestPostId: 0, hits: [] };
      byTopic.set(topicId, group);
    }
    group.hits.push(hit);
    group.newestPostId = Math.max(group.newestPostId, postId);
  }
  const groups = [...byTopic.values()].sort(
    (a, b) => b.titleWords - a.titleWords || b.hits.length - a.hits.length || b.newestPostId - a.newestPostId,
  );

  const totalPages = totalPagesFor(groups.length, TOPICS_PER_PAGE);
  if (page > totalPages) return notFound(`Page ${String(page)} does not exist; the last page is ${String(totalPages)}.`);
  const topics = groups.slice((page - 1) * TOPICS_PER_PAGE, page * TOPICS_PER_PAGE).flatMap((group) => {
    const topic = forum.topics.get(group.topicId);
    if (!topic) return [];
    const best = [...group.hits]
      .sort((a, b) => b.matches - a.matches || a.entry.postId - b.entry.postId)
      .slice(0, POSTS_PER_TOPIC)
      .flatMap(({ entry }) => {
        const post = forum.findPost(entry.postId);
        return post ? [postJson(forum, post, base)] : [];
      });
    const board = forum.boardOf(topic);
    return [{ topic: { id: topic.id, title: topic.title }, board: { id: board.id, name: board.name }, matches: group.hits.length, posts: best }];
  });
  return ok({ query: query.trim(), topics, totalPosts: hits.length, page: pageJson(page, TOPICS_PER_PAGE, groups.length) });
}
