import { infiniteQueryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';

// GET /search/messages: what a result shows of its message, its room and the matching text.

const segmentSchema = z.object({ text: z.string(), match: z.boolean() });
export type SnippetSegment = z.infer<typeof segmentSchema>;

const searchResultSchema = z.object({
  message: z.object({
    id: z.string(),
    room_id: z.string(),
    sender: z.object({ id: z.string(), username: z.string(), display_name: z.string() }),
    content: z.string(),
    created_at: z.string(),
  }),
  room: z.object({ id: z.string(), name: z.string(), is_direct: z.boolean() }),
  snippet: z.array(segmentSchema),
});
export type SearchResult = z.infer<typeof searchResultSchema>;

export const searchPageSchema = z.object({
  results: z.array(searchResultSchema),
  next_cursor: z.string().nullable(),
  has_more: z.boolean(),
});
export type SearchPage = z.infer<typeof searchPageSchema>;

/** The server's bound on q (longer is a 400). */
export const MAX_QUERY_LENGTH = 256;
export const SEARCH_PAGE_SIZE = 20;

export const searchKeys = {
  all: ['search'] as const,
  messages: (q: string) => [...searchKeys.all, 'messages', q] as const,
};

export const messageSearchQuery = (q: string) =>
  infiniteQueryOptions({
    queryKey: searchKeys.messages(q),
    queryFn: ({ pageParam, signal }): Promise<SearchPage> => {
      const params = new URLSearchParams({ q, limit: String(SEARCH_PAGE_SIZE) });
      if (pageParam) params.set('cursor', pageParam);
      return apiRequest(`/search/messages?${params}`, { schema: searchPageSchema, signal });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (page) => (page.has_more ? page.next_cursor : undefined),
    enabled: q.length > 0,
    // A search is a snapshot: run again when asked again, not behind the reader's back.
    staleTime: 30_000,
  });
