// What a server-rendered page tells search engines and link previews: a description,
// its canonical address, its neighbours, Open Graph and Twitter cards, and for a topic
// the JSON-LD DiscussionForumPosting that Google documents for forums. Built from the
// data the page's loader put in the cache; written into <head> by page-html.ts.
import type { QueryClient } from '@tanstack/react-query';
import { boardQueries, forumQueries, topicQueries } from '../../src/lib/api/queries';
import type { Author, BoardResponse, ForumResponse, Post, TopicResponse } from '../../src/lib/api/schemas';
import { bbcodeToPlainText } from '../../src/lib/bbcode/plain-text';
import { boardHref, postHref, topicHref, type ReaderPage } from '../../src/lib/reader-routes';

export type PageMeta = {
  description: string | null;
  /** Root-relative; the server makes them absolute with the forum's public origin. */
  canonical: string | null;
  prev: string | null;
  next: string | null;
  /** Search results, error pages: not for an index. */
  noindex: boolean;
  type: 'website' | 'article';
  /** JSON-LD with root-relative `url`s (made absolute by the server), or null. */
  structuredData: Record<string, unknown> | null;
};

const DESCRIPTION_LENGTH = 155;
/** How much of a post's BBCode is read for its plain text. */
const BODY_READ_LIMIT = 4000;
/** JSON-LD `text`: enough to say what a post is about, without doubling a long page's size. */
const STRUCTURED_TEXT_LENGTH = 1000;

/**
 * A post's own words without its markup or quotes, at most `limit` characters. Only its
 * start is read: a description needs a sentence, not a book.
 */
function plainText(body: string, limit: number): string {
  return clamp(bbcodeToPlainText(body.slice(0, BODY_READ_LIMIT), { ownWordsOnly: true }), limit);
}

/** At most `limit` characters, cut at a word and marked with an ellipsis. */
function clamp(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > limit * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const none: PageMeta = { description: null, canonical: null, prev: null, next: null, noindex: false, type: 'website', structuredData: null };

function person(author: Author): Record<string, unknown> {
  return { '@type': 'Person', name: author.name };
}

function pageLinks(number: number, totalPages: number, href: (page: number) => string): Pick<PageMeta, 'canonical' | 'prev' | 'next'> {
  return {
    canonical: href(number),
    prev: number > 1 ? href(number - 1) : null,
    next: number < totalPages ? href(number + 1) : null,
  };
}

/** The topic page holding `postId`, from the cache (the loader filed it under its number). */
function topicPageData(queryClient: QueryClient, page: Extract<ReaderPage, { name: 'topic' }>): TopicResponse | undefined {
  if (page.postId === null) return queryClient.getQueryData(topicQueries.page(page.topicId, page.page).queryKey);
  return queryClient
    .getQueriesData<TopicResponse>({ queryKey: topicQueries.topic(page.topicId) })
    .map(([, data]) => data)
    .find((data) => data?.posts.some((post) => post.id === page.postId));
}

function topicStructuredData(data: TopicResponse, first: Post | null): Record<string, unknown> {
  const { topic } = data;
  const replies = data.posts.filter((post) => post.number > 1);
  return {
    '@context': 'https://schema.org',
    '@type': 'DiscussionForumPosting',
    headline: topic.title,
    url: topicHref(topic.id),
    author: person(topic.starter),
    datePublished: topic.startedAt,
    ...(first ? { text: plainText(first.body, STRUCTURED_TEXT_LENGTH) } : {}),
    ...(first?.editedAt ? { dateModified: first.editedAt } : {}),
    interactionStatistic: [
      { '@type': 'InteractionCounter', interactionType: 'https://schema.org/CommentAction', userInteractionCount: topic.replyCount },
      { '@type': 'InteractionCounter', interactionType: 'https://schema.org/ViewAction', userInteractionCount: topic.viewCount },
    ],
    comment: replies.map((post) => ({
      '@type': 'Comment',
      url: postHref(topic.id, post.id),
      author: person(post.author),
      datePublished: post.postedAt,
      text: plainText(post.body, STRUCTURED_TEXT_LENGTH),
    })),
  };
}

/** The metadata of a page that rendered (status 200); error pages get `errorMeta`. */
export function pageMeta(queryClient: QueryClient, page: ReaderPage): PageMeta {
  switch (page.name) {
    case 'forum': {
      const data = queryClient.getQueryData<ForumResponse>(forumQueries.index().queryKey);
      return { ...none, canonical: '/', description: data?.forum.description ? clamp(data.forum.description, DESCRIPTION_LENGTH) : null };
    }
    case 'board': {
      const data = queryClient.getQueryData<BoardResponse>(boardQueries.page(page.boardId, page.page).queryKey);
      if (!data) return none;
      const { board } = data;
      const description = board.description ? clamp(board.description, DESCRIPTION_LENGTH) : `Topics in ${board.name}.`;
      return { ...none, ...pageLinks(data.page.number, data.page.totalPages, (n) => boardHref(board.id, n)), description };
    }
    case 'topic': {
      const data = topicPageData(queryClient, page);
      if (!data) return none;
      // The opening post, when it is on this page (the loader fetched page 1 for the markup otherwise).
      const opening =
        data.posts.find((post) => post.number === 1) ??
        queryClient.getQueryData<TopicResponse>(topicQueries.page(data.topic.id, 1).queryKey)?.posts.find((post) => post.number === 1) ??
        null;
      const lead = data.posts[0];
      return {
        ...none,
        ...pageLinks(data.page.number, data.page.totalPages, (n) => topicHref(data.topic.id, n)),
        type: 'article',
        description: lead ? plainText(lead.body, DESCRIPTION_LENGTH) || null : null,
        structuredData: topicStructuredData(data, opening),
      };
    }
    case 'print':
      // The same posts as the topic: the topic is the page to index.
      return { ...none, canonical: topicHref(page.topicId), noindex: true };
    case 'search':
      return { ...none, noindex: true };
    case 'post':
      return none;
  }
}

export const errorMeta: PageMeta = { ...none, noindex: true };
