import { env } from '@/config/env';
import { refreshSession } from '@/lib/api-client';
import { ApiError } from '@/lib/api-error';
import { currentAccessToken } from '@/lib/session-store';
import type { UploadSlot } from './create-upload';

export interface UploadTransfer {
  /** Settles once the bytes are stored; rejects with an {@link ApiError}, or an AbortError on abort. */
  done: Promise<void>;
  abort: () => void;
}

/** Our own upload endpoint takes the Bearer token; a presigned storage URL must get none. */
function isOwnApi(url: string) {
  const target = new URL(url, location.origin);
  return target.origin === location.origin && target.pathname.startsWith(`${env.apiBase}/`);
}

const abortError = () => new DOMException('The upload was cancelled', 'AbortError');

/**
 * PUTs the file's bytes where the slot says, with XMLHttpRequest: fetch reports no upload progress.
 * The body is a Blob with no type, so the browser adds no Content-Type of its own: S3 gets exactly
 * the signed headers. A 401 from our own API (the token expired meanwhile) refreshes it and sends
 * the bytes again, once.
 */
export function putUploadBytes(
  slot: UploadSlot['upload'],
  file: Blob,
  onProgress: (sent: number, total: number) => void,
): UploadTransfer {
  let current: XMLHttpRequest | null = null;
  let aborted = false;
  const own = isOwnApi(slot.url);
  const body = file.slice(0, file.size, '');

  const attempt = (token: string | null) =>
    new Promise<XMLHttpRequest>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      current = xhr;
      xhr.open(slot.method, slot.url);
      for (const [name, value] of Object.entries(slot.headers)) xhr.setRequestHeader(name, value);
      if (own) {
        if (!Object.keys(slot.headers).some((h) => h.toLowerCase() === 'content-type'))
          xhr.setRequestHeader('Content-Type', 'application/octet-stream');
        if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
      }
      xhr.upload.onprogress = (event) =>
        onProgress(event.loaded, event.lengthComputable ? event.total : body.size);
      xhr.onload = () => resolve(xhr);
      xhr.onerror = () => reject(new ApiError(0, 'NETWORK', 'The upload failed: the connection was lost.'));
      xhr.ontimeout = xhr.onerror;
      xhr.onabort = () => reject(abortError());
      xhr.send(body);
    });

  const failure = (xhr: XMLHttpRequest) => {
    let problem: unknown = null;
    try {
      problem = xhr.responseText ? JSON.parse(xhr.responseText) : null;
    } catch {
      // storage answers XML; our API answers problem+json
    }
    return ApiError.fromProblem(xhr.status, problem);
  };

  const done = (async () => {
    let xhr = await attempt(own ? currentAccessToken() : null);
    if (own && xhr.status === 401) {
      const refreshed = await refreshSession();
      if (aborted) throw abortError();
      if (!refreshed)
        throw new ApiError(401, 'UNAUTHORIZED', 'Your session has ended. Please sign in again.');
      xhr = await attempt(refreshed.access_token);
    }
    if (xhr.status < 200 || xhr.status >= 300) throw failure(xhr);
    onProgress(body.size, body.size);
  })();

  return {
    done,
    abort: () => {
      aborted = true;
      current?.abort();
    },
  };
}
