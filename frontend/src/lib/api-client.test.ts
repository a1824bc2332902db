import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiRequest, refreshSession } from './api-client';
import { useSessionStore } from './session-store';
import { ApiError } from './api-error';
import { z } from 'zod';

const user = { id: 'u1', email: 'a@b.c', username: 'alice', display_name: 'Alice', avatar_url: null };
const tokens = (n: number) => ({ access_token: `token-${n}`, token_type: 'bearer', expires_in: 1800, user });
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('api client', () => {
  let fetchMock: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    useSessionStore.getState().signedIn(tokens(0));
  });
  afterEach(() => vi.unstubAllGlobals());

  it('sends the bearer token and parses with the schema', async () => {
    fetchMock.mockResolvedValueOnce(json(200, { n: 1 }));
    await expect(apiRequest('/x', { schema: z.object({ n: z.number() }) })).resolves.toEqual({ n: 1 });
    expect(fetchMock.mock.calls[0]![1].headers.Authorization).toBe('Bearer token-0');
  });

  it('refreshes once for several concurrent 401s and retries each request', async () => {
    let refreshes = 0;
    fetchMock.mockImplementation(async (url: string, init: RequestInit) => {
      if (url.endsWith('/auth/refresh')) {
        refreshes++;
        await new Promise((r) => setTimeout(r, 10));
        return json(200, tokens(1));
      }
      const auth = (init.headers as Record<string, string>).Authorization;
      return auth === 'Bearer token-1' ? json(200, { ok: true }) : json(401, { code: 'UNAUTHORIZED' });
    });
    const schema = z.object({ ok: z.boolean() });
    const results = await Promise.all([
      apiRequest('/a', { schema }),
      apiRequest('/b', { schema }),
      apiRequest('/c', { schema }),
    ]);
    expect(results).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
    expect(refreshes).toBe(1);
    expect(useSessionStore.getState().accessToken).toBe('token-1');
  });

  it('signs out when the refresh is refused', async () => {
    fetchMock.mockImplementation(async (url: string) =>
      url.endsWith('/auth/refresh')
        ? json(401, { code: 'UNAUTHORIZED' })
        : json(401, { code: 'UNAUTHORIZED' }),
    );
    await expect(apiRequest('/a')).rejects.toMatchObject({ status: 401 });
    expect(useSessionStore.getState().status).toBe('signed-out');
    expect(await refreshSession()).toBeNull();
  });

  it('turns problem+json into an ApiError with field errors', async () => {
    fetchMock.mockResolvedValueOnce(
      json(400, {
        code: 'VALIDATION_FAILED',
        detail: 'bad',
        errors: [{ field: 'email', message: 'is required' }],
      }),
    );
    const error = await apiRequest('/auth/register', {
      method: 'POST',
      body: {},
      authenticated: false,
    }).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fieldErrors).toEqual([{ field: 'email', message: 'is required' }]);
  });

  it('does not refresh on a 401 from a public endpoint', async () => {
    fetchMock.mockResolvedValueOnce(json(401, { code: 'UNAUTHORIZED', detail: 'Wrong email or password' }));
    await expect(
      apiRequest('/auth/login', { method: 'POST', body: {}, authenticated: false }),
    ).rejects.toThrow('Wrong email or password');
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});
