import { useEffect, useState, useSyncExternalStore } from 'react';
import { UploadQueue } from '../model/upload-queue';

/**
 * The upload queue of one room's composer. The room view is keyed by room, so a new room is a new
 * queue; leaving the room cancels what is still in flight.
 */
export function useUploadQueue(roomId: string) {
  const [queue] = useState(() => new UploadQueue(roomId));
  const state = useSyncExternalStore(queue.subscribe, queue.getSnapshot);
  useEffect(() => () => queue.cancelAll(), [queue]);
  return { queue, state };
}
