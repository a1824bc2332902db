import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';

// The user's state in one thread: follow, unfollow, read (each answers the same shape).

export const threadStateSchema = z.object({
  room_id: z.string(),
  root_id: z.string(),
  following: z.boolean(),
  unread_count: z.number().int().nonnegative(),
  total_unread_count: z.number().int().nonnegative(),
  unread_threads: z.number().int().nonnegative(),
});
export type ThreadState = z.infer<typeof threadStateSchema>;

export const markThreadRead = (roomId: string, rootId: string) =>
  apiRequest(`/rooms/${roomId}/messages/${rootId}/thread/read`, {
    method: 'POST',
    body: {},
    schema: threadStateSchema,
  });

export const setThreadFollowed = (roomId: string, rootId: string, following: boolean) =>
  apiRequest(`/rooms/${roomId}/messages/${rootId}/thread/follow`, {
    method: following ? 'PUT' : 'DELETE',
    schema: threadStateSchema,
  });
