import { describe, expect, it } from 'vitest';
import { aMessage } from '@/testing/fixtures';
import type { RoomListItem } from '../api/room-schemas';
import { messageArrived, peerPresenceChanged, roomMuted, roomRead } from './room-list-cache';

const room = (id: string, at: string, unread = 0): RoomListItem => ({
  id,
  name: id,
  is_direct: false,
  created_at: at,
  last_message: null,
  unread_count: unread,
  mention_count: 0,
  muted: false,
});

describe('room list cache', () => {
  it('moves the room with a new message to the top and counts it unread', () => {
    const rooms = [room('a', '2026-02-16T10:00:00Z'), room('b', '2026-02-15T10:00:00Z')];
    const next = messageArrived(
      rooms,
      aMessage({ room_id: 'b', created_at: '2026-02-16T11:00:00Z', content: 'yo' }),
      { unread: true, mention: false },
    )!;
    expect(next.map((r) => r.id)).toEqual(['b', 'a']);
    expect(next[0]).toMatchObject({
      unread_count: 1,
      last_message: { content: 'yo', sender_username: 'alice' },
    });
  });

  it('does not count a message in the open room, and clears on read', () => {
    const rooms = [room('a', '2026-02-16T10:00:00Z', 3)];
    expect(
      messageArrived(rooms, aMessage({ room_id: 'a' }), { unread: false, mention: true })![0]!,
    ).toMatchObject({ unread_count: 3, mention_count: 0 });
    expect(roomRead(rooms, 'a')![0]!.unread_count).toBe(0);
  });

  it('counts an unread mention, and reading clears it or leaves what the server counted', () => {
    const rooms = [room('a', '2026-02-16T10:00:00Z', 1)];
    const next = messageArrived(rooms, aMessage({ room_id: 'a' }), { unread: true, mention: true })!;
    expect(next[0]).toMatchObject({ unread_count: 2, mention_count: 1 });
    expect(roomRead(next, 'a')![0]).toMatchObject({ unread_count: 0, mention_count: 0 });
    expect(roomRead(next, 'a', { unread_count: 1, mention_count: 1 })![0]).toMatchObject({
      unread_count: 1,
      mention_count: 1,
    });
  });

  it('keeps the counts of a muted room', () => {
    const muted = roomMuted([room('a', '2026-02-16T10:00:00Z', 4)], 'a', true)!;
    expect(muted[0]).toMatchObject({ muted: true, unread_count: 4 });
  });

  it('updates the online state of a DM peer', () => {
    const dm = {
      ...room('d', '2026-02-16T10:00:00Z'),
      is_direct: true,
      peer: { id: 'u2', username: 'b', display_name: 'B', avatar_url: null, is_online: false },
    };
    expect(peerPresenceChanged([dm], 'u2', true)![0]!.peer!.is_online).toBe(true);
  });
});
