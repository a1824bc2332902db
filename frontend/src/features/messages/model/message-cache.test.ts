import { describe, expect, it } from 'vitest';
import { aMessage } from '@/testing/fixtures';
import {
  addPending,
  adoptNewestPage,
  applyEdit,
  emptyRoomMessages,
  flattenMessages,
  markDelivery,
  mergeNewer,
  newestConfirmedId,
  reconcileLatest,
  removeMessage,
  upsertMessage,
} from './message-cache';
import type { RoomMessages } from '../api/get-messages';

const twoPages = (): RoomMessages => ({
  pages: [
    { messages: [aMessage({ id: 'c' }), aMessage({ id: 'd' })], next_cursor: 'c', has_more: true },
    { messages: [aMessage({ id: 'a' }), aMessage({ id: 'b' })], next_cursor: null, has_more: false },
  ],
  pageParams: [null, 'c'],
});
const ids = (data: RoomMessages | undefined) => flattenMessages(data).map((m) => m.id);

describe('optimistic reconciliation', () => {
  it('the echo replaces the pending copy instead of doubling it', () => {
    let data = addPending(twoPages(), aMessage({ id: 'pending-x', client_id: 'x', delivery: 'pending' }));
    expect(ids(data)).toEqual(['a', 'b', 'c', 'd', 'pending-x']);
    data = upsertMessage(data, aMessage({ id: 'e', client_id: 'x', content: 'sent' }));
    expect(ids(data)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(flattenMessages(data).at(-1)).not.toHaveProperty('delivery');
    // the ack arriving after the echo changes nothing
    expect(ids(upsertMessage(data, aMessage({ id: 'e', client_id: 'x' })))).toEqual([
      'a',
      'b',
      'c',
      'd',
      'e',
    ]);
  });

  it('a failure marks the pending copy failed, and a retry marks it pending again', () => {
    let data = addPending(twoPages(), aMessage({ id: 'p', client_id: 'x', delivery: 'pending' }));
    data = markDelivery(data, 'x', 'failed')!;
    expect(flattenMessages(data).at(-1)!.delivery).toBe('failed');
    data = markDelivery(data, 'x', 'pending')!;
    expect(flattenMessages(data).at(-1)!.delivery).toBe('pending');
  });

  it("others' new messages go before our still-pending ones", () => {
    let data = addPending(twoPages(), aMessage({ id: 'p', client_id: 'x', delivery: 'pending' }));
    data = upsertMessage(data, aMessage({ id: 'e', client_id: 'other' }));
    expect(ids(data)).toEqual(['a', 'b', 'c', 'd', 'e', 'p']);
  });
});

describe('reconnect catch-up merge', () => {
  it('adds only what is missing, in order', () => {
    const data = mergeNewer(twoPages(), [
      aMessage({ id: 'd' }),
      aMessage({ id: 'e' }),
      aMessage({ id: 'f' }),
    ]);
    expect(ids(data)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('puts a caught-up message before a newer one of ours that was confirmed meanwhile', () => {
    const at = (minute: number) => `2026-02-16T14:${minute}:00.000Z`;
    let data = mergeNewer(emptyRoomMessages(), [aMessage({ id: 'a', created_at: at(10) })]);
    data = upsertMessage(data, aMessage({ id: 'mine', created_at: at(30) }));
    data = mergeNewer(data, [
      aMessage({ id: 'b', created_at: at(20) }),
      aMessage({ id: 'c', created_at: at(25) }),
    ]);
    expect(ids(data)).toEqual(['a', 'b', 'c', 'mine']);
  });

  it('an empty history takes the newest page with its cursor, keeping what the socket brought', () => {
    const at = (minute: number) => `2026-02-16T14:${minute}:00.000Z`;
    const live = upsertMessage(emptyRoomMessages(), aMessage({ id: 'live', created_at: at(40) }));
    const data = adoptNewestPage(live, {
      messages: [aMessage({ id: 'x', created_at: at(10) }), aMessage({ id: 'y', created_at: at(20) })],
      next_cursor: 'x',
      has_more: true,
    });
    expect(ids(data)).toEqual(['x', 'y', 'live']);
    expect(data?.pages[0]).toMatchObject({ next_cursor: 'x', has_more: true });
    expect(adoptNewestPage(undefined, { messages: [], next_cursor: null, has_more: false })).toBeUndefined();
  });

  it('starts from the newest confirmed message, ignoring pending copies', () => {
    const data = addPending(twoPages(), aMessage({ id: 'p', client_id: 'x', delivery: 'pending' }));
    expect(newestConfirmedId(data)).toBe('d');
    expect(newestConfirmedId(undefined)).toBeNull();
    expect(newestConfirmedId(emptyRoomMessages())).toBeNull();
  });
});

describe('edits and deletes', () => {
  it('an edit changes the message and the previews of its replies', () => {
    let data = upsertMessage(
      twoPages(),
      aMessage({
        id: 'r',
        parent_id: 'a',
        parent: { id: 'a', sender_display_name: 'Alice', content: 'old', is_deleted: false },
      }),
    );
    data = applyEdit(data, { id: 'a', content: 'new' })!;
    const all = flattenMessages(data);
    expect(all.find((m) => m.id === 'a')).toMatchObject({ content: 'new', is_edited: true });
    expect(all.find((m) => m.id === 'r')!.parent!.content).toBe('new');
  });

  it('a delete removes the message and marks reply previews deleted', () => {
    let data = upsertMessage(
      twoPages(),
      aMessage({
        id: 'r',
        parent_id: 'b',
        parent: { id: 'b', sender_display_name: 'Alice', content: 'x', is_deleted: false },
      }),
    );
    data = removeMessage(data, 'b')!;
    expect(ids(data)).toEqual(['a', 'c', 'd', 'r']);
    expect(flattenMessages(data).at(-1)!.parent!.is_deleted).toBe(true);
  });
});

describe('polling reconciliation', () => {
  it('takes new messages and edits from the latest page and drops deleted ones', () => {
    const at = (id: string, minute: number, content = id) =>
      aMessage({ id, content, created_at: `2026-02-16T14:${String(minute).padStart(2, '0')}:00.000Z` });
    const data: RoomMessages = {
      pages: [{ messages: [at('a', 1), at('b', 2), at('c', 3)], next_cursor: null, has_more: false }],
      pageParams: [null],
    };
    const withPending = addPending(
      data,
      aMessage({ id: 'p', client_id: 'x', delivery: 'pending', created_at: '2026-02-16T14:05:00.000Z' }),
    );
    const next = reconcileLatest(withPending, [at('b', 2, 'b edited'), at('d', 4)]);
    expect(ids(next)).toEqual(['a', 'b', 'd', 'p']);
    expect(flattenMessages(next)[1]!.content).toBe('b edited');
  });
});
