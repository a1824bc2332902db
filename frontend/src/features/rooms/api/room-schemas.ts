import { z } from 'zod';
import { userSummarySchema } from '@/lib/user-summary';

// Rooms and their members as REST answers and socket frames carry them.

export const roleSchema = z.enum(['owner', 'admin', 'member']);
export type Role = z.infer<typeof roleSchema>;

export const memberSchema = userSummarySchema.extend({
  role: roleSchema,
  joined_at: z.string().optional(),
});
export type Member = z.infer<typeof memberSchema>;

const lastMessageSchema = z.object({
  id: z.string().optional(),
  content: z.string(),
  sender_id: z.string().optional(),
  sender_username: z.string(),
  created_at: z.string(),
});

export const roomListItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable().optional(),
  is_direct: z.boolean(),
  created_at: z.string().optional(),
  my_role: roleSchema.nullable().optional(),
  peer: userSummarySchema.nullable().optional(),
  last_message: lastMessageSchema.nullable().optional(),
  unread_count: z.number().default(0),
  member_count: z.number().optional(),
  /** Unread messages that mention the caller (by name or @room). */
  mention_count: z.number().default(0),
  /** The caller muted the room: no sound, no notification; counts stay. */
  muted: z.boolean().default(false),
});
export type RoomListItem = z.infer<typeof roomListItemSchema>;

export const roomDetailSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable().optional(),
  is_direct: z.boolean(),
  created_by: z.string().nullable().optional(),
  created_at: z.string().optional(),
  my_role: roleSchema.nullable().optional(),
  peer: userSummarySchema.nullable().optional(),
  member_count: z.number().optional(),
  members: z.array(memberSchema),
});
export type RoomDetail = z.infer<typeof roomDetailSchema>;
