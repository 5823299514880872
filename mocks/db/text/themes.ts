// Word lists and sentence templates for generated topics, one theme per kind of
// board. Companies, banks and people are invented; places and institutions are
// real only where a generic remark about them is harmless.
import type { Slots } from './template';

export interface Theme {
  slots: Slots;
  /** Slots fixed once per topic so the whole thread stays on one subject. */
  anchors: readonly string[];
  /** Anchors that follow from others (a company's sector), so a thread does not contradict itself. */
  derive?: (anchors: Readonly<Record<string, string>>) => Record<string, string>;
  /** False when details are the starter's own story and would read oddly in someone else's reply. */
  repliesUseDetails?: boolean;
  titles: readonly string[];
  /** Sentences that open a first post. */
  openers: readonly string[];
  /** Sentences that fill out first posts and replies. */
  details: readonly string[];
  /** How a first post ends: usually a question to the board. */
  asks: readonly string[];
  /** Sentences that only make sense in a reply. */
  replies: readonly string[];
}

const SHARED_SLOTS: Slots = {
  year: ['2019', '2020', '2021', '2022', '2023', '2024', '2025'],
  month: ['January', 'March', 'April', 'June', 'September', 'October', 'November', 'December'],
  percent: ['2', '3.5', '4', '5', '7', '8.5', '12', '15', '20', '25', '30', '40'],
  smallNumber: ['two', 'three', 'four', 'five', 'six', 'a dozen'],
  timeSpan: ['six months', 'a year', 'eighteen months', 'two years', 'three years', 'five years', 'a decade'],
  city: ['Rotterdam', 'Lagos', 'Singapore', 'Manchester', 'São Paulo', 'Nairobi', 'Kraków', 'Toronto', 'Dubai', 'Melbourne', 'Pune', 'Lyon', 'Seoul', 'Cape Town'],
  hedge: ['honestly', 'to be fair', 'for what it is worth', 'in my experience', 'as far as I can tell', 'admittedly'],
};

const COMPANY_SECTORS: Readonly<Record<string, string>> = {
  'Halvorsen Shipping': 'shipping',
  'Kestrel Semiconductors': 'semiconductor',
  'Aurelia Foods': 'consumer staples',
  'Meridian Bank': 'regional bank',
  'Tamarind Retail': 'retail',
  'Blue Ridge Energy': 'renewables',
  'Okapi Telecom': 'telecom',
  'Verdant Agritech': 'agritech',
  'Copperline Mining': 'mining',
  'Northwind Logistics': 'logistics',
  'Solenne Pharma': 'pharma',
  'Brightwater Utilities': 'utility',
};

