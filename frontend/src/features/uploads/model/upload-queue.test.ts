import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAnnouncer } from '@/components/live-region';
import { useSessionStore } from '@/lib/session-store';
import { aFile, FakeXhr, installFakeXhr } from '@/testing/fake-xhr';
import { jsonResponse, routeFetch, untilAborted, type FetchCall } from '@/testing/route-fetch';
import {
  DEFAULT_MAX_BYTES,
  forgetServerLimit,
  knownMaxBytes,
  readyAttachments,
  UploadQueue,
  uploadsInFlight,
} from './upload-queue';

const slot = (id: string, overrides: Record<string, unknown> = {}) => ({
  id,
  upload: { method: 'PUT', url: `/api/v1/uploads/${id}`, headers: {} },
  max_bytes: DEFAULT_MAX_BYTES,
  expires_at: '2026-12-04T03:00:00Z',
  ...overrides,
});

const attachmentOf = (id: string, filename: string, image = false) => ({
  id,
  filename,
  size: 2048,
  content_type: image ? 'image/png' : 'application/pdf',
  width: image ? 800 : null,
  height: image ? 600 : null,
  url: `/api/v1/uploads/${id}`,
  thumbnail_url: image ? `/api/v1/uploads/${id}/thumbnail` : null,
});

/** The server: slots numbered u1, u2… in order of creation; complete answers what `completion` says. */
function server(
  completion: (id: string) => Response = (id) => jsonResponse(200, attachmentOf(id, 'cat.png', true)),
  slotFor: (n: number, call: FetchCall) => Response | Promise<Response> = (n) =>
    jsonResponse(201, slot(`u${n}`)),
) {
  let slots = 0;
  return routeFetch((call) => {
    if (call.url.endsWith('/rooms/r1/uploads') && call.method === 'POST') return slotFor(++slots, call);
    const done = call.url.match(/\/uploads\/(u\d+)\/complete$/);
    if (done && call.method === 'POST') return completion(done[1]!);
    throw new Error(`unexpected ${call.method} ${call.url}`);
  });
}

const lastAnnouncement = () => useAnnouncer.getState().message;
const xhrCount = (n: number) => vi.waitFor(() => expect(FakeXhr.sent).toHaveLength(n));

