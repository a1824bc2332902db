import type { QueryClient } from '@tanstack/react-query';
import { useAnnouncer } from '@/components/live-region';
import { fetchMessagePage, messageKeys, type RoomMessages } from '@/features/messages/api/get-messages';
import {
  applyEdit,
  reconcileLatest,
  removeMessage,
  renameSender,
  upsertMessage,
} from '@/features/messages/model/message-cache';
import { useTypingStore } from '@/features/messages/model/typing-store';
import { roomKeys } from '@/features/rooms/api/rooms-api';
import { messageArrived, peerPresenceChanged, roomRead } from '@/features/rooms/model/room-list-cache';
import type { ServerEvent } from '@/lib/realtime/frames';
import type { RoomDetail, RoomListItem } from '@/features/rooms/api/room-schemas';
import { useSessionStore } from '@/lib/session-store';
import { catchUpAfterFirstPage } from './catch-up';
import { useChatUiStore } from './chat-ui-store';
import { playNotificationSound } from './notification-sound';

const isHidden = () => typeof document !== 'undefined' && document.visibilityState === 'hidden';

/** Applies one server event to the query cache and the client stores (TkDodo: the cache is the truth). */
export function applyServerEvent(queryClient: QueryClient, event: ServerEvent) {
  const me = useSessionStore.getState().user?.id;
  const ui = useChatUiStore.getState();
  switch (event.event) {
    case 'new_message': {
      const message = event.data;
      const mine = message.sender.id === me;
      const open = ui.activeRoomId === message.room_id;
      if (queryClient.getQueryData(messageKeys.room(message.room_id))) {
        queryClient.setQueryData<RoomMessages>(messageKeys.room(message.room_id), (d) =>
          upsertMessage(d, message),
        );
      } else void catchUpAfterFirstPage(queryClient, message.room_id);
      const rooms = queryClient.getQueryData<RoomListItem[]>(roomKeys.list());
      if (rooms && !rooms.some((r) => r.id === message.room_id))
        void queryClient.invalidateQueries({ queryKey: roomKeys.list() });
      else
        queryClient.setQueryData<RoomListItem[]>(roomKeys.list(), (list) =>
          messageArrived(list, message, !mine && (!open || isHidden())),
        );
      useTypingStore.getState().userStoppedTyping(message.room_id, message.sender.id);
      if (mine) return;
      if (open)
        useAnnouncer.getState().announced(`${message.sender.display_name}: ${message.content.slice(0, 200)}`);
      if (isHidden()) {
        ui.messageArrivedWhileHidden();
        if (!ui.muted) playNotificationSound();
      }
      return;
    }
    case 'message_edited':
      queryClient.setQueryData<RoomMessages>(messageKeys.room(event.data.room_id), (d) =>
        applyEdit(d, event.data),
      );
      return;
    case 'message_deleted':
      queryClient.setQueryData<RoomMessages>(messageKeys.room(event.data.room_id), (d) =>
        removeMessage(d, event.data.id),
      );
      void queryClient.invalidateQueries({ queryKey: roomKeys.list() });
      return;
    case 'user_typing':
      if (event.data.user_id !== me) {
        // The event carries the username; the room's member list (when cached) has the display name.
        const member = queryClient
          .getQueryData<RoomDetail>(roomKeys.detail(event.data.room_id))
          ?.members.find((m) => m.id === event.data.user_id);
        useTypingStore
          .getState()
          .userStartedTyping(
            event.data.room_id,
            event.data.user_id,
            event.data.display_name ?? member?.display_name ?? event.data.username,
          );
      }
      return;
    case 'user_stop_typing':
      useTypingStore.getState().userStoppedTyping(event.data.room_id, event.data.user_id);
      return;
    case 'user_online':
    case 'user_offline': {
      const online = event.event === 'user_online';
      const lastSeen = event.event === 'user_offline' ? event.data.last_seen_at : undefined;
      queryClient.setQueryData<RoomListItem[]>(roomKeys.list(), (list) =>
        peerPresenceChanged(list, event.data.user_id, online),
      );
      queryClient.setQueriesData<RoomDetail>({ queryKey: roomKeys.details() }, (room) =>
        room?.members.some((m) => m.id === event.data.user_id)
          ? {
              ...room,
              members: room.members.map((m) =>
                m.id === event.data.user_id
                  ? { ...m, is_online: online, last_seen_at: lastSeen ?? m.last_seen_at }
                  : m,
              ),
            }
          : room,
      );
      return;
    }
    case 'user_updated': {
      const user = event.data.user;
      for (const [key] of queryClient.getQueriesData<RoomMessages>({ queryKey: messageKeys.all }))
        queryClient.setQueryData<RoomMessages>(key, (d) => renameSender(d, user));
      queryClient.setQueriesData<RoomDetail>({ queryKey: roomKeys.details() }, (room) =>
        room?.members.some((m) => m.id === user.id)
          ? {
              ...room,
              members: room.members.map((m) =>
                m.id === user.id ? { ...m, display_name: user.display_name, avatar_url: user.avatar_url } : m,
              ),
            }
          : room,
      );
      // Direct conversations are named after the other person.
      void queryClient.invalidateQueries({ queryKey: roomKeys.list() });
      const session = useSessionStore.getState();
      if (session.user && session.user.id === user.id)
        session.profileChanged({
          ...session.user,
          display_name: user.display_name,
          avatar_url: user.avatar_url,
        });
      return;
    }
    case 'read_updated':
      queryClient.setQueryData<RoomListItem[]>(roomKeys.list(), (list) => roomRead(list, event.data.room_id));
      return;
    case 'room_created':
    case 'room_updated':
    case 'member_joined':
    case 'member_left':
    case 'member_updated': {
      void queryClient.invalidateQueries({ queryKey: roomKeys.list() });
      void queryClient.invalidateQueries({ queryKey: roomKeys.detail(event.data.room_id) });
      return;
    }
    default:
      return;
  }
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
