import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';

/** Where and how to send the bytes: our own API (local storage) or a presigned storage URL (S3). */
export const uploadSlotSchema = z.object({
  id: z.string(),
  upload: z.object({
    method: z.literal('PUT'),
    url: z.string().min(1),
    headers: z.record(z.string(), z.string()).default({}),
  }),
  max_bytes: z.number().int().positive(),
  expires_at: z.string(),
});
export type UploadSlot = z.infer<typeof uploadSlotSchema>;

export const createUpload = (
  roomId: string,
  file: { name: string; size: number; type: string },
  signal?: AbortSignal,
) =>
  apiRequest(`/rooms/${roomId}/uploads`, {
    method: 'POST',
    body: { filename: file.name, size: file.size, ...(file.type ? { content_type: file.type } : {}) },
    schema: uploadSlotSchema,
    signal,
  });
