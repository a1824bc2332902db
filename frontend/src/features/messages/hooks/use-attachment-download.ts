import { useState } from 'react';
import { apiFetchBlob } from '@/lib/api-client';
import { isApiError } from '@/lib/api-error';
import type { Attachment } from '@/lib/attachment';
import { saveBlob } from '@/lib/save-blob';

/** Downloads an attachment (fetched with the token, then saved): busy meanwhile, the error after. */
export function useAttachmentDownload() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const download = async (attachment: Attachment) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      saveBlob(await apiFetchBlob(attachment.url), attachment.filename);
    } catch (e) {
      setError(isApiError(e) ? e.message : 'The download failed.');
    } finally {
      setBusy(false);
    }
  };
  return { download, busy, error };
}
