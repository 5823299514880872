// Full-text search over every readable post, the huge topic's included. The
// first query builds a lowercase, BBCode-stripped copy of each subject and body
// (about 12,000 posts); later queries only scan those strings, which keeps
// them well under 100 ms. Matching is SMF-like: every word must occur
// somewhere in the subject or body, as a substring, ignoring case.
import type { SearchResponse } from '../../src/lib/api/schemas';
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

export function searchPosts(forum: Forum, query: string, page: number, base: ApiBase): Result<SearchResponse> {
  const words = [...new Set(query.toLowerCase().split(/\s+/).filter((w) => w.length > 0))];
  if (words.length === 0) return badRequest('Say what to search for: the q parameter is empty.');

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
