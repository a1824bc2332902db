import { fileIcon, fileKind, formatBytes, type Attachment } from '@/lib/attachment';
import { useAttachmentDownload } from '../hooks/use-attachment-download';

/** A file that is not shown inline: its kind, name and size, and a download button. */
export function AttachmentFileCard({ attachment }: { attachment: Attachment }) {
  const { download, busy, error } = useAttachmentDownload();
  const kind = fileKind(attachment.content_type, attachment.filename);
  return (
    <li
      data-testid="attachment-file"
      className="flex w-72 max-w-full items-center gap-3 rounded-md border border-slate-300 bg-white p-2"
    >
      <span aria-hidden="true" className="text-3xl">
        {fileIcon(attachment.content_type)}
      </span>
      <div className="min-w-0 flex-1">
        <p className="truncate text-sm font-medium" title={attachment.filename}>
          {attachment.filename}
        </p>
        <p className="text-xs text-slate-600">
          {kind} · {formatBytes(attachment.size)}
        </p>
        {error && (
          <p role="alert" className="text-xs text-red-700">
            {error}
          </p>
        )}
      </div>
      <button
        type="button"
        onClick={() => void download(attachment)}
        aria-busy={busy || undefined}
        aria-label={`Download ${attachment.filename}`}
        className="rounded-md border border-slate-300 px-2 py-1 text-xs font-medium hover:bg-slate-100"
      >
        {busy ? 'Downloading…' : 'Download'}
      </button>
    </li>
  );
}
