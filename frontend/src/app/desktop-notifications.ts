import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import type { Message } from '@/features/messages/api/message-schemas';
import type { RoomListItem } from '@/features/rooms/api/room-schemas';
import { messagePreview } from './message-preview';
import { mentionsUser } from '@/lib/mention-tokens';

// Desktop notifications (the Notification API) for mentions and direct messages while the tab is
// hidden. Permission is asked for only from a user action (settings), never on load.

export type NotificationPermissionState = NotificationPermission | 'unsupported';

export const notificationPermission = (): NotificationPermissionState =>
  typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;

/** From a click: browsers refuse (or penalise) a prompt nobody asked for. */
export async function requestNotificationPermission(): Promise<NotificationPermissionState> {
  if (typeof Notification === 'undefined') return 'unsupported';
  return Notification.requestPermission();
}

export interface NotificationFacts {
  message: Pick<Message, 'sender' | 'mentions' | 'mentions_room'>;
  room: Pick<RoomListItem, 'is_direct' | 'muted'> | undefined;
  myId: string | undefined;
  hidden: boolean;
  permission: NotificationPermissionState;
}

/** Notify of someone else's mention of me or direct message, in a room not muted, while hidden. */
export function shouldNotify({ message, room, myId, hidden, permission }: NotificationFacts): boolean {
  if (!hidden || permission !== 'granted' || !room || room.muted) return false;
  if (!myId || message.sender.id === myId) return false;
  return room.is_direct || mentionsUser(message, myId);
}

let openRoom: (roomId: string) => void = (roomId) => {
  window.location.assign(`/chat/${roomId}`);
};

/** Clicking a notification opens its room in this tab (in the app's router, once it is mounted). */
export function useNotificationClicks() {
  const navigate = useNavigate();
  useEffect(() => {
    openRoom = (roomId) => navigate(`/chat/${roomId}`);
  }, [navigate]);
}

export function showDesktopNotification(
  message: Message,
  room: Pick<RoomListItem, 'id' | 'name' | 'is_direct'>,
) {
  try {
    const notification = new Notification(
      room.is_direct ? message.sender.display_name : `${message.sender.display_name} in ${room.name}`,
      { body: messagePreview(message), tag: message.id },
    );
    notification.onclick = () => {
      window.focus();
      openRoom(room.id);
      notification.close();
    };
  } catch {
    // Some browsers allow notifications from a service worker only: the title badge still tells.
  }
}
