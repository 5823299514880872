// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { topicResponseSchema } from '../../src/lib/api/schemas';
import { getValid, listenWithMockServer } from '../../test/support/mock-api';
import { SEED_ATTACHMENT_ID, SEED_BOARD_ID, SEED_POST_ID, SEED_TOPIC_ID } from './ids';
import { SEED_BODY, SEED_IMAGE_NAME, SEED_PARAGRAPHS, SEED_TITLE } from './seed-topic';

listenWithMockServer();

// The seed print page has twelve paragraphs between the image line and
// "[attachment deleted by admin]" (counted in shared/seeds/000_5ec9ef2b1258ae77.txt).
const SEED_PARAGRAPH_COUNT = 12;

const FIRST_PARAGRAPH =
  "South Korea's government has issued an urgent demand for the immediate withdrawal of North Korean troops stationed in Russia, a move that highlights growing regional tensions and a rapidly shifting geopolitical landscape. The rare public announcement came following intelligence reports and growing evidence suggesting that North Korean soldiers are not only present in Russia but may also be actively involved in supporting Moscow's military operations.";
const LAST_PARAGRAPH =
  'As Seoul continues to press for the immediate withdrawal of North Korean troops from Russia, the situation remains highly fluid. Diplomats and analysts alike are closely watching for any signs of movement, but so far, neither Russia nor North Korea has shown any willingness to comply with Seoul\'s demands. The standoff has left many in the region on edge, as the potential for further escalation looms large. Whether through diplomacy or pressure, the international community now faces the challenge of navigating a complex and potentially dangerous situation that could reshape the balance of power in Northeast Asia for years to come.';

// One distinctive sentence from every paragraph, in order.
const DISTINCTIVE = [
  'The rare public announcement came following intelligence reports',
  'Over the past few months, South Korean intelligence and defense officials have pointed to a growing body of evidence',
  'Furthermore, the presence of these troops could have wider implications for regional security, drawing other nations, including Japan and the United States, into the fray.',
  'The shared isolation both countries face—North Korea due to its nuclear ambitions and Russia as a result of Western sanctions—has led to a growing alignment of their interests.',
  "Others, however, fear that this could signal a more aggressive phase in North Korea's foreign policy",
  'Although both governments have denied any official arms transfers, intelligence agencies in South Korea and the West remain deeply skeptical.',
  'South Korean President Yoon Suk-yeol has been clear in his stance',
  'this latest development only adds to the complex web of challenges the Biden administration faces',
  'to bring the issue before the U.N. Security Council.',
  'Russian defense officials have consistently denied that North Korean troops are involved in any combat operations',
  'Historically, Pyongyang has sought to maintain a degree of distance from Russia, preferring to align more closely with China.',
  'could reshape the balance of power in Northeast Asia for years to come.',
];

describe('the seed topic', () => {
  it('holds every paragraph of the print page, first and last exactly', () => {
    expect(SEED_PARAGRAPHS).toHaveLength(SEED_PARAGRAPH_COUNT);
    expect(SEED_PARAGRAPHS[0]).toBe(FIRST_PARAGRAPH);
    expect(SEED_PARAGRAPHS.at(-1)).toBe(LAST_PARAGRAPH);
    DISTINCTIVE.forEach((sentence, i) => expect(SEED_PARAGRAPHS[i]).toContain(sentence));
    for (const paragraph of SEED_PARAGRAPHS) {
      expect(paragraph).toBe(paragraph.trim());
      expect(paragraph).not.toContain('\n');
    }
  });

  it('is stored as SMF BBCode: inline image, paragraphs, then the purge line', () => {
    const blocks = SEED_BODY.split('\n\n');
    expect(blocks).toHaveLength(SEED_PARAGRAPH_COUNT + 2);
    expect(blocks[0]).toBe(`[attach id=${SEED_ATTACHMENT_ID}]57dcd400-8f8f-11ef-8fb2-ed68f86dd90c.jpg.webp[/attach]`);
    expect(blocks.slice(1, -1)).toEqual(SEED_PARAGRAPHS);
    expect(blocks.at(-1)).toBe('[attachment deleted by admin]');
    expect(SEED_BODY).not.toContain('\n\n\n');
  });

  it('is served word for word by the API, in Crime and war', async () => {
    const { topic, posts, breadcrumb, page } = await getValid(topicResponseSchema, `/topics/${SEED_TOPIC_ID}`);
    expect(topic).toMatchObject({ id: SEED_TOPIC_ID, title: SEED_TITLE, boardId: SEED_BOARD_ID, replyCount: 0, startedAt: '2024-10-21T15:19:00Z' });
    expect(topic.title).toBe('Seoul Calls for Immediate Withdrawal of North Korean Troops from Russia Amid');
    expect(topic.starter.name).toBe('Dev Sunday');
    expect(breadcrumb.map((c) => c.name)).toEqual(['Bosman Business World', 'News and Research', 'Crime and war', SEED_TITLE]);
    expect(page).toEqual({ number: 1, size: 15, totalPages: 1, totalItems: 1 });
    expect(posts).toHaveLength(1);
    const [post] = posts;
    expect(post).toMatchObject({
      id: SEED_POST_ID,
      number: 1,
      subject: SEED_TITLE,
      postedAt: '2024-10-21T15:19:00Z',
      body: SEED_BODY,
      author: { name: 'Dev Sunday' },
    });
    expect(post?.attachments).toEqual([
      expect.objectContaining({
        id: SEED_ATTACHMENT_ID,
        name: SEED_IMAGE_NAME,
        state: 'available',
        mimeType: 'image/webp',
        width: expect.any(Number),
        height: expect.any(Number),
        url: `/api/attachments/${SEED_ATTACHMENT_ID}`,
        thumbnailUrl: `/api/attachments/${SEED_ATTACHMENT_ID}/thumbnail`,
      }),
    ]);
  });
});
