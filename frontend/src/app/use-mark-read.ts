import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { messageKeys, type RoomMessages } from '@/features/messages/api/get-messages';
import { newestConfirmedId } from '@/features/messages/model/message-cache';
import type { RoomListItem } from '@/features/rooms/api/room-schemas';
import { markRoomRead, roomKeys } from '@/features/rooms/api/rooms-api';
import { roomRead } from '@/features/rooms/model/room-list-cache';

/** Opening a room, and each new message seen in it while the tab is visible, clears its badge. */
export function useMarkRead(roomId: string) {
  const queryClient = useQueryClient();
  const newest = useQuery({
    queryKey: messageKeys.room(roomId),
    enabled: false,
    select: (data: RoomMessages) => newestConfirmedId(data),
  }).data;

  useEffect(() => {
    if (!newest) return;
    const mark = () => {
      if (document.visibilityState === 'hidden') return;
      queryClient.setQueryData<RoomListItem[]>(roomKeys.list(), (list) => roomRead(list, roomId));
      markRoomRead(roomId, newest).catch(() => undefined);
    };
    mark();
    document.addEventListener('visibilitychange', mark);
    return () => document.removeEventListener('visibilitychange', mark);
  }, [roomId, newest, queryClient]);
}
