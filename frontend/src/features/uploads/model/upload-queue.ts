import { useAnnouncer } from '@/components/live-region';
import { isApiError } from '@/lib/api-error';
import { formatBytes, type Attachment } from '@/lib/attachment';
import { completeUpload } from '../api/complete-upload';
import { createUpload } from '../api/create-upload';
import { putUploadBytes, type UploadTransfer } from '../api/put-upload-bytes';

/** What the server takes per message. */
export const MAX_ATTACHMENTS = 10;
/** The server's default limit, assumed until a slot answer tells the real one. */
export const DEFAULT_MAX_BYTES = 25 * 1024 * 1024;

let serverMaxBytes = DEFAULT_MAX_BYTES;
/** The largest file the server takes, as its last slot answer said (25 MB before the first). */
export const knownMaxBytes = () => serverMaxBytes;
/** Tests only: back to the assumption before any slot. */
export const forgetServerLimit = () => {
  serverMaxBytes = DEFAULT_MAX_BYTES;
};

export type UploadStatus = 'uploading' | 'processing' | 'ready' | 'failed';

export interface UploadItem {
  key: string;
  name: string;
  size: number;
  type: string;
  /** A local object URL of the picked file, for the chip's thumbnail (images only). */
  previewUrl: string | null;
  status: UploadStatus;
  /** 0 to 1: the share of the bytes sent. */
  progress: number;
  error: string | null;
  attachment: Attachment | null;
}

export interface UploadQueueState {
  items: UploadItem[];
  /** Why files were refused before any upload (empty, too large, too many), until the next pick. */
  notice: string | null;
}

const PREVIEWABLE = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

interface InFlight {
  controller: AbortController;
  transfer: UploadTransfer | null;
}

const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

const announce = (message: string) => useAnnouncer.getState().announced(message);

let keySeq = 0;

/**
 * One composer's uploads: each file gets a slot, its bytes (with progress), and the server's check
 * (complete), then waits as a chip until the message is sent. Bounded: at most
 * {@link MAX_ATTACHMENTS} files at a time, the most one message takes. Cancel aborts the transfer
 * and forgets the slot (the server drops never-attached uploads after a while).
 */
export class UploadQueue {
  private state: UploadQueueState = { items: [], notice: null };
  private readonly listeners = new Set<() => void>();
  private readonly inFlight = new Map<string, InFlight>();

  constructor(private readonly roomId: string) {}

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  getSnapshot = () => this.state;

  private set(next: Partial<UploadQueueState>) {
    this.state = { ...this.state, ...next };
    this.listeners.forEach((l) => l());
  }

  private update(key: string, change: Partial<UploadItem>) {
    if (!this.state.items.some((i) => i.key === key)) return;
    this.set({ items: this.state.items.map((i) => (i.key === key ? { ...i, ...change } : i)) });
  }

  /** Files picked, dropped or pasted: the ones that pass the checks start uploading at once. */
  add(files: readonly File[]) {
    const refused: string[] = [];
    const accepted: UploadItem[] = [];
    const limit = serverMaxBytes;
    let room = MAX_ATTACHMENTS - this.state.items.length;
    const started: [UploadItem, File][] = [];
    for (const file of files) {
      if (file.size === 0) {
        refused.push(`“${file.name}” is empty.`);
      } else if (file.size > limit) {
        refused.push(
          `“${file.name}” is too large (${formatBytes(file.size)}): files can be up to ${formatBytes(limit)}.`,
        );
      } else if (room <= 0) {
        refused.push(`“${file.name}” was not added: a message takes at most ${MAX_ATTACHMENTS} files.`);
      } else {
        room--;
        const item: UploadItem = {
          key: `upload-${++keySeq}`,
          name: file.name,
          size: file.size,
          type: file.type,
          previewUrl: PREVIEWABLE.has(file.type) ? URL.createObjectURL(file) : null,
          status: 'uploading',
          progress: 0,
          error: null,
          attachment: null,
        };
        accepted.push(item);
        started.push([item, file]);
      }
    }
    this.set({
      items: [...this.state.items, ...accepted],
      notice: refused.length ? refused.join(' ') : null,
    });
    if (accepted.length) announce(`Uploading ${accepted.map((i) => i.name).join(', ')}`);
    for (const [item, file] of started) void this.upload(item, file);
  }

