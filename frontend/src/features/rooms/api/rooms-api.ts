import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';
import { memberSchema, roomDetailSchema, roomListItemSchema, type Role } from './room-schemas';

export const roomKeys = {
  all: ['rooms'] as const,
  list: () => [...roomKeys.all, 'list'] as const,
  /** Every cached room detail, for updates that touch whichever rooms a user is in. */
  details: () => [...roomKeys.all, 'detail'] as const,
  detail: (roomId: string) => [...roomKeys.details(), roomId] as const,
};

export const roomsQuery = () =>
  queryOptions({
    queryKey: roomKeys.list(),
    queryFn: ({ signal }) => apiRequest('/rooms', { schema: z.array(roomListItemSchema), signal }),
  });

export const roomQuery = (roomId: string) =>
  queryOptions({
    queryKey: roomKeys.detail(roomId),
    queryFn: ({ signal }) => apiRequest(`/rooms/${roomId}`, { schema: roomDetailSchema, signal }),
  });

export const createRoom = (input: { name: string; description?: string; member_ids: string[] }) =>
  apiRequest('/rooms', { method: 'POST', body: { ...input, is_direct: false }, schema: roomDetailSchema });

/** Opens the DM with this user: the server returns the existing one if there is one. */
export const openDirectRoom = (userId: string) =>
  apiRequest('/rooms', {
    method: 'POST',
    body: { is_direct: true, member_ids: [userId] },
    schema: roomDetailSchema,
  });

export const updateRoom = (roomId: string, changes: { name: string; description: string | null }) =>
  apiRequest(`/rooms/${roomId}`, { method: 'PATCH', body: changes, schema: roomDetailSchema });

export const addMember = (roomId: string, userId: string) =>
  apiRequest(`/rooms/${roomId}/members`, { method: 'POST', body: { user_id: userId }, schema: z.unknown() });

export const removeMember = (roomId: string, userId: string) =>
  apiRequest(`/rooms/${roomId}/members/${userId}`, { method: 'DELETE' });

export const changeRole = (roomId: string, userId: string, role: Role) =>
  apiRequest(`/rooms/${roomId}/members/${userId}`, { method: 'PATCH', body: { role }, schema: memberSchema });

/** The caller's own settings for the room: mute silences sound and notifications, counts stay. */
export const changeMyRoomSettings = (roomId: string, settings: { muted: boolean }) =>
  apiRequest(`/rooms/${roomId}/members/me`, {
    method: 'PATCH',
    body: settings,
    schema: z.object({ room_id: z.string(), muted: z.boolean() }),
  });

export const markRoomRead = (roomId: string, messageId?: string) =>
  apiRequest(`/rooms/${roomId}/read`, {
    method: 'POST',
    body: messageId ? { message_id: messageId } : {},
    schema: z.object({ last_read_at: z.string().nullable().optional(), unread_count: z.number().optional() }),
  });
