// Generated boards still need a few hand-picked topics at the top: the rules,
// the recurring threads, and some locked ones. This table says which generated
// topic (by its index in the board) gets which title, flags and opening text.
import { ANNOUNCEMENTS_BOARD_ID, BUSY_BOARD_ID, LOUNGE_BOARD_ID } from './ids';

export interface PinnedTopic {
  boardId: number;
  index: number;
  title?: string;
  body?: string;
  sticky?: boolean;
  locked?: boolean;
  postCount?: number;
}

const lines = (...l: string[]): string => l.join('\n');

export const PINNED_TOPICS: readonly PinnedTopic[] = [
  {
    boardId: ANNOUNCEMENTS_BOARD_ID,
    index: 0,
    title: 'Forum rules — please read before posting',
    sticky: true,
    locked: true,
    postCount: 1,
    body: lines(
      '[b]Welcome to Bosman Business World.[/b] A few rules keep this place useful:',
      '[list type=decimal]',
      '[li]Be civil. Attack arguments, not people.[/li]',
      '[li]No spam, referral links or paid promotion.[/li]',
      '[li]Nothing here is financial advice; do your own research.[/li]',
      '[li]Post in the right board and search before asking.[/li]',
      '[/list]',
      'Moderators may edit or remove posts that break these rules. Questions go to [b]Help and feedback[/b].',
    ),
  },
  {
    boardId: BUSY_BOARD_ID,
    index: 0,
    title: 'Read first: Markets and Finance posting guidelines',
    sticky: true,
    locked: true,
    postCount: 1,
    body: lines(
      'Before you post here:',
      '[list]',
      '[*]Say what you own. Disclose positions when you recommend anything.',
      '[*]Link to sources; screenshots of headlines are not sources.',
      '[*]Pump-and-dump threads are removed without warning.',
      '[/list]',
      'Not financial advice. Ever.',
    ),
  },
  {
    boardId: BUSY_BOARD_ID,
    index: 1,
    title: 'Monthly portfolio thread — share your allocation',
    sticky: true,
    postCount: 38,
    body: 'Post your current allocation and one change you made this month. Percentages are fine; nobody needs your balance.',
  },
  {
    boardId: BUSY_BOARD_ID,
    index: 2,
    title: 'Beginner resources and reading list',
    sticky: true,
    postCount: 12,
    body: 'Books, courses and calculators that members have found useful. Add yours below, with a line on why it helped.',
  },
  { boardId: BUSY_BOARD_ID, index: 3, locked: true, postCount: 27 },
  { boardId: BUSY_BOARD_ID, index: 4, locked: true, postCount: 9 },
  { boardId: LOUNGE_BOARD_ID, index: 0, title: 'Introduce your pets (no stock tips allowed)', postCount: 22 },
];

export function pinnedTopic(boardId: number, index: number): PinnedTopic | undefined {
  return PINNED_TOPICS.find((p) => p.boardId === boardId && p.index === index);
}
