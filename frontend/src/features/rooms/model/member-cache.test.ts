import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { Member, RoomDetail } from '../api/room-schemas';
import { roomKeys } from '../api/rooms-api';
import { cachedMember, patchMember } from './member-cache';

const member = (id: string): Member => ({
  id,
  username: id,
  display_name: id.toUpperCase(),
  avatar_url: null,
  role: 'member',
});
const roomWith = (id: string, ...memberIds: string[]): RoomDetail => ({
  id,
  name: id,
  is_direct: false,
  members: memberIds.map(member),
});

describe('member cache', () => {
  it('patches the user in every cached room they are in, and leaves the other rooms as they were', () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(roomKeys.detail('r1'), roomWith('r1', 'alice', 'bob'));
    queryClient.setQueryData(roomKeys.detail('r2'), roomWith('r2', 'alice'));
    const withoutAlice = roomWith('r3', 'bob');
    queryClient.setQueryData(roomKeys.detail('r3'), withoutAlice);

    patchMember(queryClient, 'alice', { display_name: 'Alice Liddell', is_online: true });

    for (const roomId of ['r1', 'r2'])
      expect(cachedMember(queryClient, roomId, 'alice')).toMatchObject({
        display_name: 'Alice Liddell',
        is_online: true,
        role: 'member',
      });
    expect(cachedMember(queryClient, 'r1', 'bob')?.display_name).toBe('BOB');
    expect(queryClient.getQueryData(roomKeys.detail('r3'))).toBe(withoutAlice);
  });

  it('finds no member in a room whose members are not cached', () => {
    expect(cachedMember(new QueryClient(), 'r1', 'alice')).toBeUndefined();
  });
});
