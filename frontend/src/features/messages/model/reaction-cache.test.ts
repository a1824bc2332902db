import { describe, expect, it } from 'vitest';
import { aMessage } from '@/testing/fixtures';
import type { RoomMessages } from '../api/get-messages';
import type { Reaction } from '../api/message-schemas';
import { flattenMessages, mergeNewer } from './message-cache';
import { reactionCounted, reactionSettled, reactionToggled, updateReactions } from './reaction-cache';

const thumbs = (count: number, me: boolean): Reaction => ({ emoji: '👍', count, me });
const event = (emoji: string, user_id: string, count: number) => ({ message_id: 'm', emoji, user_id, count });

describe('an optimistic toggle', () => {
  it('adds our reaction as a new chip, or to an existing one, and takes it back', () => {
    expect(reactionToggled(undefined, '👍', true)).toEqual([thumbs(1, true)]);
    expect(reactionToggled([thumbs(2, false)], '👍', true)).toEqual([thumbs(3, true)]);
    expect(reactionToggled([thumbs(3, true)], '👍', false)).toEqual([thumbs(2, false)]);
    expect(reactionToggled([thumbs(1, true)], '👍', false)).toEqual([]);
  });

  it('changes nothing when our reaction is already as asked', () => {
    const reactions = [thumbs(2, true)];
    expect(reactionToggled(reactions, '👍', true)).toBe(reactions);
    expect(reactionToggled([], '👍', false)).toEqual([]);
  });

  it('puts a new emoji last: chips stay in first-reacted order', () => {
    const party = { emoji: '🎉', count: 1, me: false };
    expect(reactionToggled([party], '👍', true).map((r) => r.emoji)).toEqual(['🎉', '👍']);
  });
});

describe('a reaction event', () => {
  it('of our own, arriving after the optimistic copy, does not count us twice', () => {
    const optimistic = reactionToggled([thumbs(1, false)], '👍', true);
    expect(reactionCounted(optimistic, event('👍', 'me', 2), true, 'me')).toEqual([thumbs(2, true)]);
  });

  it('of someone else sets the count and keeps whether we reacted', () => {
    expect(reactionCounted([thumbs(1, true)], event('👍', 'bob', 2), true, 'me')).toEqual([thumbs(2, true)]);
    expect(reactionCounted([thumbs(2, true)], event('👍', 'bob', 1), false, 'me')).toEqual([thumbs(1, true)]);
    expect(reactionCounted([], event('👍', 'bob', 1), true, 'me')).toEqual([thumbs(1, false)]);
  });

  it('from our other tab marks or unmarks us', () => {
    expect(reactionCounted([thumbs(1, false)], event('👍', 'me', 2), true, 'me')).toEqual([thumbs(2, true)]);
    expect(reactionCounted([thumbs(2, true)], event('👍', 'me', 1), false, 'me')).toEqual([thumbs(1, false)]);
  });

  it('that brings the count to zero removes the chip', () => {
    expect(reactionCounted([thumbs(1, false)], event('👍', 'bob', 0), false, 'me')).toEqual([]);
  });
});

describe('the answer', () => {
  it('settles the toggled emoji only, leaving the others to their events', () => {
    const party = { emoji: '🎉', count: 4, me: false };
    const answer = [{ emoji: '🎉', count: 3, me: false }, thumbs(2, true)];
    expect(reactionSettled([party, thumbs(1, true)], '👍', answer)).toEqual([party, thumbs(2, true)]);
    expect(reactionSettled([party, thumbs(1, true)], '👍', [party])).toEqual([party]);
  });
});

describe('an emoji with or without U+FE0F', () => {
  it('is one chip, shown in the form the server stores', () => {
    const optimistic = reactionToggled([thumbs(1, false)], '👍\uFE0F', true);
    expect(optimistic).toEqual([thumbs(2, true)]);
    const picked = reactionToggled([], '👍\uFE0F', true);
    expect(reactionSettled(picked, '👍\uFE0F', [thumbs(1, true)])).toEqual([thumbs(1, true)]);
    expect(reactionCounted(picked, event('👍', 'me', 1), true, 'me')).toEqual([thumbs(1, true)]);
  });
});

describe('the cached history', () => {
  it('changes only the message the reaction is on', () => {
    const [a, b] = [aMessage({ id: 'a' }), aMessage({ id: 'b' })];
    const data: RoomMessages = mergeNewer(undefined, [a, b]);
    const next = updateReactions(data, 'b', (r) => reactionToggled(r, '👍', true));
    const [first, second] = flattenMessages(next);
    expect(first).toBe(flattenMessages(data)[0]);
    expect(second?.reactions).toEqual([thumbs(1, true)]);
    expect(updateReactions(data, 'unknown', () => [])).toBe(data);
  });
});
