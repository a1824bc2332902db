import type { RoomMessages } from '../api/get-messages';
import type { Reaction } from '../api/message-schemas';
import { updateMessage } from './message-cache';

// Pure updates of one message's reactions. The optimistic toggle, the REST answer and the socket
// events all set absolute values (events carry the new count), so our own event arriving after the
// optimistic copy never counts a reaction twice.

// Pickers differ on U+FE0F ("👍️" or "👍"); the server stores one form. Compare without it, so an
// optimistic chip and the server's are the same chip.
const bare = (emoji: string) => emoji.replace(/\uFE0F/g, '');
const same = (emoji: string) => (r: Reaction) => bare(r.emoji) === bare(emoji);

function withEntry(reactions: Reaction[], emoji: string, entry: Reaction | null): Reaction[] {
  const at = reactions.findIndex(same(emoji));
  if (entry === null || entry.count <= 0) return at < 0 ? reactions : reactions.filter((_, i) => i !== at);
  if (at < 0) return [...reactions, entry];
  return reactions.map((r, i) => (i === at ? entry : r));
}

/** What a click shows at once: our reaction on (count + 1) or off (count - 1). */
export function reactionToggled(reactions: Reaction[] | undefined, emoji: string, on: boolean): Reaction[] {
  const list = reactions ?? [];
  const current = list.find(same(emoji));
  if (!!current?.me === on) return list;
  const count = (current?.count ?? 0) + (on ? 1 : -1);
  return withEntry(list, emoji, { emoji: current?.emoji ?? emoji, count, me: on });
}

/** A `reaction_added` / `reaction_removed` event: the count is the server's, "me" is ours to work out. */
export interface ReactionEvent {
  message_id: string;
  emoji: string;
  user_id: string;
  count: number;
}

export function reactionCounted(
  reactions: Reaction[] | undefined,
  event: ReactionEvent,
  added: boolean,
  myId: string | undefined,
): Reaction[] {
  const list = reactions ?? [];
  const current = list.find(same(event.emoji));
  const me = event.user_id === myId ? added : (current?.me ?? false);
  return withEntry(list, event.emoji, { emoji: event.emoji, count: event.count, me });
}

/** The REST answer settles the emoji we toggled; the others are left to their events. */
export function reactionSettled(
  reactions: Reaction[] | undefined,
  emoji: string,
  answer: Reaction[],
): Reaction[] {
  return withEntry(reactions ?? [], emoji, answer.find(same(emoji)) ?? null);
}

export function updateReactions(
  data: RoomMessages | undefined,
  messageId: string,
  fn: (reactions: Reaction[] | undefined) => Reaction[],
): RoomMessages | undefined {
  return updateMessage(data, messageId, (m) => ({ ...m, reactions: fn(m.reactions) }));
}
