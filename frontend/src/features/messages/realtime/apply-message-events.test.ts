import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { useSessionStore } from '@/lib/session-store';
import { aMessage } from '@/testing/fixtures';
import { messageKeys, type RoomMessages } from '../api/get-messages';
import { followedThreadsKey } from '../api/get-followed-threads';
import { threadKeys, type ThreadData } from '../api/get-thread';
import { flattenMessages, mergeNewer } from '../model/message-cache';
import { useTypingStore } from '../model/typing-store';
import { applyMessageEvent, type MessageEventContext } from './apply-message-events';

const context = (overrides: Partial<MessageEventContext> = {}): MessageEventContext => ({
  historyMissing: vi.fn(),
  memberDisplayName: () => undefined,
  ...overrides,
});
const typistsIn = (roomId: string) => Object.values(useTypingStore.getState().typists[roomId] ?? {});

describe('a new message', () => {
  it('goes into the cached history and ends its sender typing', () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(messageKeys.room('r1'), mergeNewer(undefined, []));
    useTypingStore.getState().userStartedTyping('r1', 'u1', 'Alice');
    const message = aMessage({ room_id: 'r1' });

    applyMessageEvent(queryClient, { event: 'new_message', data: message }, context());

    const ids = flattenMessages(queryClient.getQueryData<RoomMessages>(messageKeys.room('r1'))).map(
      (m) => m.id,
    );
    expect(ids).toEqual([message.id]);
    expect(typistsIn('r1')).toEqual([]);
  });

  it('starts no history of its own for a room not cached, and says the history is missing', () => {
    const queryClient = new QueryClient();
    const historyMissing = vi.fn();
    applyMessageEvent(
      queryClient,
      { event: 'new_message', data: aMessage({ room_id: 'r1' }) },
      context({ historyMissing }),
    );
    expect(historyMissing).toHaveBeenCalledWith('r1');
    expect(queryClient.getQueryData(messageKeys.room('r1'))).toBeUndefined();
  });
});

describe('typing', () => {
  it('prefers the name the event carries, then the cached member name, then the username', () => {
    const memberDisplayName = (roomId: string) => (roomId === 't2' ? 'Bob Builder' : undefined);
    const typing = (room_id: string, display_name?: string) =>
      applyMessageEvent(
        new QueryClient(),
        { event: 'user_typing', data: { room_id, user_id: 'bob', username: 'bob', display_name } },
        context({ memberDisplayName }),
      );
    typing('t1', 'Robert');
    typing('t2');
    typing('t3');
    expect([typistsIn('t1'), typistsIn('t2'), typistsIn('t3')]).toEqual([
      ['Robert'],
      ['Bob Builder'],
      ['bob'],
    ]);
  });

  it('ignores our own typing from another tab', () => {
    useSessionStore.setState({
      user: { id: 'me', email: 'me@example.test', username: 'me', display_name: 'Me', avatar_url: null },
    });
    applyMessageEvent(
      new QueryClient(),
      { event: 'user_typing', data: { room_id: 'own', user_id: 'me', username: 'me' } },
      context(),
    );
    expect(typistsIn('own')).toEqual([]);
  });
});

describe('reaction events', () => {
  it('set the count on the cached message, and mark ours without counting it twice', () => {
    useSessionStore.setState({
      user: { id: 'me', username: 'me', display_name: 'Me', avatar_url: null },
    } as never);
    const queryClient = new QueryClient();
    const message = aMessage({ room_id: 'r1', reactions: [{ emoji: '👍', count: 1, me: true }] });
    queryClient.setQueryData(messageKeys.room('r1'), mergeNewer(undefined, [message]));
    const reaction = (event: 'reaction_added' | 'reaction_removed', user_id: string, count: number) =>
      applyMessageEvent(
        queryClient,
        { event, data: { room_id: 'r1', message_id: message.id, emoji: '👍', user_id, count } },
        context(),
      );
    const reactions = () =>
      flattenMessages(queryClient.getQueryData<RoomMessages>(messageKeys.room('r1')))[0]?.reactions;

    reaction('reaction_added', 'me', 1); // our own echo
    expect(reactions()).toEqual([{ emoji: '👍', count: 1, me: true }]);
    reaction('reaction_added', 'bob', 2);
    expect(reactions()).toEqual([{ emoji: '👍', count: 2, me: true }]);
    reaction('reaction_removed', 'me', 1);
    expect(reactions()).toEqual([{ emoji: '👍', count: 1, me: false }]);
    reaction('reaction_removed', 'bob', 0);
    expect(reactions()).toEqual([]);
  });
});

describe('threads', () => {
  const root = aMessage({ id: 'root', room_id: 'r1' });
  const threadData = (): ThreadData => ({
    pages: [{ root, replies: [], next_cursor: null, has_more: false, following: true, unread_count: 0 }],
    pageParams: [null],
  });

  it('thread_updated puts the counts on the root in the history and the open thread, and refreshes the list', () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(messageKeys.room('r1'), mergeNewer(undefined, [root]));
    queryClient.setQueryData(threadKeys.thread('r1', 'root'), threadData());
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');

    applyMessageEvent(
      queryClient,
      {
        event: 'thread_updated',
        data: {
          room_id: 'r1',
          root_id: 'root',
          reply_count: 2,
          last_reply_at: '2026-02-16T15:00:00.000Z',
          last_reply_id: 'x',
        },
      },
      context(),
    );

    const inHistory = flattenMessages(queryClient.getQueryData<RoomMessages>(messageKeys.room('r1')))[0]!;
    expect(inHistory).toMatchObject({ reply_count: 2, last_reply_at: '2026-02-16T15:00:00.000Z' });
    const open = queryClient.getQueryData<ThreadData>(threadKeys.thread('r1', 'root'))!;
    expect(open.pages[0]!.root.reply_count).toBe(2);
    expect(invalidate).toHaveBeenCalledWith({ queryKey: followedThreadsKey });
  });

  it('a new reply lands in the timeline and in its open thread; a deleted one leaves both', () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(messageKeys.room('r1'), mergeNewer(undefined, [root]));
    queryClient.setQueryData(threadKeys.thread('r1', 'root'), threadData());
    const reply = aMessage({ room_id: 'r1', parent_id: 'root', thread_root_id: 'root' });

    applyMessageEvent(queryClient, { event: 'new_message', data: reply }, context());
    const replies = () =>
      queryClient
        .getQueryData<ThreadData>(threadKeys.thread('r1', 'root'))!
        .pages[0]!.replies.map((r) => r.id);
    expect(replies()).toEqual([reply.id]);
    expect(
      flattenMessages(queryClient.getQueryData<RoomMessages>(messageKeys.room('r1'))).map((m) => m.id),
    ).toEqual(['root', reply.id]);

    applyMessageEvent(
      queryClient,
      { event: 'message_edited', data: { id: reply.id, room_id: 'r1', content: 'edited', is_edited: true } },
      context(),
    );
    expect(
      queryClient.getQueryData<ThreadData>(threadKeys.thread('r1', 'root'))!.pages[0]!.replies[0]!.content,
    ).toBe('edited');

    applyMessageEvent(
      queryClient,
      { event: 'message_deleted', data: { id: reply.id, room_id: 'r1' } },
      context(),
    );
    expect(replies()).toEqual([]);
  });
});
