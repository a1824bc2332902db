import type { QueryClient } from '@tanstack/react-query';
import { fetchMessagePage, messageKeys, type RoomMessages } from '@/features/messages/api/get-messages';
import { adoptNewestPage, mergeNewer, newestConfirmedId } from '@/features/messages/model/message-cache';
import { followedThreadsKey } from '@/features/messages/api/get-followed-threads';
import { threadKeys } from '@/features/messages/api/get-thread';
import { roomKeys } from '@/features/rooms/api/rooms-api';
import type { Ready } from '@/lib/realtime/frames';
import type { MessagePage } from '@/features/messages/api/message-schemas';
import type { RoomListItem } from '@/features/rooms/api/room-schemas';

// Per cached room, where its history is known to be complete: the newest message the socket had
// delivered when it dropped, or where a catch-up stopped short. The next catch-up starts there, not
// at the newest message now cached: one of our own sent over REST meanwhile may be newer than
// messages other people sent while we were away.
const completeUpTo = new Map<string, string>();

export function socketLost(queryClient: QueryClient) {
  for (const [key, data] of queryClient.getQueriesData<RoomMessages>({ queryKey: messageKeys.all })) {
    const roomId = key[1] as string;
    const newest = newestConfirmedId(data);
    // A mark already held is older (a catch-up that never finished): the gap starts there.
    if (newest && !completeUpTo.has(roomId)) completeUpTo.set(roomId, newest);
  }
}

/**
 * On every `ready`: the socket delivers what comes after its positions, so fetch what lies between
 * each cached room and its position, and only for rooms where the two differ. Rooms we left or
 * joined meanwhile show in the room list, refreshed then (and after every reconnect, for the unread
 * counts). Decided synchronously, before the socket's next frame can move the cache.
 */
export function catchUpToReady(
  queryClient: QueryClient,
  ready: Ready,
  { reconnected }: { reconnected: boolean },
) {
  // Threads have no gap fill of their own: after a reconnect, what the socket missed (replies,
  // counts, follows) is fetched again for the threads and lists held.
  if (reconnected) {
    void queryClient.invalidateQueries({ queryKey: threadKeys.all });
    void queryClient.invalidateQueries({ queryKey: followedThreadsKey });
  }
  // Marks are about a socket that dropped; on a first connect any left are from a signed-out session.
  const marks = new Map(reconnected ? completeUpTo : []);
  completeUpTo.clear();
  const positions = new Map(ready.rooms.map((room) => [room.room_id, room.last_message_id]));
  const catchUps: Promise<void>[] = [];
  let roomsChanged = reconnected;
  for (const [key, data] of queryClient.getQueriesData<RoomMessages>({ queryKey: messageKeys.all })) {
    const roomId = key[1] as string;
    const position = positions.get(roomId);
    if (position === undefined) {
      roomsChanged = true;
      void queryClient.invalidateQueries({ queryKey: roomKeys.detail(roomId) });
      continue;
    }
    if (!data) {
      catchUps.push(catchUpAfterFirstPage(queryClient, roomId));
      continue;
    }
    const after = marks.get(roomId) ?? newestConfirmedId(data);
    if (after !== position) catchUps.push(fillGap(queryClient, roomId, after));
  }
  const list = queryClient.getQueryData<RoomListItem[]>(roomKeys.list());
  for (const room of list ?? []) {
    if (!positions.has(room.id)) void queryClient.invalidateQueries({ queryKey: roomKeys.detail(room.id) });
  }
  if (roomsChanged || !listMatches(list, positions)) {
    // A list on its way may have been read before the ready: fetch it again once it lands.
    const loading = firstLoadOnItsWay(queryClient, roomKeys.list());
    const refresh = () => void queryClient.invalidateQueries({ queryKey: roomKeys.list() });
    if (loading) void loading.then(refresh, refresh);
    else refresh();
  }
  return Promise.all(catchUps).then(() => undefined);
}

/** A query's first load while it is on its way: its answer may have been read before the ready. */
function firstLoadOnItsWay(queryClient: QueryClient, queryKey: readonly unknown[]) {
  const query = queryClient.getQueryCache().find({ queryKey, exact: true });
  return query?.state.data === undefined && query?.state.fetchStatus === 'fetching'
    ? query.promise
    : undefined;
}

const firstPagesAwaited = new Set<string>();

/**
 * A room's first page is on its way, and may have been read before what the socket delivers
 * meanwhile (which has no cached history to go into yet): once it lands, fetch what follows it.
 */
export async function catchUpAfterFirstPage(queryClient: QueryClient, roomId: string) {
  const key = messageKeys.room(roomId);
  const loading = firstLoadOnItsWay(queryClient, key);
  if (!loading || firstPagesAwaited.has(roomId)) return;
  firstPagesAwaited.add(roomId);
  await loading.catch(() => undefined);
  firstPagesAwaited.delete(roomId);
  const data = queryClient.getQueryData<RoomMessages>(key);
  if (data) await fillGap(queryClient, roomId, newestConfirmedId(data));
  // else it failed: the next load reads the present
}

/** The cached room list shows the same rooms at the same newest messages as the ready. */
function listMatches(list: RoomListItem[] | undefined, positions: Map<string, string | null>) {
  return (
    list !== undefined &&
    list.length === positions.size &&
    list.every((room) => positions.get(room.id) === (room.last_message?.id ?? null))
  );
}

/**
 * Fetches a room's messages after `from`, following pages forward; merging by id never doubles one.
 * With nothing to start from (an empty history), the newest page instead.
 */
async function fillGap(queryClient: QueryClient, roomId: string, from: string | null) {
  const key = messageKeys.room(roomId);
  // Into the history held, never as a history of its own if the room was dropped from the cache.
  if (!from) {
    const newest = await fetchMessagePage(roomId, {}).catch(() => null);
    if (newest) queryClient.setQueryData<RoomMessages>(key, (d) => adoptNewestPage(d, newest));
    return;
  }
  let after: string | null = from;
  for (let pages = 0; after && pages < 50; pages++) {
    const page: MessagePage | null = await fetchMessagePage(roomId, { after, limit: 100 }).catch(() => null);
    if (!page) break;
    if (page.messages.length)
      queryClient.setQueryData<RoomMessages>(key, (d) => (d ? mergeNewer(d, page.messages) : d));
    after = page.has_more ? (page.messages.at(-1)?.id ?? null) : null;
  }
  // Stopped short (a failed fetch, or more pages than the guard allows): the next ready resumes here.
  if (after) completeUpTo.set(roomId, after);
}
