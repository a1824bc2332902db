import { QueryClient } from '@tanstack/react-query';
import { beforeEach, describe, expect, it } from 'vitest';
import { useSessionStore } from '@/lib/session-store';
import { aMessage } from '@/testing/fixtures';
import type { RoomDetail, RoomListItem } from '../api/room-schemas';
import { roomKeys } from '../api/rooms-api';
import { cachedMember } from '../model/member-cache';
import { applyRoomEvent } from './apply-room-events';

const listItem = (id: string, overrides: Partial<RoomListItem> = {}): RoomListItem => ({
  id,
  name: id,
  is_direct: false,
  unread_count: 0,
  mention_count: 0,
  muted: false,
  ...overrides,
});
const bobIn = (roomId: string): RoomDetail => ({
  id: roomId,
  name: roomId,
  is_direct: false,
  members: [
    {
      id: 'bob',
      username: 'bob',
      display_name: 'Bob',
      avatar_url: null,
      role: 'member',
      is_online: true,
      last_seen_at: '2026-02-16T09:00:00Z',
    },
  ],
});
const notWatching = { isWatching: () => false };
const isInvalidated = (queryClient: QueryClient, queryKey: readonly unknown[]) =>
  queryClient.getQueryState(queryKey)?.isInvalidated;

describe('presence (user_online, user_offline)', () => {
  it('shows the member offline with their last-seen time in every cached room, and the DM peer too', () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(roomKeys.detail('r1'), bobIn('r1'));
    queryClient.setQueryData(roomKeys.detail('r2'), bobIn('r2'));
    queryClient.setQueryData(roomKeys.list(), [
      listItem('dm', {
        is_direct: true,
        peer: { id: 'bob', username: 'bob', display_name: 'Bob', avatar_url: null, is_online: true },
      }),
    ]);

    applyRoomEvent(
      queryClient,
      { event: 'user_offline', data: { user_id: 'bob', last_seen_at: '2026-02-16T10:00:00Z' } },
      notWatching,
    );

    for (const roomId of ['r1', 'r2'])
      expect(cachedMember(queryClient, roomId, 'bob')).toMatchObject({
        is_online: false,
        last_seen_at: '2026-02-16T10:00:00Z',
      });
    expect(queryClient.getQueryData<RoomListItem[]>(roomKeys.list())?.[0]?.peer?.is_online).toBe(false);
  });

  it('keeps the last-seen time when the event carries none', () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(roomKeys.detail('r1'), bobIn('r1'));
    applyRoomEvent(
      queryClient,
      { event: 'user_offline', data: { user_id: 'bob', last_seen_at: null } },
      notWatching,
    );
    applyRoomEvent(queryClient, { event: 'user_online', data: { user_id: 'bob' } }, notWatching);
    expect(cachedMember(queryClient, 'r1', 'bob')).toMatchObject({
      is_online: true,
      last_seen_at: '2026-02-16T09:00:00Z',
    });
  });
});

describe('a new message in the room list', () => {
  const bob = { id: 'bob', username: 'bob', display_name: 'Bob', avatar_url: null };
  beforeEach(() =>
    useSessionStore.setState({
      user: { id: 'me', email: 'me@example.test', username: 'me', display_name: 'Me', avatar_url: null },
    }),
  );

  it('counts as unread unless the room is watched or the message is our own', () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(roomKeys.list(), [listItem('r1'), listItem('r2')]);
    const watching = { isWatching: (roomId: string) => roomId === 'r1' };
    const arrive = (room_id: string, sender = bob) =>
      applyRoomEvent(queryClient, { event: 'new_message', data: aMessage({ room_id, sender }) }, watching);

    arrive('r1');
    arrive('r2');
    arrive('r2', { ...bob, id: 'me' });

    const unread = queryClient
      .getQueryData<RoomListItem[]>(roomKeys.list())
      ?.map((r) => [r.id, r.unread_count]);
    expect(Object.fromEntries(unread ?? [])).toEqual({ r1: 0, r2: 1 });
  });

  it('refetches the list when the room is not in it yet', () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(roomKeys.list(), [listItem('r1')]);
    applyRoomEvent(queryClient, { event: 'new_message', data: aMessage({ room_id: 'new' }) }, notWatching);
    expect(isInvalidated(queryClient, roomKeys.list())).toBe(true);
  });
});
