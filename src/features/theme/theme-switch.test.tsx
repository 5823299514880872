import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ThemeSwitch } from './theme-switch';

const KEY = 'lectern.theme';
const root = document.documentElement;

function colorSchemeMeta(): HTMLMetaElement {
  let meta = document.querySelector<HTMLMetaElement>('meta[name="color-scheme"]');
  if (!meta) {
    meta = document.createElement('meta');
    meta.name = 'color-scheme';
    document.head.append(meta);
  }
  return meta;
}

beforeEach(() => {
  localStorage.clear();
  delete root.dataset.theme;
  colorSchemeMeta().content = 'light dark';
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('the theme switch', () => {
  it('is a select named "Theme" offering system, light and dark, system by default', () => {
    render(<ThemeSwitch />);
    const select = screen.getByRole('combobox', { name: 'Theme' });
    expect(select).toHaveValue('system');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['System', 'Light', 'Dark']);
  });

  it('applies the choice to <html data-theme> and the color-scheme meta, and remembers it', async () => {
    const user = userEvent.setup();
    render(<ThemeSwitch />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Theme' }), 'Dark');
    expect(root.dataset.theme).toBe('dark');
    expect(colorSchemeMeta().content).toBe('dark');
    expect(localStorage.getItem(KEY)).toBe('dark');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Theme' }), 'Light');
    expect(root.dataset.theme).toBe('light');
    expect(localStorage.getItem(KEY)).toBe('light');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Theme' }), 'System');
    expect(root.dataset.theme).toBe('system');
    expect(colorSchemeMeta().content).toBe('light dark');
    expect(localStorage.getItem(KEY)).toBeNull();
  });

  it('starts from the remembered choice', () => {
    localStorage.setItem(KEY, 'light');
    render(<ThemeSwitch />);
    expect(screen.getByRole('combobox', { name: 'Theme' })).toHaveValue('light');
  });

  it('still switches when storage throws', async () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    const user = userEvent.setup();
    render(<ThemeSwitch />);
    const select = screen.getByRole('combobox', { name: 'Theme' });
    expect(select).toHaveValue('system');
    await user.selectOptions(select, 'Dark');
    expect(select).toHaveValue('dark');
    expect(root.dataset.theme).toBe('dark');
  });

  it('follows a change made in another tab', () => {
    render(<ThemeSwitch />);
    act(() => {
      window.dispatchEvent(new StorageEvent('storage', { key: KEY, newValue: 'dark' }));
    });
    expect(screen.getByRole('combobox', { name: 'Theme' })).toHaveValue('dark');
    expect(root.dataset.theme).toBe('dark');
  });
});

// public/theme-init.js runs before the app, as a classic script: run its text here.
describe('theme-init.js', () => {
  const source = readFileSync(resolve(import.meta.dirname, '../../../public/theme-init.js'), 'utf8');
  const runInit = () => new Function(source)();

  it('applies a stored choice before the app starts', () => {
    localStorage.setItem(KEY, 'dark');
    runInit();
    expect(root.dataset.theme).toBe('dark');
    expect(colorSchemeMeta().content).toBe('dark');
  });

  it('falls back to "system" with nothing stored, a value it does not know, or storage that throws', () => {
    runInit();
    expect(root.dataset.theme).toBe('system');
    localStorage.setItem(KEY, 'sepia');
    runInit();
    expect(root.dataset.theme).toBe('system');
    expect(colorSchemeMeta().content).toBe('light dark');
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    expect(runInit).not.toThrow();
    expect(root.dataset.theme).toBe('system');
  });

  it('uses the same storage key as the switch', async () => {
    const user = userEvent.setup();
    render(<ThemeSwitch />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Theme' }), 'Light');
    delete root.dataset.theme;
    runInit();
    expect(root.dataset.theme).toBe('light');
  });
});
