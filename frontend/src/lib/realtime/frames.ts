import { z } from 'zod';
import { messageSchema } from '@/features/messages/api/message-schemas';
import { memberSchema } from '@/features/rooms/api/room-schemas';
import { userSummarySchema } from '@/lib/user-summary';

/**
 * Every frame on /ws, both ways: `{event, data, ref?}` (contract section 6). Server frames after
 * `ready` also carry `seq`, the socket's own frame counter, so a dropped frame shows as a hole.
 */
const envelopeSchema = z.object({
  event: z.string(),
  data: z.unknown().optional(),
  ref: z.string().optional(),
  seq: z.number().int().optional(),
});

/**
 * The socket's first frame: it is in all its rooms, and everything committed after these positions
 * will come live on it; anything up to them is history, fetched over REST.
 */
const readySchema = z.object({
  connection_id: z.string(),
  rooms: z.array(
    z.object({ room_id: z.string(), last_message_id: z.string().nullable(), last_seq: z.number() }),
  ),
});
export type Ready = z.infer<typeof readySchema>;

const roomRef = z.object({ room_id: z.string() });

const reactionChange = roomRef.extend({
  message_id: z.string(),
  emoji: z.string(),
  user_id: z.string(),
  count: z.number().int().nonnegative(),
});

const serverEventSchema = z.discriminatedUnion('event', [
  z.object({ event: z.literal('ack'), ref: z.string(), data: z.unknown() }),
  z.object({
    event: z.literal('error'),
    ref: z.string().optional(),
    data: z.object({ code: z.string(), message: z.string().default('') }),
  }),
  z.object({ event: z.literal('new_message'), data: messageSchema }),
  z.object({
    event: z.literal('message_edited'),
    data: z.object({
      id: z.string(),
      room_id: z.string(),
      content: z.string(),
      is_edited: z.boolean().default(true),
      updated_at: z.string().optional(),
    }),
  }),
  z.object({ event: z.literal('message_deleted'), data: z.object({ id: z.string(), room_id: z.string() }) }),
  z.object({
    event: z.literal('user_typing'),
    data: roomRef.extend({ user_id: z.string(), username: z.string(), display_name: z.string().optional() }),
  }),
  z.object({ event: z.literal('user_stop_typing'), data: roomRef.extend({ user_id: z.string() }) }),
  z.object({
    event: z.literal('user_online'),
    data: z.object({ user_id: z.string(), username: z.string().optional() }),
  }),
  z.object({
    event: z.literal('user_offline'),
    data: z.object({
      user_id: z.string(),
      username: z.string().optional(),
      last_seen_at: z.string().nullable().optional(),
    }),
  }),
  // Both name the room only (the server sends {room_id}, plus the new name and description on an
  // update); the client refetches the room and the list.
  z.object({ event: z.literal('room_created'), data: roomRef }),
  z.object({
    event: z.literal('room_updated'),
    data: roomRef.extend({ name: z.string().optional(), description: z.string().nullable().optional() }),
  }),
  z.object({ event: z.literal('member_joined'), data: roomRef.extend({ user: userSummarySchema }) }),
  z.object({ event: z.literal('member_left'), data: roomRef.extend({ user_id: z.string() }) }),
  z.object({
    event: z.literal('member_updated'),
    data: roomRef.extend({
      user_id: z.string().optional(),
      role: z.string().optional(),
      member: memberSchema.optional(),
    }),
  }),
  // Not in the contract: someone sharing a room changed their display name or avatar.
  z.object({ event: z.literal('user_updated'), data: z.object({ user: userSummarySchema }) }),
  z.object({
    event: z.literal('read_updated'),
    data: roomRef.extend({
      last_read_at: z.string(),
      unread_count: z.number().optional(),
      mention_count: z.number().optional(),
    }),
  }),
  // Not in the contract: the user's own settings for a room (mute), from another of their tabs.
  z.object({ event: z.literal('room_settings_updated'), data: roomRef.extend({ muted: z.boolean() }) }),
  z.object({ event: z.literal('pong'), data: z.unknown().optional() }),
  // Not in the PRD: reactions. `count` is the new total; the client works out "me" from user_id.
  z.object({ event: z.literal('reaction_added'), data: reactionChange }),
  z.object({ event: z.literal('reaction_removed'), data: reactionChange }),
  // Not in the PRD: threads. A root's counts changed; the reply itself comes as new_message.
  z.object({
    event: z.literal('thread_updated'),
    data: roomRef.extend({
      root_id: z.string(),
      reply_count: z.number().int().nonnegative(),
      last_reply_at: z.string().nullable(),
      last_reply_id: z.string().nullable().optional(),
    }),
  }),
  // The user's own follow state or read position in a thread, from another of their tabs.
  z.object({
    event: z.literal('thread_read'),
    data: roomRef.extend({
      root_id: z.string(),
      following: z.boolean(),
      unread_count: z.number().int().nonnegative(),
      total_unread_count: z.number().int().nonnegative(),
      unread_threads: z.number().int().nonnegative(),
    }),
  }),
]);

export type ServerEvent = z.infer<typeof serverEventSchema>;
export type ServerEventName = ServerEvent['event'];
export type EventData<E extends ServerEventName> = Extract<ServerEvent, { event: E }>['data'];

/** `seq` is kept even for a frame the client cannot use: it still counts towards the sequence. */
export type ParsedFrame =
  | { kind: 'ready'; ready: Ready }
  | { kind: 'event'; frame: ServerEvent; seq?: number }
  | { kind: 'unknown'; event: string; seq?: number }
  | { kind: 'invalid'; reason: string; seq?: number };

/** Parses one text frame. Never throws: a bad frame is reported, not fatal to the connection. */
export function parseServerFrame(text: string): ParsedFrame {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { kind: 'invalid', reason: 'not JSON' };
  }
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) return { kind: 'invalid', reason: 'not an {event, data} frame' };
  const { seq, event } = envelope.data;
  if (event === 'ready') {
    const ready = readySchema.safeParse(envelope.data.data);
    return ready.success
      ? { kind: 'ready', ready: ready.data }
      : { kind: 'invalid', reason: 'bad ready data' };
  }
  const known = serverEventSchema.safeParse({ data: {}, ...envelope.data });
  if (known.success) return { kind: 'event', frame: known.data, seq };
  const isKnownName = serverEventSchema.options.some((option) => option.shape.event.value === event);
  return isKnownName
    ? { kind: 'invalid', reason: `bad ${event} data`, seq }
    : { kind: 'unknown', event, seq };
}

export type ClientEventName = 'send_message' | 'typing_start' | 'typing_stop' | 'mark_read' | 'ping';

export function encodeClientFrame(event: ClientEventName, data: object, ref?: string): string {
  return JSON.stringify(ref ? { event, data, ref } : { event, data });
}
