import { reconnectDelay } from './backoff';
import {
  encodeClientFrame,
  parseServerFrame,
  type ClientEventName,
  type Ready,
  type ServerEvent,
} from './frames';

/** The part of the browser WebSocket the client uses, so tests can hand in a fake. */
export interface SocketLike {
  readyState: number;
  onopen: ((event: unknown) => void) | null;
  onclose: ((event: { code: number; reason?: string }) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export type ConnectionStatus = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'stopped';

export class RealtimeRequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RealtimeRequestError';
  }
}

export interface RealtimeOptions {
  url: string;
  /** The current access token, or null when none is held. */
  getToken: () => string | null;
  /** Gets a new access token (the API client's single refresh path); null when signed out. */
  refreshToken: () => Promise<string | null>;
  onEvent: (event: ServerEvent) => void;
  onStatus?: (status: ConnectionStatus) => void;
  /**
   * Each socket's `ready`, the first connect's included: the positions from which it delivers live,
   * so the app can fetch what lies between its cache and them.
   */
  onReady?: (ready: Ready, context: { reconnected: boolean }) => void;
  createSocket?: (url: string, protocols: string[]) => SocketLike;
  random?: () => number;
  ackTimeoutMs?: number;
  heartbeatMs?: number;
  /** How long an open socket may go without `ready` before it counts as broken. */
  readyTimeoutMs?: number;
}

export const TOKEN_EXPIRED = 4001;
/** Our own close of a socket we no longer trust (no ready, a hole or repeat in seq). */
export const BROKEN_BY_CLIENT = 4000;