const MARKETS: Theme = {
  slots: {
    ...SHARED_SLOTS,
    company: Object.keys(COMPANY_SECTORS),
    sector: [...new Set(Object.values(COMPANY_SECTORS))],
    bank: ['the Fed', 'the ECB', 'the Bank of England', 'the Bank of Japan', 'the RBI', 'the central bank'],
    asset: ['gold', 'long-dated bonds', 'index funds', 'dividend stocks', 'emerging market ETFs', 'copper', 'money market funds', 'REITs'],
    quarter: ['Q1', 'Q2', 'Q3', 'Q4'],
    metric: ['free cash flow', 'the dividend cover', 'net interest margin', 'gross margin', 'the order book', 'guidance', 'debt to equity'],
    verdict: ['better than feared', 'a miss on every line', 'priced in already', 'a turning point', 'not as bad as the headlines', 'a warning sign'],
    broker: ['a low-cost broker', 'my bank\'s platform', 'an app everyone recommends', 'an old-school full-service broker'],
  },
  anchors: ['company', 'asset', 'bank'],
  derive: (a) => ({ sector: COMPANY_SECTORS[a.company ?? ''] ?? 'shipping' }),
  titles: [
    '{company} {quarter} results: {verdict}?',
    'Is now the time to add {asset} to a portfolio?',
    '{bank} holds rates — what next for {asset}?',
    'Thoughts on {company} after the {sector} sell-off',
    'Dividend portfolio check-in, {month} {year}',
    'Why is nobody talking about {metric} at {company}?',
    'Rebalancing: how often do you actually do it?',
    'Best way to hold {asset} for a beginner',
    '{company} announces buyback — good news or a red flag?',
    'Is the {sector} cycle turning?',
    'Sanity check on my {percent}% cash allocation',
    'Inflation print tomorrow: positioning?',
    'Moving from {broker} — recommendations?',
    '{company} cuts guidance, shares down {percent}%',
    'Long-term case for {sector} stocks',
    'Tax-efficient ways to hold {asset}',
  ],
  openers: [
    'I have been holding {company} for about {timeSpan} and the latest numbers made me stop and think.',
    'With {bank} signalling another pause, I am trying to work out what that means for {asset}.',
    'The {sector} names took a beating this week and {company} was down {percent}% at one point.',
    'Long-time reader, first post in this board — I would like a sanity check on something.',
    'Quick one for the people here who follow {sector} more closely than I do.',
    'Every few months this question comes up again, so here is my attempt at a proper thread.',
  ],
  details: [
    'On paper {metric} looks fine, but the trend over the last {smallNumber} quarters is heading the wrong way.',
    'Management keeps talking about discipline, yet capex went up {percent}% year on year.',
    'The market seems to be pricing in at least {smallNumber} rate cuts, which feels optimistic to me.',
    'I am not trying to time the bottom; I just want to know whether the thesis still holds.',
    '{hedge}, the valuation is the least of my worries — it is the balance sheet.',
    'My current split is roughly {percent}% {asset}, the rest in a global tracker and cash.',
    'Fees matter more than people think once you compound them over {timeSpan}.',
    'The last time {sector} looked this cheap it stayed cheap for another {timeSpan}.',
    'Their annual report is surprisingly readable if you skip straight to the segment notes.',
    'Currency moves alone explain about a third of the drop, which nobody in the press mentions.',
    'I would rather miss some upside than spend another year watching a value trap.',
    'Insiders bought shares in {month}, for whatever that signal is worth.',
  ],
  asks: [
    'Am I missing something obvious?',
    'How are the rest of you positioned?',
    'Would you add here, hold, or cut your losses?',
    'Any good sources for reading up on this properly?',
    'What would change your mind either way?',
  ],
  replies: [
    'I sold half of my {company} position in {month} and have not regretted it yet.',
    'The thing to watch is {metric}; everything else is noise this quarter.',
    'Careful with {asset} here — liquidity dries up fast when everyone heads for the exit at once.',
    'I went through the same thought process last year and ended up just buying the index.',
    '{bank} has been wrong-footed before, so I would not bet the house on their forward guidance.',
    'Their debt matures in {timeSpan}, so refinancing costs will bite long before any recovery shows up.',
    'Remember that the dividend is only as safe as {metric}.',
    'If you need the money within {timeSpan}, it probably should not be in {sector} stocks at all.',
    'Drip-feeding monthly takes most of the agony out of this kind of decision.',
    'The sell-side notes I have seen are split almost exactly down the middle.',
  ],
};

const CRYPTO: Theme = {
  slots: {
    ...SHARED_SLOTS,
    coin: ['bitcoin', 'ether', 'a stablecoin', 'a layer-2 token', 'an exchange token'],
    venue: ['a large exchange', 'a hardware wallet', 'a self-custody app', 'a regulated ETF'],
    risk: ['counterparty risk', 'regulatory risk', 'custody risk', 'smart-contract risk', 'liquidity risk'],
  },
  anchors: ['coin', 'venue'],
  titles: [
    'Holding {coin} through {venue}: is it worth the fees?',
    'How much of a portfolio should be in crypto at all?',
    'Stablecoin yields look too good — what is the catch?',
    'Tax reporting for {coin} trades in {year}',
    'Lost access to {venue} account — any advice?',
    'Spot ETFs versus holding {coin} directly',
  ],
  openers: [
    'I have kept a small slice in {coin} since {year}, mostly as an experiment.',
    'A colleague keeps telling me to move everything off {venue}, so I am asking here.',
    'Every cycle I promise myself I will write down a plan in advance. This is that post.',
  ],
  details: [
    'The biggest issue for me is {risk}, not the price swings.',
    'I cap it at {percent}% of my investable assets and rebalance once a year.',
    'Withdrawal fees on {venue} were higher than I expected.',
    'The paperwork at tax time took longer than every other holding combined.',
  ],
  asks: ['How do you handle this?', 'Is anyone here doing this differently?', 'What am I underestimating?'],
  replies: [
    'Not your keys, not your coins — but self-custody has its own {risk}.',
    'I treat it as a lottery ticket and size it accordingly.',
    'The ETF route is boring, which is exactly why I like it.',
    'Keep records of every transaction from day one; reconstructing them later is misery.',
  ],
};

