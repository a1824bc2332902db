import { apiRequest } from '@/lib/api-client';
import { messageSchema } from './message-schemas';

export interface SendBody {
  content: string;
  parent_id?: string;
  client_id: string;
  /** Completed upload ids (at most 10); content may then be empty. */
  attachments?: string[];
}

/** The REST send: used when the socket is down. client_id makes a repeat harmless. */
export const sendMessageRest = (roomId: string, body: SendBody) =>
  apiRequest(`/rooms/${roomId}/messages`, { method: 'POST', body, schema: messageSchema });

export const editMessage = (roomId: string, messageId: string, content: string) =>
  apiRequest(`/rooms/${roomId}/messages/${messageId}`, {
    method: 'PATCH',
    body: { content },
    schema: messageSchema,
  });

export const deleteMessage = (roomId: string, messageId: string) =>
  apiRequest(`/rooms/${roomId}/messages/${messageId}`, { method: 'DELETE' });
