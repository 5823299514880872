// The crawler routes against the demo forum on both database families: robots.txt, the
// sitemap index and its pages, checked against what the API lets a guest read (every
// board and topic a guest can open appears once, nothing else does), against the seed's
// times, against the sitemaps.org schemas (xmllint), and as HTTP (ETags, 404s, escaping).
import type { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { BUSY_BOARD_ID, REDIRECT_BOARD_ID, SEED_TOPIC_ID } from '../../mocks/db/ids';
import type { BoardResponse, BoardSummary, ForumResponse } from '../../src/lib/api/schemas';
import { isoTime } from '../api/context';
import { createApp } from '../http/app';
import type { DemoSeed } from '../seed/demo-forum';
import { DIALECTS } from '../test/databases';
import { seededSuite } from '../test/seeded-forum';
import { seoRoutes } from './seo-routes';
import { SITEINDEX_XSD, SITEMAP_XSD, validate } from './sitemap-schema';
import { xmlEscape } from './sitemap-xml';

const ORIGIN = 'https://forum.example';
const PRIVATE_COLUMNS = /email_address|poster_email|member_ip|poster_ip|passwd|password_salt|secret_answer|secret_question|tfa_secret|validation_code/i;

interface Entry {
  loc: string;
  lastmod: string | null;
}

const unescapeXml = (text: string): string =>
  text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[name] ?? '');

/** The `<url>` or `<sitemap>` entries of a document, in order. */
function entriesOf(xml: string): Entry[] {
  return [...xml.matchAll(/<(url|sitemap)><loc>([^<]*)<\/loc>(?:<lastmod>([^<]*)<\/lastmod>)?<\/\1>/g)].map((m) => ({
    loc: unescapeXml(m[2] ?? ''),
    lastmod: m[3] ?? null,
  }));
}

interface Crawl {
  index: string;
  /** Each sitemap the index names, by its path, with its document and entries. */
  sitemaps: { path: string; xml: string; entries: Entry[] }[];
  urls: Entry[];
}

/** Reads /sitemap.xml and every sitemap it names, as a crawler would. */
async function crawl(app: Hono, origin = ORIGIN): Promise<Crawl> {
  const response = await app.request('/sitemap.xml');
  expect(response.status).toBe(200);
  const index = await response.text();
  const sitemaps: Crawl['sitemaps'] = [];
  for (const { loc } of entriesOf(index)) {
    expect(loc.startsWith(`${origin}/sitemaps/`)).toBe(true);
    const path = loc.slice(origin.length);
    const page = await app.request(path);
    expect({ path, status: page.status }).toEqual({ path, status: 200 });
    const xml = await page.text();
    sitemaps.push({ path, xml, entries: entriesOf(xml) });
  }
  return { index, sitemaps, urls: sitemaps.flatMap((s) => s.entries) };
}

function allBoards(boards: readonly BoardSummary[]): BoardSummary[] {
  return boards.flatMap((b) => [b, ...allBoards(b.children)]);
}

