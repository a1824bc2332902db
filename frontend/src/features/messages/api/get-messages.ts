import { infiniteQueryOptions, type InfiniteData } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { messagePageSchema, type Message } from './message-schemas';

export const PAGE_SIZE = 50;

/** A message as the client holds it: a server message, or our own copy still on its way. */
export type ChatMessage = Message & { delivery?: 'pending' | 'failed' };
export interface ChatPage {
  messages: ChatMessage[];
  next_cursor: string | null;
  has_more: boolean;
}
/** pages[0] is the newest page; each page is oldest-first, like the API answers. */
export type RoomMessages = InfiniteData<ChatPage, string | null>;

export const messageKeys = {
  all: ['messages'] as const,
  room: (roomId: string) => [...messageKeys.all, roomId] as const,
};

export function fetchMessagePage(
  roomId: string,
  params: { cursor?: string | null; after?: string; limit?: number },
) {
  const query = new URLSearchParams({ limit: String(params.limit ?? PAGE_SIZE) });
  if (params.cursor) query.set('cursor', params.cursor);
  if (params.after) query.set('after', params.after);
  return apiRequest(`/rooms/${roomId}/messages?${query}`, { schema: messagePageSchema });
}

export const roomMessagesQuery = (roomId: string) =>
  infiniteQueryOptions({
    queryKey: messageKeys.room(roomId),
    queryFn: ({ pageParam, signal }): Promise<ChatPage> =>
      apiRequest(`/rooms/${roomId}/messages?limit=${PAGE_SIZE}${pageParam ? `&cursor=${pageParam}` : ''}`, {
        schema: messagePageSchema,
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => (page.has_more ? page.next_cursor : undefined),
    // Live updates keep it fresh; a refetch would drop pending copies and scroll position.
    staleTime: Infinity,
  });
