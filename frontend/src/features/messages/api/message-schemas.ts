import { z } from 'zod';
import { attachmentSchema } from '@/lib/attachment';

// A message as REST answers and socket frames carry it (one definition, parsed at both edges).

const senderSchema = z.object({
  id: z.string(),
  username: z.string(),
  display_name: z.string(),
  avatar_url: z.string().nullable(),
});

const parentPreviewSchema = z.object({
  id: z.string(),
  sender_display_name: z.string(),
  content: z.string(),
  is_deleted: z.boolean(),
});

/** One emoji on a message: how many reacted with it, and whether the viewer did (REST only). */
export const reactionSchema = z.object({
  emoji: z.string(),
  count: z.number().int().nonnegative(),
  me: z.boolean().default(false),
});
export type Reaction = z.infer<typeof reactionSchema>;

export const messageSchema = z.object({
  id: z.string(),
  room_id: z.string(),
  sender: senderSchema,
  content: z.string(),
  message_type: z.string().default('text'),
  parent_id: z.string().nullable().default(null),
  parent: parentPreviewSchema.nullable().default(null),
  is_edited: z.boolean().default(false),
  created_at: z.string(),
  updated_at: z.string().nullable().optional(),
  client_id: z.string().nullable().optional(),
  // The members it mentions by name (never the sender), and whether it mentions @room.
  mentions: z.array(z.string()).default([]),
  mentions_room: z.boolean().default(false),
  // First reacted first. Optional: our own pending copies have none yet.
  reactions: z.array(reactionSchema).optional(),
  // Threads: a reply's root (null for a message that answers nothing); on a root, its replies
  // not deleted and when the newest was posted. Optional: pending copies and older servers.
  thread_root_id: z.string().nullable().optional(),
  reply_count: z.number().int().nonnegative().optional(),
  last_reply_at: z.string().nullable().optional(),
  // Files under the text, in the order they were attached (none: []).
  attachments: z.array(attachmentSchema).default([]),
});
export type Message = z.infer<typeof messageSchema>;

export const messagePageSchema = z.object({
  messages: z.array(messageSchema),
  next_cursor: z.string().nullable(),
  has_more: z.boolean(),
});
export type MessagePage = z.infer<typeof messagePageSchema>;
