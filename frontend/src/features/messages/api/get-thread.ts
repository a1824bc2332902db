import { infiniteQueryOptions, type InfiniteData } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';
import { messageSchema } from './message-schemas';

// GET /rooms/{id}/messages/{mid}/thread: a thread's root and its replies, oldest first, paged
// forward (each page's cursor is the id of its last reply).

export const THREAD_PAGE_SIZE = 50;

export const threadPageSchema = z.object({
  root: messageSchema,
  replies: z.array(messageSchema),
  next_cursor: z.string().nullable(),
  has_more: z.boolean(),
  following: z.boolean().default(false),
  unread_count: z.number().int().nonnegative().default(0),
});
export type ThreadPage = z.infer<typeof threadPageSchema>;
/** pages[0] is the oldest page; each page is oldest-first. Every page carries the root. */
export type ThreadData = InfiniteData<ThreadPage, string | null>;

export const threadKeys = {
  all: ['thread'] as const,
  thread: (roomId: string, rootId: string) => [...threadKeys.all, roomId, rootId] as const,
};

export const threadQuery = (roomId: string, rootId: string) =>
  infiniteQueryOptions({
    queryKey: threadKeys.thread(roomId, rootId),
    queryFn: ({ pageParam, signal }): Promise<ThreadPage> =>
      apiRequest(
        `/rooms/${roomId}/messages/${rootId}/thread?limit=${THREAD_PAGE_SIZE}${
          pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''
        }`,
        { schema: threadPageSchema, signal },
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => (page.has_more ? page.next_cursor : undefined),
    // Live updates keep it fresh while the panel is open.
    staleTime: Infinity,
  });
