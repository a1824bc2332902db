import type { QueryClient } from '@tanstack/react-query';
import type { ServerEvent } from '@/lib/realtime/frames';
import { useSessionStore } from '@/lib/session-store';
import { messageKeys, type RoomMessages } from '../api/get-messages';
import { applyEdit, removeMessage, renameSender, upsertMessage } from '../model/message-cache';
import { reactionCounted, updateReactions } from '../model/reaction-cache';
import { useTypingStore } from '../model/typing-store';
import { threadKeys, type ThreadData } from '../api/get-thread';
import { followedThreadsKey } from '../api/get-followed-threads';
import {
  followedThreadRead,
  replyArrived,
  rootCountsChanged,
  threadCountsChanged,
  threadMessageDeleted,
  threadMessageEdited,
} from '../model/thread-cache';

/** Every cached thread of a room (the open panel's, and any kept from before). */
function updateThreads(
  queryClient: QueryClient,
  roomId: string,
  fn: (data: ThreadData | undefined) => ThreadData | undefined,
) {
  for (const [key] of queryClient.getQueriesData<ThreadData>({ queryKey: [...threadKeys.all, roomId] }))
    queryClient.setQueryData<ThreadData>(key, fn);
}

/** What applying an event needs from outside this feature. */
export interface MessageEventContext {
  /** A message came for a room with no cached history: its first page may be on its way without it. */
  historyMissing: (roomId: string) => void;
  /** A member's display name, when the room's members are cached. */
  memberDisplayName: (roomId: string, userId: string) => string | undefined;
}

/** Server events on the cached histories and on who is typing. */
export function applyMessageEvent(
  queryClient: QueryClient,
  event: ServerEvent,
  context: MessageEventContext,
) {
  switch (event.event) {
    case 'new_message': {
      const message = event.data;
      const key = messageKeys.room(message.room_id);
      if (queryClient.getQueryData(key))
        queryClient.setQueryData<RoomMessages>(key, (d) => upsertMessage(d, message));
      else context.historyMissing(message.room_id);
      if (message.thread_root_id)
        queryClient.setQueryData<ThreadData>(
          threadKeys.thread(message.room_id, message.thread_root_id),
          (d) => replyArrived(d, message),
        );
      useTypingStore.getState().userStoppedTyping(message.room_id, message.sender.id);
      return;
    }
    case 'message_edited':
      queryClient.setQueryData<RoomMessages>(messageKeys.room(event.data.room_id), (d) =>
        applyEdit(d, event.data),
      );
      updateThreads(queryClient, event.data.room_id, (d) => threadMessageEdited(d, event.data));
      return;
    case 'message_deleted':
      queryClient.setQueryData<RoomMessages>(messageKeys.room(event.data.room_id), (d) =>
        removeMessage(d, event.data.id),
      );
      updateThreads(queryClient, event.data.room_id, (d) => threadMessageDeleted(d, event.data.id));
      return;
    case 'thread_updated': {
      const counts = event.data;
      queryClient.setQueryData<RoomMessages>(messageKeys.room(counts.room_id), (d) =>
        rootCountsChanged(d, counts),
      );
      queryClient.setQueryData<ThreadData>(threadKeys.thread(counts.room_id, counts.root_id), (d) =>
        threadCountsChanged(d, counts),
      );
      // Whether this user follows it, and what is unread, is the server's to say.
      void queryClient.invalidateQueries({ queryKey: followedThreadsKey });
      return;
    }
    case 'thread_read':
      queryClient.setQueryData(followedThreadsKey, (d: Parameters<typeof followedThreadRead>[0]) =>
        followedThreadRead(d, event.data),
      );
      if (!event.data.following) void queryClient.invalidateQueries({ queryKey: followedThreadsKey });
      return;
    case 'user_typing': {
      const { room_id, user_id, username, display_name } = event.data;
      if (user_id === useSessionStore.getState().user?.id) return;
      // The event carries the username; the room's member list (when cached) has the display name.
      useTypingStore
        .getState()
        .userStartedTyping(
          room_id,
          user_id,
          display_name ?? context.memberDisplayName(room_id, user_id) ?? username,
        );
      return;
    }
    case 'user_stop_typing':
      useTypingStore.getState().userStoppedTyping(event.data.room_id, event.data.user_id);
      return;
    case 'user_updated':
      for (const [key] of queryClient.getQueriesData<RoomMessages>({ queryKey: messageKeys.all }))
        queryClient.setQueryData<RoomMessages>(key, (d) => renameSender(d, event.data.user));
      return;
    case 'reaction_added':
    case 'reaction_removed': {
      const change = event.data;
      const myId = useSessionStore.getState().user?.id;
      queryClient.setQueryData<RoomMessages>(messageKeys.room(change.room_id), (d) =>
        updateReactions(d, change.message_id, (r) =>
          reactionCounted(r, change, event.event === 'reaction_added', myId),
        ),
      );
      return;
    }
    default:
      return;
  }
}
