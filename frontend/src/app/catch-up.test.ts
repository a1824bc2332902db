import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { messageKeys, type ChatPage, type RoomMessages } from '@/features/messages/api/get-messages';
import { flattenMessages, mergeNewer, upsertMessage } from '@/features/messages/model/message-cache';
import { roomKeys } from '@/features/rooms/api/rooms-api';
import type { Ready } from '@/lib/realtime/frames';
import type { Message } from '@/features/messages/api/message-schemas';
import type { RoomListItem } from '@/features/rooms/api/room-schemas';
import { aMessage } from '@/testing/fixtures';
import { catchUpToReady, socketLost } from './catch-up';
import { applyServerEvent } from './realtime-sync';

const fetchMessagePage = vi.hoisted(() => vi.fn());
vi.mock('@/features/messages/api/get-messages', async (original) => ({
  ...(await original<typeof import('@/features/messages/api/get-messages')>()),
  fetchMessagePage,
}));

const at = (minute: number) => `2026-02-16T14:${String(minute).padStart(2, '0')}:00.000Z`;
const page = (messages: Message[], has_more = false) => ({ messages, next_cursor: null, has_more });
const ready = (positions: Record<string, string | null>): Ready => ({
  connection_id: 'c1',
  rooms: Object.entries(positions).map(([room_id, last_message_id]) => ({
    room_id,
    last_message_id,
    last_seq: 0,
  })),
});
const listItem = (id: string, lastMessageId: string | null): RoomListItem => ({
  id,
  name: id,
  is_direct: false,
  unread_count: 0,
  mention_count: 0,
  muted: false,
  last_message: lastMessageId
    ? { id: lastMessageId, content: '', sender_username: 'alice', created_at: at(0) }
    : null,
});
const cacheRoom = (queryClient: QueryClient, roomId: string, messages: Message[]) =>
  queryClient.setQueryData<RoomMessages>(messageKeys.room(roomId), mergeNewer(undefined, messages));
const idsIn = (queryClient: QueryClient, roomId: string) =>
  flattenMessages(queryClient.getQueryData<RoomMessages>(messageKeys.room(roomId))).map((m) => m.id);
const isInvalidated = (queryClient: QueryClient, key: readonly unknown[]) =>
  queryClient.getQueryState(key)?.isInvalidated ?? false;

