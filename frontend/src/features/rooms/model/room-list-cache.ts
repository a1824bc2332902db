import type { RoomListItem } from '../api/room-schemas';

// Pure updates of the cached room list, driven by socket events and local actions.

/** What the list shows of a room's newest message (a message of the messages feature fits). */
interface ArrivedMessage {
  id: string;
  room_id: string;
  content: string;
  created_at: string;
  sender: { id: string; username: string };
}

/** How a message arriving counts for the caller: unread, and unread and mentioning them. */
export interface ArrivalCounts {
  unread: boolean;
  mention: boolean;
}

const byActivity = (a: RoomListItem, b: RoomListItem) =>
  (b.last_message?.created_at ?? b.created_at ?? '').localeCompare(
    a.last_message?.created_at ?? a.created_at ?? '',
  );

/** A message arrived: new preview, room to the top, and one more unread unless it counts as read. */
export function messageArrived(
  rooms: RoomListItem[] | undefined,
  message: ArrivedMessage,
  counts: ArrivalCounts,
) {
  if (!rooms) return rooms;
  return rooms
    .map((room) =>
      room.id === message.room_id
        ? {
            ...room,
            last_message: {
              id: message.id,
              content: message.content,
              sender_id: message.sender.id,
              sender_username: message.sender.username,
              created_at: message.created_at,
            },
            unread_count: counts.unread ? room.unread_count + 1 : room.unread_count,
            mention_count: counts.unread && counts.mention ? room.mention_count + 1 : room.mention_count,
          }
        : room,
    )
    .sort(byActivity);
}

/** Read up to the newest (counts 0), or to a point the server counted for (its counts). */
export function roomRead(
  rooms: RoomListItem[] | undefined,
  roomId: string,
  left: { unread_count?: number; mention_count?: number } = {},
) {
  return rooms?.map((room) =>
    room.id === roomId
      ? { ...room, unread_count: left.unread_count ?? 0, mention_count: left.mention_count ?? 0 }
      : room,
  );
}

export function roomMuted(rooms: RoomListItem[] | undefined, roomId: string, muted: boolean) {
  return rooms?.map((room) => (room.id === roomId && room.muted !== muted ? { ...room, muted } : room));
}

export function peerPresenceChanged(rooms: RoomListItem[] | undefined, userId: string, online: boolean) {
  return rooms?.map((room) =>
    room.peer?.id === userId ? { ...room, peer: { ...room.peer, is_online: online } } : room,
  );
}