const STARTUPS: Theme = {
  slots: {
    ...SHARED_SLOTS,
    product: ['a B2B invoicing tool', 'a marketplace for used lab equipment', 'a scheduling app for clinics', 'a freight-matching platform', 'a bookkeeping service for freelancers', 'a food-waste analytics product', 'a language-learning app for nurses'],
    stage: ['pre-seed', 'seed', 'Series A', 'bootstrapped', 'pre-revenue'],
    investor: ['an angel syndicate', 'a regional fund', 'a corporate VC', 'a friends-and-family round', 'a revenue-based financing firm'],
    metric: ['monthly recurring revenue', 'churn', 'customer acquisition cost', 'runway', 'gross margin', 'payback period'],
    channel: ['cold email', 'LinkedIn content', 'trade fairs', 'partnerships', 'paid search', 'word of mouth'],
  },
  anchors: ['product', 'stage', 'investor', 'channel'],
  titles: [
    'Feedback wanted: {product} ({stage})',
    'Term sheet from {investor} — what should I look out for?',
    'How did you find your first ten customers?',
    '{channel} for B2B: still worth the effort?',
    'Co-founder equity split: how did you decide?',
    'Bootstrapping vs raising: a year later',
    'Our {metric} doubled and I do not know why',
    'Pricing page redesign — before and after',
    'Lessons from shutting down {product}',
    'Hiring the first salesperson: too early?',
  ],
  openers: [
    'We have been building {product} for about {timeSpan} now, {stage}, two founders and a part-time developer.',
    'After {smallNumber} months of talking to customers we finally have something people pay for.',
    'I have read every blog post on this and they all contradict each other, so I am asking real people.',
  ],
  details: [
    'Most of our traction so far has come from {channel}, which does not feel scalable.',
    'Our {metric} is the number that keeps me up at night.',
    '{investor} offered terms that look generous until you read the liquidation preference.',
    'We priced too low at launch and raising prices by {percent}% lost us almost nobody.',
    'The sales cycle is {smallNumber} months on average, far longer than we planned for.',
    'We have about {timeSpan} of runway if nothing changes.',
  ],
  asks: ['Would love to hear how others handled this.', 'Brutal honesty welcome.', 'What would you do in our position?'],
  replies: [
    'Talk to a lawyer before you sign anything from {investor}; the boilerplate is rarely neutral.',
    'We found {channel} worked only after we narrowed the audience to one job title.',
    'Charge more. Almost every founder I know underpriced their first version.',
    'Runway is a decision, not a fact — you can usually extend it if you cut early.',
    'Ten customers who love you beat a hundred who tolerate you.',
    'We made the same mistake with {metric} and it took a year to see it.',
  ],
};

