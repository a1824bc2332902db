import { useCallback, useMemo } from 'react';
import type { ComposerAttachments } from '@/features/messages/components/message-composer';
import { AttachButton } from '@/features/uploads/components/attach-button';
import { UploadPanel } from '@/features/uploads/components/upload-panel';
import { useUploadQueue } from '@/features/uploads/hooks/use-upload-queue';
import { readyAttachments, uploadsInFlight } from '@/features/uploads/model/upload-queue';

/**
 * Plugs the uploads feature into the messages composer (features do not import each other): the
 * room's upload queue, its attach button and chips, and what Send needs to know.
 */
export function useComposerAttachments(roomId: string) {
  const { queue, state } = useUploadQueue(roomId);
  const onFiles = useCallback((files: File[]) => queue.add(files), [queue]);
  const attachments = useMemo<ComposerAttachments>(
    () => ({
      ready: readyAttachments(state),
      inFlight: uploadsInFlight(state),
      onFiles,
      onSent: () => queue.sent(),
      button: <AttachButton onFiles={onFiles} />,
      panel: <UploadPanel state={state} queue={queue} />,
    }),
    [state, queue, onFiles],
  );
  return { attachments, onFiles };
}
