import { describe, expect, it } from 'vitest';
import { activeMentionQuery, applyMention, matchCandidates, ROOM_CANDIDATE } from './mention-query';

const bob = { id: 'b', username: 'bob_s', display_name: 'Robert Smith' };
const bobby = { id: 'y', username: 'bobby', display_name: 'Bobby Tables' };
const carol = { id: 'c', username: 'carol', display_name: 'Carol Bo' };

describe('activeMentionQuery', () => {
  it('finds the @word the caret is in', () => {
    expect(activeMentionQuery('hi @bo', 6)).toEqual({ start: 3, query: 'bo' });
    expect(activeMentionQuery('@', 1)).toEqual({ start: 0, query: '' });
    expect(activeMentionQuery('hi @bob there', 7)).toEqual({ start: 3, query: 'bob' });
  });

  it('is none outside a mention or in an email address', () => {
    expect(activeMentionQuery('hi bob', 6)).toBeNull();
    expect(activeMentionQuery('mail a@bo', 9)).toBeNull();
    expect(activeMentionQuery('@bob ', 5)).toBeNull();
  });
});

describe('matchCandidates', () => {
  it('matches username prefixes first, then display name words, then @room', () => {
    expect(matchCandidates([carol, bob, bobby], 'bo').map((c) => c.id)).toEqual(['b', 'y', 'c']);
    expect(matchCandidates([carol, bob], 'rob').map((c) => c.id)).toEqual(['b']);
    expect(matchCandidates([carol, bob], 'ro')).toEqual([bob, ROOM_CANDIDATE]);
    expect(matchCandidates([carol, bob], 'zz')).toEqual([]);
  });

  it('is case-insensitive and bounded', () => {
    expect(matchCandidates([bob], 'BOB')).toEqual([bob]);
    const many = Array.from({ length: 20 }, (_, i) => ({ ...bob, id: `${i}` }));
    expect(matchCandidates(many, 'b', 5)).toHaveLength(5);
  });
});

describe('applyMention', () => {
  it('replaces the typed part by the whole username and a space', () => {
    expect(applyMention('hi @bo', 3, 6, 'bob_s')).toEqual({ text: 'hi @bob_s ', caret: 10 });
    expect(applyMention('@bo and more', 0, 3, 'bobby')).toEqual({ text: '@bobby  and more', caret: 7 });
  });
});
