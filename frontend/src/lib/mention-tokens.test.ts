import { describe, expect, it } from 'vitest';
import { mentionSegments, mentionsUser } from './mention-tokens';

const mentions = (text: string, members?: string[]) =>
  mentionSegments(text, members && ((key) => members.includes(key)))
    .filter((s) => s.kind !== 'text')
    .map((s) => s.text);

describe('mentionSegments', () => {
  it('cuts the text into plain runs and mentions, losing nothing', () => {
    const segments = mentionSegments('hi @Bob, see @room!');
    expect(segments.map((s) => s.text).join('')).toBe('hi @Bob, see @room!');
    expect(segments).toEqual([
      { kind: 'text', text: 'hi ' },
      { kind: 'mention', text: '@Bob', username: 'bob' },
      { kind: 'text', text: ', see ' },
      { kind: 'room-mention', text: '@room' },
      { kind: 'text', text: '!' },
    ]);
  });

  it('skips emails, too short or too long names and non-members', () => {
    expect(mentions('mail bob@example.com')).toEqual([]);
    expect(mentions('@ab @' + 'x'.repeat(51))).toEqual([]);
    expect(mentions('@bob @carol', ['bob'])).toEqual(['@bob']);
    expect(mentions('@here', [])).toEqual(['@here']);
  });

  it('ignores mentions in inline code and fenced blocks', () => {
    expect(mentions('run `@bob` now')).toEqual([]);
    expect(mentions('```\n@bob\n```\n@carol')).toEqual(['@carol']);
    expect(mentions('it`s @bob\n`x`')).toEqual(['@bob']);
  });

  it('stays fast on hostile input', () => {
    const start = performance.now();
    mentionSegments('`@ab'.repeat(2000));
    mentionSegments('@'.repeat(10000));
    expect(performance.now() - start).toBeLessThan(500);
  });
});

describe('mentionsUser', () => {
  const message = (over: object) => ({
    sender: { id: 'alice' },
    mentions: [],
    mentions_room: false,
    ...over,
  });
  it('is true for a name or @room, never for the sender', () => {
    expect(mentionsUser(message({ mentions: ['bob'] }), 'bob')).toBe(true);
    expect(mentionsUser(message({ mentions_room: true }), 'bob')).toBe(true);
    expect(mentionsUser(message({ mentions_room: true }), 'alice')).toBe(false);
    expect(mentionsUser(message({ mentions: ['carol'] }), 'bob')).toBe(false);
  });
});
