import { describe, expect, it } from 'vitest';
import type { Post, TopicResponse } from '../../src/lib/api/schemas';
import { bodyParagraphs, renderStaticTopic, STATIC_TOPIC_CSS_PATH } from './static-topic';

function post(number: number, body: string): Post {
  return {
    id: 42_000 + number,
    number,
    subject: number === 1 ? 'Seoul <calls>' : '',
    author: { id: 2, name: 'Dev & Sunday' },
    postedAt: '2024-10-21T15:19:00Z',
    body,
    attachments: [],
  };
}

function topic(posts: Post[], page = 1): TopicResponse {
  return {
    topic: {
      id: 42,
      title: 'Seoul Calls for Immediate Withdrawal',
      boardId: 13,
      starter: { id: 2, name: 'Dev & Sunday' },
      startedAt: '2024-10-21T15:19:00Z',
      replyCount: posts.length - 1,
      viewCount: 10,
      sticky: false,
      locked: false,
    },
    breadcrumb: [],
    posts,
    page: { number: page, size: 15, totalPages: 3, totalItems: 41 },
  };
}

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('the static yardstick page', () => {
  it('shows every post where the benchmark looks for it, in order, as text', () => {
    const doc = parse(renderStaticTopic(topic([post(1, 'First [b]post[/b].\n\nSecond paragraph'), post(2, 'A reply')])));
    expect(doc.querySelector('h1')?.textContent).toBe('Seoul Calls for Immediate Withdrawal');
    const bodies = [...doc.querySelectorAll('main article .post-body')];
    expect(bodies.map((body) => body.textContent)).toEqual(['First [b]post[/b].Second paragraph', 'A reply']);
    expect(bodies[0]?.querySelectorAll('p')).toHaveLength(2);
    expect([...doc.querySelectorAll('article h2')].map((h2) => h2.textContent)).toEqual(['Seoul <calls>', 'No subject']);
    expect(doc.querySelector('article')?.id).toBe('msg42001');
    expect(doc.querySelector('.meta')?.textContent).toContain('#1 by Dev & Sunday');
  });

  it('keeps hostile bodies as text: no element, no script, no attribute comes out of them', () => {
    const hostile = '<script>alert(1)</script><img src=x onerror="alert(2)">\n"quoted" & \'single\'';
    const doc = parse(renderStaticTopic(topic([post(1, hostile)])));
    const body = doc.querySelector('.post-body');
    expect(body?.querySelector('script, img')).toBeNull();
    expect(body?.textContent).toBe(hostile.replace('\n', ''));
    expect(body?.querySelectorAll('br')).toHaveLength(1);
    expect(doc.querySelectorAll('script')).toHaveLength(0);
  });

  it('links its one stylesheet and carries no inline styles; later pages say their number', () => {
    const html = renderStaticTopic(topic([post(16, 'x')], 2));
    const doc = parse(html);
    expect(doc.title).toBe('Seoul Calls for Immediate Withdrawal (page 2)');
    expect([...doc.querySelectorAll('link[rel=stylesheet]')].map((link) => link.getAttribute('href'))).toEqual([STATIC_TOPIC_CSS_PATH]);
    expect(doc.querySelectorAll('style, [style]')).toHaveLength(0);
  });

  it('drops empty paragraphs', () => {
    expect(bodyParagraphs('\n\n  \n\nOnly one\n\n\n')).toBe('<p>Only one</p>');
  });
});
