import { useCallback, useEffect, useRef } from 'react';
import { getRealtime } from '@/lib/realtime/realtime-connection';

const THROTTLE_MS = 2000;
const IDLE_MS = 3000;

/** typing_start at most every 2 s while typing; typing_stop after 3 s idle or on send. */
export function useTypingEmitter(roomId: string) {
  const lastStart = useRef(0);
  const idle = useRef<ReturnType<typeof setTimeout> | null>(null);

  const stopped = useCallback(() => {
    if (idle.current) clearTimeout(idle.current);
    idle.current = null;
    if (lastStart.current) getRealtime()?.emit('typing_stop', { room_id: roomId });
    lastStart.current = 0;
  }, [roomId]);

  const typed = useCallback(() => {
    const now = Date.now();
    if (now - lastStart.current >= THROTTLE_MS) {
      if (getRealtime()?.emit('typing_start', { room_id: roomId })) lastStart.current = now;
    }
    if (idle.current) clearTimeout(idle.current);
    idle.current = setTimeout(stopped, IDLE_MS);
  }, [roomId, stopped]);

  useEffect(() => stopped, [stopped]);
  return { typed, stopped };
}
