import type React from 'react';
import { useEffect, useId, useState } from 'react';
import {
  applyThemeChoice,
  currentThemeChoice,
  isThemeChoice,
  saveThemeChoice,
  THEME_STORAGE_KEY,
  type ThemeChoice,
} from './theme-preference';
import { useHydrated } from '../../ui/server-render';
import './theme-switch.css';

const LABELS: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/**
 * Light / dark / system, in the header. A native <select>: it has a name ("Theme"),
 * works with every keyboard and screen reader, and stays narrow on a phone.
 */
export function ThemeSwitch() {
  const id = useId();
  // The choice is stored in this browser: a server-rendered page shows "System" until hydrated.
  const hydrated = useHydrated();
  const [picked, setChoice] = useState<ThemeChoice | null>(null);
  const choice = picked ?? (hydrated ? currentThemeChoice() : 'system');

  // Another tab changed the theme: follow it, so the reader's tabs agree.
  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key !== THEME_STORAGE_KEY && event.key !== null) return;
      const next = isThemeChoice(event.newValue) ? event.newValue : 'system';
      applyThemeChoice(next);
      setChoice(next);
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);

  const onChange = (event: React.ChangeEvent<HTMLSelectElement>) => {
    const next = event.target.value;
    if (!isThemeChoice(next)) return;
    applyThemeChoice(next);
    saveThemeChoice(next);
    setChoice(next);
  };

  return (
    <div className="theme-switch needs-script">
      <label htmlFor={id} className="visually-hidden">
        Theme
      </label>
      <ThemeIcon choice={choice} />
      <select id={id} className="theme-switch__select" value={choice} onChange={onChange}>
        {(Object.keys(LABELS) as ThemeChoice[]).map((value) => (
          <option key={value} value={value}>
            {LABELS[value]}
          </option>
        ))}
      </select>
      <svg className="theme-switch__chevron" aria-hidden="true" width="12" height="12" viewBox="0 0 12 12">
        <path d="M2.5 4.5 6 8l3.5-3.5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
    </div>
  );
}

// Sun, moon, or a half-and-half disc for "as the system says".
function ThemeIcon({ choice }: { choice: ThemeChoice }) {
  return (
    <svg className="theme-switch__icon" aria-hidden="true" width="16" height="16" viewBox="0 0 16 16">
      {choice === 'light' ? (
        <g fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round">
          <circle cx="8" cy="8" r="3" fill="currentColor" />
          <path d="M8 1v1.5M8 13.5V15M1 8h1.5M13.5 8H15M3 3l1.1 1.1M11.9 11.9 13 13M3 13l1.1-1.1M11.9 4.1 13 3" />
        </g>
      ) : choice === 'dark' ? (
        <path fill="currentColor" d="M13.5 10.2A6 6 0 0 1 5.8 2.5a6 6 0 1 0 7.7 7.7Z" />
      ) : (
        <g>
          <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <path fill="currentColor" d="M8 2a6 6 0 0 1 0 12Z" />
        </g>
      )}
    </svg>
  );
}
