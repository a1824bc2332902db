import { IconButton } from '@/components/button';
import { fileIcon, formatBytes } from '@/lib/attachment';
import type { UploadItem } from '../model/upload-queue';

interface UploadChipsProps {
  items: UploadItem[];
  onCancel: (key: string) => void;
}

/** The composer's files: a progress bar and Cancel while uploading, Remove once done or failed. */
export function UploadChips({ items, onCancel }: UploadChipsProps) {
  if (items.length === 0) return null;
  return (
    <ul aria-label="Attachments" className="mb-2 flex flex-wrap gap-2" data-testid="upload-chips">
      {items.map((item) => (
        <UploadChip key={item.key} item={item} onCancel={() => onCancel(item.key)} />
      ))}
    </ul>
  );
}

const STATUS_TEXT: Record<UploadItem['status'], string> = {
  uploading: 'Uploading',
  processing: 'Checking',
  ready: 'Ready',
  failed: 'Failed',
};

function UploadChip({ item, onCancel }: { item: UploadItem; onCancel: () => void }) {
  const busy = item.status === 'uploading' || item.status === 'processing';
  const percent = Math.round(item.progress * 100);
  return (
    <li
      data-testid="upload-chip"
      data-status={item.status}
      aria-label={`${item.name}, ${formatBytes(item.size)}, ${STATUS_TEXT[item.status]}`}
      className={`flex w-60 items-start gap-2 rounded-md border p-2 text-xs ${item.status === 'failed' ? 'border-red-300 bg-red-50' : 'border-slate-300 bg-slate-50'}`}
    >
      {item.previewUrl ? (
        <img src={item.previewUrl} alt="" className="h-10 w-10 shrink-0 rounded object-cover" />
      ) : (
        <span aria-hidden="true" className="flex h-10 w-10 shrink-0 items-center justify-center text-2xl">
          {fileIcon(item.type)}
        </span>
      )}
      <div className="min-w-0 flex-1">
        <p className="truncate font-medium text-slate-800" title={item.name}>
          {item.name}
        </p>
        <p className="text-slate-600">{formatBytes(item.size)}</p>
        {item.status === 'uploading' && (
          <div
            role="progressbar"
            aria-label={`Uploading ${item.name}`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            className="mt-1 h-1.5 overflow-hidden rounded bg-slate-200"
          >
            <div className="h-full bg-brand-600 transition-[width]" style={{ width: `${percent}%` }} />
          </div>
        )}
        {item.status === 'processing' && <p className="text-slate-600">Checking…</p>}
        {item.status === 'failed' && <p className="text-red-700">{item.error}</p>}
      </div>
      <IconButton
        label={busy ? `Cancel upload of ${item.name}` : `Remove ${item.name}`}
        onClick={onCancel}
        className="h-6 min-w-6 shrink-0"
      >
        <span aria-hidden="true">✕</span>
      </IconButton>
    </li>
  );
}