describe('catching up on a ready frame', () => {
  let queryClient: QueryClient;
  beforeEach(() => {
    queryClient = new QueryClient();
    fetchMessagePage.mockResolvedValue(page([]));
  });
  afterEach(() => fetchMessagePage.mockReset());

  it('fetches after= only for the cached rooms whose position moved', async () => {
    cacheRoom(queryClient, 'still', [aMessage({ id: 's1', room_id: 'still' })]);
    cacheRoom(queryClient, 'moved', [aMessage({ id: 'v1', room_id: 'moved' })]);
    const missed = aMessage({ id: 'v2', room_id: 'moved', created_at: at(40) });
    fetchMessagePage.mockResolvedValue(page([missed]));

    await catchUpToReady(queryClient, ready({ still: 's1', moved: 'v2', uncached: 'u7' }), {
      reconnected: true,
    });

    expect(fetchMessagePage).toHaveBeenCalledTimes(1);
    expect(fetchMessagePage).toHaveBeenCalledWith('moved', { after: 'v1', limit: 100 });
    expect(idsIn(queryClient, 'moved')).toEqual(['v1', 'v2']);
    expect(idsIn(queryClient, 'still')).toEqual(['s1']);
  });

  it('on the first connect, shows a message committed between the initial load and the ready', async () => {
    cacheRoom(queryClient, 'r1', [aMessage({ id: 'loaded', created_at: at(10) })]);
    queryClient.setQueryData(roomKeys.list(), [listItem('r1', 'loaded')]);
    fetchMessagePage.mockResolvedValue(page([aMessage({ id: 'in-between', created_at: at(11) })]));

    await catchUpToReady(queryClient, ready({ r1: 'in-between' }), { reconnected: false });

    expect(fetchMessagePage).toHaveBeenCalledWith('r1', { after: 'loaded', limit: 100 });
    expect(idsIn(queryClient, 'r1')).toEqual(['loaded', 'in-between']);
    // The list's preview and unread count predate that message too.
    expect(isInvalidated(queryClient, roomKeys.list())).toBe(true);
  });

  it('starts where the socket stopped, not at our own message sent over REST meanwhile', async () => {
    cacheRoom(queryClient, 'r1', [aMessage({ id: 'seen', created_at: at(10) })]);
    socketLost(queryClient);
    // While away: our own send went through REST; Bob's two messages came before it.
    const mine = aMessage({ id: 'mine', created_at: at(30) });
    queryClient.setQueryData<RoomMessages>(messageKeys.room('r1'), (d) => upsertMessage(d, mine));
    const missed = [
      aMessage({ id: 'bob1', created_at: at(20) }),
      aMessage({ id: 'bob2', created_at: at(25) }),
    ];
    fetchMessagePage.mockResolvedValue(page([...missed, mine]));

    await catchUpToReady(queryClient, ready({ r1: 'mine' }), { reconnected: true });

    expect(fetchMessagePage).toHaveBeenCalledWith('r1', { after: 'seen', limit: 100 });
    expect(idsIn(queryClient, 'r1')).toEqual(['seen', 'bob1', 'bob2', 'mine']);
  });

  it('follows pages forward until the server has no more', async () => {
    cacheRoom(queryClient, 'r1', [aMessage({ id: 'p0', created_at: at(0) })]);
    fetchMessagePage
      .mockResolvedValueOnce(page([aMessage({ id: 'p1', created_at: at(1) })], true))
      .mockResolvedValueOnce(page([aMessage({ id: 'p2', created_at: at(2) })]));

    await catchUpToReady(queryClient, ready({ r1: 'p2' }), { reconnected: true });

    expect(fetchMessagePage.mock.calls).toEqual([
      ['r1', { after: 'p0', limit: 100 }],
      ['r1', { after: 'p1', limit: 100 }],
    ]);
    expect(idsIn(queryClient, 'r1')).toEqual(['p0', 'p1', 'p2']);
  });

  it('after a failed fetch, the next ready resumes where it stopped', async () => {
    cacheRoom(queryClient, 'r1', [aMessage({ id: 'old', created_at: at(0) })]);
    fetchMessagePage.mockRejectedValueOnce(new Error('offline'));
    await catchUpToReady(queryClient, ready({ r1: 'newer' }), { reconnected: true });
    // A live message lands meanwhile; the gap before it is still to be fetched.
    applyServerEvent(queryClient, {
      event: 'new_message',
      data: aMessage({ id: 'live', created_at: at(50) }),
    });
    socketLost(queryClient);

    await catchUpToReady(queryClient, ready({ r1: 'live' }), { reconnected: true });

    expect(fetchMessagePage.mock.calls).toEqual([
      ['r1', { after: 'old', limit: 100 }],
      ['r1', { after: 'old', limit: 100 }],
    ]);
  });

  it('loads the newest page into a loaded empty room that now has messages, and leaves one still empty', async () => {
    cacheRoom(queryClient, 'was-empty', []);
    cacheRoom(queryClient, 'still-empty', []);
    fetchMessagePage.mockResolvedValue({
      messages: [aMessage({ id: 'n1', room_id: 'was-empty' })],
      next_cursor: 'n1',
      has_more: true,
    });

    await catchUpToReady(queryClient, ready({ 'was-empty': 'n1', 'still-empty': null }), {
      reconnected: true,
    });

    expect(fetchMessagePage.mock.calls).toEqual([['was-empty', {}]]);
    expect(idsIn(queryClient, 'was-empty')).toEqual(['n1']);
    expect(queryClient.getQueryData<RoomMessages>(messageKeys.room('was-empty'))?.pages[0]).toMatchObject({
      has_more: true,
      next_cursor: 'n1',
    });
  });

  it('refreshes the list and the room when a cached room is no longer ours', async () => {
    cacheRoom(queryClient, 'left', [aMessage({ id: 'l1', room_id: 'left' })]);
    queryClient.setQueryData(roomKeys.detail('left'), { id: 'left', members: [] });
    queryClient.setQueryData(roomKeys.list(), [listItem('left', 'l1')]);

    await catchUpToReady(queryClient, ready({}), { reconnected: false });

    expect(fetchMessagePage).not.toHaveBeenCalled();
    expect(isInvalidated(queryClient, roomKeys.list())).toBe(true);
    expect(isInvalidated(queryClient, roomKeys.detail('left'))).toBe(true);
  });

  it('refreshes the list when the ready names a room it does not show', async () => {
    queryClient.setQueryData(roomKeys.list(), [listItem('r1', 'm1')]);
    await catchUpToReady(queryClient, ready({ r1: 'm1', added: null }), { reconnected: false });
    expect(isInvalidated(queryClient, roomKeys.list())).toBe(true);
  });

  it('fetches a room list still on its way at the first ready again once it lands', async () => {
    let answer: (rooms: RoomListItem[]) => void = () => undefined;
    const loaded = queryClient.fetchQuery({
      queryKey: roomKeys.list(),
      queryFn: () => new Promise<RoomListItem[]>((resolve) => (answer = resolve)),
    });
    void catchUpToReady(queryClient, ready({ r1: 'm2' }), { reconnected: false });
    answer([listItem('r1', 'm1')]);
    await loaded;
    await vi.waitFor(() => expect(isInvalidated(queryClient, roomKeys.list())).toBe(true));
  });

  it('keeps a room list that matches on the first connect, and refreshes it after every reconnect', async () => {
    queryClient.setQueryData(roomKeys.list(), [listItem('r1', 'm1'), listItem('r2', null)]);
    await catchUpToReady(queryClient, ready({ r1: 'm1', r2: null }), { reconnected: false });
    expect(isInvalidated(queryClient, roomKeys.list())).toBe(false);

    await catchUpToReady(queryClient, ready({ r1: 'm1', r2: null }), { reconnected: true });
    expect(isInvalidated(queryClient, roomKeys.list())).toBe(true);
  });
});

