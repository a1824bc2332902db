import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { messageKeys, type RoomMessages } from '@/features/messages/api/get-messages';
import { flattenMessages, mergeNewer } from '@/features/messages/model/message-cache';
import { useTypingStore } from '@/features/messages/model/typing-store';
import { useAnnouncer } from '@/components/live-region';
import { roomKeys } from '@/features/rooms/api/rooms-api';
import { useSessionStore } from '@/lib/session-store';
import { aliceRenamed, aMessage } from '@/testing/fixtures';
import { useChatUiStore } from './chat-ui-store';
import { playNotificationSound } from './notification-sound';
import { applyServerEvent } from './realtime-sync';

vi.mock('./notification-sound', () => ({ playNotificationSound: vi.fn() }));

const fetchMessagePage = vi.hoisted(() => vi.fn());
vi.mock('@/features/messages/api/get-messages', async (original) => ({
  ...(await original<typeof import('@/features/messages/api/get-messages')>()),
  fetchMessagePage,
}));

describe('a new message while the tab is hidden', () => {
  const hide = (hidden: boolean) =>
    Object.defineProperty(document, 'visibilityState', {
      value: hidden ? 'hidden' : 'visible',
      configurable: true,
    });
  const fromBob = () =>
    aMessage({
      room_id: 'r1',
      sender: { id: 'bob', username: 'bob', display_name: 'Bob', avatar_url: null },
    });

  afterEach(() => {
    vi.mocked(playNotificationSound).mockClear();
    hide(false);
    useChatUiStore.setState({ muted: false, unseenWhileHidden: 0 });
  });

  it('chimes and counts towards the title badge, until the tab is shown again', () => {
    useSessionStore.setState({
      user: { id: 'me', email: '', username: 'me', display_name: 'Me', avatar_url: null },
    });
    hide(true);
    applyServerEvent(new QueryClient(), { event: 'new_message', data: fromBob() });
    applyServerEvent(new QueryClient(), { event: 'new_message', data: fromBob() });
    expect(playNotificationSound).toHaveBeenCalledTimes(2);
    expect(useChatUiStore.getState().unseenWhileHidden).toBe(2);
    useChatUiStore.getState().tabShown();
    expect(useChatUiStore.getState().unseenWhileHidden).toBe(0);
  });

  it('stays silent when muted, but still counts', () => {
    useSessionStore.setState({
      user: { id: 'me', email: '', username: 'me', display_name: 'Me', avatar_url: null },
    });
    useChatUiStore.setState({ muted: true });
    hide(true);
    applyServerEvent(new QueryClient(), { event: 'new_message', data: fromBob() });
    expect(playNotificationSound).not.toHaveBeenCalled();
    expect(useChatUiStore.getState().unseenWhileHidden).toBe(1);
  });

  it('neither chimes nor counts for a visible tab or our own message', () => {
    useSessionStore.setState({
      user: { id: 'me', email: '', username: 'me', display_name: 'Me', avatar_url: null },
    });
    applyServerEvent(new QueryClient(), { event: 'new_message', data: fromBob() });
    hide(true);
    applyServerEvent(new QueryClient(), {
      event: 'new_message',
      data: aMessage({ sender: { id: 'me', username: 'me', display_name: 'Me', avatar_url: null } }),
    });
    expect(playNotificationSound).not.toHaveBeenCalled();
    expect(useChatUiStore.getState().unseenWhileHidden).toBe(0);
  });

  it('keeps the mute choice in local storage', () => {
    useChatUiStore.getState().muteToggled();
    expect(JSON.parse(localStorage.getItem('nexus-preferences')!).state).toEqual({ muted: true });
  });
});

describe('typing', () => {
  it("names the typist by display name when the room's members are cached, else by username", () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(roomKeys.detail('r1'), {
      members: [{ id: 'bob', display_name: 'Bob Builder' }],
    });
    const typing = (room_id: string) =>
      applyServerEvent(queryClient, {
        event: 'user_typing',
        data: { room_id, user_id: 'bob', username: 'bob' },
      });
    typing('r1');
    typing('r2');
    expect(Object.values(useTypingStore.getState().typists['r1'] ?? {})).toEqual(['Bob Builder']);
    expect(Object.values(useTypingStore.getState().typists['r2'] ?? {})).toEqual(['bob']);
  });
});

describe('a profile change (user_updated)', () => {
  it('renames the sender on cached messages and in cached member lists, and nobody else', () => {
    const queryClient = new QueryClient();
    const bob = { id: 'u2', username: 'bob', display_name: 'Bob', avatar_url: null };
    queryClient.setQueryData(
      messageKeys.room('r1'),
      mergeNewer(undefined, [aMessage(), aMessage({ sender: bob })]),
    );
    queryClient.setQueryData(roomKeys.detail('r1'), {
      members: [
        { id: 'u1', display_name: 'Alice', avatar_url: null },
        { id: 'u2', display_name: 'Bob', avatar_url: null },
      ],
    });

    applyServerEvent(queryClient, { event: 'user_updated', data: { user: aliceRenamed } });

    const senders = flattenMessages(queryClient.getQueryData<RoomMessages>(messageKeys.room('r1'))).map(
      (m) => [m.sender.display_name, m.sender.avatar_url],
    );
    expect(senders).toEqual([
      ['Alice Liddell', 'https://example.test/a.png'],
      ['Bob', null],
    ]);
    const members = queryClient.getQueryData<{ members: { display_name: string }[] }>(roomKeys.detail('r1'));
    expect(members?.members.map((m) => m.display_name)).toEqual(['Alice Liddell', 'Bob']);
  });
});

describe('the screen-reader announcement of new messages', () => {
  const bob = { id: 'bob', username: 'bob', display_name: 'Bob', avatar_url: null };
  const arrive = (queryClient: QueryClient, room_id: string, sender = bob, content = 'hello') =>
    applyServerEvent(queryClient, { event: 'new_message', data: aMessage({ room_id, sender, content }) });

  afterEach(() => {
    useAnnouncer.setState({ message: '' });
    useChatUiStore.setState({ activeRoomId: null });
  });

  it("reads out someone else's message in the open room, with the sender's name", () => {
    const queryClient = new QueryClient();
    useSessionStore.setState({
      user: { id: 'me', email: 'me@example.test', username: 'me', display_name: 'Me', avatar_url: null },
    });
    useChatUiStore.setState({ activeRoomId: 'r1' });
    arrive(queryClient, 'r1');
    expect(useAnnouncer.getState().message).toBe('Bob: hello');
  });

  it('stays quiet for other rooms and for our own messages', () => {
    const queryClient = new QueryClient();
    useSessionStore.setState({
      user: { id: 'me', email: 'me@example.test', username: 'me', display_name: 'Me', avatar_url: null },
    });
    useChatUiStore.setState({ activeRoomId: 'r1' });
    arrive(queryClient, 'r2');
    arrive(queryClient, 'r1', { id: 'me', username: 'me', display_name: 'Me', avatar_url: null }, 'mine');
    expect(useAnnouncer.getState().message).toBe('');
  });
});
