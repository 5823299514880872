import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// theme.css gives every colour token a light and a dark value in one place; which one
// applies follows color-scheme, which a chosen theme fixes.
const css = readFileSync(resolve(import.meta.dirname, 'theme.css'), 'utf8');
const colourTokens = [...css.matchAll(/(--color-[\w-]+):\s*([^;]+);/g)].map((m) => ({ name: m[1] ?? '', value: m[2] ?? '' }));

describe('theme.css', () => {
  it('gives every colour token both a light and a dark value', () => {
    expect(colourTokens.length).toBeGreaterThan(10);
    for (const { name, value } of colourTokens) {
      expect({ name, value }).toEqual({ name, value: expect.stringMatching(/^light-dark\(#[0-9a-f]{3,8}, #[0-9a-f]{3,8}\)$/i) });
    }
  });

  it('follows the system unless a theme is chosen, and then fixes color-scheme', () => {
    expect(css).toMatch(/:root \{\s*color-scheme: light dark;/);
    expect(css).toMatch(/:root\[data-theme='light'\] \{\s*color-scheme: light;/);
    expect(css).toMatch(/:root\[data-theme='dark'\] \{\s*color-scheme: dark;/);
  });
});
