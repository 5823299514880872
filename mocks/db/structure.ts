// The shape of the forum: categories, boards (three levels deep in places) and
// how many generated topics each board gets. Hand-made topics are placed by the
// builder; this table only says where the generated ones go.
import {
  ANNOUNCEMENTS_BOARD_ID, ASIA_PACIFIC_BOARD_ID, BUSINESS_CATEGORY_ID, BUSY_BOARD_ID, CAREERS_BOARD_ID,
  CHILD_BOARD_ID, COMMUNITY_CATEGORY_ID, CRYPTO_BOARD_ID, EMPTY_BOARD_ID, ENTREPRENEURS_BOARD_ID,
  GAMES_BOARD_ID, GRANDCHILD_BOARD_ID, HELP_BOARD_ID, HELP_CATEGORY_ID, INTRODUCTIONS_BOARD_ID,
  LOUNGE_BOARD_ID, NEWS_CATEGORY_ID, OFF_TOPIC_BOARD_ID, REDIRECT_BOARD_ID, RESEARCH_BOARD_ID, RESTRICTED_BOARD_ID,
  SEED_BOARD_ID, TESTING_BOARD_ID, WORLD_NEWS_BOARD_ID,
} from './ids';
import type { ThemeName } from './text/themes';

export const FORUM_NAME = 'Bosman Business World';
export const FORUM_DESCRIPTION =
  'Markets, money and the news that moves them — a community of traders, founders and curious readers since 2017.';

export interface CategorySpec {
  id: number;
  name: string;
}

export interface BoardSpec {
  id: number;
  categoryId: number;
  parentId: number | null;
  name: string;
  description: string;
  theme: ThemeName;
  /** How many topics to generate (hand-made topics come on top). */
  generated: number;
  /** Generated topics start within this window (epoch ms). */
  window: readonly [number, number];
  restricted?: boolean;
  /** A redirect board: only a link to this address, with no topics of its own. */
  redirectUrl?: string;
  /** Who opens most topics: the admin (announcements) or the news desk (Dev Sunday). */
  usualStarter?: 'admin' | 'news-desk';
}

export const CATEGORIES: readonly CategorySpec[] = [
  { id: COMMUNITY_CATEGORY_ID, name: 'Community' },
  { id: BUSINESS_CATEGORY_ID, name: 'Business and Finance' },
  { id: NEWS_CATEGORY_ID, name: 'News and Research' },
  { id: HELP_CATEGORY_ID, name: 'Forum Help' },
];

const ALL_YEARS = [Date.UTC(2017, 3, 1), Date.UTC(2025, 5, 20)] as const;
const RECENT = [Date.UTC(2023, 0, 1), Date.UTC(2025, 5, 25)] as const;

