// A tiny seeded PRNG so every build of the mock forum is identical: the reader's
// tests, screenshots and the offline demo all rely on the same ids and texts.

export type Rng = () => number;

// mulberry32: 32-bit state, good enough statistics for mock data, and fast
// enough to create one generator per post (the huge topic does exactly that).
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// FNV-1a over the parts, so a generator can be derived from a stable name
// ("huge-post", 5123) instead of from how many numbers were drawn before it.
// That keeps one topic's data unchanged when another topic's generator changes.
export function hashSeed(...parts: readonly (string | number)[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    const s = `${String(part)}\u0000`;
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
  }
  return h >>> 0;
}

export function rngFor(...parts: readonly (string | number)[]): Rng {
  return mulberry32(hashSeed(...parts));
}

/** An integer in [min, max], both inclusive. */
export function int(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

export function chance(rng: Rng, probability: number): boolean {
  return rng() < probability;
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  if (items.length === 0) throw new Error('pick from an empty list');
  // The index is always in range, so the assertion only satisfies noUncheckedIndexedAccess.
  return items[Math.floor(rng() * items.length)] as T;
}

/** Picks by weight; `entries` are [weight, value] pairs. */
export function weighted<T>(rng: Rng, entries: readonly (readonly [number, T])[]): T {
  const total = entries.reduce((sum, [w]) => sum + w, 0);
  let r = rng() * total;
  for (const [w, value] of entries) {
    r -= w;
    if (r < 0) return value;
  }
  const last = entries[entries.length - 1];
  if (!last) throw new Error('weighted pick from an empty list');
  return last[1];
}

/** Distinct items in random order (partial Fisher–Yates). */
export function sample<T>(rng: Rng, items: readonly T[], count: number): T[] {
  const copy = items.slice();
  const n = Math.min(count, copy.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(rng() * (copy.length - i));
    const tmp = copy[i] as T;
    copy[i] = copy[j] as T;
    copy[j] = tmp;
  }
  return copy.slice(0, n);
}
