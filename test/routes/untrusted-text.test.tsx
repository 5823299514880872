import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { MULTI_PAGE_TOPIC_ID, SEED_POST_ID, SEED_TOPIC_ID } from '../../mocks/db/ids';
import { server } from '../../mocks/node';
import type { Author, TopicResponse } from '../../src/lib/api/schemas';
import { mockApi } from '../mock-api';
import { renderRoute } from '../render-route';

// Names, titles and subjects come from the forum's members. U+202E (right-to-left
// override) in one of them reverses everything after it on its line, unless the text is
// isolated: "Started by ‮ecilA · 1 reply" would read "Started by Alice · ylper 1".
// And any of them may be a megabyte long.

const RLO = '\u202e';
/** Text that turns the rest of its line around, unless it is isolated. */
const reversing = (text: string) => `${RLO}${text}`;

/**
 * Every place `text` shows sits in an element that isolates it: a <bdi>, or an element
 * with a `dir` attribute (both `unicode-bidi: isolate` in every browser's own style sheet).
 */
async function expectIsolated(text: string): Promise<void> {
  const elements = await screen.findAllByText(text);
  for (const element of elements) {
    expect(element.matches('bdi, [dir]'), `${element.outerHTML.slice(0, 100)} isolates "${text}"`).toBe(true);
  }
}

/** As long as no forum allows, to see it cut short: 1,000,000 of `letter`. */
const megabyte = (letter: string) => letter.repeat(1_000_000);
/** What a megabyte of `letter` shows as: its first 300 characters and an ellipsis. */
const clamped = (letter: string) => `${letter.repeat(300)}…`;

function serveTopic(answer: TopicResponse): void {
  server.use(http.get(`*/api/topics/${answer.topic.id}`, () => HttpResponse.json(answer)));
}

/** The seed topic with its title, names and subject replaced by `text(field)`. */
async function seedTopicWith(text: (field: string) => string): Promise<TopicResponse> {
  const answer = await mockApi.topic(SEED_TOPIC_ID);
  const [first] = answer.posts;
  if (!first) throw new Error('the seed topic has a post');
  const author: Author = { ...first.author, name: text('author'), title: text('custom title') };
  return {
    ...answer,
    topic: { ...answer.topic, title: text('title'), starter: { ...answer.topic.starter, name: text('starter') } },
    breadcrumb: answer.breadcrumb.map((crumb) => ({ ...crumb, name: text(crumb.kind) })),
    posts: [{ ...first, subject: text('subject'), author, editedAt: first.postedAt, editedBy: text('editor') }],
  };
}

describe('on a topic page', () => {
  it('isolates the title, starter, crumbs, subject, author, custom title and editor', async () => {
    serveTopic(await seedTopicWith((field) => reversing(field)));
    renderRoute(`/topic/${SEED_TOPIC_ID}`);
    const heading = await screen.findByRole('heading', { level: 1 });
    expect(within(heading).getByText(reversing('title'))).toBeInTheDocument();
    for (const field of ['title', 'starter', 'forum', 'category', 'board', 'subject', 'author', 'custom title', 'editor']) {
      await expectIsolated(reversing(field));
    }
  });

  it('isolates the title a moved-topic notice links to', async () => {
    const answer = await mockApi.topic(SEED_TOPIC_ID);
    serveTopic({ ...answer, topic: { ...answer.topic, movedTo: { id: MULTI_PAGE_TOPIC_ID, title: reversing('moved') } } });
    renderRoute(`/topic/${SEED_TOPIC_ID}`);
    expect(await screen.findByRole('link', { name: reversing('moved') })).toHaveAttribute('href', `/topic/${MULTI_PAGE_TOPIC_ID}`);
    await expectIsolated(reversing('moved'));
  });

  it('shows a megabyte of title, name or subject as its first 300 characters and an ellipsis', async () => {
    const letters: Record<string, string> = { title: 't', starter: 's', subject: 'u', author: 'a', editor: 'e' };
    serveTopic(await seedTopicWith((field) => megabyte(letters[field] ?? 'c')));
    renderRoute(`/topic/${SEED_TOPIC_ID}`);
    const heading = await screen.findByRole('heading', { level: 1 });
    expect(heading.textContent).toBe(clamped('t'));
    for (const letter of ['s', 'u', 'a', 'e', 'c']) expect((await screen.findAllByText(clamped(letter))).length).toBeGreaterThan(0);
    // No text of a megabyte anywhere on the page, nor in the window's title.
    expect(document.body.textContent?.length).toBeLessThan(100_000);
    await waitFor(() => expect(document.title).toBe(clamped('t')));
  });
});

describe('an avatar', () => {
  async function seedPostBy(avatarUrl: string): Promise<HTMLElement> {
    const answer = await mockApi.topic(SEED_TOPIC_ID);
    serveTopic({ ...answer, posts: answer.posts.map((post) => ({ ...post, author: { ...post.author, name: 'Dev Sunday', avatarUrl } })) });
    renderRoute(`/topic/${SEED_TOPIC_ID}`);
    await screen.findByRole('heading', { level: 1 });
    return document.getElementById(`msg${SEED_POST_ID}`) as HTMLElement;
  }

  it.each(['javascript:alert(1)', '//elsewhere.example/a.png', 'data:image/svg+xml,<svg/>'])('at %s is not loaded: the initials show instead', async (url) => {
    const article = await seedPostBy(url);
    expect(article.querySelector('img.avatar')).toBeNull();
    expect(article.querySelector('.avatar-initials')).toHaveTextContent('DS');
  });

  it('from another site is loaded without telling that site which page is read', async () => {
    const article = await seedPostBy('https://avatars.example/dev.png');
    const image = article.querySelector('img.avatar');
    expect(image).toHaveAttribute('src', 'https://avatars.example/dev.png');
    expect(image).toHaveAttribute('referrerpolicy', 'no-referrer');
  });
});
