import { logout } from '@/features/auth/api/auth-api';
import { roomsQuery } from '@/features/rooms/api/rooms-api';
import { refreshSession } from '@/lib/api-client';
import { stopRealtime } from '@/lib/realtime/realtime-connection';
import { useSessionStore } from '@/lib/session-store';
import { queryClient } from './query-client';

const channel = typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel('nexus-session') : null;

/** At start: the refresh cookie (if any) gives this tab a new access token, so a reload keeps the session. */
export async function restoreSession() {
  const tokens = await refreshSession().catch(() => null);
  if (!tokens) return useSessionStore.getState().signedOut();
  // The room list is the first thing every chat screen shows: ask now, not after the chunk renders.
  if (location.pathname.startsWith('/chat')) void queryClient.prefetchQuery(roomsQuery());
}

function clearLocalState() {
  stopRealtime();
  queryClient.clear();
  useSessionStore.getState().signedOut();
}

/** Revokes the session on the server, then forgets everything here and in the other tabs. */
export async function signOut() {
  await logout().catch(() => undefined);
  clearLocalState();
  channel?.postMessage('signed-out');
}

channel?.addEventListener('message', (event) => {
  if (event.data === 'signed-out') clearLocalState();
});