const CAREERS: Theme = {
  slots: {
    ...SHARED_SLOTS,
    role: ['financial analyst', 'product manager', 'procurement lead', 'junior accountant', 'data engineer', 'operations manager', 'compliance officer', 'sales director'],
    industry: ['banking', 'logistics', 'consulting', 'retail', 'insurance', 'public-sector', 'manufacturing'],
    skill: ['SQL', 'negotiation', 'financial modelling', 'public speaking', 'Excel', 'people management'],
  },
  anchors: ['role', 'industry', 'skill'],
  titles: [
    'Switching from {industry} to tech as a {role}',
    'Salary negotiation: how hard to push?',
    'Is an MBA still worth it in {year}?',
    'Counter-offer from my current employer — take it?',
    'Remote {role} roles: where do you find them?',
    'How important is {skill} for a {role}?',
    'Interview feedback thread: {role} in {industry}',
  ],
  openers: [
    'I have spent {timeSpan} as a {role} in {industry} and I am starting to feel stuck.',
    'Got an offer this week and I would appreciate some outside perspective.',
    'Hiring manager here; I see this question a lot, so here is a thread for it.',
  ],
  details: [
    'The new role pays about {percent}% more but the commute is brutal.',
    'Every job advert now asks for {skill}, which I have only used a little.',
    'My manager is supportive, but there is no obvious next step up.',
    'Recruiters keep calling, which suggests the market is better than it feels.',
  ],
  asks: ['What would you do?', 'Anyone made a similar move?', 'Is this normal in your industry?'],
  replies: [
    'Never accept the first number; a polite counter is expected.',
    'I took the counter-offer once and left within a year anyway.',
    'Learn {skill} properly — it pays off in every {industry} job I have seen.',
    'Ask to speak to someone who left the team recently; it tells you more than the interview.',
  ],
};

const NEWS: Theme = {
  slots: {
    ...SHARED_SLOTS,
    // All plural, so "{actor} dismantle …" and "{actor} say …" both read right.
    actor: ['prosecutors', 'border police', 'customs officials', 'defence officials', 'investigators', 'peacekeepers', 'coast guard officers', 'war crimes investigators'],
    crime: ['an arms-smuggling ring', 'a cyber-fraud network', 'a sanctions-evasion scheme', 'a cross-border drone attack', 'a money-laundering operation', 'a cargo theft gang'],
    region: ['the Black Sea', 'the Sahel', 'the Baltic states', 'the Korean Peninsula', 'the Red Sea shipping lanes', 'the South Caucasus', 'the Balkans'],
    outcome: ['charges were filed', 'talks stalled', 'sanctions were extended', 'a ceasefire was announced', 'arrests followed', 'an inquiry was opened'],
    source: ['wire reports', 'a parliamentary briefing', 'satellite imagery', 'court documents', 'an official statement', 'local journalists'],
  },
  anchors: ['actor', 'crime', 'region'],
  titles: [
    '{actor} dismantle {crime}',
    'Tensions rise in {region} as {outcome}',
    'Insurance costs soar for ships crossing {region}',
    'Trial opens over {crime} linked to {region}',
    'What the latest sanctions package means for trade',
    'Ceasefire talks: what is actually on the table?',
    'Drone incidents near {region} — thread for updates',
    'Defence spending: who is paying for the build-up?',
  ],
  openers: [
    'According to {source}, {actor} say {crime} had been operating for at least {timeSpan}.',
    '{actor} say {crime} is only part of the picture, according to {source}.',
    'Posting this here because it has not had much coverage in the English-language press.',
    'Another week, another escalation around {region}; collecting reliable sources in one place.',
  ],
  details: [
    'The figures quoted vary a lot depending on who you ask, so treat them with care.',
    'For businesses the immediate effect is on shipping routes and insurance premiums.',
    'Officials have so far declined to confirm how many people were detained.',
    'According to {source}, the network relied on shell companies registered in {smallNumber} jurisdictions.',
    'Analysts expect more details in the coming weeks, now that {outcome}.',
  ],
  asks: ['Has anyone seen better sourcing on this?', 'How is this affecting your business, if at all?', 'Thoughts?'],
  replies: [
    'Freight quotes through {region} have gone up noticeably for us this month.',
    'Worth waiting for {source} before drawing conclusions.',
    'The human cost gets lost in these threads; it is not just a market story.',
    'Sanctions only work if enforcement keeps up, and that is the weak point.',
    'I would treat any single source on this with caution.',
  ],
};

