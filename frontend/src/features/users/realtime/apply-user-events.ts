import type { ServerEvent } from '@/lib/realtime/frames';
import { useSessionStore } from '@/lib/session-store';

/** The signed-in user's own profile, changed in another tab or on another device, shows here too. */
export function applyUserEvent(event: ServerEvent) {
  if (event.event !== 'user_updated') return;
  const user = event.data.user;
  const session = useSessionStore.getState();
  if (session.user && session.user.id === user.id)
    session.profileChanged({
      ...session.user,
      display_name: user.display_name,
      avatar_url: user.avatar_url,
    });
}
