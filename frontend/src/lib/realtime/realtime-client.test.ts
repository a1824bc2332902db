import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeSocket } from '@/testing/fake-socket';
import { isExpired, RealtimeClient, type RealtimeOptions } from './realtime-client';
import { reconnectDelay } from './backoff';
import type { Ready, ServerEvent } from './frames';

const message = {
  id: 'm1',
  room_id: 'r1',
  sender: { id: 'u1', username: 'alice', display_name: 'Alice', avatar_url: null },
  content: 'hi',
  message_type: 'text',
  parent_id: null,
  parent: null,
  is_edited: false,
  created_at: '2026-02-16T14:30:00.123Z',
  updated_at: '2026-02-16T14:30:00.123Z',
  client_id: 'c1',
};

describe('RealtimeClient', () => {
  let events: ServerEvent[];
  let readies: { ready: Ready; reconnected: boolean }[];
  let token: string | null;
  let refresh: ReturnType<typeof vi.fn>;

  const client = (extra: Partial<RealtimeOptions> = {}) =>
    new RealtimeClient({
      url: 'ws://localhost/ws',
      getToken: () => token,
      refreshToken: refresh as unknown as () => Promise<string | null>,
      onEvent: (event) => events.push(event),
      onReady: (ready, { reconnected }) => readies.push({ ready, reconnected }),
      createSocket: (url, protocols) => new FakeSocket(url, protocols),
      random: () => 0.5,
      ...extra,
    });

  beforeEach(() => {
    vi.useFakeTimers();
    FakeSocket.created = [];
    events = [];
    readies = [];
    token = 'token-1';
    refresh = vi.fn(async () => {
      token = 'token-2';
      return token;
    });
  });
  afterEach(() => vi.useRealTimers());

  it('authenticates with the bearer subprotocol pair', async () => {
    client().start();
    await vi.waitFor(() => expect(FakeSocket.created).toHaveLength(1));
    expect(FakeSocket.latest().protocols).toEqual(['bearer', 'token-1']);
  });

  it('delivers parsed events and ignores bad frames without closing', async () => {
    const realtime = client();
    realtime.start();
    await vi.waitFor(() => expect(FakeSocket.created).toHaveLength(1));
    const socket = FakeSocket.latest();
    socket.serverReady();
    socket.serverSends('not json');
    socket.serverSends({ event: 'new_message', data: { id: 'missing fields' }, seq: 1 });
    socket.serverSends({ event: 'something_new', data: {}, seq: 2 });
    socket.serverSends({ event: 'new_message', data: message, seq: 3 });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ event: 'new_message', data: { id: 'm1', client_id: 'c1' } });
    expect(socket.closedWith).toBeNull();
  });

  it('resolves a request with the ack that carries its ref, rejects on an error frame', async () => {
    const realtime = client();
    realtime.start();
    await vi.waitFor(() => expect(FakeSocket.created).toHaveLength(1));
    const socket = FakeSocket.latest();
    socket.serverReady();
    const sent = realtime.request('send_message', { room_id: 'r1', content: 'hi', client_id: 'c1' });
    const refused = realtime.request('send_message', { room_id: 'r1', content: '' });
    const [first, second] = socket.sent;
    expect(first).toMatchObject({ event: 'send_message', data: { client_id: 'c1' } });
    expect(first!.ref).not.toEqual(second!.ref);
    socket.serverSends({
      event: 'error',
      ref: second!.ref,
      data: { code: 'VALIDATION_FAILED', message: 'empty' },
      seq: 1,
    });
    socket.serverSends({ event: 'ack', ref: first!.ref, data: message, seq: 2 });
    await expect(sent).resolves.toMatchObject({ id: 'm1' });
    await expect(refused).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('rejects pending requests when the connection drops, and refuses requests while down', async () => {
    const realtime = client();
    realtime.start();
    await vi.waitFor(() => expect(FakeSocket.created).toHaveLength(1));
    FakeSocket.latest().serverReady();
    const sent = realtime.request('send_message', { room_id: 'r1', content: 'hi' });
    FakeSocket.latest().serverCloses(1006);
    await expect(sent).rejects.toMatchObject({ code: 'DISCONNECTED' });
    await expect(realtime.request('mark_read', { room_id: 'r1' })).rejects.toMatchObject({
      code: 'DISCONNECTED',
    });
    expect(realtime.emit('typing_start', { room_id: 'r1' })).toBe(false);
  });

  it('keeps retrying when the browser refuses to create the socket', async () => {
    let refusals = 1;
    const realtime = client({
      createSocket: (url, protocols) => {
        if (refusals-- > 0) throw new DOMException('refused', 'SecurityError');
        return new FakeSocket(url, protocols);
      },
    });
    realtime.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(FakeSocket.created).toHaveLength(0);
    expect(realtime.connectionStatus).toBe('connecting');
    await vi.advanceTimersByTimeAsync(reconnectDelay(0, () => 0.5));
    expect(FakeSocket.created).toHaveLength(1);
    FakeSocket.latest().serverReady();
    expect(realtime.connectionStatus).toBe('open');
  });

  it('reconnects with growing delays and reports the reconnect for catch-up', async () => {
    const statuses: string[] = [];
    const realtime = client({ onStatus: (s) => statuses.push(s) });
    realtime.start();
    await vi.waitFor(() => expect(FakeSocket.created).toHaveLength(1));
    FakeSocket.latest().serverReady();
    FakeSocket.latest().serverCloses(1001);
    expect(realtime.connectionStatus).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(reconnectDelay(0, () => 0.5) - 1);
    expect(FakeSocket.created).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(FakeSocket.created).toHaveLength(2);
    FakeSocket.latest().serverCloses(1006); // refused again: the next wait is longer
    await vi.advanceTimersByTimeAsync(reconnectDelay(1, () => 0.5) - 1);
    expect(FakeSocket.created).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(FakeSocket.created).toHaveLength(3);
    expect(readies.map((r) => r.reconnected)).toEqual([false]);
    FakeSocket.latest().serverReady();
    expect(readies.map((r) => r.reconnected)).toEqual([false, true]);
    expect(statuses).toEqual(['connecting', 'open', 'reconnecting', 'open']);
  });

  it('refreshes the token on 4001 and reconnects with the new one', async () => {
    const realtime = client();
    realtime.start();
    await vi.waitFor(() => expect(FakeSocket.created).toHaveLength(1));
    FakeSocket.latest().serverReady();
    FakeSocket.latest().serverCloses(4001);
    await vi.waitFor(() => expect(FakeSocket.created).toHaveLength(2));
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(FakeSocket.latest().protocols).toEqual(['bearer', 'token-2']);
    expect(realtime.connectionStatus).toBe('reconnecting');
  });

  it('stops for good when the session cannot be refreshed', async () => {
    refresh.mockResolvedValue(null);
    const realtime = client();
    realtime.start();
    await vi.waitFor(() => expect(FakeSocket.created).toHaveLength(1));
    FakeSocket.latest().serverReady();
    FakeSocket.latest().serverCloses(4001);
    await vi.waitFor(() => expect(realtime.connectionStatus).toBe('stopped'));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeSocket.created).toHaveLength(1);
  });

  it('stop() closes the socket and never reconnects', async () => {
    const realtime = client();
    realtime.start();
    await vi.waitFor(() => expect(FakeSocket.created).toHaveLength(1));
    const socket = FakeSocket.latest();
    socket.serverReady();
    realtime.stop();
    expect(socket.closedWith).toBe(1000);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeSocket.created).toHaveLength(1);
  });

  it('sends a heartbeat ping while open', async () => {
    const realtime = client({ heartbeatMs: 1000 });
    realtime.start();
    await vi.waitFor(() => expect(FakeSocket.created).toHaveLength(1));
    FakeSocket.latest().serverReady();
    await vi.advanceTimersByTimeAsync(1000);
    expect(FakeSocket.latest().sent).toContainEqual({ event: 'ping', data: {} });
  });
});

