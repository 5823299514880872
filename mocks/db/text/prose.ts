// Turns a theme's templates into titles and post bodies. Paragraphs are joined
// with a blank line, as SMF stores what people type. Sentences are drawn
// without replacement, so no post says the same thing twice.
import { chance, int, pick, sample } from '../prng';
import type { Rng } from '../prng';
import { fill, fillRaw } from './template';
import type { Anchors } from './template';
import { REPLY_CLOSERS, REPLY_OPENERS } from './themes';
import type { Theme } from './themes';

export function pickAnchors(rng: Rng, theme: Theme): Anchors {
  const anchors: Record<string, string> = {};
  for (const key of theme.anchors) {
    const values = theme.slots[key];
    // Anchor values may hold slots themselves; fill them once so they stay fixed.
    if (values && values.length > 0) anchors[key] = fillRaw(rng, pick(rng, values), theme.slots);
  }
  return theme.derive ? { ...anchors, ...theme.derive(anchors) } : anchors;
}

export function topicTitle(rng: Rng, theme: Theme, anchors: Anchors): string {
  return fill(rng, pick(rng, theme.titles), theme.slots, anchors);
}

function sentences(rng: Rng, theme: Theme, anchors: Anchors, pool: readonly string[], count: number): string[] {
  return sample(rng, pool, count).map((t) => fill(rng, t, theme.slots, anchors));
}

export function openingBody(rng: Rng, theme: Theme, anchors: Anchors): string {
  const details = sentences(rng, theme, anchors, theme.details, int(rng, 1, 4));
  const split = Math.min(details.length, int(rng, 1, 2));
  const paragraphs = [[fill(rng, pick(rng, theme.openers), theme.slots, anchors), ...details.slice(0, split)].join(' ')];
  if (details.length > split) paragraphs.push(details.slice(split).join(' '));
  paragraphs.push(fill(rng, pick(rng, theme.asks), theme.slots, anchors));
  return paragraphs.join('\n\n');
}

export function replyBody(rng: Rng, theme: Theme, anchors: Anchors): string {
  const first: string[] = [];
  if (chance(rng, 0.55)) first.push(pick(rng, REPLY_OPENERS));
  first.push(...sentences(rng, theme, anchors, theme.replies, int(rng, 1, 2)));
  const paragraphs = [first];
  // Some themes' details are the starter's own story and make no sense from someone else.
  if (theme.repliesUseDetails !== false && chance(rng, 0.35)) {
    const extra = sentences(rng, theme, anchors, theme.details, int(rng, 1, 2));
    if (chance(rng, 0.5)) first.push(...extra);
    else paragraphs.push(extra);
  }
  if (chance(rng, 0.2)) paragraphs.push([pick(rng, REPLY_CLOSERS)]);
  return paragraphs.map((p) => p.join(' ')).join('\n\n');
}
