import { describe, expect, it } from 'vitest';
import { formatCount, formatDateTime, formatFullDateTime, formatRelativeTime } from './format';

const NOW = Date.parse('2025-06-15T12:00:00Z');
const ago = (ms: number) => new Date(NOW - ms).toISOString();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('formatRelativeTime', () => {
  it('says how long ago, in English', () => {
    expect(formatRelativeTime(ago(20_000), NOW, 'en')).toBe('now');
    expect(formatRelativeTime(ago(MINUTE), NOW, 'en')).toBe('1 minute ago');
    expect(formatRelativeTime(ago(5 * MINUTE + 59_000), NOW, 'en')).toBe('5 minutes ago');
    expect(formatRelativeTime(ago(3 * HOUR), NOW, 'en')).toBe('3 hours ago');
    expect(formatRelativeTime(ago(23 * HOUR + 59 * MINUTE), NOW, 'en')).toBe('23 hours ago');
    // Whole days apart are whole calendar days apart in every time zone.
    expect(formatRelativeTime(ago(DAY), NOW, 'en')).toBe('yesterday');
    expect(formatRelativeTime(ago(3 * DAY), NOW, 'en')).toBe('3 days ago');
    expect(formatRelativeTime(ago(6 * DAY), NOW, 'en')).toBe('6 days ago');
  });

  it('gives up after a week, leaving the date to the absolute format', () => {
    expect(formatRelativeTime(ago(7 * DAY), NOW, 'en')).toBeNull();
    expect(formatRelativeTime('2017-03-14T09:00:00Z', NOW, 'en')).toBeNull();
  });

  it('calls a slightly future time (a clock behind the server) "now", a far future one a date', () => {
    expect(formatRelativeTime(ago(-2 * MINUTE), NOW, 'en')).toBe('now');
    expect(formatRelativeTime(ago(-HOUR), NOW, 'en')).toBeNull();
  });

  it('speaks the reader’s language', () => {
    expect(formatRelativeTime(ago(3 * HOUR), NOW, 'de')).toBe('vor 3 Stunden');
    expect(formatRelativeTime(ago(DAY), NOW, 'de')).toBe('gestern');
    expect(formatRelativeTime(ago(DAY), NOW, 'fr')).toBe('hier');
  });

  it('rejects what is not a time', () => {
    expect(formatRelativeTime('not a date', NOW, 'en')).toBeNull();
  });
});

describe('absolute dates and counts', () => {
  // In the machine's time zone, like the reader's: the day and hour vary with it.
  it('formats in the given locale', () => {
    const iso = '2024-10-21T15:19:00Z';
    expect(formatDateTime(iso, 'en-GB')).toMatch(/^2[12] Oct 2024, \d\d:\d9$/);
    expect(formatDateTime(iso, 'de-DE')).toMatch(/^2[12]\.10\.2024, \d\d:\d9$/);
    expect(formatFullDateTime(iso, 'en-US')).toMatch(/^(Monday|Tuesday), October 2[12], 2024 at \d{1,2}:\d9:00 [AP]M \S/);
    expect(formatCount(12_345, 'en')).toBe('12,345');
    expect(formatCount(12_345, 'de')).toBe('12.345');
  });
});