  private async upload(item: UploadItem, file: File) {
    const flight: InFlight = { controller: new AbortController(), transfer: null };
    this.inFlight.set(item.key, flight);
    const signal = flight.controller.signal;
    let announcedQuarter = 0;
    try {
      const slot = await createUpload(this.roomId, file, signal);
      serverMaxBytes = slot.max_bytes;
      if (signal.aborted) return;
      flight.transfer = putUploadBytes(slot.upload, file, (sent, total) => {
        const progress = total > 0 ? Math.min(1, sent / total) : 0;
        const current = this.state.items.find((i) => i.key === item.key);
        // A repaint per whole percent, not per progress event.
        if (!current || Math.floor(progress * 100) === Math.floor(current.progress * 100)) return;
        this.update(item.key, { progress });
        const quarter = Math.floor(progress * 4);
        if (quarter > announcedQuarter && quarter < 4) {
          announcedQuarter = quarter;
          announce(`${item.name}: ${quarter * 25}% uploaded`);
        }
      });
      await flight.transfer.done;
      if (signal.aborted) return;
      this.update(item.key, { status: 'processing', progress: 1 });
      const attachment = await completeUpload(slot.id, signal);
      if (signal.aborted) return;
      this.update(item.key, { status: 'ready', attachment });
      announce(`${item.name} uploaded`);
    } catch (error) {
      if (signal.aborted || isAbort(error)) return;
      const message = isApiError(error) ? error.message : 'The upload failed.';
      this.update(item.key, { status: 'failed', error: message });
      announce(`${item.name} could not be uploaded: ${message}`);
    } finally {
      if (this.inFlight.get(item.key) === flight) this.inFlight.delete(item.key);
    }
  }

  /** Stops an upload in flight (or drops a finished or failed one) and forgets it. */
  cancel(key: string) {
    const item = this.state.items.find((i) => i.key === key);
    if (!item) return;
    const flight = this.inFlight.get(key);
    this.inFlight.delete(key);
    flight?.controller.abort();
    flight?.transfer?.abort();
    this.forget([key]);
    announce(flight ? `Upload of ${item.name} cancelled` : `${item.name} removed`);
  }

  /** The message went out with the ready files: their chips go; failed ones stay to be seen. */
  sent() {
    this.forget(this.state.items.filter((i) => i.status === 'ready').map((i) => i.key));
  }

  dismissNotice() {
    if (this.state.notice) this.set({ notice: null });
  }

  /** The composer is gone (room left or changed): every transfer stops. */
  cancelAll() {
    for (const flight of this.inFlight.values()) {
      flight.controller.abort();
      flight.transfer?.abort();
    }
    this.inFlight.clear();
    this.forget(this.state.items.map((i) => i.key));
  }

  private forget(keys: string[]) {
    if (keys.length === 0) return;
    const gone = new Set(keys);
    for (const item of this.state.items)
      if (gone.has(item.key) && item.previewUrl) URL.revokeObjectURL(item.previewUrl);
    this.set({ items: this.state.items.filter((i) => !gone.has(i.key)) });
  }
}

/** The attachments a send would carry, in the order they were added. */
export const readyAttachments = (state: UploadQueueState): Attachment[] =>
  state.items.flatMap((i) => (i.status === 'ready' && i.attachment ? [i.attachment] : []));

/** Sending waits while any file is still on its way. */
export const uploadsInFlight = (state: UploadQueueState) =>
  state.items.some((i) => i.status === 'uploading' || i.status === 'processing');