describe('a room whose first page is still loading', () => {
  afterEach(() => fetchMessagePage.mockReset());

  /** Starts the room's first page and hands back how to answer it. */
  function loadFirstPage(queryClient: QueryClient, roomId: string) {
    let answer: (page: ChatPage) => void = () => undefined;
    const loaded = queryClient.fetchInfiniteQuery({
      queryKey: messageKeys.room(roomId),
      queryFn: () => new Promise<ChatPage>((resolve) => (answer = resolve)),
      initialPageParam: null as string | null,
    });
    return { answer: (messages: Message[]) => answer(page(messages)), loaded };
  }

  it('at the ready: once the page lands, what follows it is fetched', async () => {
    const queryClient = new QueryClient();
    const first = loadFirstPage(queryClient, 'r1');
    fetchMessagePage.mockResolvedValue(page([aMessage({ id: 'after-read', created_at: at(20) })]));

    const caughtUp = catchUpToReady(queryClient, ready({ r1: 'after-read' }), { reconnected: false });
    expect(fetchMessagePage).not.toHaveBeenCalled();
    first.answer([aMessage({ id: 'read', created_at: at(10) })]);
    await caughtUp;

    expect(fetchMessagePage).toHaveBeenCalledWith('r1', { after: 'read', limit: 100 });
    expect(idsIn(queryClient, 'r1')).toEqual(['read', 'after-read']);
  });

  it('a live message with no history to go into yet is fetched after the page lands, once', async () => {
    const queryClient = new QueryClient();
    const first = loadFirstPage(queryClient, 'r1');
    const live = [
      aMessage({ id: 'live1', created_at: at(20) }),
      aMessage({ id: 'live2', created_at: at(21) }),
    ];
    fetchMessagePage.mockResolvedValue(page(live));
    for (const message of live) applyServerEvent(queryClient, { event: 'new_message', data: message });

    first.answer([aMessage({ id: 'read', created_at: at(10) })]);
    await first.loaded;
    await vi.waitFor(() => expect(idsIn(queryClient, 'r1')).toEqual(['read', 'live1', 'live2']));
    expect(fetchMessagePage).toHaveBeenCalledTimes(1);
    expect(fetchMessagePage).toHaveBeenCalledWith('r1', { after: 'read', limit: 100 });
  });

  it('a first page that lands empty after live messages came is followed by the newest page', async () => {
    const queryClient = new QueryClient();
    const first = loadFirstPage(queryClient, 'r1');
    const live = aMessage({ id: 'live', created_at: at(20) });
    fetchMessagePage.mockResolvedValue(page([live]));
    applyServerEvent(queryClient, { event: 'new_message', data: live });

    first.answer([]);
    await first.loaded;
    await vi.waitFor(() => expect(idsIn(queryClient, 'r1')).toEqual(['live']));
    expect(fetchMessagePage).toHaveBeenCalledWith('r1', {});
  });
});
