import type { z } from 'zod';
import { env } from '@/config/env';
import { ApiError } from './api-error';
import {
  currentAccessToken,
  tokenResponseSchema,
  useSessionStore,
  type TokenResponse,
} from './session-store';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface RequestOptions<T> {
  method?: Method;
  body?: unknown;
  schema?: z.ZodType<T>;
  signal?: AbortSignal;
  /** false for the public auth endpoints: a 401 there is an answer, not an expired token. */
  authenticated?: boolean;
  headers?: Record<string, string>;
}

let refreshInFlight: Promise<TokenResponse | null> | null = null;

/**
 * The one refresh path. The server rotates the refresh cookie on every use and treats a replayed
 * one as theft (the whole session family is revoked), so refreshes must never overlap: one promise
 * per tab, and a Web Lock so another tab waits until the rotated cookie is stored.
 */
export function refreshSession(): Promise<TokenResponse | null> {
  refreshInFlight ??= withCrossTabLock(postRefresh).finally(() => {
    refreshInFlight = null;
  });
  return refreshInFlight;
}

async function withCrossTabLock<T>(task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? locks.request('nexus-session-refresh', task) : task();
}

async function postRefresh(): Promise<TokenResponse | null> {
  const response = await fetch(`${env.apiBase}/auth/refresh`, {
    method: 'POST',
    credentials: 'same-origin',
    // An empty JSON object: the token comes from the httpOnly cookie.
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: '{}',
  });
  if (!response.ok) {
    useSessionStore.getState().signedOut();
    return null;
  }
  const tokens = tokenResponseSchema.parse(await response.json());
  useSessionStore.getState().tokenRefreshed(tokens);
  return tokens;
}

async function send(path: string, options: RequestOptions<unknown>, token: string | null): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (token && options.authenticated !== false) headers.Authorization = `Bearer ${token}`;
  return fetch(`${env.apiBase}${path}`, {
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    credentials: 'same-origin',
    signal: options.signal,
  });
}

/**
 * Fetches a file the API serves (an attachment, its thumbnail) with the Bearer token, which a bare
 * `<img src>` or link could not send. `url` is the path the server gave (`/api/v1/uploads/…`); the
 * redirect to storage that S3 mode answers is followed (the browser drops the token cross-origin).
 */
export async function apiFetchBlob(url: string, signal?: AbortSignal): Promise<Blob> {
  const get = (token: string | null) =>
    fetch(url, {
      headers: token ? { Authorization: `Bearer ${token}` } : {},
      credentials: 'same-origin',
      signal,
    });
  let response = await get(currentAccessToken());
  if (response.status === 401) {
    const refreshed = await refreshSession();
    if (!refreshed) throw new ApiError(401, 'UNAUTHORIZED', 'Your session has ended. Please sign in again.');
    response = await get(refreshed.access_token);
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => null);
    throw ApiError.fromProblem(response.status, body);
  }
  return response.blob();
}

/** Calls the API; parses the answer with the given schema, throws {@link ApiError} on failure. */
export async function apiRequest<T = void>(path: string, options: RequestOptions<T> = {}): Promise<T> {
  let response = await send(path, options, currentAccessToken());
  if (response.status === 401 && options.authenticated !== false) {
    const refreshed = await refreshSession();
    if (!refreshed) throw new ApiError(401, 'UNAUTHORIZED', 'Your session has ended. Please sign in again.');
    response = await send(path, options, refreshed.access_token);
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => null);
    throw ApiError.fromProblem(response.status, body);
  }
  if (response.status === 204 || !options.schema) return undefined as T;
  return options.schema.parse(await response.json());
}
