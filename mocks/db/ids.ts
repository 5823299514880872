// Ids the reader's tests and views rely on. They are fixed by hand (not derived
// from generation order) so that changing a word list never moves them.
//
// Id spaces, chosen so every post id maps back to its topic in O(1):
// - hand-made topics have ids below 100 and their posts are `topicId * 1000 + number`;
// - generated ordinary topics start at 101, their posts at 100_001 (in time order);
// - the huge topic's posts are `1_000_000 + number` (1_000_001 … 1_010_000).

// Categories
export const COMMUNITY_CATEGORY_ID = 1;
export const BUSINESS_CATEGORY_ID = 2;
export const NEWS_CATEGORY_ID = 3;
export const HELP_CATEGORY_ID = 4;

// Boards
export const ANNOUNCEMENTS_BOARD_ID = 1;
export const INTRODUCTIONS_BOARD_ID = 2;
export const LOUNGE_BOARD_ID = 3;
export const OFF_TOPIC_BOARD_ID = 4;
export const GAMES_BOARD_ID = 5;
/** A board with no topics at all: one page, no items. */
export const EMPTY_BOARD_ID = 6;
/** Markets and Finance: 70 topics (4 pages of 20), sticky and locked ones among them. */
export const BUSY_BOARD_ID = 7;
export const CRYPTO_BOARD_ID = 8;
export const ENTREPRENEURS_BOARD_ID = 9;
/** Startups, a child of Entrepreneurs. */
export const CHILD_BOARD_ID = 10;
/** Funding and investors, a child of Startups: two levels below Entrepreneurs. */
export const GRANDCHILD_BOARD_ID = 11;
export const CAREERS_BOARD_ID = 12;
/** Crime and war, in News and Research: holds the seed topic. */
export const SEED_BOARD_ID = 13;
export const WORLD_NEWS_BOARD_ID = 14;
export const ASIA_PACIFIC_BOARD_ID = 15;
export const RESEARCH_BOARD_ID = 16;
export const HELP_BOARD_ID = 17;
/** Testing ground: the BBCode showcase, the hostile posts and the attachment states. */
export const TESTING_BOARD_ID = 18;
/** Staff room: listed on the index, but `GET /boards/19` (and its topics) answer 403. */
export const RESTRICTED_BOARD_ID = 19;
/**
 * Company blog, in Community: a redirect board (SMF's `boards.redirect`) that is only a
 * link to https://blog.example.com/. No topics; `GET /boards/20` answers an empty page 1.
 */
export const REDIRECT_BOARD_ID = 20;

// Topics (hand-made ones; generated topics start at FIRST_GENERATED_TOPIC_ID)
export const SHOWCASE_TOPIC_ID = 11;
export const HOSTILE_TOPIC_ID = 12;
export const ATTACHMENTS_TOPIC_ID = 13;
/** An ordinary generated discussion of 41 posts: 3 pages of 15. */
export const MULTI_PAGE_TOPIC_ID = 21;
/** 10,000 posts, generated on demand. */
export const HUGE_TOPIC_ID = 30;
/** The real SMF topic from the seed print page. */
export const SEED_TOPIC_ID = 42;
export const SEED_POST_ID = 42_001;
/**
 * A moved-topic notice in the Community Lounge: SMF's "MOVED: …" topic left behind when
 * a moderator moved a generated topic to Crypto and alternatives (its `movedTo`).
 */
export const MOVED_NOTICE_TOPIC_ID = 43;
/** The seed post's inline image (`[attach id=4201]`). */
export const SEED_ATTACHMENT_ID = 4201;

export const HUGE_TOPIC_POST_COUNT = 10_000;
export const HUGE_POST_ID_BASE = 1_000_000;
/** Huge-topic attachments are `base + post number`, one at most per post. */
export const HUGE_ATTACHMENT_ID_BASE = 2_000_000;

export const FIRST_GENERATED_TOPIC_ID = 101;
export const FIRST_GENERATED_POST_ID = 100_001;
export const FIRST_GENERATED_ATTACHMENT_ID = 10_001;

/** Post id of post `number` in a hand-made topic. */
export function handMadePostId(topicId: number, number: number): number {
  return topicId * 1000 + number;
}

export function hugePostId(number: number): number {
  return HUGE_POST_ID_BASE + number;
}

// Members the hand-made topics name
export const ADMIN_MEMBER_ID = 1;
export const DEV_SUNDAY_MEMBER_ID = 2;
