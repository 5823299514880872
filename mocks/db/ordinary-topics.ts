// Generated "ordinary" topics: believable business, news and community threads
// built from the theme word lists. Each topic draws from its own generator
// (board id + index), so adding a board never changes another board's text.
import { randomAttachment } from './attachment-factory';
import { MODERATOR_MEMBER_ID, pickAuthor } from './members';
import { chance, int, rngFor, weighted } from './prng';
import type { Rng } from './prng';
import { openingBody, pickAnchors, replyBody, topicTitle } from './text/prose';
import { THEMES } from './text/themes';
import type { Theme, ThemeName } from './text/themes';
import type { Anchors } from './text/template';
import { DAY, FORUM_NOW, HOUR, MINUTE, unixSeconds } from './time';
import type { DbAuthor, DraftPost, Member } from './types';

export interface DraftTopic {
  boardId: number;
  title: string;
  sticky: boolean;
  locked: boolean;
  viewCount: number;
  posts: DraftPost[];
}

/**
 * Marks where a quote links to an earlier post of the same thread; the builder
 * swaps it for the real message id once ids are handed out in time order.
 */
export function msgRef(number: number): string {
  // Brackets no word list or post uses, so the builder cannot mistake real text for a marker.
  return `⟦msg:${String(number)}⟧`;
}
export const MSG_REF = /⟦msg:(\d+)⟧/g;

export interface TopicRequest {
  boardId: number;
  theme: ThemeName;
  /** Stable name of this topic's generator. */
  seedName: string;
  startWindow: readonly [number, number];
  /** Fixed post count; random (mostly short threads) when absent. */
  postCount?: number;
  title?: string;
  /** A hand-written first post (rules, recurring threads). */
  openingBody?: string;
  /** Who opens most topics here (the news desk opens most news threads). */
  usualStarter?: DbAuthor;
  /** Titles already used in the board; the chosen title is added to it. */
  avoidTitles?: Set<string>;
}

export function generateTopic(request: TopicRequest, members: readonly Member[]): DraftTopic {
  const rng = rngFor('topic', request.seedName);
  const theme = THEMES[request.theme];
  let anchors = pickAnchors(rng, theme);
  let title = request.title ?? topicTitle(rng, theme, anchors);
  // A title the board already has: choose the subject afresh, so the body still matches the title.
  for (let tries = 0; request.title === undefined && request.avoidTitles?.has(title) && tries < 50; tries++) {
    const retry = rngFor('title', request.seedName, tries);
    anchors = pickAnchors(retry, theme);
    title = topicTitle(retry, theme, anchors);
  }
  request.avoidTitles?.add(title);
  const count = request.postCount ?? threadLength(rng);
  const [from, to] = request.startWindow;
  const startedAt = roundToMinute(from + rng() * (to - from));
  const times = postTimes(rng, startedAt, count);

  const posts: DraftPost[] = [];
  for (let i = 0; i < count; i++) {
    const author = i === 0 ? starterOf(rng, members, request.usualStarter) : replyAuthor(rng, members, posts);
    const postedAt = times[i] ?? startedAt;
    const body =
      i === 0 ? (request.openingBody ?? openingBody(rng, theme, anchors)) : replyWithMaybeQuote(rng, theme, anchors, posts, author);
    const post: DraftPost = { author, postedAt, body, attachments: [] };
    if (chance(rng, i === 0 ? 0.12 : 0.05)) post.attachments.push(randomAttachment(rng));
    maybeEdit(rng, post);
    posts.push(post);
  }
  return {
    boardId: request.boardId,
    title,
    sticky: false,
    locked: false,
    viewCount: count * int(rng, 12, 60) + int(rng, 20, 400),
    posts,
  };
}

function threadLength(rng: Rng): number {
  return weighted<() => number>(rng, [
    [15, () => 1],
    [40, () => int(rng, 2, 5)],
    [30, () => int(rng, 6, 15)],
    [12, () => int(rng, 16, 30)],
    [3, () => int(rng, 31, 45)],
  ])();
}

function roundToMinute(ms: number): number {
  return Math.floor(ms / MINUTE) * MINUTE;
}

/** Reply times: bursts of minutes, then hours or days of silence; never past FORUM_NOW. */
function postTimes(rng: Rng, startedAt: number, count: number): number[] {
  const gaps: number[] = [];
  for (let i = 1; i < count; i++) {
    gaps.push(
      weighted<() => number>(rng, [
        [50, () => int(rng, 3, 120) * MINUTE],
        [35, () => int(rng, 2, 24) * HOUR],
        [15, () => int(rng, 1, 10) * DAY],
      ])(),
    );
  }
  const total = gaps.reduce((a, b) => a + b, 0);
  const room = FORUM_NOW - HOUR - startedAt;
  // Squeeze a thread that would run past "now" rather than drop its replies.
  const scale = total > room ? room / total : 1;
  const times = [startedAt];
  let t = startedAt;
  for (const gap of gaps) {
    t += Math.max(MINUTE, roundToMinute(gap * scale));
    times.push(t);
  }
  return times;
}

function starterOf(rng: Rng, members: readonly Member[], usual: DbAuthor | undefined): DbAuthor {
  const anyone = pickAuthor(rng, members);
  return usual && chance(rng, 0.6) ? usual : anyone;
}

/** Replies come from anyone but rarely from whoever posted just before. */
function replyAuthor(rng: Rng, members: readonly Member[], earlier: readonly DraftPost[]): DbAuthor {
  const previous = earlier[earlier.length - 1];
  const starter = earlier[0];
  // The starter comes back now and then to answer, but not to reply to themselves.
  if (starter && previous && previous.author.name !== starter.author.name && chance(rng, 0.25)) return starter.author;
  let author = pickAuthor(rng, members);
  if (previous && author.name === previous.author.name) author = pickAuthor(rng, members);
  return author;
}

function replyWithMaybeQuote(rng: Rng, theme: Theme, anchors: Anchors, earlier: readonly DraftPost[], author: DbAuthor): string {
  const body = replyBody(rng, theme, anchors);
  if (earlier.length < 2 || !chance(rng, 0.15)) return body;
  const index = int(rng, 0, earlier.length - 1);
  const quoted = earlier[index];
  // People quote others, not themselves.
  if (!quoted || quoted.author.name === author.name) return body;
  // SMF quotes carry the author, a msg link and a Unix time; people trim them to a paragraph.
  const firstParagraph = quoted.body.replace(/\[quote[^\]]*\][\s\S]*?\[\/quote\]\n*/g, '').split('\n\n')[0] ?? '';
  return `[quote author=${quoted.author.name} link=msg=${msgRef(index + 1)} date=${String(unixSeconds(quoted.postedAt))}]\n${firstParagraph}\n[/quote]\n${body}`;
}

function maybeEdit(rng: Rng, post: DraftPost): void {
  if (post.author.memberId === null || !chance(rng, 0.1)) return;
  post.editedAt = Math.min(FORUM_NOW, post.postedAt + int(rng, 2, 60 * 72) * MINUTE);
  // Now and then a moderator tidies a post up; SMF records who.
  post.editedBy = chance(rng, 0.1) && post.author.memberId !== MODERATOR_MEMBER_ID ? 'Marta Kowalski' : post.author.name;
}
