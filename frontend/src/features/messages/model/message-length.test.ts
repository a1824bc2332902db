import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_LENGTH, messageLength } from './message-length';

describe('message length', () => {
  it('counts an astral character such as an emoji once', () => {
    expect(messageLength('😀')).toBe(1);
    expect(messageLength('😀'.repeat(MAX_MESSAGE_LENGTH))).toBe(5000);
  });

  it('does not count the whitespace the server trims', () => {
    expect(messageLength('  hi 😀\n')).toBe(4);
  });
});
