// The server-rendered reader against the demo forum in real MariaDB and PostgreSQL
// databases: each page's HTML, status, metadata and hydration state, as a browser (or a
// crawler) receives it through the server's app. The browser's side (hydration, no
// JavaScript) is tested in Chromium: test/e2e/server-rendering.e2e.ts.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_TOPIC_ID, MULTI_PAGE_TOPIC_ID, RESTRICTED_BOARD_ID, SEED_TOPIC_ID, SHOWCASE_TOPIC_ID, handMadePostId } from '../../mocks/db/ids';
import type { TopicResponse } from '../../src/lib/api/schemas';
import { createApp } from '../http/app';
import { compressed } from '../http/compress-json';
import { createStaticFiles } from '../http/static-files';
import { DIALECTS } from '../test/databases';
import { seededSuite } from '../test/seeded-forum';
import { createPageRenderer, scriptJson } from './page-html';
import * as renderer from './render-entry';

// The build's index.html, reduced to what the renderer writes into.
const TEMPLATE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta name="description" content="Lectern: a fast, accessible reader for forums" />
    <title>Lectern</title>
    <script async type="module" crossorigin src="/assets/entry-test.js"></script>
  </head>
  <body>
    <div id="root"></div>
    <noscript>Lectern needs JavaScript to read the forum.</noscript>
  </body>
</html>
`;

const ORIGIN = 'https://forum.example';
const NOW = Date.parse('2026-11-30T12:00:00Z');

type ServerState = { now: number; locale: string; queries: { queries: Array<{ queryKey: unknown[]; state: { data: unknown } }> } };

function stateOf(html: string): ServerState {
  const block = /<script type="application\/json" id="lectern-state">([^<]*)<\/script>/.exec(html);
  if (!block?.[1]) throw new Error('the page has no state block');
  return JSON.parse(block[1]) as ServerState;
}

function structuredData(html: string): Record<string, unknown> {
  const block = /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(html);
  if (!block?.[1]) throw new Error('the page has no JSON-LD');
  return JSON.parse(block[1]) as Record<string, unknown>;
}

const linkHref = (html: string, rel: string) => new RegExp(`<link rel="${rel}" href="([^"]*)">`).exec(html)?.[1] ?? null;

