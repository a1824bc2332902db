import { infiniteQueryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';
import { messageSchema } from './message-schemas';

// GET /mentions: the messages that mention the caller, newest first, keyset-paged.

export const mentionPageSchema = z.object({
  mentions: z.array(
    z.object({
      room_id: z.string(),
      room_name: z.string(),
      room_is_direct: z.boolean(),
      message: messageSchema,
    }),
  ),
  next_cursor: z.string().nullable(),
  has_more: z.boolean(),
});
export type MentionPage = z.infer<typeof mentionPageSchema>;

export const mentionsQuery = () =>
  infiniteQueryOptions({
    queryKey: ['mentions'] as const,
    queryFn: ({ pageParam, signal }) =>
      apiRequest(`/mentions?limit=30${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`, {
        schema: mentionPageSchema,
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => (page.has_more ? page.next_cursor : undefined),
  });
