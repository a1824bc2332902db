import { useAnnouncer } from '@/components/live-region';
import type { Message } from '@/features/messages/api/message-schemas';
import { useSessionStore } from '@/lib/session-store';
import { useChatUiStore } from './chat-ui-store';
import { playNotificationSound } from './notification-sound';
import { toPlainText } from '@/lib/markdown/plain-text';

const isHidden = () => typeof document !== 'undefined' && document.visibilityState === 'hidden';

/** The room is open in a visible tab: the user sees its new messages as they arrive. */
export const isWatching = (roomId: string) =>
  useChatUiStore.getState().activeRoomId === roomId && !isHidden();

/**
 * Someone else's message: read out to screen readers when its room is open; while the tab is
 * hidden, counted for the title badge and chimed unless muted.
 */
export function alertNewMessage(message: Message) {
  if (message.sender.id === useSessionStore.getState().user?.id) return;
  const ui = useChatUiStore.getState();
  if (ui.activeRoomId === message.room_id)
    useAnnouncer
      .getState()
      .announced(
        `${message.sender.display_name}: ${toPlainText(message.content.slice(0, 400)).slice(0, 200)}`,
      );
  if (isHidden()) {
    ui.messageArrivedWhileHidden();
    if (!ui.muted) playNotificationSound();
  }
}