const RESEARCH: Theme = {
  slots: {
    ...SHARED_SLOTS,
    study: ['a working paper', 'an OECD report', 'a central bank study', 'a university survey', 'a meta-analysis', 'an industry white paper'],
    finding: ['four-day weeks did not reduce output', 'small firms pay more for credit than the data suggested', 'remote hiring widened the talent pool mostly for senior roles', 'price transparency lowered margins in wholesale markets', 'minimum wage rises had little effect on employment'],
    method: ['a randomised trial', 'panel data over {timeSpan}', 'survey responses from {smallNumber} thousand firms', 'administrative tax records'],
  },
  anchors: ['study', 'finding', 'method'],
  titles: [
    'Paper: {finding}',
    'Reading group: {study} on productivity',
    'How reliable are business surveys?',
    'New data on small-business lending',
    'Summary thread: {study} on trade flows',
  ],
  openers: [
    '{study} out this month argues that {finding}.',
    'Sharing this because it challenges something many of us take for granted.',
  ],
  details: [
    'The method is {method}, which is stronger than the usual anecdotes.',
    'The sample skews towards larger firms, so be careful generalising.',
    'The appendix is where the interesting caveats are.',
  ],
  asks: ['Does this match your experience?', 'Any critiques of the method?'],
  replies: [
    'I read it too; the effect size is smaller than the headline implies.',
    'Would love to see this replicated outside Europe.',
    'The data section is solid, but the policy conclusions go further than the evidence.',
  ],
};

const COMMUNITY: Theme = {
  slots: {
    ...SHARED_SLOTS,
    hobby: ['sourdough baking', 'cycling', 'chess', 'gardening', 'running', 'board games', 'photography', 'fishing'],
    thing: ['a standing desk', 'noise-cancelling headphones', 'a paper planner', 'a second monitor', 'an e-reader'],
    book: ['a business biography', 'a history of the shipping container', 'a novel about a bank run', 'a book on negotiation'],
  },
  anchors: ['hobby', 'thing', 'book'],
  titles: [
    'What are you reading this {month}?',
    'Work-from-home setups: show yours',
    'Anyone into {hobby}?',
    'Is {thing} worth it?',
    'Recommend {book}',
    'Weekend plans thread',
    'The coffee thread, {year} edition',
    'Small wins this week',
  ],
  openers: [
    'Markets are closed, so let us talk about something else for a change.',
    'I finally gave in and bought {thing} after years of putting it off.',
    'Picked up {hobby} during lockdown and somehow never stopped.',
  ],
  details: [
    'It has changed my working day more than I expected.',
    'My family thinks I have become slightly obsessed.',
    'The best part is that it gets me away from a screen.',
    'I just finished {book} and cannot stop recommending it.',
  ],
  asks: ['What about you?', 'Any recommendations?', 'Share yours!'],
  replies: [
    'Same here — {hobby} is the only thing that switches my brain off.',
    'I bought {thing} last year and use it every day.',
    'Adding that to my list, thanks.',
    'Ha, this thread is dangerous for my wallet.',
  ],
};

const INTRODUCTIONS: Theme = {
  slots: {
    ...SHARED_SLOTS,
    job: ['an accountant', 'a logistics planner', 'a small shop owner', 'a student of economics', 'a retired engineer', 'a freelance designer', 'a bank clerk'],
  },
  anchors: ['city', 'job'],
  repliesUseDetails: false,
  titles: [
    'Hello from {city}!',
    'New member — {job} from {city}',
    'Long-time lurker, finally joined',
    'Hi all, introducing myself',
  ],
  openers: [
    'Hi everyone, I am {job} based in {city} and I have been reading the forum for a while.',
    'Greetings from {city}! I found this place through a search about dividend taxes.',
  ],
  details: [
    'I am mostly interested in the markets and startup boards.',
    'Outside work I spend too much time reading about economic history.',
    'Looking forward to learning from you all.',
  ],
  asks: ['Nice to meet you all!', 'Say hi!'],
  replies: [
    'Welcome aboard!',
    'Welcome! The markets board is the busiest, but the lounge is friendlier.',
    'Hello and welcome from another {city} resident.',
    'Welcome — do read the posting guidelines in Announcements first.',
  ],
};