// Listed parents before children: the builder wires children up in this order.
export const BOARDS: readonly BoardSpec[] = [
  { id: ANNOUNCEMENTS_BOARD_ID, categoryId: COMMUNITY_CATEGORY_ID, parentId: null, name: 'Announcements',
    description: 'News about the forum itself: rules, upgrades and maintenance windows.', theme: 'announcements', generated: 3,
    window: ALL_YEARS, usualStarter: 'admin' },
  { id: INTRODUCTIONS_BOARD_ID, categoryId: COMMUNITY_CATEGORY_ID, parentId: null, name: 'Introductions',
    description: 'New here? Tell us who you are and what brought you.', theme: 'introductions', generated: 14, window: ALL_YEARS },
  { id: LOUNGE_BOARD_ID, categoryId: COMMUNITY_CATEGORY_ID, parentId: null, name: 'Community Lounge',
    description: 'Everything that is not about money. Mostly.', theme: 'community', generated: 12, window: ALL_YEARS },
  { id: OFF_TOPIC_BOARD_ID, categoryId: COMMUNITY_CATEGORY_ID, parentId: LOUNGE_BOARD_ID, name: 'Off-topic',
    description: 'Hobbies, books, coffee and weekend plans.', theme: 'community', generated: 10, window: ALL_YEARS },
  { id: GAMES_BOARD_ID, categoryId: COMMUNITY_CATEGORY_ID, parentId: OFF_TOPIC_BOARD_ID, name: 'Games and puzzles',
    description: 'Chess, board games and the occasional trading-card tycoon.', theme: 'community', generated: 6, window: RECENT },
  { id: EMPTY_BOARD_ID, categoryId: COMMUNITY_CATEGORY_ID, parentId: LOUNGE_BOARD_ID, name: 'Meetups and events',
    description: 'Nothing planned yet — propose a meetup in the Lounge first.', theme: 'community', generated: 0, window: RECENT },
  // A redirect board, as SMF lists them: a link among the boards, with no topics. example.com is
  // reserved for examples, so the demo never sends anyone to a real site.
  { id: REDIRECT_BOARD_ID, categoryId: COMMUNITY_CATEGORY_ID, parentId: null, name: 'Company blog',
    description: 'Long reads from the Bosman team, on our own blog.', theme: 'announcements', generated: 0, window: RECENT,
    redirectUrl: 'https://blog.example.com/' },

  { id: BUSY_BOARD_ID, categoryId: BUSINESS_CATEGORY_ID, parentId: null, name: 'Markets and Finance',
    description: 'Stocks, bonds, rates and portfolios. Not financial advice.', theme: 'markets', generated: 70, window: ALL_YEARS },
  { id: CRYPTO_BOARD_ID, categoryId: BUSINESS_CATEGORY_ID, parentId: BUSY_BOARD_ID, name: 'Crypto and alternatives',
    description: 'Digital assets, commodities and other things that do not pay dividends.', theme: 'crypto', generated: 9, window: RECENT },
  { id: ENTREPRENEURS_BOARD_ID, categoryId: BUSINESS_CATEGORY_ID, parentId: null, name: 'Entrepreneurs',
    description: 'Running a business: customers, pricing, hiring and keeping the lights on.', theme: 'startups', generated: 12, window: ALL_YEARS },
  { id: CHILD_BOARD_ID, categoryId: BUSINESS_CATEGORY_ID, parentId: ENTREPRENEURS_BOARD_ID, name: 'Startups',
    description: 'Early-stage companies, product-market fit and founder life.', theme: 'startups', generated: 8, window: ALL_YEARS },
  { id: GRANDCHILD_BOARD_ID, categoryId: BUSINESS_CATEGORY_ID, parentId: CHILD_BOARD_ID, name: 'Funding and investors',
    description: 'Angels, term sheets, grants and bootstrapping.', theme: 'startups', generated: 5, window: RECENT },
  { id: CAREERS_BOARD_ID, categoryId: BUSINESS_CATEGORY_ID, parentId: null, name: 'Jobs and Careers',
    description: 'Offers, interviews, salaries and changing direction.', theme: 'careers', generated: 11, window: ALL_YEARS },

  { id: SEED_BOARD_ID, categoryId: NEWS_CATEGORY_ID, parentId: null, name: 'Crime and war',
    description: 'Conflict, security and organised crime, and what they mean for trade.', theme: 'news', generated: 6,
    window: [Date.UTC(2024, 6, 1), Date.UTC(2025, 4, 30)], usualStarter: 'news-desk' },
  { id: WORLD_NEWS_BOARD_ID, categoryId: NEWS_CATEGORY_ID, parentId: null, name: 'World news',
    description: 'Headlines from everywhere, discussed calmly.', theme: 'news', generated: 10, window: RECENT, usualStarter: 'news-desk' },
  { id: ASIA_PACIFIC_BOARD_ID, categoryId: NEWS_CATEGORY_ID, parentId: WORLD_NEWS_BOARD_ID, name: 'Asia-Pacific',
    description: 'News from East and South-East Asia and Oceania.', theme: 'news', generated: 7, window: RECENT, usualStarter: 'news-desk' },
  { id: RESEARCH_BOARD_ID, categoryId: NEWS_CATEGORY_ID, parentId: null, name: 'Research and reports',
    description: 'Papers, surveys and data worth reading in full.', theme: 'research', generated: 8, window: ALL_YEARS },

  { id: HELP_BOARD_ID, categoryId: HELP_CATEGORY_ID, parentId: null, name: 'Help and feedback',
    description: 'Problems with the forum, suggestions and questions for the admins.', theme: 'help', generated: 6, window: RECENT },
  { id: TESTING_BOARD_ID, categoryId: HELP_CATEGORY_ID, parentId: null, name: 'Testing ground',
    description: 'Try out BBCode and attachments here; posts may be cleared without notice.', theme: 'help', generated: 2, window: RECENT },
  { id: RESTRICTED_BOARD_ID, categoryId: HELP_CATEGORY_ID, parentId: null, name: 'Staff room',
    description: 'Moderators and administrators only.', theme: 'staff', generated: 4, window: RECENT, restricted: true },
];
