import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Attachment } from '@/lib/attachment';
import { newClientId } from '@/lib/ids';
import { useSessionStore } from '@/lib/session-store';
import { messageKeys, type ChatMessage, type RoomMessages } from '../api/get-messages';
import { deliverMessage } from '../api/deliver-message';
import { addPending, markDelivery } from '../model/message-cache';

/** Optimistic send: the message shows at once as pending, then becomes the server's copy. */
export function useSendMessage(roomId: string) {
  const queryClient = useQueryClient();
  const me = useSessionStore((s) => s.user);

  const send = useCallback(
    (content: string, parent: ChatMessage | null, attachments: Attachment[] = []) => {
      if (!me) return;
      const clientId = newClientId();
      const now = new Date().toISOString();
      const pending: ChatMessage = {
        id: `pending-${clientId}`,
        room_id: roomId,
        sender: {
          id: me.id,
          username: me.username,
          display_name: me.display_name,
          avatar_url: me.avatar_url,
        },
        content,
        // The server resolves mentions to members; the echo brings them.
        mentions: [],
        mentions_room: false,
        // Already checked by the server: shown at once, at their final size.
        attachments,
        message_type: 'text',
        parent_id: parent?.id ?? null,
        parent: parent
          ? {
              id: parent.id,
              sender_display_name: parent.sender.display_name,
              content: parent.content.slice(0, 100),
              is_deleted: false,
            }
          : null,
        thread_root_id: parent ? (parent.thread_root_id ?? parent.id) : null,
        is_edited: false,
        created_at: now,
        updated_at: now,
        client_id: clientId,
        delivery: 'pending',
      };
      queryClient.setQueryData<RoomMessages>(messageKeys.room(roomId), (data) => addPending(data, pending));
      return deliverMessage(queryClient, roomId, {
        content,
        client_id: clientId,
        ...(parent ? { parent_id: parent.id } : {}),
        ...(attachments.length ? { attachments: attachments.map((a) => a.id) } : {}),
      });
    },
    [queryClient, roomId, me],
  );

  const retry = useCallback(
    (message: ChatMessage) => {
      if (!message.client_id) return;
      queryClient.setQueryData<RoomMessages>(messageKeys.room(roomId), (data) =>
        markDelivery(data, message.client_id!, 'pending'),
      );
      return deliverMessage(queryClient, roomId, {
        content: message.content,
        client_id: message.client_id,
        ...(message.parent_id ? { parent_id: message.parent_id } : {}),
        ...(message.attachments.length ? { attachments: message.attachments.map((a) => a.id) } : {}),
      });
    },
    [queryClient, roomId],
  );

  return { send, retry };
}
