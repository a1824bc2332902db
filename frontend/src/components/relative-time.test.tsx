import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatRelative, RelativeTime } from './relative-time';

describe('RelativeTime', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('ticks on its own from "just now" to minutes ago, with the full time kept for hover', () => {
    // Later than the real clock the component has already read: its shared clock only moves on.
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2030-02-16T14:30:00.000Z'));
    render(<RelativeTime iso="2030-02-16T14:30:00.000Z" />);
    const time = screen.getByText('just now');
    expect(time.getAttribute('title')).toContain('2030');

    act(() => {
      vi.advanceTimersByTime(3 * 60_000);
    });
    expect(screen.getByText('3 min ago')).toBe(time);
  });

  it('words the distance in minutes, hours, then the date', () => {
    const at = Date.parse('2026-02-16T14:30:00.000Z');
    expect(formatRelative('2026-02-16T14:29:30.000Z', at)).toBe('just now');
    expect(formatRelative('2026-02-16T14:20:00.000Z', at)).toBe('10 min ago');
    expect(formatRelative('2026-02-16T11:30:00.000Z', at)).toBe('3 h ago');
    expect(formatRelative('2026-02-14T11:30:00.000Z', at)).toBe('Feb 14');
  });
});
