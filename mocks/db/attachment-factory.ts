// Builders for attachment records, shared by the hand-made and generated topics.
import { chance, int, pick } from './prng';
import type { Rng } from './prng';
import type { DraftAttachment } from './types';

export function image(name: string, width: number, height: number, extra: Partial<DraftAttachment> = {}): DraftAttachment {
  const ext = name.split('.').pop()?.toLowerCase() ?? '';
  const mimeType = ext === 'png' ? 'image/png' : ext === 'webp' ? 'image/webp' : ext === 'gif' ? 'image/gif' : 'image/jpeg';
  return {
    name,
    state: 'available',
    mimeType,
    // Roughly what a compressed photo of that size weighs.
    sizeBytes: Math.round(width * height * 0.18) + 2048,
    width,
    height,
    downloads: 0,
    thumbnail: true,
    ...extra,
  };
}

export function file(name: string, mimeType: string, sizeBytes: number, downloads: number, extra: Partial<DraftAttachment> = {}): DraftAttachment {
  return { name, state: 'available', mimeType, sizeBytes, downloads, ...extra };
}

const PHOTO_NAMES = ['chart', 'screenshot', 'whiteboard', 'office', 'receipt', 'warehouse', 'slide', 'dashboard', 'storefront', 'desk-setup'];
const DOCS: readonly (readonly [string, string])[] = [
  ['quarterly-summary.pdf', 'application/pdf'],
  ['pitch-deck-v7.pdf', 'application/pdf'],
  ['cash-flow-model.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ['price-history.csv', 'text/csv'],
  ['invoice-template.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ['export-2024.zip', 'application/zip'],
];
const SIZES: readonly (readonly [number, number])[] = [
  [1600, 900], [1280, 960], [1080, 1350], [800, 600], [2400, 1200], [640, 640],
];

/** A plausible attachment for an ordinary post: a photo or screenshot, or a document. */
export function randomAttachment(rng: Rng): DraftAttachment {
  if (chance(rng, 0.65)) {
    const [w, h] = pick(rng, SIZES);
    const ext = chance(rng, 0.5) ? 'jpg' : 'png';
    const a = image(`${pick(rng, PHOTO_NAMES)}-${String(int(rng, 1, 48))}.${ext}`, w, h);
    a.downloads = int(rng, 0, 400);
    return a;
  }
  const [name, mime] = pick(rng, DOCS);
  return file(name, mime, int(rng, 8_000, 4_500_000), int(rng, 0, 250));
}
