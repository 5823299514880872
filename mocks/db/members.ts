// The member roster. A few named members are hand-made (the seed topic's author,
// the staff); the rest are built from name parts with a seeded generator.
import { ADMIN_MEMBER_ID, DEV_SUNDAY_MEMBER_ID } from './ids';
import { chance, pick, rngFor, weighted } from './prng';
import type { Rng } from './prng';
import type { DbAuthor, Member } from './types';

export const MODERATOR_MEMBER_ID = 3;

const STAFF: readonly Omit<Member, 'postCount'>[] = [
  { id: ADMIN_MEMBER_ID, name: 'Bosman', customTitle: 'Administrator', hasAvatar: true },
  { id: DEV_SUNDAY_MEMBER_ID, name: 'Dev Sunday', customTitle: 'News Desk', hasAvatar: true },
  { id: MODERATOR_MEMBER_ID, name: 'Marta Kowalski', customTitle: 'Global Moderator', hasAvatar: true },
  { id: 4, name: 'Kwame Mensah', customTitle: 'Moderator', hasAvatar: false },
];

const FIRST_NAMES = [
  'Aiko', 'Alejandro', 'Amara', 'Anders', 'Anika', 'Bilal', 'Camille', 'Chen', 'Dario', 'Deepa',
  'Elif', 'Emeka', 'Farah', 'Femke', 'Gareth', 'Hana', 'Ines', 'Ivan', 'Jasper', 'Joon-ho',
  'Kaveh', 'Lars', 'Leila', 'Lucia', 'Mateus', 'Mei', 'Nadia', 'Niamh', 'Oskar', 'Priya',
  'Rafael', 'Rania', 'Sipho', 'Sofia', 'Tomasz', 'Yara', 'Yusuf', 'Zanele', 'Pieter', 'Ruth',
];
const LAST_NAMES = [
  'Abara', 'Bakker', 'Castellanos', 'Dlamini', 'Eriksen', 'Fischer', 'Gupta', 'Haddad', 'Ito',
  'Jansen', 'Kim', 'Lindqvist', 'Moreau', 'Nakamura', 'Okafor', 'Petrov', 'Quinn', 'Rossi',
  'Santos', 'Tanaka', 'Umarov', 'Van Dijk', 'Walsh', 'Xu', 'Yilmaz', 'Zhang', 'Novak', 'Brennan',
];
const HANDLE_WORDS = [
  'Bull', 'Bear', 'Ledger', 'Margin', 'Yield', 'Quarterly', 'Compound', 'Hedge', 'Ticker',
  'Balance', 'Audit', 'Spread', 'Dividend', 'Runway', 'Escrow', 'Pivot', 'Bootstrap', 'Equity',
];
const HANDLE_TAILS = ['Watcher', 'Trader', 'Nomad', 'Fan', 'Guy', 'Queen', 'Hunter', 'Desk', 'Lab', 'Owl'];
const CUSTOM_TITLES = [
  'Chartered accountant', 'Lurker since 2009', 'Beer-money investor', 'Coffee first, markets second',
  'Retired banker', 'Serial founder', 'Spreadsheet enthusiast', 'Freight & logistics', 'Not financial advice',
  'Building in public', 'Value investor', 'HR by day',
];

/** Names of members whose accounts were deleted; SMF keeps the name on their posts. */
export const DELETED_MEMBER_NAMES = ['oldtimer_77', 'Gregor Stahl', 'FormerMember', 'Petra N.', 'quietinvestor'];
export const GUEST_NAMES = ['Guest', 'visitor', 'Anonymous reader', 'J. from Lagos', 'curious_student', 'Nguyen Van A'];

const GENERATED_MEMBERS = 76;

export function buildMembers(): Member[] {
  const rng = rngFor('members');
  const members: Member[] = STAFF.map((m) => ({ ...m, postCount: 0 }));
  const used = new Set(members.map((m) => m.name));
  for (let id = STAFF.length + 1; members.length < STAFF.length + GENERATED_MEMBERS; id++) {
    let name = memberName(rng);
    while (used.has(name)) name = memberName(rng);
    used.add(name);
    members.push({
      id,
      name,
      customTitle: chance(rng, 0.15) ? pick(rng, CUSTOM_TITLES) : null,
      // About a quarter of members never set an avatar: the reader must cope.
      hasAvatar: chance(rng, 0.75),
      postCount: 0,
    });
  }
  return members;
}

function memberName(rng: Rng): string {
  return weighted<() => string>(rng, [
    [5, () => `${pick(rng, FIRST_NAMES)} ${pick(rng, LAST_NAMES)}`],
    [2, () => `${pick(rng, HANDLE_WORDS)}${pick(rng, HANDLE_TAILS)}${chance(rng, 0.5) ? String(Math.floor(rng() * 99)) : ''}`],
    [1, () => `${pick(rng, FIRST_NAMES).toLowerCase()}_${pick(rng, LAST_NAMES).toLowerCase().replace(/\s/g, '')}`],
  ])();
}

/** SMF's post-count groups, shown when a member has no custom title. */
export function memberGroup(postCount: number): string {
  if (postCount >= 500) return 'Hero Member';
  if (postCount >= 250) return 'Sr. Member';
  if (postCount >= 100) return 'Full Member';
  if (postCount >= 50) return 'Jr. Member';
  return 'Newbie';
}

/**
 * Picks a poster for generated posts: a few members write most posts (as on any
 * forum), with guests and deleted members now and then.
 */
export function pickAuthor(rng: Rng, members: readonly Member[]): DbAuthor {
  const r = rng();
  if (r < 0.04) return { memberId: null, name: pick(rng, GUEST_NAMES), guest: true };
  if (r < 0.08) return { memberId: null, name: pick(rng, DELETED_MEMBER_NAMES) };
  // Skip the staff in the general pool; they post in their own places.
  const pool = members.length - STAFF.length;
  // Squaring the uniform value skews picks towards the first (most active) members.
  const u = rng();
  const index = STAFF.length + Math.floor(u * u * pool);
  const member = members[index] ?? members[members.length - 1];
  if (!member) throw new Error('no members');
  return { memberId: member.id, name: member.name };
}