describe('the upload queue', () => {
  let queue: UploadQueue;
  beforeEach(() => {
    installFakeXhr();
    forgetServerLimit();
    useSessionStore.setState({ accessToken: 'token-1' });
    useAnnouncer.setState({ message: '' });
    Object.assign(URL, {
      createObjectURL: vi.fn(() => 'blob:preview'),
      revokeObjectURL: vi.fn(),
    });
    queue = new UploadQueue('r1');
  });
  afterEach(() => queue.cancelAll());

  it('asks for a slot, PUTs the bytes with the token, shows progress, then completes', async () => {
    const { calls } = server();
    queue.add([aFile('cat.png', 2048, 'image/png')]);
    expect(queue.getSnapshot().items).toMatchObject([{ name: 'cat.png', status: 'uploading', progress: 0 }]);
    expect(queue.getSnapshot().items[0]!.previewUrl).toBe('blob:preview');
    expect(uploadsInFlight(queue.getSnapshot())).toBe(true);
    expect(lastAnnouncement()).toBe('Uploading cat.png');

    await xhrCount(1);
    expect(calls[0]!.body).toEqual({ filename: 'cat.png', size: 2048, content_type: 'image/png' });
    const xhr = FakeXhr.sent[0]!;
    expect(xhr.method).toBe('PUT');
    expect(xhr.url).toBe('/api/v1/uploads/u1');
    expect(xhr.headers).toEqual({
      Authorization: 'Bearer token-1',
      'Content-Type': 'application/octet-stream',
    });
    expect(xhr.body).toBeInstanceOf(Blob);
    expect((xhr.body as Blob).type).toBe('');

    xhr.progress(1024, 2048);
    expect(queue.getSnapshot().items[0]!.progress).toBe(0.5);
    expect(lastAnnouncement()).toBe('cat.png: 50% uploaded');
    xhr.respond(204);

    await vi.waitFor(() => expect(queue.getSnapshot().items[0]!.status).toBe('ready'));
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'POST /api/v1/rooms/r1/uploads',
      'POST /api/v1/uploads/u1/complete',
    ]);
    expect(readyAttachments(queue.getSnapshot())).toEqual([attachmentOf('u1', 'cat.png', true)]);
    expect(uploadsInFlight(queue.getSnapshot())).toBe(false);
    expect(lastAnnouncement()).toBe('cat.png uploaded');
  });

  it('sends a presigned storage URL exactly the signed headers, and no token', async () => {
    server(undefined, (n) =>
      jsonResponse(
        201,
        slot(`u${n}`, {
          upload: {
            method: 'PUT',
            url: 'https://bucket.s3.example.test/k?X-Amz-Signature=abc',
            headers: { 'x-amz-meta-upload': `u${n}` },
          },
        }),
      ),
    );
    queue.add([aFile('report.pdf', 500, 'application/pdf')]);
    await xhrCount(1);
    expect(FakeXhr.sent[0]!.url).toBe('https://bucket.s3.example.test/k?X-Amz-Signature=abc');
    expect(FakeXhr.sent[0]!.headers).toEqual({ 'x-amz-meta-upload': 'u1' });
    FakeXhr.sent[0]!.respond(200);
    await vi.waitFor(() => expect(queue.getSnapshot().items[0]!.status).toBe('ready'));
  });

  it('cancel aborts the transfer and forgets the file: no complete, nothing to send', async () => {
    const { calls } = server();
    queue.add([aFile('big.zip', 10_000_000, 'application/zip')]);
    await xhrCount(1);
    FakeXhr.sent[0]!.progress(2_000_000, 10_000_000);
    const [item] = queue.getSnapshot().items;
    queue.cancel(item!.key);
    expect(FakeXhr.sent[0]!.aborted).toBe(true);
    expect(queue.getSnapshot().items).toEqual([]);
    expect(lastAnnouncement()).toBe('Upload of big.zip cancelled');
    await new Promise((r) => setTimeout(r, 10));
    expect(calls.some((c) => c.url.endsWith('/complete'))).toBe(false);
    expect(uploadsInFlight(queue.getSnapshot())).toBe(false);
  });

  it('cancel while the slot is being created aborts that request and sends no bytes', async () => {
    const { calls } = server(undefined, (_n, call) => untilAborted(call.signal));
    queue.add([aFile('cat.png', 100, 'image/png')]);
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    queue.cancel(queue.getSnapshot().items[0]!.key);
    expect(calls[0]!.signal?.aborted).toBe(true);
    await new Promise((r) => setTimeout(r, 10));
    expect(FakeXhr.sent).toHaveLength(0);
    expect(queue.getSnapshot().items).toEqual([]);
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:preview');
  });

  it("shows the server's problem on the chip when the content does not match the name", async () => {
    server(() =>
      jsonResponse(415, {
        title: 'Unsupported Media Type',
        status: 415,
        detail: 'cat.png is application/pdf, not image/png',
      }),
    );
    queue.add([aFile('cat.png', 100, 'image/png')]);
    await xhrCount(1);
    FakeXhr.sent[0]!.respond(204);
    await vi.waitFor(() => expect(queue.getSnapshot().items[0]!.status).toBe('failed'));
    expect(queue.getSnapshot().items[0]!.error).toBe('cat.png is application/pdf, not image/png');
    expect(lastAnnouncement()).toBe(
      'cat.png could not be uploaded: cat.png is application/pdf, not image/png',
    );
    expect(uploadsInFlight(queue.getSnapshot())).toBe(false);
    expect(readyAttachments(queue.getSnapshot())).toEqual([]);
  });

  it('shows a refused PUT (problem+json) and a lost connection on the chip', async () => {
    server();
    queue.add([aFile('a.bin', 100), aFile('b.bin', 100)]);
    await xhrCount(2);
    FakeXhr.sent[0]!.respond(413, {
      title: 'Payload Too Large',
      detail: 'The body is longer than the declared 100 bytes',
    });
    FakeXhr.sent[1]!.fail();
    await vi.waitFor(() =>
      expect(queue.getSnapshot().items.map((i) => [i.status, i.error])).toEqual([
        ['failed', 'The body is longer than the declared 100 bytes'],
        ['failed', 'The upload failed: the connection was lost.'],
      ]),
    );
  });

  it('a slot refused by the server (not a member) fails the chip with its detail', async () => {
    server(undefined, () =>
      jsonResponse(403, { title: 'Forbidden', detail: 'You are not a member of this room' }),
    );
    queue.add([aFile('cat.png', 100, 'image/png')]);
    await vi.waitFor(() => expect(queue.getSnapshot().items[0]!.status).toBe('failed'));
    expect(queue.getSnapshot().items[0]!.error).toBe('You are not a member of this room');
    expect(FakeXhr.sent).toHaveLength(0);
  });

  it('refuses empty files and files over 25 MB before asking for a slot', () => {
    // One byte over is refused too.
    queue.add([aFile('edge.mov', DEFAULT_MAX_BYTES + 1, 'video/quicktime')]);
    expect(queue.getSnapshot().items).toEqual([]);
    const { calls } = server();
    queue.add([aFile('empty.txt', 0, 'text/plain'), aFile('huge.mov', 30 * 1024 * 1024, 'video/quicktime')]);
    expect(queue.getSnapshot().items).toEqual([]);
    expect(queue.getSnapshot().notice).toBe(
      '“empty.txt” is empty. “huge.mov” is too large (30 MB): files can be up to 25 MB.',
    );
    expect(calls).toHaveLength(0);
    // A file of exactly the limit is fine.
    queue.add([aFile('ok.mov', DEFAULT_MAX_BYTES, 'video/quicktime')]);
    expect(queue.getSnapshot().items).toHaveLength(1);
    expect(queue.getSnapshot().notice).toBeNull();
  });

  it('checks against the limit the last slot answer gave', async () => {
    server(undefined, (n) => jsonResponse(201, slot(`u${n}`, { max_bytes: 1000 })));
    queue.add([aFile('small.txt', 10, 'text/plain')]);
    await xhrCount(1);
    expect(knownMaxBytes()).toBe(1000);
    queue.add([aFile('bigger.txt', 1001, 'text/plain')]);
    expect(queue.getSnapshot().notice).toBe('“bigger.txt” is too large (1001 B): files can be up to 1000 B.');
    expect(queue.getSnapshot().items.map((i) => i.name)).toEqual(['small.txt']);
  });

  it('takes at most 10 files, the most one message carries', () => {
    server();
    queue.add(Array.from({ length: 11 }, (_, i) => aFile(`f${i + 1}.txt`, 10, 'text/plain')));
    expect(queue.getSnapshot().items).toHaveLength(10);
    expect(queue.getSnapshot().notice).toBe('“f11.txt” was not added: a message takes at most 10 files.');
  });

  it('an expired token is refreshed and the bytes sent again with the new one', async () => {
    let refreshes = 0;
    routeFetch((call) => {
      if (call.url.endsWith('/rooms/r1/uploads')) return jsonResponse(201, slot('u1'));
      if (call.url.endsWith('/auth/refresh')) {
        refreshes++;
        return jsonResponse(200, {
          access_token: 'token-2',
          token_type: 'Bearer',
          expires_in: 900,
          user: { id: 'me', email: 'me@example.test', username: 'me', display_name: 'Me', avatar_url: null },
        });
      }
      if (call.url.endsWith('/uploads/u1/complete')) return jsonResponse(200, attachmentOf('u1', 'a.pdf'));
      throw new Error(`unexpected ${call.url}`);
    });
    queue.add([aFile('a.pdf', 100, 'application/pdf')]);
    await xhrCount(1);
    FakeXhr.sent[0]!.respond(401, { title: 'Unauthorized' });
    await xhrCount(2);
    expect(refreshes).toBe(1);
    expect(FakeXhr.sent[1]!.headers.Authorization).toBe('Bearer token-2');
    FakeXhr.sent[1]!.respond(204);
    await vi.waitFor(() => expect(queue.getSnapshot().items[0]!.status).toBe('ready'));
  });

  it('after a send the ready chips go and failed ones stay; leaving the room stops the rest', async () => {
    server((id) =>
      id === 'u2'
        ? jsonResponse(422, { title: 'Unprocessable', detail: 'truncated' })
        : jsonResponse(200, attachmentOf(id, 'x')),
    );
    queue.add([aFile('ok.pdf', 10), aFile('bad.pdf', 10), aFile('slow.pdf', 10)]);
    await xhrCount(3);
    FakeXhr.sent[0]!.respond(204);
    FakeXhr.sent[1]!.respond(204);
    await vi.waitFor(() =>
      expect(queue.getSnapshot().items.map((i) => i.status)).toEqual(['ready', 'failed', 'uploading']),
    );
    queue.sent();
    expect(queue.getSnapshot().items.map((i) => i.name)).toEqual(['bad.pdf', 'slow.pdf']);
    queue.cancelAll();
    expect(FakeXhr.sent[2]!.aborted).toBe(true);
    expect(queue.getSnapshot().items).toEqual([]);
  });
});
