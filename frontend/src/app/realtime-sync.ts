import type { QueryClient } from '@tanstack/react-query';
import { fetchMessagePage, messageKeys, type RoomMessages } from '@/features/messages/api/get-messages';
import { reconcileLatest } from '@/features/messages/model/message-cache';
import { applyMessageEvent } from '@/features/messages/realtime/apply-message-events';
import type { RoomListItem } from '@/features/rooms/api/room-schemas';
import { roomKeys } from '@/features/rooms/api/rooms-api';
import { cachedMember } from '@/features/rooms/model/member-cache';
import { applyRoomEvent } from '@/features/rooms/realtime/apply-room-events';
import { applyUserEvent } from '@/features/users/realtime/apply-user-events';
import type { ServerEvent } from '@/lib/realtime/frames';
import { catchUpAfterFirstPage } from './catch-up';
import { alertNewMessage, isWatching } from './new-message-alerts';

/**
 * Hands one server event to each feature, which applies it to its own caches and stores (TkDodo:
 * the cache is the truth); the app supplies what one feature cannot know of another.
 */
export function applyServerEvent(queryClient: QueryClient, event: ServerEvent) {
  applyMessageEvent(queryClient, event, {
    historyMissing: (roomId) => void catchUpAfterFirstPage(queryClient, roomId),
    memberDisplayName: (roomId, userId) => cachedMember(queryClient, roomId, userId)?.display_name,
  });
  applyRoomEvent(queryClient, event, { isWatching });
  applyUserEvent(event);
  if (event.event === 'new_message')
    alertNewMessage(
      event.data,
      queryClient.getQueryData<RoomListItem[]>(roomKeys.list())?.find((r) => r.id === event.data.room_id),
    );
}

/** The REST-only fallback, on a timer: the open room's newest page (new, edited, deleted) and the room list. */
export async function pollOpenRoom(queryClient: QueryClient, roomId: string | null) {
  if (roomId && queryClient.getQueryData(messageKeys.room(roomId))) {
    const page = await fetchMessagePage(roomId, {}).catch(() => null);
    if (page)
      queryClient.setQueryData<RoomMessages>(messageKeys.room(roomId), (d) =>
        reconcileLatest(d, page.messages),
      );
  }
  void queryClient.invalidateQueries({ queryKey: roomKeys.list() });
}
