import { describe, expect, it } from 'vitest';
import { shouldNotify, type NotificationFacts } from './desktop-notifications';

const facts = (over: Partial<NotificationFacts> = {}): NotificationFacts => ({
  message: {
    sender: { id: 'alice', username: 'alice', display_name: 'Alice', avatar_url: null },
    mentions: ['bob'],
    mentions_room: false,
  },
  room: { is_direct: false, muted: false },
  myId: 'bob',
  hidden: true,
  permission: 'granted',
  ...over,
});

describe('shouldNotify', () => {
  it('notifies of a mention of me while the tab is hidden', () => {
    expect(shouldNotify(facts())).toBe(true);
    expect(shouldNotify(facts({ message: { ...facts().message, mentions: [], mentions_room: true } }))).toBe(
      true,
    );
  });

  it('notifies of any direct message, but not of an unmentioning group message', () => {
    const plain = { ...facts().message, mentions: [] };
    expect(shouldNotify(facts({ message: plain, room: { is_direct: true, muted: false } }))).toBe(true);
    expect(shouldNotify(facts({ message: plain }))).toBe(false);
  });

  it('stays quiet while the tab is visible, in a muted room, without permission, or for my own message', () => {
    expect(shouldNotify(facts({ hidden: false }))).toBe(false);
    expect(shouldNotify(facts({ room: { is_direct: true, muted: true } }))).toBe(false);
    expect(shouldNotify(facts({ permission: 'default' }))).toBe(false);
    expect(shouldNotify(facts({ permission: 'unsupported' }))).toBe(false);
    expect(shouldNotify(facts({ myId: 'alice' }))).toBe(false);
    expect(shouldNotify(facts({ room: undefined }))).toBe(false);
  });
});
