import { env } from '@/config/env';
import { refreshSession } from '@/lib/api-client';
import { currentAccessToken } from '@/lib/session-store';
import { useConnectionStore } from './connection-store';
import type { Ready, ServerEvent } from './frames';
import { RealtimeClient } from './realtime-client';

// The tab's one socket. Started after sign-in, stopped on sign-out.
let client: RealtimeClient | null = null;

export function startRealtime(handlers: {
  onEvent: (event: ServerEvent) => void;
  onReady: (ready: Ready, context: { reconnected: boolean }) => void;
  /** The open socket dropped: what was delivered so far is complete up to now. */
  onLost?: () => void;
}) {
  client?.stop();
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  client = new RealtimeClient({
    url: `${scheme}//${location.host}${env.wsPath}`,
    getToken: currentAccessToken,
    refreshToken: async () => (await refreshSession())?.access_token ?? null,
    onEvent: handlers.onEvent,
    onReady: handlers.onReady,
    onStatus: (status) => {
      if (useConnectionStore.getState().status === 'open') handlers.onLost?.();
      useConnectionStore.getState().statusChanged(status);
    },
  });
  client.start();
  return client;
}

export function stopRealtime() {
  client?.stop();
  client = null;
  useConnectionStore.getState().statusChanged('idle');
}

export const getRealtime = () => client;
