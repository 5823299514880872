// Layout shifts as CLS counts them: summed from the page's first paint on, leaving out
// those right after input. Install with page.addInitScript(WATCH_LAYOUT_SHIFTS) before
// the page's own scripts run; read with layoutShifts(page).
import type { Page } from 'playwright-core';

export const WATCH_LAYOUT_SHIFTS = `
  window.__shifts = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shifts += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
`;

export const layoutShifts = (page: Page) => page.evaluate(() => (window as unknown as { __shifts: number }).__shifts);
