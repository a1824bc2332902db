import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import { messageKeys, type RoomMessages } from '../api/get-messages';
import { setReaction } from '../api/reactions';
import { reactionSettled, reactionToggled, updateReactions } from '../model/reaction-cache';

/**
 * Optimistic reaction toggle: the chip changes at once, the answer settles it, a failure undoes it.
 * Clicks on one emoji of one message go out one after the other, so the last click wins on the
 * server as it does on screen.
 */
export function useToggleReaction(roomId: string) {
  const queryClient = useQueryClient();
  const queues = useRef(new Map<string, Promise<unknown>>());

  return useCallback(
    (messageId: string, emoji: string, on: boolean) => {
      const key = messageKeys.room(roomId);
      const update = (fn: Parameters<typeof updateReactions>[2]) =>
        queryClient.setQueryData<RoomMessages>(key, (d) => updateReactions(d, messageId, fn));
      update((r) => reactionToggled(r, emoji, on));

      const queueKey = `${messageId} ${emoji}`;
      const previous = queues.current.get(queueKey) ?? Promise.resolve();
      const request = previous
        .catch(() => undefined)
        .then(() => setReaction(roomId, messageId, emoji, on))
        .then(
          (answer) => update((r) => reactionSettled(r, emoji, answer.reactions)),
          () => update((r) => reactionToggled(r, emoji, !on)),
        )
        .finally(() => {
          if (queues.current.get(queueKey) === request) queues.current.delete(queueKey);
        });
      queues.current.set(queueKey, request);
    },
    [queryClient, roomId],
  );
}
