import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useConnectionStore } from '@/lib/realtime/connection-store';
import { startRealtime, stopRealtime } from '@/lib/realtime/realtime-connection';
import { useSessionStore } from '@/lib/session-store';
import { useChatUiStore } from './chat-ui-store';
import { catchUpToReady, socketLost } from './catch-up';
import { applyServerEvent, pollOpenRoom } from './realtime-sync';

const POLL_MS = 4000;

/**
 * One socket per signed-in tab, its events applied to the cache, a catch-up on each `ready` (the
 * first one too: the page's first REST answers may predate it). Until a socket is ready, the open
 * room and the room list are polled over REST instead.
 */
export function useLiveUpdates() {
  const queryClient = useQueryClient();
  const signedIn = useSessionStore((s) => s.status === 'signed-in');
  const status = useConnectionStore((s) => s.status);
  const activeRoomId = useChatUiStore((s) => s.activeRoomId);

  useEffect(() => {
    if (!signedIn) return;
    startRealtime({
      onEvent: (event) => applyServerEvent(queryClient, event),
      onReady: (ready, context) => void catchUpToReady(queryClient, ready, context),
      onLost: () => socketLost(queryClient),
    });
    return () => stopRealtime();
  }, [signedIn, queryClient]);

  useEffect(() => {
    if (!signedIn || status === 'open') return;
    const timer = setInterval(() => {
      if (document.visibilityState === 'hidden') return;
      void pollOpenRoom(queryClient, activeRoomId);
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [signedIn, status, activeRoomId, queryClient]);

  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') useChatUiStore.getState().tabShown();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);
}
