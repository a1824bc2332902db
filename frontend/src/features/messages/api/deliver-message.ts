import type { QueryClient } from '@tanstack/react-query';
import { getRealtime } from '@/lib/realtime/realtime-connection';
import { RealtimeRequestError } from '@/lib/realtime/realtime-client';
import { messageSchema, type Message } from './message-schemas';
import { messageKeys, type RoomMessages } from './get-messages';
import { sendMessageRest, type SendBody } from './message-mutations';
import { markDelivery, upsertMessage } from '../model/message-cache';

/**
 * Sends over the socket when it is open, else (or when it drops mid-send) over REST with the same
 * client_id, so the server stores it once. The answer replaces the pending copy; a failure marks it.
 */
export async function deliverMessage(
  queryClient: QueryClient,
  roomId: string,
  body: SendBody,
): Promise<Message | null> {
  const key = messageKeys.room(roomId);
  try {
    let stored: Message | null = null;
    const realtime = getRealtime();
    if (realtime?.isOpen) {
      try {
        stored = messageSchema.parse(await realtime.request('send_message', { room_id: roomId, ...body }));
      } catch (error) {
        const transient =
          error instanceof RealtimeRequestError &&
          (error.code === 'DISCONNECTED' || error.code === 'TIMEOUT');
        if (!transient) throw error;
      }
    }
    stored ??= await sendMessageRest(roomId, body);
    queryClient.setQueryData<RoomMessages>(key, (data) => upsertMessage(data, stored));
    return stored;
  } catch {
    queryClient.setQueryData<RoomMessages>(key, (data) => markDelivery(data, body.client_id, 'failed'));
    return null;
  }
}
