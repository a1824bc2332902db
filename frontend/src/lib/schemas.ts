import { z } from 'zod';

// Wire shapes shared by REST answers and socket frames (one definition, parsed at both edges).

export const userSummarySchema = z.object({
  id: z.string(),
  username: z.string(),
  display_name: z.string(),
  avatar_url: z.string().nullable(),
  is_online: z.boolean().optional(),
  last_seen_at: z.string().nullable().optional(),
});
export type UserSummary = z.infer<typeof userSummarySchema>;

export const senderSchema = z.object({
  id: z.string(),
  username: z.string(),
  display_name: z.string(),
  avatar_url: z.string().nullable(),
});

export const parentPreviewSchema = z.object({
  id: z.string(),
  sender_display_name: z.string(),
  content: z.string(),
  is_deleted: z.boolean(),
});

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
});
export type Message = z.infer<typeof messageSchema>;

export const messagePageSchema = z.object({
  messages: z.array(messageSchema),
  next_cursor: z.string().nullable(),
  has_more: z.boolean(),
});
export type MessagePage = z.infer<typeof messagePageSchema>;

export const roleSchema = z.enum(['owner', 'admin', 'member']);
export type Role = z.infer<typeof roleSchema>;

export const memberSchema = userSummarySchema.extend({
  role: roleSchema,
  joined_at: z.string().optional(),
});
export type Member = z.infer<typeof memberSchema>;

export const lastMessageSchema = z.object({
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
