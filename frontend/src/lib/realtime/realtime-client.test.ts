import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeSocket } from '@/testing/fake-socket';
import { isExpired, RealtimeClient, type RealtimeOptions } from './realtime-client';
import { reconnectDelay } from './backoff';
import type { ServerEvent } from './frames';

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
  let reconnects: number;
  let token: string | null;
  let refresh: ReturnType<typeof vi.fn>;

  const client = (extra: Partial<RealtimeOptions> = {}) =>
    new RealtimeClient({
      url: 'ws://localhost/ws',
      getToken: () => token,
      refreshToken: refresh as unknown as () => Promise<string | null>,
      onEvent: (event) => events.push(event),
      onReconnected: () => reconnects++,
      createSocket: (url, protocols) => new FakeSocket(url, protocols),
      random: () => 0.5,
      ...extra,
    });

  beforeEach(() => {
    vi.useFakeTimers();
    FakeSocket.created = [];
    events = [];
    reconnects = 0;
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
    socket.serverOpens();
    socket.serverSends('not json');
    socket.serverSends({ event: 'new_message', data: { id: 'missing fields' } });
    socket.serverSends({ event: 'something_new', data: {} });
    socket.serverSends({ event: 'new_message', data: message });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ event: 'new_message', data: { id: 'm1', client_id: 'c1' } });
    expect(socket.closedWith).toBeNull();
  });

  it('resolves a request with the ack that carries its ref, rejects on an error frame', async () => {
    const realtime = client();
    realtime.start();
    await vi.waitFor(() => expect(FakeSocket.created).toHaveLength(1));
    const socket = FakeSocket.latest();
    socket.serverOpens();
    const sent = realtime.request('send_message', { room_id: 'r1', content: 'hi', client_id: 'c1' });
    const refused = realtime.request('send_message', { room_id: 'r1', content: '' });
    const [first, second] = socket.sent;
    expect(first).toMatchObject({ event: 'send_message', data: { client_id: 'c1' } });
    expect(first!.ref).not.toEqual(second!.ref);
    socket.serverSends({
      event: 'error',
      ref: second!.ref,
      data: { code: 'VALIDATION_FAILED', message: 'empty' },
    });
    socket.serverSends({ event: 'ack', ref: first!.ref, data: message });
    await expect(sent).resolves.toMatchObject({ id: 'm1' });
    await expect(refused).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('rejects pending requests when the connection drops, and refuses requests while down', async () => {
    const realtime = client();
    realtime.start();
    await vi.waitFor(() => expect(FakeSocket.created).toHaveLength(1));
    FakeSocket.latest().serverOpens();
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
    FakeSocket.latest().serverOpens();
    expect(realtime.connectionStatus).toBe('open');
  });

  it('reconnects with growing delays and reports the reconnect for catch-up', async () => {
    const statuses: string[] = [];
    const realtime = client({ onStatus: (s) => statuses.push(s) });
    realtime.start();
    await vi.waitFor(() => expect(FakeSocket.created).toHaveLength(1));
    FakeSocket.latest().serverOpens();
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
    expect(reconnects).toBe(0);
    FakeSocket.latest().serverOpens();
    expect(reconnects).toBe(1);
    expect(statuses).toEqual(['connecting', 'open', 'reconnecting', 'open']);
  });

  it('refreshes the token on 4001 and reconnects with the new one', async () => {
    const realtime = client();
    realtime.start();
    await vi.waitFor(() => expect(FakeSocket.created).toHaveLength(1));
    FakeSocket.latest().serverOpens();
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
    FakeSocket.latest().serverOpens();
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
    socket.serverOpens();
    realtime.stop();
    expect(socket.closedWith).toBe(1000);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeSocket.created).toHaveLength(1);
  });

  it('sends a heartbeat ping while open', async () => {
    const realtime = client({ heartbeatMs: 1000 });
    realtime.start();
    await vi.waitFor(() => expect(FakeSocket.created).toHaveLength(1));
    FakeSocket.latest().serverOpens();
    await vi.advanceTimersByTimeAsync(1000);
    expect(FakeSocket.latest().sent).toContainEqual({ event: 'ping', data: {} });
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
