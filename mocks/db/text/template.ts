// A very small template filler for generated prose: `{slot}` takes a value from
// the slot's list (values may hold slots of their own), `{a|b|c}` picks inline.
// Topic-level "anchors" keep one company or country through a whole thread, so a
// title and its replies talk about the same thing.
import { pick } from '../prng';
import type { Rng } from '../prng';

export type Slots = Readonly<Record<string, readonly string[]>>;
export type Anchors = Readonly<Record<string, string>>;

const SLOT = /\{([^{}]+)\}/g;
const MAX_DEPTH = 6;

/** Fills the template and capitalises the first letter (a sentence or a title). */
export function fill(rng: Rng, template: string, slots: Slots, anchors: Anchors = {}): string {
  return capitalise(fillRaw(rng, template, slots, anchors));
}

/** Fills the template and leaves case alone (a phrase inside other text). */
export function fillRaw(rng: Rng, template: string, slots: Slots, anchors: Anchors = {}): string {
  let text = template;
  for (let depth = 0; depth < MAX_DEPTH && text.includes('{'); depth++) {
    text = text.replace(SLOT, (whole, key: string) => {
      if (key.includes('|')) return pick(rng, key.split('|'));
      const anchored = anchors[key];
      if (anchored !== undefined) return anchored;
      const values = slots[key];
      // Unknown slots stay visible: a typo in a word list shows up in review, not as "undefined".
      return values && values.length > 0 ? pick(rng, values) : whole;
    });
  }
  return text;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
