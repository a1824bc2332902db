import { describe, expect, it } from 'vitest';
import { aMessage } from '@/testing/fixtures';
import type { ThreadData } from '../api/get-thread';
import type { FollowedThreadPage } from '../api/get-followed-threads';
import type { RoomMessages } from '../api/get-messages';
import {
  followedThreadRead,
  lastReplyOrRoot,
  replyArrived,
  rootCountsChanged,
  threadCountsChanged,
  threadIdOf,
  threadMessageDeleted,
  threadMessageEdited,
} from './thread-cache';

const root = aMessage({ id: 'root', created_at: '2026-02-16T14:00:00.000Z' });
const reply = (id: string, at: string) =>
  aMessage({ id, parent_id: 'root', thread_root_id: 'root', created_at: at });

function thread(replies = [reply('r1', '2026-02-16T14:01:00.000Z')], hasMore = false): ThreadData {
  return {
    pages: [
      {
        root,
        replies,
        next_cursor: hasMore ? 'r1' : null,
        has_more: hasMore,
        following: true,
        unread_count: 0,
      },
    ],
    pageParams: [null],
  };
}

describe('thread cache', () => {
  it('puts the new counts on the root in a room history, and leaves other messages as they were', () => {
    const other = aMessage({ id: 'other' });
    const history: RoomMessages = {
      pages: [{ messages: [root, other], next_cursor: null, has_more: false }],
      pageParams: [null],
    };
    const next = rootCountsChanged(history, {
      root_id: 'root',
      reply_count: 3,
      last_reply_at: '2026-02-16T14:05:00.000Z',
    })!;
    expect(next.pages[0]!.messages[0]).toMatchObject({
      reply_count: 3,
      last_reply_at: '2026-02-16T14:05:00.000Z',
    });
    expect(next.pages[0]!.messages[1]).toBe(other);
    // a root not in this history changes nothing
    expect(rootCountsChanged(history, { root_id: 'x', reply_count: 1, last_reply_at: null })).toBe(history);
  });

  it('updates the open thread root', () => {
    const next = threadCountsChanged(thread(), { root_id: 'root', reply_count: 0, last_reply_at: null })!;
    expect(next.pages[0]!.root.reply_count).toBe(0);
    expect(next.pages[0]!.root.last_reply_at).toBeNull();
  });

  it('adds a reply once, in time order, to the newest page of its own thread only', () => {
    const late = reply('r2', '2026-02-16T14:02:00.000Z');
    const once = replyArrived(thread(), late)!;
    expect(once.pages[0]!.replies.map((r) => r.id)).toEqual(['r1', 'r2']);
    expect(replyArrived(once, late)!.pages[0]!.replies.map((r) => r.id)).toEqual(['r1', 'r2']);
    const early = reply('r0', '2026-02-16T14:00:30.000Z');
    expect(replyArrived(once, early)!.pages[0]!.replies.map((r) => r.id)).toEqual(['r0', 'r1', 'r2']);
    const elsewhere = aMessage({ id: 'x', thread_root_id: 'another-root' });
    expect(replyArrived(once, elsewhere)).toBe(once);
    // while newer pages are still to load, they will bring it
    const partial = thread(undefined, true);
    expect(replyArrived(partial, late)).toBe(partial);
  });

  it('edits and deletes in the thread', () => {
    const edited = threadMessageEdited(thread(), { id: 'r1', content: 'changed' })!;
    expect(edited.pages[0]!.replies[0]).toMatchObject({ content: 'changed', is_edited: true });
    const gone = threadMessageDeleted(edited, 'r1')!;
    expect(gone.pages[0]!.replies).toEqual([]);
    expect(threadMessageDeleted(gone, 'root')!.pages[0]!.root.content).toBe('');
  });

  it('quotes the last reply, or the root when there is none', () => {
    expect(lastReplyOrRoot(thread())!.id).toBe('r1');
    expect(lastReplyOrRoot(thread([]))!.id).toBe('root');
    expect(lastReplyOrRoot(undefined)).toBeNull();
  });

  it('names the thread of a reply by its root', () => {
    expect(threadIdOf(reply('r9', '2026-02-16T14:09:00.000Z'))).toBe('root');
    expect(threadIdOf(root)).toBe('root');
  });

  it('takes a read from another tab into the followed list and its badge', () => {
    const list: { pages: FollowedThreadPage[]; pageParams: (string | null)[] } = {
      pages: [
        {
          threads: [
            {
              room_id: 'r1',
              room_name: 'General',
              room_is_direct: false,
              root,
              unread_count: 2,
              last_reply_at: null,
            },
          ],
          next_cursor: null,
          has_more: false,
          total_unread_count: 5,
          unread_threads: 2,
        },
      ],
      pageParams: [null],
    };
    const next = followedThreadRead(list, {
      root_id: 'root',
      unread_count: 0,
      total_unread_count: 3,
      unread_threads: 1,
    })!;
    expect(next.pages[0]!.threads[0]!.unread_count).toBe(0);
    expect(next.pages[0]!.total_unread_count).toBe(3);
    expect(next.pages[0]!.unread_threads).toBe(1);
  });
});
