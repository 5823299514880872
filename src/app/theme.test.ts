import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// theme.css writes the dark palette twice (chosen dark, and system dark): they must agree,
// and every token the light palette defines must have a dark value.
const css = readFileSync(resolve(import.meta.dirname, 'theme.css'), 'utf8');

function tokens(selector: string): Map<string, string> {
  const start = css.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`theme.css has no ${selector} block`);
  const body = css.slice(start + selector.length + 2, css.indexOf('}', start));
  return new Map([...body.matchAll(/(--color-[\w-]+):\s*([^;]+);/g)].map((m) => [m[1] ?? '', m[2] ?? '']));
}

describe('theme.css', () => {
  it('has the same dark palette for a chosen dark theme and a dark system', () => {
    const chosen = tokens(":root[data-theme='dark']");
    const system = tokens(":root:not([data-theme='light']):not([data-theme='dark'])");
    expect(chosen.size).toBeGreaterThan(10);
    expect(Object.fromEntries(system)).toEqual(Object.fromEntries(chosen));
  });

  it('gives every colour token a dark value', () => {
    expect([...tokens(':root').keys()].sort()).toEqual([...tokens(":root[data-theme='dark']").keys()].sort());
  });

  it('fixes color-scheme for chosen themes', () => {
    expect(css).toMatch(/:root\[data-theme='light'\] \{\s*color-scheme: light;/);
    expect(css).toMatch(/:root\[data-theme='dark'\] \{\s*color-scheme: dark;/);
  });
});
