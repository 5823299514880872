// The never-ending thread: 10,000 posts that exist only when asked for. Every
// post is computed from its number with its own seeded generators, so building
// any page costs O(page size) and nothing is held in memory. A post's id is
// HUGE_POST_ID_BASE + number, and its one possible attachment is
// HUGE_ATTACHMENT_ID_BASE + number, so both map back to the post in O(1).
import { randomAttachment } from './attachment-factory';
import {
  ADMIN_MEMBER_ID, HUGE_ATTACHMENT_ID_BASE, HUGE_POST_ID_BASE, HUGE_TOPIC_ID, HUGE_TOPIC_POST_COUNT,
  LOUNGE_BOARD_ID, hugePostId,
} from './ids';
import { MODERATOR_MEMBER_ID, pickAuthor } from './members';
import { chance, int, pick, rngFor, weighted } from './prng';
import type { Rng } from './prng';
import {
  BBCODE_POSTS, EMOJI_POSTS, LONG_OPENINGS, OTHER_SCRIPTS, SHORT_REPLIES, UNBREAKABLE_POSTS,
} from './text/chatter';
import { openingBody, pickAnchors, replyBody } from './text/prose';
import { THEMES } from './text/themes';
import type { Theme } from './text/themes';
import { MINUTE, unixSeconds } from './time';
import type { DbAttachment, DbAuthor, DbPost, DbTopic, Member } from './types';

export const HUGE_TOPIC_TITLE = 'The never-ending thread: say anything (since 2017)';

const FIRST_POST_AT = Date.UTC(2017, 3, 2, 10, 0);
const LAST_POST_AT = Date.UTC(2025, 5, 29, 18, 42);
const GAP = (LAST_POST_AT - FIRST_POST_AT) / (HUGE_TOPIC_POST_COUNT - 1);

const CHATTER_THEMES: readonly Theme[] = [THEMES.community, THEMES.markets, THEMES.startups, THEMES.careers, THEMES.news];

const OPENING_BODY = [
  '[b]Welcome to the never-ending thread![/b]',
  'Anything goes here, within the forum rules: what you had for lunch, what the markets did today, the book you cannot put down. No topic is too small.',
  'Be kind, no spam, no politics flame wars. Have fun. :)',
].join('\n\n');

/** Times rise steadily with a bit of jitter; the jitter stays below a gap, so order holds. */
export function hugePostTime(number: number): number {
  if (number <= 1) return FIRST_POST_AT;
  if (number >= HUGE_TOPIC_POST_COUNT) return LAST_POST_AT;
  const jitter = rngFor('huge-time', number)() * GAP * 0.8;
  return Math.floor((FIRST_POST_AT + (number - 1) * GAP + jitter) / MINUTE) * MINUTE;
}

export function createHugeTopic(members: readonly Member[]): DbTopic {
  const byId = new Map(members.map((m) => [m.id, m]));

  function authorOf(number: number): DbAuthor {
    if (number === 1) return { memberId: ADMIN_MEMBER_ID, name: byId.get(ADMIN_MEMBER_ID)?.name ?? 'Bosman' };
    return pickAuthor(rngFor('huge-author', number), members);
  }

  function hasAttachment(number: number): boolean {
    return number > 1 && rngFor('huge-has-attachment', number)() < 0.025;
  }

  /** The post's own words, without any quote: what a later post quotes from. */
  function ownText(number: number): string {
    if (number === 1) return OPENING_BODY;
    const rng = rngFor('huge-text', number);
    return weighted<() => string>(rng, [
      [20, () => pick(rng, SHORT_REPLIES)],
      [33, () => chatter(rng)],
      [9, () => longPost(rng)],
      [7, () => pick(rng, OTHER_SCRIPTS)],
      [5, () => pick(rng, EMOJI_POSTS)],
      [3, () => pick(rng, UNBREAKABLE_POSTS)],
      [8, () => pick(rng, BBCODE_POSTS)],
    ])();
  }

  function body(number: number): string {
    const text = ownText(number);
    const rng = rngFor('huge-quote', number);
    if (number < 3 || !chance(rng, 0.14)) return text;
    // Quote one of the last few dozen posts, as people do in a busy thread.
    const quoted = Math.max(1, number - int(rng, 1, 40));
    const quotedText = ownText(quoted).split('\n\n')[0] ?? '';
    const header = `[quote author=${authorOf(quoted).name} link=msg=${String(hugePostId(quoted))} date=${String(unixSeconds(hugePostTime(quoted)))}]`;
    return `${header}\n${quotedText}\n[/quote]\n${text}`;
  }

  function attachmentsOf(number: number): DbAttachment[] {
    if (!hasAttachment(number)) return [];
    return [{ id: HUGE_ATTACHMENT_ID_BASE + number, ...randomAttachment(rngFor('huge-attachment', number)) }];
  }

  function postAt(number: number): DbPost {
    if (!Number.isInteger(number) || number < 1 || number > HUGE_TOPIC_POST_COUNT) {
      throw new RangeError(`huge topic has no post ${String(number)}`);
    }
    const author = authorOf(number);
    const postedAt = hugePostTime(number);
    const post: DbPost = {
      id: HUGE_POST_ID_BASE + number,
      topicId: HUGE_TOPIC_ID,
      number,
      subject: number === 1 ? HUGE_TOPIC_TITLE : `Re: ${HUGE_TOPIC_TITLE}`,
      author,
      postedAt,
      body: body(number),
      attachments: attachmentsOf(number),
    };
    const editRng = rngFor('huge-edit', number);
    if (author.memberId !== null && chance(editRng, 0.08)) {
      post.editedAt = postedAt + int(editRng, 1, 600) * MINUTE;
      post.editedBy = chance(editRng, 0.15) ? (byId.get(MODERATOR_MEMBER_ID)?.name ?? author.name) : author.name;
    }
    return post;
  }

  let anyAttachment = false;
  for (let n = 1; n <= HUGE_TOPIC_POST_COUNT && !anyAttachment; n++) anyAttachment = hasAttachment(n);

  return {
    id: HUGE_TOPIC_ID,
    boardId: LOUNGE_BOARD_ID,
    title: HUGE_TOPIC_TITLE,
    sticky: true,
    locked: false,
    viewCount: 1_874_302,
    postCount: HUGE_TOPIC_POST_COUNT,
    postAt,
    hasAttachments: anyAttachment,
    authorOf,
    movedToTopicId: null,
  };
}

function chatter(rng: Rng): string {
  const theme = pick(rng, CHATTER_THEMES);
  return replyBody(rng, theme, pickAnchors(rng, theme));
}

function longPost(rng: Rng): string {
  const theme = pick(rng, CHATTER_THEMES);
  const anchors = pickAnchors(rng, theme);
  const paragraphs = [pick(rng, LONG_OPENINGS), openingBody(rng, theme, anchors)];
  const more = int(rng, 2, 5);
  for (let i = 0; i < more; i++) paragraphs.push(replyBody(rng, theme, anchors));
  return paragraphs.join('\n\n');
}

/** The attachment with this id and its post, if it belongs to the huge topic (O(1)). */
export function hugeAttachment(topic: DbTopic, id: number): { attachment: DbAttachment; post: DbPost } | undefined {
  const number = id - HUGE_ATTACHMENT_ID_BASE;
  if (!Number.isInteger(number) || number < 1 || number > HUGE_TOPIC_POST_COUNT) return undefined;
  const post = topic.postAt(number);
  const attachment = post.attachments.find((a) => a.id === id);
  return attachment ? { attachment, post } : undefined;
}