describe.each(DIALECTS)('robots.txt and sitemaps on %s', (kind) => {
  let rows: DemoSeed['rows'] | undefined;
  let hiddenTopic = 0;
  const suite = seededSuite(kind, (seed) => {
    rows = seed.rows;
    // As in guest-rules.test.ts: board 4 is for members only, and board 5 (its child) has
    // no view row for guests either.
    for (const b of seed.rows.boards) if (b.id_board === 4) b.member_groups = '0';
    seed.rows.board_permissions_view = seed.rows.board_permissions_view.filter((r) => !(r.id_board === 5 && r.id_group === -1));
    // A topic awaiting approval in a board guests read: its oldest topic by last post, so
    // the board's last post (and lastmod) stays an approved one. SMF's counter follows.
    const busy = seed.rows.topics.filter((t) => t.id_board === BUSY_BOARD_ID).sort((a, b) => a.id_last_msg - b.id_last_msg)[0];
    if (!busy) throw new Error('The demo forum has no topic in the busy board.');
    hiddenTopic = busy.id_topic;
    busy.approved = 0;
    for (const m of seed.rows.messages) if (m.id_topic === hiddenTopic) m.approved = 0;
    for (const b of seed.rows.boards) if (b.id_board === BUSY_BOARD_ID) b.num_topics -= 1;
    // The seed topic's last post was edited three days after it was written.
    const seedTopic = seed.rows.topics.find((t) => t.id_topic === SEED_TOPIC_ID);
    for (const m of seed.rows.messages) if (m.id_msg === seedTopic?.id_last_msg) m.modified_time = m.poster_time + 3 * 86_400;
  });

  function seoApp(options: { pageSize?: number; origin?: string } = {}): Hono {
    const { api } = suite().server;
    const app = createApp({ api, files: { attachmentsDir: null }, log: () => undefined });
    seoRoutes(app, { api, origin: () => options.origin ?? ORIGIN, ...(options.pageSize === undefined ? {} : { pageSize: options.pageSize }) });
    return app;
  }

  /** What the API lets a guest open: boards with a page of their own, and every topic listed on them. */
  async function guestView(): Promise<{ boards: number[]; topics: number[] }> {
    const server = suite().server;
    const index = await server.json<ForumResponse>('/api/forum');
    const boards: number[] = [];
    const topics: number[] = [];
    for (const board of allBoards(index.body.categories.flatMap((c) => c.boards))) {
      for (let page = 1, pages = 1; page <= pages; page++) {
        const { status, body } = await server.json<BoardResponse>(`/api/boards/${String(board.id)}?page=${String(page)}`);
        if (status !== 200) break;
        if (page === 1 && body.board.redirectUrl === null) boards.push(board.id);
        topics.push(...body.topics.map((t) => t.id));
        pages = body.page.totalPages;
      }
    }
    return { boards: boards.sort((a, b) => a - b), topics: topics.sort((a, b) => a - b) };
  }

  it('robots.txt lets crawlers read the reader, keeps them out of the API and search, and names the index', async () => {
    const response = await seoApp().request('/robots.txt');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await response.text()).toBe(
      `User-agent: *\nAllow: /\nDisallow: /api/\nDisallow: /search\n\nSitemap: ${ORIGIN}/sitemap.xml\n`,
    );
  });

  it('lists every board and topic a guest may open exactly once, and nothing else', async () => {
    const { sitemaps, urls } = await crawl(seoApp());
    expect(sitemaps.map((s) => s.path)).toEqual(['/sitemaps/boards-1.xml', '/sitemaps/topics-1.xml']);
    const expected = await guestView();
    const ids = (prefix: string): number[] => urls.filter((u) => u.loc.startsWith(`${ORIGIN}${prefix}`)).map((u) => Number(u.loc.slice(ORIGIN.length + prefix.length)));
    expect(urls.every((u) => /^https:\/\/forum\.example\/(board|topic)\/[1-9]\d*$/.test(u.loc))).toBe(true);
    expect(ids('/board/')).toEqual(expected.boards);
    expect(ids('/topic/')).toEqual(expected.topics);
    expect(new Set(ids('/topic/')).size).toBe(ids('/topic/').length);

    // The rows the API hides are indeed absent (and were there to hide).
    const seeded = rows;
    if (!seeded) throw new Error('no seed');
    const staffTopics = seeded.topics.filter((t) => t.id_board === 4 || t.id_board === 5).map((t) => t.id_topic);
    expect(staffTopics.length).toBeGreaterThan(0);
    for (const id of [4, 5, REDIRECT_BOARD_ID]) expect(ids('/board/')).not.toContain(id);
    for (const id of [hiddenTopic, ...staffTopics]) expect(ids('/topic/')).not.toContain(id);
    expect(ids('/topic/')).toContain(SEED_TOPIC_ID);
  });

  it('dates each page by its latest post a guest can see (a topic by its last post, or that post’s edit)', async () => {
    const { urls, index } = await crawl(seoApp());
    const seeded = rows;
    if (!seeded) throw new Error('no seed');
    const messages = new Map(seeded.messages.map((m) => [m.id_msg, m]));
    const lastmod = new Map(urls.map((u) => [u.loc, u.lastmod]));
    for (const topic of seeded.topics) {
      const loc = `${ORIGIN}/topic/${String(topic.id_topic)}`;
      if (!lastmod.has(loc)) continue;
      const last = messages.get(topic.id_last_msg);
      expect({ loc, lastmod: lastmod.get(loc) }).toEqual({ loc, lastmod: last ? isoTime(Math.max(last.poster_time, last.modified_time)) : null });
    }
    const edited = messages.get(seeded.topics.find((t) => t.id_topic === SEED_TOPIC_ID)?.id_last_msg ?? 0);
    expect(lastmod.get(`${ORIGIN}/topic/${String(SEED_TOPIC_ID)}`)).toBe(isoTime((edited?.poster_time ?? 0) + 3 * 86_400));
    for (const board of seeded.boards) {
      const loc = `${ORIGIN}/board/${String(board.id_board)}`;
      if (!lastmod.has(loc)) continue;
      const last = messages.get(board.id_last_msg);
      expect({ loc, lastmod: lastmod.get(loc) }).toEqual({ loc, lastmod: last?.approved === 1 ? isoTime(last.poster_time) : null });
    }
    expect(urls.every((u) => u.lastmod === null || /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(u.lastmod))).toBe(true);
    // The index dates each sitemap by the latest lastmod on it.
    for (const entry of entriesOf(index)) {
      const times = urls.filter((u) => (entry.loc.includes('/boards-') ? u.loc.includes('/board/') : u.loc.includes('/topic/'))).map((u) => u.lastmod ?? '');
      expect(entry.lastmod).toBe(times.sort().at(-1));
    }
  });

  it('splits the lists into pages of at most pageSize URLs, in id order, the same URLs in all', async () => {
    const size = 7;
    const whole = await crawl(seoApp());
    const paged = await crawl(seoApp({ pageSize: size }));
    const count = (prefix: string): number => whole.urls.filter((u) => u.loc.startsWith(`${ORIGIN}${prefix}`)).length;
    const names = (kind: string, n: number): string[] => Array.from({ length: n }, (_, i) => `/sitemaps/${kind}-${String(i + 1)}.xml`);
    expect(paged.sitemaps.map((s) => s.path)).toEqual([
      ...names('boards', Math.ceil(count('/board/') / size)),
      ...names('topics', Math.ceil(count('/topic/') / size)),
    ]);
    expect(paged.sitemaps.filter((s) => s.path.includes('topics')).length).toBeGreaterThan(2);
    for (const kind of ['boards', 'topics']) {
      const pages = paged.sitemaps.filter((s) => s.path.includes(kind));
      expect(pages.slice(0, -1).every((p) => p.entries.length === size)).toBe(true);
      expect(pages.at(-1)?.entries.length).toBeGreaterThan(0);
      expect(pages.at(-1)?.entries.length).toBeLessThanOrEqual(size);
    }
    expect(paged.urls).toEqual(whole.urls);
    const topicIds = paged.urls.filter((u) => u.loc.includes('/topic/')).map((u) => Number(u.loc.split('/').at(-1)));
    expect(topicIds).toEqual([...topicIds].sort((a, b) => a - b));
    await validate(SITEINDEX_XSD, [paged.index]);
    await validate(SITEMAP_XSD, paged.sitemaps.map((s) => s.xml));
  });

  it('is valid against the sitemaps.org schemas, which do reject a broken sitemap', async () => {
    const { index, sitemaps } = await crawl(seoApp());
    await validate(SITEINDEX_XSD, [index]);
    await validate(SITEMAP_XSD, sitemaps.map((s) => s.xml));
    // The same validator says no to a url without its loc, an index entry without one, a
    // lastmod that is not a W3C datetime, and a urlset given to the index's schema.
    const ns = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"';
    await expect(validate(SITEMAP_XSD, [`<?xml version="1.0"?>\n<urlset ${ns}><url><lastmod>2024-10-21T15:19:00Z</lastmod></url></urlset>`])).rejects.toThrow(/xmllint rejected/);
    await expect(validate(SITEINDEX_XSD, [`<?xml version="1.0"?>\n<sitemapindex ${ns}><sitemap><lastmod>2024-10-21</lastmod></sitemap></sitemapindex>`])).rejects.toThrow(/xmllint rejected/);
    await expect(validate(SITEMAP_XSD, [`<?xml version="1.0"?>\n<urlset ${ns}><url><loc>${ORIGIN}/topic/1</loc><lastmod>yesterday</lastmod></url></urlset>`])).rejects.toThrow(/xmllint rejected/);
    await expect(validate(SITEINDEX_XSD, [sitemaps[0]?.xml ?? ''])).rejects.toThrow(/xmllint rejected/);
  });

  it('answers with XML, caching headers and a strong ETag, and 304 to a matching If-None-Match', async () => {
    const app = seoApp();
    for (const [path, type] of [
      ['/sitemap.xml', 'application/xml; charset=utf-8'],
      ['/sitemaps/topics-1.xml', 'application/xml; charset=utf-8'],
      ['/robots.txt', 'text/plain; charset=utf-8'],
    ] as const) {
      const first = await app.request(path);
      expect(first.status).toBe(200);
      expect(first.headers.get('content-type')).toBe(type);
      expect(first.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=3600, stale-while-revalidate=86400');
      const etag = first.headers.get('etag') ?? '';
      expect(etag).toMatch(/^"[\w-]+"$/);
      const again = await app.request(path, { headers: { 'If-None-Match': `"other", ${etag}` } });
      expect({ path, status: again.status }).toEqual({ path, status: 304 });
      expect(again.headers.get('etag')).toBe(etag);
      expect(await again.text()).toBe('');
      expect((await app.request(path, { headers: { 'If-None-Match': '"other"' } })).status).toBe(200);
    }
  });

  it('answers 404 for a page past the last, and for names that are not pages', async () => {
    const app = seoApp({ pageSize: 7 });
    const { sitemaps } = await crawl(app);
    const last = sitemaps.filter((s) => s.path.includes('topics')).length;
    for (const path of [
      `/sitemaps/topics-${String(last + 1)}.xml`, '/sitemaps/boards-99.xml', '/sitemaps/topics-0.xml', '/sitemaps/topics-01.xml',
      '/sitemaps/topics-1.json', '/sitemaps/posts-1.xml', '/sitemaps/topics-99999999999.xml',
    ]) {
      expect({ path, status: (await app.request(path)).status }).toEqual({ path, status: 404 });
    }
  });

  it('escapes the origin in every URL it writes', async () => {
    const origin = 'https://forum.example/?a=1&b=\'2\'';
    const app = seoApp({ origin, pageSize: 50 });
    const { index, sitemaps, urls } = await crawl(app, origin);
    expect(index).toContain(`<loc>${xmlEscape(origin)}/sitemaps/boards-1.xml</loc>`);
    expect(index).toContain('https://forum.example/?a=1&amp;b=&apos;2&apos;/sitemaps/');
    for (const doc of [index, ...sitemaps.map((s) => s.xml)]) expect(doc).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)|'/);
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.every((u) => u.loc.startsWith(origin))).toBe(true);
    await validate(SITEINDEX_XSD, [index]);
    await validate(SITEMAP_XSD, sitemaps.map((s) => s.xml));
    expect(xmlEscape(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&apos;');
  });

  it('never reads a private column', async () => {
    const server = suite().server;
    server.queries.length = 0;
    await crawl(seoApp({ pageSize: 50 }));
    expect(server.queries.length).toBeGreaterThan(2);
    for (const query of server.queries) {
      expect(query).not.toMatch(PRIVATE_COLUMNS);
      expect(query).not.toMatch(/select \*/i);
    }
  });
});

describe.each(DIALECTS)('a forum closed to guests on %s', (kind) => {
  const suite = seededSuite(kind, (seed) => {
    for (const s of seed.rows.settings) if (s.variable === 'allow_guestAccess') s.value = '0';
  });

  it('has no sitemaps for crawlers (403, as the API answers), and robots.txt still answers', async () => {
    const { api } = suite().server;
    const app = createApp({ api, files: { attachmentsDir: null }, log: () => undefined });
    seoRoutes(app, { api, origin: () => ORIGIN });
    for (const path of ['/sitemap.xml', '/sitemaps/boards-1.xml', '/sitemaps/topics-1.xml']) {
      expect({ path, status: (await app.request(path)).status }).toEqual({ path, status: 403 });
    }
    expect((await app.request('/robots.txt')).status).toBe(200);
  });
});
