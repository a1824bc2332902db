import { apiRequest } from '@/lib/api-client';
import { attachmentSchema } from '@/lib/attachment';

/** The bytes are stored: the server checks them (size, detected type) and makes the thumbnail. */
export const completeUpload = (uploadId: string, signal?: AbortSignal) =>
  apiRequest(`/uploads/${uploadId}/complete`, { method: 'POST', schema: attachmentSchema, signal });
