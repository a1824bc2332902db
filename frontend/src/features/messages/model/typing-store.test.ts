import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useTypingStore } from './typing-store';

describe('typing store', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('clears a typist after 3 s without a new typing event', () => {
    const { userStartedTyping } = useTypingStore.getState();
    userStartedTyping('r1', 'u1', 'Alice');
    vi.advanceTimersByTime(2000);
    userStartedTyping('r1', 'u1', 'Alice');
    vi.advanceTimersByTime(2000);
    expect(useTypingStore.getState().typists.r1).toEqual({ u1: 'Alice' });
    vi.advanceTimersByTime(1000);
    expect(useTypingStore.getState().typists.r1).toEqual({});
  });

  it('clears at once on stop', () => {
    useTypingStore.getState().userStartedTyping('r2', 'u2', 'Bob');
    useTypingStore.getState().userStoppedTyping('r2', 'u2');
    expect(useTypingStore.getState().typists.r2).toEqual({});
  });
});
