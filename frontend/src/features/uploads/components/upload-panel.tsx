import { IconButton } from '@/components/button';
import type { UploadQueue, UploadQueueState } from '../model/upload-queue';
import { UploadChips } from './upload-chips';

/** Above the composer's box: why files were refused, then the files on their way or ready. */
export function UploadPanel({ state, queue }: { state: UploadQueueState; queue: UploadQueue }) {
  return (
    <>
      {state.notice && (
        <div
          role="alert"
          className="mb-2 flex items-start gap-2 rounded border border-red-300 bg-red-50 px-3 py-1.5 text-sm text-red-800"
          data-testid="upload-notice"
        >
          <p className="flex-1">{state.notice}</p>
          <IconButton label="Dismiss" onClick={() => queue.dismissNotice()} className="h-6 min-w-6">
            <span aria-hidden="true">✕</span>
          </IconButton>
        </div>
      )}
      <UploadChips items={state.items} onCancel={(key) => queue.cancel(key)} />
    </>
  );
}
