import type { RoomMessages } from '../api/get-messages';
import type { ThreadData } from '../api/get-thread';
import type { FollowedThreadPage } from '../api/get-followed-threads';
import type { Message } from '../api/message-schemas';
import { updateMessage } from './message-cache';
import type { InfiniteData } from '@tanstack/react-query';

// Pure updates for threads: the root's "N replies" line in a room's history, the open thread's
// cached pages, and the followed-threads list.

/** What `thread_updated` says of a root. */
export interface ThreadCounts {
  root_id: string;
  reply_count: number;
  last_reply_at: string | null;
}

/** The thread a message belongs to: its root's id (its own, for a root). */
export const threadIdOf = (message: Pick<Message, 'id' | 'thread_root_id'>) =>
  message.thread_root_id ?? message.id;

/** The root's line in a room's history shows the new counts. */
export function rootCountsChanged(data: RoomMessages | undefined, counts: ThreadCounts) {
  return updateMessage(data, counts.root_id, (m) => ({
    ...m,
    reply_count: counts.reply_count,
    last_reply_at: counts.last_reply_at,
  }));
}

const mapThreadPages = (
  data: ThreadData,
  fn: (page: ThreadData['pages'][number], index: number) => ThreadData['pages'][number],
) => {
  const pages = data.pages.map(fn);
  return pages.every((page, i) => page === data.pages[i]) ? data : { ...data, pages };
};

/** The open thread's root shows the new counts. */
export function threadCountsChanged(data: ThreadData | undefined, counts: ThreadCounts) {
  if (!data) return data;
  return mapThreadPages(data, (page) =>
    page.root.id === counts.root_id
      ? {
          ...page,
          root: { ...page.root, reply_count: counts.reply_count, last_reply_at: counts.last_reply_at },
        }
      : page,
  );
}

/**
 * A reply of this thread arrived (socket or send answer): added once, after the replies already
 * there, on the newest page, unless more pages are still to load (they will bring it).
 */
export function replyArrived(data: ThreadData | undefined, reply: Message): ThreadData | undefined {
  if (!data || data.pages.length === 0) return data;
  if (data.pages[0]!.root.id !== reply.thread_root_id) return data;
  const known = data.pages.some((page) => page.replies.some((r) => r.id === reply.id));
  if (known)
    return mapThreadPages(data, (page) =>
      page.replies.some((r) => r.id === reply.id)
        ? { ...page, replies: page.replies.map((r) => (r.id === reply.id ? reply : r)) }
        : page,
    );
  const last = data.pages.length - 1;
  if (data.pages[last]!.has_more) return data;
  return mapThreadPages(data, (page, index) => {
    if (index !== last) return page;
    let at = page.replies.length;
    while (at > 0 && page.replies[at - 1]!.created_at > reply.created_at) at--;
    return { ...page, replies: [...page.replies.slice(0, at), reply, ...page.replies.slice(at)] };
  });
}

/** A message of the thread was edited: the root or a reply shows the new text. */
export function threadMessageEdited(
  data: ThreadData | undefined,
  edit: { id: string; content: string; is_edited?: boolean; updated_at?: string | null },
): ThreadData | undefined {
  if (!data) return data;
  const apply = (m: Message): Message =>
    m.id === edit.id
      ? { ...m, content: edit.content, is_edited: edit.is_edited ?? true, updated_at: edit.updated_at }
      : m;
  return mapThreadPages(data, (page) =>
    page.root.id === edit.id || page.replies.some((r) => r.id === edit.id)
      ? { ...page, root: apply(page.root), replies: page.replies.map(apply) }
      : page,
  );
}

/** A reply was deleted: it leaves the thread (a deleted root stays, emptied, while replies remain). */
export function threadMessageDeleted(data: ThreadData | undefined, id: string): ThreadData | undefined {
  if (!data) return data;
  return mapThreadPages(data, (page) => {
    if (page.root.id === id) return { ...page, root: { ...page.root, content: '' } };
    return page.replies.some((r) => r.id === id)
      ? { ...page, replies: page.replies.filter((r) => r.id !== id) }
      : page;
  });
}

/** The newest reply shown (where the thread composer's reply quotes), or the root. */
export function lastReplyOrRoot(data: ThreadData | undefined): Message | null {
  if (!data || data.pages.length === 0) return null;
  for (let p = data.pages.length - 1; p >= 0; p--) {
    const reply = data.pages[p]!.replies.at(-1);
    if (reply) return reply;
  }
  return data.pages[0]!.root;
}

/** The followed-threads list after a read elsewhere: that thread's count and the totals. */
export function followedThreadRead(
  data: InfiniteData<FollowedThreadPage, string | null> | undefined,
  state: { root_id: string; unread_count: number; total_unread_count: number; unread_threads: number },
) {
  if (!data) return data;
  return {
    ...data,
    pages: data.pages.map((page) => ({
      ...page,
      total_unread_count: state.total_unread_count,
      unread_threads: state.unread_threads,
      threads: page.threads.map((t) =>
        t.root.id === state.root_id ? { ...t, unread_count: state.unread_count } : t,
      ),
    })),
  };
}
