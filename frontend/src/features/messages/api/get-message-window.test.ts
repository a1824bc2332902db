import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { aMessage } from '@/testing/fixtures';
import { flattenWindow, messageWindowQuery, type MessageWindow } from './get-message-window';

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
const at = (id: string) => aMessage({ id, created_at: `2026-12-01T10:00:0${id.slice(1)}.000Z` });

describe('the message window (history around a message)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('opens with around=, then pages older with cursor= and newer with after=, oldest first', async () => {
    const answers: Record<string, unknown> = {
      around: {
        messages: [at('m4'), at('m5'), at('m6')],
        next_cursor: 'm4',
        has_more: true,
        newer_cursor: 'm6',
        has_newer: true,
      },
      cursor: { messages: [at('m2'), at('m3')], next_cursor: null, has_more: false },
      after: { messages: [at('m7'), at('m8')], next_cursor: null, has_more: false },
    };
    const urls: URLSearchParams[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        const params = new URL(url, 'http://x').searchParams;
        urls.push(params);
        return json(answers[['around', 'cursor', 'after'].find((p) => params.has(p))!]);
      }),
    );
    const client = new QueryClient();
    const options = messageWindowQuery('r1', 'm5');
    await client.fetchInfiniteQuery(options);
    expect(urls[0]!.get('around')).toBe('m5');

    const observer = client.getQueryCache().find({ queryKey: options.queryKey })!;
    const data = () => observer.state.data as MessageWindow;
    expect(
      options.getNextPageParam(
        data().pages.at(-1)!,
        data().pages,
        data().pageParams.at(-1)!,
        data().pageParams,
      ),
    ).toEqual({ cursor: 'm4' });
    expect(
      options.getPreviousPageParam!(data().pages[0]!, data().pages, data().pageParams[0]!, data().pageParams),
    ).toEqual({ after: 'm6' });

    await new QueryClient().fetchInfiniteQuery({ ...options, pages: 2 });
    expect(urls.slice(1).map((u) => u.toString())).toEqual(['limit=50&around=m5', 'limit=50&cursor=m4']);
  });

  it('flattens newest-first pages into one oldest-first list, each message once', () => {
    const data: MessageWindow = {
      pages: [
        { messages: [at('m7'), at('m8')], older: null, newer: null },
        { messages: [at('m4'), at('m5'), at('m6'), at('m7')], older: 'm4', newer: 'm7' },
        { messages: [at('m2'), at('m3')], older: null, newer: null },
      ],
      pageParams: [{ after: 'm6' }, { around: 'm5' }, { cursor: 'm4' }],
    };
    expect(flattenWindow(data).map((m) => m.id)).toEqual(['m2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8']);
  });

  it('reads the end of each direction from the answers', () => {
    const options = messageWindowQuery('r1', 'm5');
    const last = { messages: [], older: null, newer: null };
    expect(options.getNextPageParam(last, [last], { around: 'm5' }, [{ around: 'm5' }])).toBeUndefined();
    expect(options.getPreviousPageParam!(last, [last], { around: 'm5' }, [{ around: 'm5' }])).toBeUndefined();
  });
});
