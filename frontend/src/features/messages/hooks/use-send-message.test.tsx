import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Attachment } from '@/lib/attachment';
import { useSessionStore } from '@/lib/session-store';
import { jsonResponse, routeFetch } from '@/testing/route-fetch';
import { messageKeys, type RoomMessages } from '../api/get-messages';
import { flattenMessages } from '../model/message-cache';
import { useSendMessage } from './use-send-message';

const cat: Attachment = {
  id: 'u1',
  filename: 'cat.png',
  size: 2048,
  content_type: 'image/png',
  width: 800,
  height: 600,
  url: '/api/v1/uploads/u1',
  thumbnail_url: '/api/v1/uploads/u1/thumbnail',
};

describe('sending with attachments', () => {
  beforeEach(() => {
    useSessionStore.setState({
      accessToken: 't',
      user: { id: 'me', email: 'me@example.test', username: 'me', display_name: 'Me', avatar_url: null },
    });
  });

  it('shows the files at once on the pending copy, and sends their ids (REST without a socket)', async () => {
    let release!: () => void;
    const { calls } = routeFetch(
      (call) =>
        new Promise((resolve) => {
          release = () =>
            resolve(
              jsonResponse(201, {
                id: 'm1',
                room_id: 'r1',
                sender: { id: 'me', username: 'me', display_name: 'Me', avatar_url: null },
                content: '',
                created_at: '2026-12-04T01:00:00Z',
                client_id: (call.body as { client_id: string }).client_id,
                attachments: [cat],
              }),
            );
        }),
    );
    const client = new QueryClient();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    );
    const { result } = renderHook(() => useSendMessage('r1'), { wrapper });
    let sent!: Promise<unknown>;
    act(() => {
      sent = result.current.send('', null, [cat])!;
    });
    const cached = () => flattenMessages(client.getQueryData<RoomMessages>(messageKeys.room('r1')));
    expect(cached()).toMatchObject([{ delivery: 'pending', content: '', attachments: [cat] }]);
    expect(calls[0]!.url).toBe('/api/v1/rooms/r1/messages');
    expect(calls[0]!.body).toMatchObject({ content: '', attachments: ['u1'] });
    await act(async () => {
      release();
      await sent;
    });
    expect(cached()).toMatchObject([{ id: 'm1', attachments: [cat] }]);
    expect(cached()[0]!.delivery).toBeUndefined();
  });
});