describe('RealtimeClient and the ready frame', () => {
  const rooms = [{ room_id: 'r1', last_message_id: 'm9', last_seq: 9 }];
  let events: ServerEvent[];
  let readies: { ready: Ready; reconnected: boolean }[];

  const started = async (extra: Partial<RealtimeOptions> = {}) => {
    const realtime = new RealtimeClient({
      url: 'ws://localhost/ws',
      getToken: () => 'token-1',
      refreshToken: async () => 'token-1',
      onEvent: (event) => events.push(event),
      onReady: (ready, { reconnected }) => readies.push({ ready, reconnected }),
      createSocket: (url, protocols) => new FakeSocket(url, protocols),
      random: () => 0.5,
      ...extra,
    });
    realtime.start();
    await vi.waitFor(() => expect(FakeSocket.created).toHaveLength(1));
    return realtime;
  };
  const newMessage = (id: string, seq: number) => ({ event: 'new_message', data: { ...message, id }, seq });
  /** Advances past the first reconnect delay: a new socket is dialled. */
  const firstRetry = () => vi.advanceTimersByTimeAsync(reconnectDelay(0, () => 0.5));

  beforeEach(() => {
    vi.useFakeTimers();
    FakeSocket.created = [];
    events = [];
    readies = [];
  });
  afterEach(() => vi.useRealTimers());

  it('stays connecting after the socket opens, refusing requests, until ready arrives', async () => {
    const realtime = await started();
    const socket = FakeSocket.latest();
    socket.serverOpens();
    expect(realtime.connectionStatus).toBe('connecting');
    expect(realtime.isOpen).toBe(false);
    await expect(realtime.request('mark_read', { room_id: 'r1' })).rejects.toMatchObject({
      code: 'DISCONNECTED',
    });
    expect(realtime.emit('typing_start', { room_id: 'r1' })).toBe(false);
    expect(socket.sent).toEqual([]);

    socket.serverSends({ event: 'ready', data: { connection_id: 'c1', rooms } });
    expect(realtime.connectionStatus).toBe('open');
    expect(realtime.emit('typing_start', { room_id: 'r1' })).toBe(true);
  });

  it('hands the ready over on the first connect and again on every reconnect', async () => {
    await started();
    FakeSocket.latest().serverOpens();
    FakeSocket.latest().serverSends({ event: 'ready', data: { connection_id: 'c1', rooms } });
    expect(readies).toEqual([
      {
        ready: { connection_id: 'c1', rooms: [{ room_id: 'r1', last_message_id: 'm9', last_seq: 9 }] },
        reconnected: false,
      },
    ]);
    FakeSocket.latest().serverCloses(1006);
    await firstRetry();
    FakeSocket.latest().serverOpens();
    FakeSocket.latest().serverSends({
      event: 'ready',
      data: { connection_id: 'c2', rooms: [{ room_id: 'r1', last_message_id: null, last_seq: 0 }] },
    });
    expect(readies).toHaveLength(2);
    expect(readies[1]).toEqual({
      ready: { connection_id: 'c2', rooms: [{ room_id: 'r1', last_message_id: null, last_seq: 0 }] },
      reconnected: true,
    });
  });

  it('delivers frames whose seq runs on from 1, on every new socket again', async () => {
    await started();
    FakeSocket.latest().serverReady(rooms);
    FakeSocket.latest().serverSends(newMessage('a', 1));
    FakeSocket.latest().serverSends(newMessage('b', 2));
    FakeSocket.latest().serverSends({ event: 'pong', data: { pong: true }, seq: 3 });
    FakeSocket.latest().serverSends(newMessage('c', 4));
    FakeSocket.latest().serverCloses(1001);
    await firstRetry();
    FakeSocket.latest().serverReady(rooms);
    FakeSocket.latest().serverSends(newMessage('d', 1));
    expect(events.filter((e) => e.event === 'new_message').map((e) => e.data.id)).toEqual([
      'a',
      'b',
      'c',
      'd',
    ]);
    expect(FakeSocket.created.map((s) => s.closedWith)).toEqual([null, null]);
  });

  it('closes the socket with 4000 on a hole in seq, fails what was pending and reconnects', async () => {
    const statuses: string[] = [];
    const realtime = await started({ onStatus: (s) => statuses.push(s) });
    const socket = FakeSocket.latest();
    socket.serverReady(rooms);
    socket.serverSends(newMessage('a', 1));
    const pending = realtime.request('send_message', { room_id: 'r1', content: 'hi' });
    socket.serverSends(newMessage('c', 3)); // 2 never came
    expect(socket.closedWith).toBe(4000);
    expect(socket.closeReason).toBe('missed frames');
    await expect(pending).rejects.toMatchObject({ code: 'DISCONNECTED' });
    expect(events.map((e) => e.event === 'new_message' && e.data.id)).toEqual(['a']);
    expect(realtime.connectionStatus).toBe('reconnecting');
    socket.serverSends(newMessage('late', 4)); // whatever the dropped socket still says is not heard
    expect(events).toHaveLength(1);

    await firstRetry();
    expect(FakeSocket.created).toHaveLength(2);
    FakeSocket.latest().serverReady(rooms);
    expect(readies.map((r) => r.reconnected)).toEqual([false, true]);
    expect(statuses).toEqual(['connecting', 'open', 'reconnecting', 'open']);
  });

  it('treats a repeated seq as a broken socket too', async () => {
    const realtime = await started();
    const socket = FakeSocket.latest();
    socket.serverReady(rooms);
    socket.serverSends(newMessage('a', 1));
    socket.serverSends(newMessage('b', 2));
    socket.serverSends(newMessage('b', 2));
    expect(socket.closedWith).toBe(4000);
    expect(events).toHaveLength(2);
    expect(realtime.connectionStatus).toBe('reconnecting');
    await firstRetry();
    expect(FakeSocket.created).toHaveLength(2);
  });

  it('gives up on a socket that sends no ready within the timeout and dials a new one', async () => {
    const realtime = await started({ readyTimeoutMs: 5000 });
    const socket = FakeSocket.latest();
    socket.serverOpens();
    await vi.advanceTimersByTimeAsync(4999);
    expect(socket.closedWith).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(socket.closedWith).toBe(4000);
    expect(realtime.connectionStatus).toBe('connecting');
    await firstRetry();
    expect(FakeSocket.created).toHaveLength(2);
    FakeSocket.latest().serverReady(rooms);
    await vi.advanceTimersByTimeAsync(60_000); // once ready, the timeout no longer applies
    expect(FakeSocket.latest().closedWith).toBeNull();
    expect(readies.map((r) => r.reconnected)).toEqual([false]);
  });

  it('waits 15 s for ready by default', async () => {
    await started();
    FakeSocket.latest().serverOpens();
    await vi.advanceTimersByTimeAsync(14_999);
    expect(FakeSocket.latest().closedWith).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(FakeSocket.latest().closedWith).toBe(4000);
  });

  it('drops a socket whose first frame is not ready', async () => {
    await started();
    const socket = FakeSocket.latest();
    socket.serverOpens();
    socket.serverSends(newMessage('a', 1));
    expect(socket.closedWith).toBe(4000);
    expect(events).toEqual([]);
    expect(readies).toEqual([]);
  });
});

describe('reconnectDelay', () => {
  it('grows exponentially up to a ceiling, with jitter between half and all of it', () => {
    expect(reconnectDelay(0, () => 0)).toBe(250);
    expect(reconnectDelay(0, () => 1)).toBe(500);
    expect(reconnectDelay(3, () => 1)).toBe(4000);
    expect(reconnectDelay(20, () => 1)).toBe(30_000);
    expect(reconnectDelay(20, () => 0)).toBe(15_000);
  });
});

describe('isExpired', () => {
  const jwt = (exp: number) => `h.${btoa(JSON.stringify({ exp }))}.s`;
  it('reads exp from the token payload', () => {
    expect(isExpired(jwt(100), 200_000)).toBe(true);
    expect(isExpired(jwt(1000), 200_000)).toBe(false);
    expect(isExpired('garbage')).toBe(false);
  });
});
