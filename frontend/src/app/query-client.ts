import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '@/lib/api-error';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // 4xx answers are final; retry only what might be transient.
      retry: (count, error) => count < 2 && !(isApiError(error) && error.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});
