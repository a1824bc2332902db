import { infiniteQueryOptions, type InfiniteData } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';
import { PAGE_SIZE } from './get-messages';
import { messagePageSchema, messageSchema, type Message } from './message-schemas';

// History opened at one message (a search result): GET .../messages?around=<id>, then older pages
// with cursor= and newer ones with after=, like the live history pages and catches up.

export const messageWindowSchema = z.object({
  messages: z.array(messageSchema),
  next_cursor: z.string().nullable(),
  has_more: z.boolean(),
  newer_cursor: z.string().nullable(),
  has_newer: z.boolean(),
});

/** A page of the window: its messages oldest first, and where the next older / newer page starts. */
export interface WindowPage {
  messages: Message[];
  older: string | null;
  newer: string | null;
}
export type WindowParam = { around: string } | { cursor: string } | { after: string };
/** pages[0] is the newest page, as in the live history. */
export type MessageWindow = InfiniteData<WindowPage, WindowParam>;

export const messageWindowKeys = {
  all: ['message-window'] as const,
  at: (roomId: string, messageId: string) => [...messageWindowKeys.all, roomId, messageId] as const,
};

export async function fetchWindowPage(
  roomId: string,
  param: WindowParam,
  signal?: AbortSignal,
): Promise<WindowPage> {
  const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
  const path = `/rooms/${roomId}/messages`;
  if ('around' in param) {
    query.set('around', param.around);
    const page = await apiRequest(`${path}?${query}`, { schema: messageWindowSchema, signal });
    return {
      messages: page.messages,
      older: page.has_more ? page.next_cursor : null,
      newer: page.has_newer ? page.newer_cursor : null,
    };
  }
  if ('cursor' in param) {
    query.set('cursor', param.cursor);
    const page = await apiRequest(`${path}?${query}`, { schema: messagePageSchema, signal });
    return { messages: page.messages, older: page.has_more ? page.next_cursor : null, newer: null };
  }
  query.set('after', param.after);
  const page = await apiRequest(`${path}?${query}`, { schema: messagePageSchema, signal });
  return { messages: page.messages, older: null, newer: page.has_more ? page.next_cursor : null };
}

export const messageWindowQuery = (roomId: string, messageId: string) =>
  infiniteQueryOptions({
    queryKey: messageWindowKeys.at(roomId, messageId),
    queryFn: ({ pageParam, signal }) => fetchWindowPage(roomId, pageParam, signal),
    initialPageParam: { around: messageId } as WindowParam,
    // "next" pages are older (appended), "previous" ones newer (prepended), as pages[0] is newest.
    getNextPageParam: (oldest): WindowParam | undefined =>
      oldest.older ? { cursor: oldest.older } : undefined,
    getPreviousPageParam: (newest): WindowParam | undefined =>
      newest.newer ? { after: newest.newer } : undefined,
    staleTime: Infinity,
    gcTime: 0, // a window is for one visit; the live history is the cache that stays
  });

/** Oldest first, each message once (a page boundary never repeats one, but be sure). */
export function flattenWindow(data: InfiniteData<WindowPage, unknown> | undefined): Message[] {
  if (!data) return [];
  const seen = new Set<string>();
  return data.pages
    .slice()
    .reverse()
    .flatMap((page) => page.messages)
    .filter((m) => !seen.has(m.id) && seen.add(m.id) !== undefined);
}
