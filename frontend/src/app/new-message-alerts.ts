import { useAnnouncer } from '@/components/live-region';
import type { Message } from '@/features/messages/api/message-schemas';
import type { RoomListItem } from '@/features/rooms/api/room-schemas';
import { useSessionStore } from '@/lib/session-store';
import { useChatUiStore } from './chat-ui-store';
import { notificationPermission, shouldNotify, showDesktopNotification } from './desktop-notifications';
import { playNotificationSound } from './notification-sound';
import { messagePreview } from './message-preview';

const isHidden = () => typeof document !== 'undefined' && document.visibilityState === 'hidden';

/** The room is open in a visible tab: the user sees its new messages as they arrive. */
export const isWatching = (roomId: string) =>
  useChatUiStore.getState().activeRoomId === roomId && !isHidden();

/**
 * Someone else's message: read out to screen readers when its room is open; while the tab is
 * hidden, counted for the title badge, chimed unless sound or the room is muted, and shown as a
 * desktop notification when it mentions the user or is a direct message.
 */
export function alertNewMessage(message: Message, room?: RoomListItem) {
  const myId = useSessionStore.getState().user?.id;
  if (message.sender.id === myId) return;
  const ui = useChatUiStore.getState();
  if (ui.activeRoomId === message.room_id)
    useAnnouncer.getState().announced(`${message.sender.display_name}: ${messagePreview(message)}`);
  const hidden = isHidden();
  if (hidden) {
    ui.messageArrivedWhileHidden();
    if (!ui.muted && !room?.muted) playNotificationSound();
  }
  if (room && shouldNotify({ message, room, myId, hidden, permission: notificationPermission() }))
    showDesktopNotification(message, room);
}
