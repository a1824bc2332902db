import type { QueryClient } from '@tanstack/react-query';
import type { ServerEvent } from '@/lib/realtime/frames';
import { mentionsUser } from '@/lib/mention-tokens';
import { useSessionStore } from '@/lib/session-store';
import type { RoomListItem } from '../api/room-schemas';
import { roomKeys } from '../api/rooms-api';
import { patchMember } from '../model/member-cache';
import { messageArrived, peerPresenceChanged, roomMuted, roomRead } from '../model/room-list-cache';

/** What applying an event needs from outside this feature. */
export interface RoomEventContext {
  /** The room is open in a visible tab: its new messages are read as they arrive. */
  isWatching: (roomId: string) => boolean;
}

/** Server events on the cached room list and room details: previews, unread counts, members. */
export function applyRoomEvent(queryClient: QueryClient, event: ServerEvent, context: RoomEventContext) {
  switch (event.event) {
    case 'new_message': {
      const message = event.data;
      const rooms = queryClient.getQueryData<RoomListItem[]>(roomKeys.list());
      if (rooms && !rooms.some((r) => r.id === message.room_id))
        void queryClient.invalidateQueries({ queryKey: roomKeys.list() });
      else {
        const mine = message.sender.id === useSessionStore.getState().user?.id;
        queryClient.setQueryData<RoomListItem[]>(roomKeys.list(), (list) =>
          messageArrived(list, message, {
            unread: !mine && !context.isWatching(message.room_id),
            mention: mentionsUser(message, useSessionStore.getState().user?.id),
          }),
        );
      }
      return;
    }
    case 'message_deleted':
      void queryClient.invalidateQueries({ queryKey: roomKeys.list() });
      return;
    case 'user_online':
    case 'user_offline': {
      const online = event.event === 'user_online';
      const lastSeen = event.event === 'user_offline' ? event.data.last_seen_at : undefined;
      queryClient.setQueryData<RoomListItem[]>(roomKeys.list(), (list) =>
        peerPresenceChanged(list, event.data.user_id, online),
      );
      patchMember(queryClient, event.data.user_id, {
        is_online: online,
        ...(lastSeen != null ? { last_seen_at: lastSeen } : {}),
      });
      return;
    }
    case 'user_updated': {
      const { id, display_name, avatar_url } = event.data.user;
      patchMember(queryClient, id, { display_name, avatar_url });
      // Direct conversations are named after the other person.
      void queryClient.invalidateQueries({ queryKey: roomKeys.list() });
      return;
    }
    case 'read_updated':
      queryClient.setQueryData<RoomListItem[]>(roomKeys.list(), (list) =>
        roomRead(list, event.data.room_id, event.data),
      );
      return;
    case 'room_settings_updated':
      queryClient.setQueryData<RoomListItem[]>(roomKeys.list(), (list) =>
        roomMuted(list, event.data.room_id, event.data.muted),
      );
      return;
    case 'room_created':
    case 'room_updated':
    case 'member_joined':
    case 'member_left':
    case 'member_updated':
      void queryClient.invalidateQueries({ queryKey: roomKeys.list() });
      void queryClient.invalidateQueries({ queryKey: roomKeys.detail(event.data.room_id) });
      return;
    default:
      return;
  }
}
