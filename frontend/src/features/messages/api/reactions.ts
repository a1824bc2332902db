import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';
import { reactionSchema } from './message-schemas';

/** The answer of PUT and DELETE: the message's reactions after the change, as the caller sees them. */
export const reactionSummarySchema = z.object({
  message_id: z.string(),
  reactions: z.array(reactionSchema),
});
export type ReactionSummary = z.infer<typeof reactionSummarySchema>;

// The emoji is a path segment: percent-encoded UTF-8, as the server expects.
const reactionPath = (roomId: string, messageId: string, emoji: string) =>
  `/rooms/${roomId}/messages/${messageId}/reactions/${encodeURIComponent(emoji)}`;

/** Adds (on) or takes back (off) the caller's reaction; both are idempotent on the server. */
export const setReaction = (roomId: string, messageId: string, emoji: string, on: boolean) =>
  apiRequest(reactionPath(roomId, messageId, emoji), {
    method: on ? 'PUT' : 'DELETE',
    schema: reactionSummarySchema,
  });
