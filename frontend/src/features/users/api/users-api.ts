import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';
import { currentUserSchema } from '@/lib/session-store';
import { userSummarySchema } from '@/lib/user-summary';

export const userKeys = {
  search: (q: string) => ['users', 'search', q] as const,
};

export const userSearchQuery = (q: string) =>
  queryOptions({
    queryKey: userKeys.search(q),
    queryFn: ({ signal }) =>
      apiRequest(`/users/search?${new URLSearchParams({ q, limit: '10' })}`, {
        schema: z.array(userSummarySchema),
        signal,
      }),
    enabled: q.trim().length >= 2,
    staleTime: 30_000,
  });

export const updateProfile = (changes: { display_name?: string; avatar_url?: string | null }) =>
  apiRequest('/users/me', { method: 'PATCH', body: changes, schema: currentUserSchema });