describe('scriptJson', () => {
  it('keeps </script> and <!-- in a value from ending or changing the block, and reads back the same', () => {
    const value = { body: '</script><script>alert(1)</script><!-- <script> -->', line: '\u2028\u2029', amp: 'a&b' };
    const text = scriptJson(value);
    expect(text).not.toMatch(/<|>/);
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('a server-rendered page when the forum cannot answer', () => {
  it('is a 503 with the error page, cached by no one', async () => {
    const dist = await mkdtemp(join(tmpdir(), 'lectern-ssr-'));
    try {
      await writeFile(join(dist, 'index.html'), TEMPLATE);
      const unavailable = () =>
        Promise.resolve(
          new Response(JSON.stringify({ error: { code: 'unavailable', message: "The forum's database cannot be reached right now." } }), {
            status: 503,
            headers: { 'Content-Type': 'application/json' },
          }),
        );
      const pages = await createPageRenderer({ distDir: dist, renderer, fetchApi: unavailable, publicOrigin: ORIGIN });
      const app = new Hono();
      app.get('*', (c) => pages.respond(c));
      const response = await app.request(`/topic/${SEED_TOPIC_ID}`);
      expect(response.status).toBe(503);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const html = await response.text();
      expect(html).toContain('The forum is having trouble');
      expect(html).toContain('<meta name="robots" content="noindex">');
    } finally {
      await rm(dist, { recursive: true, force: true });
    }
  });
});

describe.each(DIALECTS)('server-rendered pages on %s', (kind) => {
  const suite = seededSuite(kind);
  let app: Hono;
  let dist: string;
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const response = await app.request(path, { headers });
    return { status: response.status, headers: response.headers, html: await response.text() };
  };
  const api = async <T>(path: string) => (await (await suite().server.get(`/api${path}`)).json()) as T;

  beforeAll(async () => {
    dist = await mkdtemp(join(tmpdir(), 'lectern-ssr-'));
    await writeFile(join(dist, 'index.html'), TEMPLATE);
    const pages = await createPageRenderer({
      distDir: dist,
      renderer,
      fetchApi: (request) => Promise.resolve(suite().server.app.fetch(request)),
      publicOrigin: ORIGIN,
      now: () => NOW,
    });
    const staticFiles = await createStaticFiles(dist, compressed((c) => pages.respond(c)));
    app = createApp({ api: suite().server.api, files: { attachmentsDir: suite().seeded.attachmentsDir }, staticFiles: staticFiles.handler, publicOrigin: ORIGIN, log: () => undefined });
  });
  afterAll(async () => {
    await rm(dist, { recursive: true, force: true });
  });

  it('sends a topic page whole: its title, its posts, the data to hydrate from, under the strict CSP', async () => {
    const topic = await api<TopicResponse>(`/topics/${SEED_TOPIC_ID}`);
    const { status, headers, html } = await get(`/topic/${SEED_TOPIC_ID}`);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(html).toContain('<html lang="en" data-rendered="server">');
    expect(html).toMatch(/<title>[^<]*· Bosman Business World<\/title>/);
    expect(html).not.toContain('<title>Lectern</title>');
    // The page reads without JavaScript: no "needs JavaScript" notice, only the stylesheet for that case.
    expect(html).not.toContain('needs JavaScript');
    expect(html).toContain('<noscript><link rel="stylesheet" href="/no-script.css"></noscript>');
    for (const post of topic.posts) expect(html).toContain(`id="msg${post.id}"`);
    const state = stateOf(html);
    expect(state.now).toBe(NOW);
    const cached = state.queries.queries.find((query) => JSON.stringify(query.queryKey) === JSON.stringify(['topics', SEED_TOPIC_ID, { page: 1 }]));
    expect(cached?.state.data).toEqual(topic);
    // No inline script: only the module script and data blocks, which are never run.
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((match) => match[1] ?? '');
    expect(scripts.every((attrs) => /\bsrc="/.test(attrs) || /type="application\/(?:ld\+)?json"/.test(attrs))).toBe(true);
  });

  it('writes no style attribute, which the CSP would drop: author colours are set once the page hydrates', async () => {
    const { status, html } = await get(`/topic/${SHOWCASE_TOPIC_ID}`);
    expect(status).toBe(200);
    expect(html).toContain('bb-color');
    expect(html).not.toMatch(/\sstyle="/);
  });

  it('describes a topic to search engines: description, canonical, Open Graph, and JSON-LD DiscussionForumPosting with its replies', async () => {
    const topic = await api<TopicResponse>(`/topics/${MULTI_PAGE_TOPIC_ID}`);
    const { html } = await get(`/topic/${MULTI_PAGE_TOPIC_ID}`);
    expect(linkHref(html, 'canonical')).toBe(`${ORIGIN}/topic/${MULTI_PAGE_TOPIC_ID}`);
    expect(linkHref(html, 'prev')).toBeNull();
    expect(linkHref(html, 'next')).toBe(`${ORIGIN}/topic/${MULTI_PAGE_TOPIC_ID}?page=2`);
    const description = /<meta name="description" content="([^"]*)">/.exec(html)?.[1] ?? '';
    expect(description.length).toBeGreaterThan(40);
    expect(description.length).toBeLessThanOrEqual(155 + 40); // escaped entities count here
    expect(html).toContain('<meta property="og:type" content="article">');
    expect(html).toContain(`<meta property="og:url" content="${ORIGIN}/topic/${MULTI_PAGE_TOPIC_ID}">`);
    expect(html).toContain('<meta name="twitter:card" content="summary">');
    expect(html).not.toContain('noindex');

    const posting = structuredData(html);
    expect(posting).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'DiscussionForumPosting',
      headline: topic.topic.title,
      url: `${ORIGIN}/topic/${MULTI_PAGE_TOPIC_ID}`,
      author: { '@type': 'Person', name: topic.topic.starter.name },
      datePublished: topic.topic.startedAt,
    });
    expect(typeof posting.text).toBe('string');
    expect(posting.interactionStatistic).toEqual([
      { '@type': 'InteractionCounter', interactionType: 'https://schema.org/CommentAction', userInteractionCount: topic.topic.replyCount },
      { '@type': 'InteractionCounter', interactionType: 'https://schema.org/ViewAction', userInteractionCount: topic.topic.viewCount },
    ]);
    const comments = posting.comment as Array<Record<string, unknown>>;
    expect(comments.map((comment) => comment.url)).toEqual(
      topic.posts.slice(1).map((post) => `${ORIGIN}/topic/${MULTI_PAGE_TOPIC_ID}?post=${post.id}#msg${post.id}`),
    );
    expect(comments[0]).toMatchObject({ '@type': 'Comment', author: { '@type': 'Person', name: topic.posts[1]?.author.name }, datePublished: topic.posts[1]?.postedAt });
  });

  it('links a later page to its neighbours and still describes the topic by its opening post', async () => {
    const { html } = await get(`/topic/${MULTI_PAGE_TOPIC_ID}?page=2`);
    expect(linkHref(html, 'canonical')).toBe(`${ORIGIN}/topic/${MULTI_PAGE_TOPIC_ID}?page=2`);
    expect(linkHref(html, 'prev')).toBe(`${ORIGIN}/topic/${MULTI_PAGE_TOPIC_ID}`);
    expect(linkHref(html, 'next')).toBe(`${ORIGIN}/topic/${MULTI_PAGE_TOPIC_ID}?page=3`);
    const posting = structuredData(html);
    expect(typeof posting.text).toBe('string');
    expect((posting.comment as unknown[]).length).toBe(15);
    // The state holds what the browser needs for this page, not the page-1 fetch made for the markup.
    const keys = stateOf(html).queries.queries.map((query) => JSON.stringify(query.queryKey));
    expect(keys).toContain(JSON.stringify(['topics', MULTI_PAGE_TOPIC_ID, { page: 2 }]));
    expect(keys).not.toContain(JSON.stringify(['topics', MULTI_PAGE_TOPIC_ID, { page: 1 }]));
  });

  it('answers with real status codes: 404 for what does not exist, 403 for a board guests may not read', async () => {
    for (const path of ['/topic/999999', '/board/999999', `/topic/${MULTI_PAGE_TOPIC_ID}?page=99`, '/no/such/page']) {
      const { status, html, headers } = await get(path);
      expect(status, path).toBe(404);
      expect(html, path).toContain('<meta name="robots" content="noindex">');
      expect(html, path).toMatch(/<h1[^>]*>[^<]*(Not found|Page not found)/);
      expect(headers.get('etag'), path).toBeNull();
    }
    const restricted = await get(`/board/${RESTRICTED_BOARD_ID}`);
    expect(restricted.status).toBe(403);
    expect(restricted.html).toContain('Not open to guests');
  });

  it('sends old SMF links and non-canonical addresses on with a 301, and a post link to its topic with a 302', async () => {
    const cases: Array<[string, number, string]> = [
      [`/index.php?topic=${MULTI_PAGE_TOPIC_ID}.15`, 301, `/topic/${MULTI_PAGE_TOPIC_ID}?page=2`],
      [`/index.php?topic=${MULTI_PAGE_TOPIC_ID}.0`, 301, `/topic/${MULTI_PAGE_TOPIC_ID}`],
      ['/index.php?board=7.0', 301, '/board/7'],
      [`/index.php?action=printpage;topic=${SEED_TOPIC_ID}.0`, 301, `/topic/${SEED_TOPIC_ID}/print`],
      [`/topic/${MULTI_PAGE_TOPIC_ID}?page=1`, 301, `/topic/${MULTI_PAGE_TOPIC_ID}`],
      [`/post/${handMadePostId(MULTI_PAGE_TOPIC_ID, 20)}`, 302, `/topic/${MULTI_PAGE_TOPIC_ID}?post=${handMadePostId(MULTI_PAGE_TOPIC_ID, 20)}#msg${handMadePostId(MULTI_PAGE_TOPIC_ID, 20)}`],
    ];
    for (const [path, status, location] of cases) {
      const response = await app.request(path);
      expect(response.status, path).toBe(status);
      expect(response.headers.get('location'), path).toBe(location);
    }
    const msg = await app.request(`/index.php?msg=${handMadePostId(MULTI_PAGE_TOPIC_ID, 20)}`);
    expect(msg.status).toBe(301);
  });

  it('keeps a hostile topic inside its blocks: no post can end the state script or open a comment', async () => {
    const topic = await api<TopicResponse>(`/topics/${HOSTILE_TOPIC_ID}`);
    expect(JSON.stringify(topic)).toContain('</script>');
    const { status, html } = await get(`/topic/${HOSTILE_TOPIC_ID}`);
    expect(status).toBe(200);
    const block = /<script type="application\/json" id="lectern-state">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    expect(block).not.toMatch(/<|>/);
    expect(stateOf(html).queries.queries[0]?.state.data).toEqual(topic);
    // Every <script> the document opens is one of ours, and is closed by its own end tag.
    expect([...html.matchAll(/<script\b/g)].length).toBe(3);
    expect([...html.matchAll(/<\/script>/g)].length).toBe(3);
  });

  it('renders search results for a plain GET form, and keeps them out of search engines', async () => {
    const results = await get('/search?q=pricing');
    expect(results.status).toBe(200);
    expect(results.html).toContain('<meta name="robots" content="noindex">');
    expect(results.html).toMatch(/<form[^>]*role="search"[^>]*action="\/search" method="get"/);
    expect(results.html).toContain('Search results for');
    const prompt = await get('/search');
    expect(prompt.status).toBe(200);
  });

  it('renders the pages of a topic a print range names, for its plain GET form, and only those', async () => {
    const [first, second, third] = await Promise.all([1, 2, 3].map((page) => api<TopicResponse>(`/topics/${MULTI_PAGE_TOPIC_ID}?page=${page}`)));
    const { status, html } = await get(`/topic/${MULTI_PAGE_TOPIC_ID}/print?from=2&to=2`);
    expect(status).toBe(200);
    expect(html).toMatch(new RegExp(`<form[^>]*action="/topic/${MULTI_PAGE_TOPIC_ID}/print" method="get"`));
    for (const post of second?.posts ?? []) expect(html).toContain(`id="msg${post.id}"`);
    for (const post of [...(first?.posts ?? []), ...(third?.posts ?? [])]) expect(html).not.toContain(`id="msg${post.id}"`);
    expect(second?.posts.length).toBe(15);
  });

  it('revalidates: an unchanged page is a 304, cacheable by a CDN for a short time, and kept apart per language', async () => {
    const first = await get(`/topic/${SEED_TOPIC_ID}`);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^W\/"/);
    expect(first.headers.get('cache-control')).toMatch(/s-maxage=\d+.*stale-while-revalidate=\d+/);
    expect(first.headers.get('vary')).toContain('Accept-Language');
    const again = await app.request(`/topic/${SEED_TOPIC_ID}`, { headers: { 'If-None-Match': etag ?? '' } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const apiAnswer = await app.request(`/api/topics/${SEED_TOPIC_ID}`);
    expect(apiAnswer.headers.get('cache-control')).toMatch(/^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/);
    const apiAgain = await app.request(`/api/topics/${SEED_TOPIC_ID}`, { headers: { 'If-None-Match': apiAnswer.headers.get('etag') ?? '' } });
    expect(apiAgain.status).toBe(304);
    // Another language is another page (its dates and numbers), with its own validator.
    const german = await get(`/topic/${SEED_TOPIC_ID}`, { 'Accept-Language': 'de-DE,de;q=0.9' });
    expect(stateOf(german.html).locale).toBe('de-DE');
    expect(german.headers.get('etag')).not.toBe(etag);
  });

  it('writes dates in UTC from the server clock it sends along', async () => {
    const { html } = await get(`/topic/${SEED_TOPIC_ID}`, { 'Accept-Language': 'en-US' });
    const topic = await api<TopicResponse>(`/topics/${SEED_TOPIC_ID}`);
    const first = topic.posts[0];
    if (!first) throw new Error('the seed topic has posts');
    const shown = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(first.postedAt));
    expect(html).toContain(`<time dateTime="${first.postedAt}"`);
    expect(html).toContain(shown);
  });
});
