import type { QueryClient } from '@tanstack/react-query';
import type { Member, RoomDetail } from '../api/room-schemas';
import { roomKeys } from '../api/rooms-api';

// Members as the cached room details hold them: presence and profile changes arrive per user, not
// per room, so they go to every cached room the user is in.

type MemberPatch = Partial<Omit<Member, 'id' | 'role'>>;

/** Applies the patch to the user in every cached room they are in; other rooms keep their object. */
export function patchMember(queryClient: QueryClient, userId: string, patch: MemberPatch) {
  queryClient.setQueriesData<RoomDetail>({ queryKey: roomKeys.details() }, (room) =>
    room?.members.some((m) => m.id === userId)
      ? { ...room, members: room.members.map((m) => (m.id === userId ? { ...m, ...patch } : m)) }
      : room,
  );
}

export function cachedMember(queryClient: QueryClient, roomId: string, userId: string) {
  return queryClient.getQueryData<RoomDetail>(roomKeys.detail(roomId))?.members.find((m) => m.id === userId);
}
