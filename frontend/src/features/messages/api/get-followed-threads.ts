import { infiniteQueryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';
import { messageSchema } from './message-schemas';

// GET /threads: the threads the user follows, most recent reply first, with unread totals.

export const followedThreadPageSchema = z.object({
  threads: z.array(
    z.object({
      room_id: z.string(),
      room_name: z.string().nullable(),
      room_is_direct: z.boolean(),
      root: messageSchema,
      unread_count: z.number().int().nonnegative(),
      last_reply_at: z.string().nullable(),
    }),
  ),
  next_cursor: z.string().nullable(),
  has_more: z.boolean(),
  total_unread_count: z.number().int().nonnegative(),
  unread_threads: z.number().int().nonnegative(),
});
export type FollowedThreadPage = z.infer<typeof followedThreadPageSchema>;
export type FollowedThread = FollowedThreadPage['threads'][number];

export const followedThreadsKey = ['threads'] as const;

export const followedThreadsQuery = () =>
  infiniteQueryOptions({
    queryKey: followedThreadsKey,
    queryFn: ({ pageParam, signal }) =>
      apiRequest(`/threads?limit=20${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`, {
        schema: followedThreadPageSchema,
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => (page.has_more ? page.next_cursor : undefined),
  });