interface Pending {
  resolve: (data: unknown) => void;
  reject: (error: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * One WebSocket per tab to /ws (contract section 6): bearer subprotocol auth, `{event,data,ref}`
 * frames, acks matched by ref, reconnect with backoff and jitter, 4001 → refresh then reconnect.
 * A socket counts as open from its `ready` frame on; every later frame must carry the next `seq`,
 * and one that does not means frames were lost, so the socket is dropped and a new one caught up.
 */
export class RealtimeClient {
  private socket: SocketLike | null = null;
  private status: ConnectionStatus = 'idle';
  private attempt = 0;
  private everReady = false;
  private expectedSeq = 1;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private readyTimer: ReturnType<typeof setTimeout> | null = null;
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  private pending = new Map<string, Pending>();
  private nextRef = 1;

  constructor(private readonly options: RealtimeOptions) {}

  get connectionStatus() {
    return this.status;
  }

  get isOpen() {
    return this.status === 'open';
  }

  start() {
    if (this.status !== 'idle' && this.status !== 'stopped') return;
    this.everReady = false;
    this.attempt = 0;
    void this.connect();
  }

  stop() {
    this.setStatus('stopped');
    this.clearTimers();
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onclose = null;
      socket.close(1000, 'signed out');
    }
    this.failPending('DISCONNECTED', 'The connection was closed');
  }

  /** Fire and forget (typing); false when the socket is not open. */
  emit(event: ClientEventName, data: object): boolean {
    if (!this.socket || this.status !== 'open') return false;
    this.socket.send(encodeClientFrame(event, data));
    return true;
  }

  /** Sends with a ref and resolves with the ack's data, rejects on an error frame, timeout or drop. */
  request(event: ClientEventName, data: object): Promise<unknown> {
    if (!this.socket || this.status !== 'open') {
      return Promise.reject(new RealtimeRequestError('DISCONNECTED', 'Not connected'));
    }
    const ref = `r${this.nextRef++}`;
    const socket = this.socket;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(ref);
        reject(new RealtimeRequestError('TIMEOUT', 'No answer from the server'));
      }, this.options.ackTimeoutMs ?? 10_000);
      this.pending.set(ref, { resolve, reject, timer });
      socket.send(encodeClientFrame(event, data, ref));
    });
  }

  private async connect() {
    if (this.status === 'stopped') return;
    this.setStatus(this.everReady ? 'reconnecting' : 'connecting');
    let token = this.options.getToken();
    if (!token || isExpired(token)) token = await this.options.refreshToken();
    if ((this.status as ConnectionStatus) === 'stopped') return;
    if (!token) {
      this.stop();
      return;
    }
    const create =
      this.options.createSocket ?? ((url, protocols) => new WebSocket(url, protocols) as SocketLike);
    let socket: SocketLike;
    try {
      socket = create(this.options.url, ['bearer', token]);
    } catch {
      // A URL the browser refuses throws instead of closing: wait and try again all the same.
      this.retryLater();
      return;
    }
    this.socket = socket;
    socket.onopen = () => this.opened(socket);
    socket.onmessage = (event) => this.received(socket, event.data);
    socket.onerror = () => undefined; // a close always follows
    socket.onclose = (event) => this.closed(socket, event.code);
  }

  private opened(socket: SocketLike) {
    this.readyTimer = setTimeout(
      () => this.broken(socket, 'no ready frame'),
      this.options.readyTimeoutMs ?? 15_000,
    );
  }

  private becameReady(ready: Ready) {
    if (this.readyTimer) clearTimeout(this.readyTimer);
    this.readyTimer = null;
    const reconnected = this.everReady;
    this.everReady = true;
    this.expectedSeq = 1;
    this.attempt = 0;
    this.setStatus('open');
    this.heartbeat = setInterval(() => this.emit('ping', {}), this.options.heartbeatMs ?? 25_000);
    this.options.onReady?.(ready, { reconnected });
  }

  private received(socket: SocketLike, data: unknown) {
    if (socket !== this.socket || typeof data !== 'string') return;
    const parsed = parseServerFrame(data);
    if (this.status !== 'open') {
      if (parsed.kind === 'ready') this.becameReady(parsed.ready);
      else this.broken(socket, 'frame before ready');
      return;
    }
    if (parsed.kind === 'ready') return this.broken(socket, 'a second ready');
    // A frame without seq is not counted: if the server did count it, the next frame shows the hole.
    if (parsed.seq !== undefined) {
      if (parsed.seq !== this.expectedSeq) return this.broken(socket, 'missed frames');
      this.expectedSeq++;
    }
    if (parsed.kind !== 'event') return;
    const frame = parsed.frame;
    if (frame.event === 'ack' || (frame.event === 'error' && frame.ref)) {
      const waiting = frame.ref ? this.pending.get(frame.ref) : undefined;
      if (!waiting) return;
      this.pending.delete(frame.ref!);
      clearTimeout(waiting.timer);
      if (frame.event === 'ack') waiting.resolve(frame.data);
      else waiting.reject(new RealtimeRequestError(frame.data.code, frame.data.message));
      return;
    }
    this.options.onEvent(frame);
  }

  /** Drops a socket we no longer trust at once: a dead link could hold back its close event for long. */
  private broken(socket: SocketLike, reason: string) {
    socket.onclose = null;
    socket.onmessage = null;
    socket.close(BROKEN_BY_CLIENT, reason);
    this.closed(socket, BROKEN_BY_CLIENT);
  }

  private closed(socket: SocketLike, code: number) {
    if (socket !== this.socket) return;
    this.socket = null;
    this.clearTimers();
    this.failPending('DISCONNECTED', 'The connection was lost');
    if (this.status === 'stopped') return;
    this.setStatus(this.everReady ? 'reconnecting' : 'connecting');
    if (code === TOKEN_EXPIRED) {
      void this.options.refreshToken().then((token) => (token ? this.connect() : this.stop()));
      return;
    }
    this.retryLater();
  }

  private retryLater() {
    const delay = reconnectDelay(this.attempt++, this.options.random);
    this.retryTimer = setTimeout(() => void this.connect(), delay);
  }

  private failPending(code: string, message: string) {
    for (const [ref, waiting] of this.pending) {
      clearTimeout(waiting.timer);
      waiting.reject(new RealtimeRequestError(code, message));
      this.pending.delete(ref);
    }
  }

  private clearTimers() {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.readyTimer) clearTimeout(this.readyTimer);
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.retryTimer = null;
    this.readyTimer = null;
    this.heartbeat = null;
  }

  private setStatus(status: ConnectionStatus) {
    if (this.status === status) return;
    this.status = status;
    this.options.onStatus?.(status);
  }
}

/** Reads a JWT's `exp` without verifying it: only to avoid an upgrade we know will be refused. */
export function isExpired(token: string, nowMs = Date.now(), skewMs = 10_000): boolean {
  try {
    const payload = JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as {
      exp?: number;
    };
    return typeof payload.exp === 'number' && payload.exp * 1000 <= nowMs + skewMs;
  } catch {
    return false;
  }
}