const HELP: Theme = {
  slots: {
    ...SHARED_SLOTS,
    feature: ['notifications', 'the search page', 'profile signatures', 'attachment uploads', 'the mobile layout', 'private messages', 'the quote button', 'the unread posts list'],
    problem: ['does not load', 'shows the wrong time zone', 'is very slow', 'logs me out', 'cuts off long posts', 'shows an error'],
    device: ['my phone', 'an old laptop', 'a work PC', 'a tablet'],
  },
  anchors: ['feature', 'problem', 'device'],
  titles: [
    '{feature} {problem}',
    'Since the upgrade, {feature} {problem}',
    'Anyone else? {feature} {problem}',
    'Bug: {feature} {problem} on {device}',
  ],
  openers: [
    'Since last week {feature} {problem} for me.',
    'Not sure this is the right board, but {feature} {problem} whenever I use {device}.',
    'Small bug report: {feature} {problem}.',
  ],
  details: [
    'I have tried a different browser and cleared the cache.',
    'It happens on {device} as well as at home.',
    'Logging out and back in did not help.',
    'It started around the time of the last maintenance window.',
  ],
  asks: ['Is it just me?', 'Any ideas?', 'Can an admin take a look?'],
  replies: [
    'Same problem here since the upgrade.',
    'Thanks for reporting — we are looking into it.',
    'Fixed for me after logging out and back in.',
    'Noted, this is on the list for the next maintenance window.',
    'Works fine for me on {device}, for what it is worth.',
  ],
};

const ANNOUNCEMENTS: Theme = {
  slots: {
    ...SHARED_SLOTS,
    weekday: ['Sunday', 'Saturday', 'Tuesday'],
    version: ['2.1.2', '2.1.3', '2.1.4', '2.1.6'],
    newBoard: ['Crypto and alternatives', 'Research and reports', 'Games and puzzles', 'Asia-Pacific'],
  },
  anchors: ['weekday', 'version', 'newBoard'],
  titles: [
    'Scheduled maintenance this {weekday}',
    'We are now on SMF {version}',
    'New board: {newBoard}',
    'Spam wave: new members now need approval',
    'Happy birthday, Bosman Business World!',
  ],
  openers: [
    'A short note from the admin team.',
    'Thanks to everyone who reported problems over the last few weeks.',
  ],
  details: [
    'The forum will be read-only for about an hour on {weekday} morning (UTC).',
    'The upgrade to SMF {version} fixes several bugs with quotes and attachments.',
    'You asked for it, so {newBoard} now has a board of its own.',
    'Please report anything odd in Help and feedback rather than here.',
  ],
  asks: ['Thanks for your patience.', 'Enjoy!'],
  replies: ['Thanks for all the work, admins!', 'Great news.', 'Much appreciated.', 'Noticed it is much faster already.'],
  repliesUseDetails: false,
};

const STAFF: Theme = {
  slots: {
    ...SHARED_SLOTS,
    issue: ['a spam wave', 'a member dispute', 'the upgrade to SMF 2.1', 'the advertising policy', 'moderator rotas'],
  },
  anchors: ['issue'],
  titles: ['Handling {issue}', 'Moderator notes, {month} {year}', 'Proposal: rules update', 'Backups and maintenance'],
  openers: ['We need to agree how to handle {issue} before it escalates.'],
  details: ['Please keep this thread staff-only.', 'I have drafted a response; comments welcome.'],
  asks: ['Objections?', 'Can everyone sign off by Friday?'],
  replies: ['Agreed, go ahead.', 'I can take the weekend shift.', 'Let us log every action in the mod log.'],
};

export const THEMES = {
  announcements: ANNOUNCEMENTS,
  markets: MARKETS,
  crypto: CRYPTO,
  startups: STARTUPS,
  careers: CAREERS,
  news: NEWS,
  research: RESEARCH,
  community: COMMUNITY,
  introductions: INTRODUCTIONS,
  help: HELP,
  staff: STAFF,
} as const;

export type ThemeName = keyof typeof THEMES;

/** Opening words of replies; they make generated threads read like conversations. */
export const REPLY_OPENERS = [
  'Good point.', 'I disagree, respectfully.', 'Same experience here.', 'Interesting thread.',
  'Thanks for posting this.', 'Not sure I agree.', 'This.', 'Fair question.', 'Been there.',
  'Agree with the above.', 'Counterpoint:', 'Late to this thread, but here goes.', 'Quick thought:',
];

export const REPLY_CLOSERS = [
  'Just my two cents.', 'Happy to be proven wrong.', 'Good luck either way.', 'Keep us posted.',
  'Not advice, obviously.', 'Curious what others think.',
];
