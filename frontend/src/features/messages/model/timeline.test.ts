import { describe, expect, it } from 'vitest';
import { aMessage } from '@/testing/fixtures';
import { buildTimeline } from './timeline';
import { typingText } from './typing-text';

const bob = { id: 'u2', username: 'bob', display_name: 'Bob', avatar_url: null };
const now = new Date('2026-02-17T12:00:00Z');

describe('buildTimeline', () => {
  it('groups consecutive messages by sender and splits days with dividers', () => {
    const items = buildTimeline(
      [
        aMessage({ id: '1', created_at: '2026-02-16T10:00:00Z' }),
        aMessage({ id: '2', created_at: '2026-02-16T10:01:00Z' }),
        aMessage({ id: '3', created_at: '2026-02-16T10:02:00Z', sender: bob }),
        aMessage({ id: '4', created_at: '2026-02-16T10:30:00Z', sender: bob }),
        aMessage({ id: '5', created_at: '2026-02-17T09:00:00Z', sender: bob }),
      ],
      now,
    );
    expect(
      items.map((i) =>
        i.kind === 'divider' ? `[${i.label}]` : `${i.message.id}${i.startsGroup ? '*' : ''}`,
      ),
    ).toEqual([
      '[Yesterday]',
      '1*',
      '2',
      '3*',
      '4*', // more than five minutes later
      '[Today]',
      '5*',
    ]);
  });

  it('labels older days with the full date', () => {
    const [divider] = buildTimeline([aMessage({ created_at: '2026-01-02T10:00:00Z' })], now);
    expect(divider).toMatchObject({ kind: 'divider', label: 'January 2, 2026' });
  });
});

describe('typingText', () => {
  it('names one or two typists and counts more', () => {
    expect(typingText([])).toBe('');
    expect(typingText(['Alice'])).toBe('Alice is typing…');
    expect(typingText(['Alice', 'Bob'])).toBe('Alice and Bob are typing…');
    expect(typingText(['Alice', 'Bob', 'Carol'])).toBe('3 people are typing…');
  });
});
