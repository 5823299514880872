import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Time } from './time';

// The app formats in the reader's locale; this environment's is English (en-US). Times
// of day depend on the machine's time zone, so only their shape is checked.
describe('<Time>', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(new Date('2025-06-15T12:00:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows a recent time relative, with the instant in datetime and the exact time on hover', () => {
    render(<Time iso="2025-06-15T09:00:00Z" />);
    const time = screen.getByText('3 hours ago');
    expect(time.tagName).toBe('TIME');
    expect(time).toHaveAttribute('datetime', '2025-06-15T09:00:00Z');
    expect(time.getAttribute('title')).toMatch(/^\w+day, June 1[456], 2025 at \d{1,2}:\d0:00 [AP]M/);
  });

  it('says "yesterday" for a day ago and a date for older times', () => {
    render(
      <>
        <Time iso="2025-06-14T12:00:00Z" />
        <Time iso="2024-10-21T15:19:00Z" />
      </>,
    );
    expect(screen.getByText('yesterday')).toHaveAttribute('datetime', '2025-06-14T12:00:00Z');
    expect(screen.getByText(/^Oct 2[12], 2024, \d{1,2}:\d9 [AP]M$/)).toHaveAttribute('datetime', '2024-10-21T15:19:00Z');
  });

  it('shows the date when asked not to be relative', () => {
    render(<Time iso="2025-06-15T09:00:00Z" relative={false} />);
    expect(screen.getByText(/^Jun 1[456], 2025, \d{1,2}:\d0 [AP]M$/)).toBeInTheDocument();
  });

  it('moves on while the page stays open', () => {
    render(<Time iso="2025-06-15T11:58:00Z" />);
    expect(screen.getByText('2 minutes ago')).toBeInTheDocument();
    act(() => {
      vi.advanceTimersByTime(60 * 60_000);
    });
    expect(screen.getByText('1 hour ago')).toBeInTheDocument();
  });
});
