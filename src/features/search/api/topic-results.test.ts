import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { searchAnswerSchema, topicSearchResponseSchema } from '../../../lib/api/search-schemas';
import { topicResults } from './topic-results';

const post = (id: number) => ({
  id, number: id, subject: 'Re: Pricing', author: { id: 1, name: 'Bosman' }, postedAt: '2024-10-21T15:19:00Z', body: 'Charge more.', attachments: [],
});
const topic = { id: 7, title: 'Pricing' };
const board = { id: 3, name: 'Startups' };
const page = { number: 1, size: 10, totalPages: 1, totalItems: 1 };
const grouped = { query: 'pricing', topics: [{ topic, board, matches: 12, posts: [post(70), post(71)] }], totalPosts: 12, page };
const flat = { query: 'pricing', results: [{ post: post(70), topic, board }, { post: post(80), topic: { id: 8, title: 'Other' }, board }, { post: post(71), topic, board }], page: { ...page, size: 20, totalItems: 3 } };

describe('a search answer', () => {
  it('is read in the grouped form, counts as the server gave them', () => {
    const results = topicResults(v.parse(searchAnswerSchema, grouped));
    expect(results).toMatchObject({ byServer: true, totalPosts: 12, page });
    expect(results.topics[0]).toMatchObject({ matches: 12, topic });
  });

  it('is read in the plain form of a server without by=topic, grouped in the order the posts came', () => {
    const results = topicResults(v.parse(searchAnswerSchema, flat));
    expect(results.byServer).toBe(false);
    expect(results.totalPosts).toBe(3);
    expect(results.topics.map((t) => [t.topic.id, t.matches, t.posts.map((p) => p.id)])).toEqual([
      [7, 2, [70, 71]],
      [8, 1, [80]],
    ]);
  });

  it('is refused with neither list, and a topic entry without posts is refused', () => {
    expect(v.safeParse(searchAnswerSchema, { query: 'x', page }).success).toBe(false);
    expect(v.safeParse(searchAnswerSchema, { ...grouped, totalPosts: undefined }).success).toBe(false);
    const empty = { ...grouped, topics: [{ topic, board, matches: 1, posts: [] }] };
    expect(v.safeParse(searchAnswerSchema, empty).success).toBe(false);
    expect(v.safeParse(topicSearchResponseSchema, empty).success).toBe(false);
  });
});
