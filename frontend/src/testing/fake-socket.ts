import type { SocketLike } from '@/lib/realtime/realtime-client';

/** A WebSocket stand-in: the test drives open/close/messages and reads what the client sent. */
export class FakeSocket implements SocketLike {
  static created: FakeSocket[] = [];
  readyState = 0;
  sent: { event: string; data: unknown; ref?: string }[] = [];
  onopen: SocketLike['onopen'] = null;
  onclose: SocketLike['onclose'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onerror: SocketLike['onerror'] = null;
  closedWith: number | null = null;
  closeReason: string | undefined;

  constructor(
    readonly url: string,
    readonly protocols: string[],
  ) {
    FakeSocket.created.push(this);
  }

  static latest(): FakeSocket {
    const socket = FakeSocket.created.at(-1);
    if (!socket) throw new Error('no socket created');
    return socket;
  }

  send(data: string) {
    this.sent.push(JSON.parse(data));
  }

  close(code = 1000, reason?: string) {
    this.closedWith = code;
    this.closeReason = reason;
    this.readyState = 3;
  }

  serverOpens() {
    this.readyState = 1;
    this.onopen?.({});
  }

  /** Opens and sends the `ready` frame: from then on the client counts the socket as open. */
  serverReady(rooms: { room_id: string; last_message_id: string | null; last_seq: number }[] = []) {
    this.serverOpens();
    this.serverSends({ event: 'ready', data: { connection_id: `conn-${FakeSocket.created.length}`, rooms } });
  }

  serverSends(frame: unknown) {
    this.onmessage?.({ data: typeof frame === 'string' ? frame : JSON.stringify(frame) });
  }

  serverCloses(code: number) {
    this.readyState = 3;
    this.onclose?.({ code });
  }
}
