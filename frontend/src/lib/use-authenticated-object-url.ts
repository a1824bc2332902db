import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { apiFetchBlob } from './api-client';

/**
 * The bytes of files the API serves, cached by URL in the query cache: scrolling a message out of
 * view and back does not fetch it again. Unused entries go after a few minutes (gcTime), so the
 * cache holds what is on screen plus what was seen lately, not the whole history.
 */
export const authenticatedBlobQuery = (url: string) => ({
  queryKey: ['authenticated-blob', url] as const,
  queryFn: ({ signal }: { signal: AbortSignal }) => apiFetchBlob(url, signal),
  staleTime: Infinity,
  gcTime: 5 * 60_000,
  retry: 1,
});

/**
 * An object URL for a file the API serves (fetched with the Bearer token), for `<img src>`. Each
 * user of it gets its own URL from the cached Blob, revoked when it unmounts.
 */
export function useAuthenticatedObjectUrl(url: string | null) {
  const query = useQuery({ ...authenticatedBlobQuery(url ?? ''), enabled: url !== null });
  const blob = query.data;
  const [made, setMade] = useState<{ blob: Blob; src: string } | null>(null);
  useEffect(() => {
    if (!blob) return;
    const src = URL.createObjectURL(blob);
    // The URL is a resource outside React (it pins the Blob in memory): made here, revoked below.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setMade({ blob, src });
    return () => URL.revokeObjectURL(src);
  }, [blob]);
  return {
    src: made && made.blob === blob ? made.src : null,
    failed: query.isError,
  };
}
