// Every attachment state the contract names, plus the ones it warns about: an
// unknown state from a newer server, an image whose file is gone (its url
// answers 404, so the reader shows it broken) and inline tags naming
// attachments the post does not list.
import { file, image } from './attachment-factory';
import { by, handMadeTopic } from './hand-made';
import type { HandPost } from './hand-made';
import { ATTACHMENTS_TOPIC_ID, SEED_ATTACHMENT_ID, TESTING_BOARD_ID } from './ids';
import { MODERATOR_MEMBER_ID } from './members';
import { HOUR } from './time';
import type { DbAttachment, DbTopic } from './types';

export const ATTACHMENTS_TITLE = 'Attachment states: every kind';

/** Ids the reader's tests may want to point at directly. */
export const ATTACHMENT_IDS = {
  pdf: 1301,
  zip: 1302,
  text: 1303,
  inlineImage: 1304,
  largeImage: 1305,
  portraitImage: 1306,
  tinyImage: 1307,
  panorama: 1308,
  pending: 1309,
  restricted: 1310,
  deleted: 1311,
  quarantined: 1312,
  broken: 1313,
  /** Named by an [attach] tag but listed by no post. */
  unlisted: 1399,
  noThumbnail: 1320,
  bareFile: 1321,
} as const;

const A = ATTACHMENT_IDS;
const marta = by(MODERATOR_MEMBER_ID, 'Marta Kowalski');
const kwame = by(4, 'Kwame Mensah');
const lines = (...l: string[]): string => l.join('\n');

const pdf: DbAttachment = { id: A.pdf, ...file('Annual report 2024.pdf', 'application/pdf', 2_481_113, 1_204) };
const zip: DbAttachment = { id: A.zip, ...file('price-data-2015-2024.zip', 'application/zip', 18_734_002, 87) };
const text: DbAttachment = { id: A.text, ...file('notes.txt', 'text/plain', 312, 3) };
const pending: DbAttachment = { id: A.pending, name: 'draft-contract.pdf', state: 'pending', mimeType: 'application/pdf', sizeBytes: 91_402 };
const restricted: DbAttachment = { id: A.restricted, name: 'salary-bands-2025.xlsx', state: 'restricted', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', sizeBytes: 40_118 };
const deleted: DbAttachment = { id: A.deleted, name: 'old-logo.png', state: 'deleted' };
const quarantined: DbAttachment = { id: A.quarantined, name: 'scan-0042.pdf', state: 'quarantined', mimeType: 'application/pdf', sizeBytes: 733_050 };
const broken: DbAttachment = { id: A.broken, ...image('missing-chart.png', 1024, 640, { downloads: 9, broken: true }) };

const POSTS: readonly Omit<HandPost, 'postedAt'>[] = [
  {
    author: marta,
    subject: 'Attachment states: available files (PDF, ZIP, text)',
    body: 'Three files to download below the post: the annual report, ten years of price data and some notes.',
    attachments: [pdf, zip, text],
  },
  {
    author: kwame,
    subject: 'Available images, one inline and the rest below',
    body: lines(`[attach id=${String(A.inlineImage)}]office-floorplan.png[/attach]`, '', 'The floor plan is inline above; a landscape photo, a portrait, a 16×16 icon and a very wide panorama follow below.'),
    attachments: [
      { id: A.inlineImage, ...image('office-floorplan.png', 1600, 1000, { downloads: 64 }) },
      { id: A.largeImage, ...image('harbour-at-dusk.jpg', 4000, 2667, { downloads: 212 }) },
      { id: A.portraitImage, ...image('portrait-badge.jpg', 600, 900, { downloads: 5 }) },
      { id: A.tinyImage, ...image('tiny-icon.png', 16, 16, { downloads: 2, thumbnail: false }) },
      { id: A.panorama, ...image('panorama.jpg', 6000, 1000, { downloads: 33 }) },
    ],
  },
  {
    author: marta,
    subject: 'Pending: awaiting approval',
    body: 'I uploaded the contract; it should show as awaiting a moderator’s approval.',
    attachments: [pending],
  },
  {
    author: kwame,
    subject: 'Restricted: you cannot view this attachment',
    body: 'The salary bands are attached, but only staff may open them.',
    attachments: [restricted],
  },
  {
    author: marta,
    subject: 'Deleted by an administrator',
    body: lines('This post had a logo attached; an administrator removed it.', '', '[attachment deleted by admin]'),
    attachments: [deleted],
  },
  {
    author: kwame,
    subject: 'Unknown state from a newer server: "quarantined"',
    body: 'A state the contract does not know must show as an unavailable attachment, never a crash.',
    attachments: [quarantined],
  },
  {
    author: marta,
    subject: 'Broken image: listed as available, but the file is gone',
    body: lines(`[attach id=${String(A.broken)}]missing-chart.png[/attach]`, '', 'The url of this image answers 404, so it should show as broken.'),
    attachments: [broken],
  },
  {
    author: kwame,
    subject: 'Inline attach tags naming attachments this post does not list',
    body: lines(
      `[attach id=${String(A.unlisted)}]ghost.png[/attach]`,
      '',
      'Neither the attachment above nor the one below belongs to this post, so both count as deleted.',
      '',
      `[attach id=${String(SEED_ATTACHMENT_ID)}]borrowed from another topic[/attach]`,
    ),
  },
  {
    author: marta,
    subject: 'Every state in one post, with inline pending and restricted ones',
    body: lines(
      `Inline pending: [attach id=${String(A.pending + 100)}]draft.pdf[/attach]`,
      `Inline restricted: [attach id=${String(A.restricted + 100)}]bands.xlsx[/attach]`,
      `Inline image: [attach id=${String(A.inlineImage + 100)}]floorplan-copy.png[/attach]`,
      '',
      'The rest are listed below the post.',
    ),
    attachments: [
      { ...pdf, id: A.pdf + 100 },
      { ...image('floorplan-copy.png', 1600, 1000, { downloads: 3 }), id: A.inlineImage + 100 },
      { ...pending, id: A.pending + 100 },
      { ...restricted, id: A.restricted + 100 },
      { ...deleted, id: A.deleted + 100 },
      { ...quarantined, id: A.quarantined + 100 },
      { ...broken, id: A.broken + 100 },
    ],
  },
  {
    author: kwame,
    subject: 'An image without a thumbnail and a file with no size or type',
    body: 'Servers may leave optional fields out; the reader should still show both.',
    attachments: [
      { id: A.noThumbnail, ...image('whiteboard.jpg', 1280, 960, { downloads: 12, thumbnail: false }) },
      { id: A.bareFile, name: 'README', state: 'available' },
    ],
  },
];

export function buildAttachmentsTopic(): DbTopic {
  return handMadeTopic(
    { id: ATTACHMENTS_TOPIC_ID, boardId: TESTING_BOARD_ID, title: ATTACHMENTS_TITLE, viewCount: 1_533 },
    POSTS.map((p, i) => ({ ...p, postedAt: Date.UTC(2025, 3, 7, 10, 0) + i * 3 * HOUR })),
  );
}
