import axe from 'axe-core';

/**
 * Every axe violation in what is rendered (the whole page by default), readable in a
 * failure. jsdom lays nothing out, so colour contrast is left to the browser tests
 * (test/e2e/axe.ts), which run the same views in Chromium.
 */
export async function axeViolations(container: Element = document.body): Promise<string[]> {
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return results.violations.map(
    (violation) => `${violation.impact ?? 'unknown'}: ${violation.id} — ${violation.help} (${violation.nodes.map((node) => node.html).join(', ')})`,
  );
}
