import type { ChatMessage, ChatPage, RoomMessages } from '../api/get-messages';
import type { Message } from '../api/message-schemas';

// Pure updates of one room's cached history. Socket events, REST answers and catch-up all go
// through these, so an echo, an ack and a catch-up page of the same message never double it.

const mapPages = (
  data: RoomMessages,
  fn: (messages: ChatMessage[], index: number) => ChatMessage[],
): RoomMessages => ({
  ...data,
  pages: data.pages.map((page, index) => {
    const messages = fn(page.messages, index);
    return messages === page.messages ? page : { ...page, messages };
  }),
});

export const emptyRoomMessages = (): RoomMessages => ({
  pages: [{ messages: [], next_cursor: null, has_more: false }],
  pageParams: [null],
});

function findIndex(data: RoomMessages, match: (m: ChatMessage) => boolean): [number, number] | null {
  for (let p = 0; p < data.pages.length; p++) {
    const i = data.pages[p]!.messages.findIndex(match);
    if (i >= 0) return [p, i];
  }
  return null;
}

/** Inserts a server message, replacing our pending copy (same client_id) or an older copy (same id). */
export function upsertMessage(data: RoomMessages | undefined, message: Message): RoomMessages {
  const base = data ?? emptyRoomMessages();
  const existing =
    findIndex(base, (m) => m.id === message.id) ??
    (message.client_id
      ? findIndex(base, (m) => m.delivery !== undefined && m.client_id === message.client_id)
      : null);
  if (existing) {
    const [p, i] = existing;
    return mapPages(base, (messages, index) =>
      index === p ? messages.map((m, j) => (j === i ? { ...message } : m)) : messages,
    );
  }
  // New: among the confirmed messages in time order (a catch-up can bring messages older than one
  // of ours sent meanwhile), and before our own pending ones (they are not in order yet).
  return mapPages(base, (messages, index) => {
    if (index !== 0) return messages;
    let at = messages.findIndex((m) => m.delivery !== undefined);
    if (at < 0) at = messages.length;
    while (at > 0 && messages[at - 1]!.created_at > message.created_at) at--;
    return [...messages.slice(0, at), message, ...messages.slice(at)];
  });
}

export function addPending(data: RoomMessages | undefined, pending: ChatMessage): RoomMessages {
  const base = data ?? emptyRoomMessages();
  return mapPages(base, (messages, index) => (index === 0 ? [...messages, pending] : messages));
}

export function markDelivery(
  data: RoomMessages | undefined,
  clientId: string,
  delivery: 'pending' | 'failed',
) {
  if (!data) return data;
  return mapPages(data, (messages) =>
    messages.some((m) => m.client_id === clientId && m.delivery)
      ? messages.map((m) => (m.client_id === clientId && m.delivery ? { ...m, delivery } : m))
      : messages,
  );
}

export function applyEdit(
  data: RoomMessages | undefined,
  edit: { id: string; content: string; is_edited?: boolean; updated_at?: string | null },
): RoomMessages | undefined {
  if (!data) return data;
  return mapPages(data, (messages) =>
    messages.some((m) => m.id === edit.id || m.parent_id === edit.id)
      ? messages.map((m) => {
          if (m.id === edit.id)
            return {
              ...m,
              content: edit.content,
              is_edited: edit.is_edited ?? true,
              updated_at: edit.updated_at,
            };
          if (m.parent_id === edit.id && m.parent)
            return { ...m, parent: { ...m.parent, content: edit.content.slice(0, 100) } };
          return m;
        })
      : messages,
  );
}

/** Deleted messages leave history; replies keep a "deleted" preview. */
export function removeMessage(data: RoomMessages | undefined, id: string): RoomMessages | undefined {
  if (!data) return data;
  return mapPages(data, (messages) =>
    messages.some((m) => m.id === id || m.parent_id === id)
      ? messages
          .filter((m) => m.id !== id)
          .map((m) =>
            m.parent_id === id && m.parent
              ? { ...m, parent: { ...m.parent, content: '', is_deleted: true } }
              : m,
          )
      : messages,
  );
}

/** The newest message the server confirmed: where a catch-up starts. */
export function newestConfirmedId(data: RoomMessages | undefined): string | null {
  const newest = data?.pages[0]?.messages.filter((m) => !m.delivery).at(-1);
  return newest?.id ?? null;
}

export function mergeNewer(data: RoomMessages | undefined, messages: Message[]): RoomMessages {
  return messages.reduce<RoomMessages>(
    (acc, message) => upsertMessage(acc, message),
    data ?? emptyRoomMessages(),
  );
}

/**
 * A history that had nothing to start a catch-up from takes the server's newest page instead: its
 * messages merged with what the socket brought meanwhile, and its cursor to the older pages.
 */
export function adoptNewestPage(data: RoomMessages | undefined, newest: ChatPage): RoomMessages | undefined {
  if (!data) return data;
  const merged = mergeNewer(data, newest.messages);
  const [first, ...older] = merged.pages;
  return {
    ...merged,
    pages: [{ ...first!, next_cursor: newest.next_cursor, has_more: newest.has_more }, ...older],
  };
}

/**
 * Without a socket, the newest page is polled: it brings new messages and edits, and any
 * confirmed message in its time range that it no longer lists was deleted.
 */
export function reconcileLatest(data: RoomMessages | undefined, latest: Message[]): RoomMessages {
  const merged = mergeNewer(data, latest);
  const oldest = latest[0];
  if (!oldest) return merged;
  const present = new Set(latest.map((m) => m.id));
  const gone = (m: ChatMessage) => !m.delivery && m.created_at >= oldest.created_at && !present.has(m.id);
  return mapPages(merged, (messages) => (messages.some(gone) ? messages.filter((m) => !gone(m)) : messages));
}

/** Oldest first, as the list shows it. */
export function flattenMessages(data: RoomMessages | undefined): ChatMessage[] {
  if (!data) return [];
  return data.pages
    .slice()
    .reverse()
    .flatMap((page: ChatPage) => page.messages);
}

/** A sender changed their display name or avatar: their messages show the new ones. */
export function renameSender(
  data: RoomMessages | undefined,
  user: { id: string; display_name: string; avatar_url: string | null },
): RoomMessages | undefined {
  if (!data) return data;
  return mapPages(data, (messages) =>
    messages.some((m) => m.sender.id === user.id)
      ? messages.map((m) =>
          m.sender.id === user.id
            ? { ...m, sender: { ...m.sender, display_name: user.display_name, avatar_url: user.avatar_url } }
            : m,
        )
      : messages,
  );
}

/** Changes one cached message, leaving every other page and message as it was. */
export function updateMessage(
  data: RoomMessages | undefined,
  id: string,
  fn: (message: ChatMessage) => ChatMessage,
): RoomMessages | undefined {
  if (!data || !findIndex(data, (m) => m.id === id)) return data;
  return mapPages(data, (messages) =>
    messages.some((m) => m.id === id) ? messages.map((m) => (m.id === id ? fn(m) : m)) : messages,
  );
}
