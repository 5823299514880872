// The reader's theme choice: remembered in localStorage, applied as <html data-theme>.
// public/theme-init.js applies the stored choice before the first paint, with the same
// key and values as here: change them together.

export const THEME_STORAGE_KEY = 'lectern.theme';

const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

export function isThemeChoice(value: unknown): value is ThemeChoice {
  return typeof value === 'string' && (THEME_CHOICES as readonly string[]).includes(value);
}

/** The stored choice; "system" when there is none or storage is unavailable. */
function loadThemeChoice(): ThemeChoice {
  try {
    const stored = window.localStorage.getItem(THEME_STORAGE_KEY);
    return isThemeChoice(stored) ? stored : 'system';
  } catch {
    // Storage can throw (disabled, private modes, blocked cookies).
    return 'system';
  }
}

/** The choice in force on this page: what theme-init.js applied, else what is stored. */
export function currentThemeChoice(): ThemeChoice {
  const applied = document.documentElement.dataset.theme;
  return isThemeChoice(applied) ? applied : loadThemeChoice();
}

/** Remembers the choice for the next visit. "system" clears it, so the default applies. */
export function saveThemeChoice(choice: ThemeChoice): void {
  try {
    if (choice === 'system') window.localStorage.removeItem(THEME_STORAGE_KEY);
    else window.localStorage.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // Not remembered, but still applied to this page: better than failing the switch.
  }
}

/** Switches this page's palette (theme.css reads data-theme) and the browser's own colours. */
export function applyThemeChoice(choice: ThemeChoice): void {
  document.documentElement.dataset.theme = choice;
  document.querySelector('meta[name="color-scheme"]')?.setAttribute('content', choice === 'system' ? 'light dark' : choice);
}
