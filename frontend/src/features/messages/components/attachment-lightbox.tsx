import { useEffect, useState } from 'react';
import { Button } from '@/components/button';
import { Dialog } from '@/components/dialog';
import { formatBytes, type ImageAttachment } from '@/lib/attachment';
import { useAttachmentDownload } from '../hooks/use-attachment-download';
import { AttachmentImage } from './attachment-image';

interface AttachmentLightboxProps {
  images: ImageAttachment[];
  startAt: number;
  onClose: () => void;
}

/**
 * One message's images, full size, in the shared modal dialog (focus trapped, Escape closes, focus
 * back on the thumbnail that opened it); the left and right arrow keys move between them.
 * Loaded as a chunk of its own when first opened.
 */
export default function AttachmentLightbox({ images, startAt, onClose }: AttachmentLightboxProps) {
  const [index, setIndex] = useState(startAt);
  const { download, busy, error } = useAttachmentDownload();
  const count = images.length;
  const image = images[Math.min(index, count - 1)]!;

  useEffect(() => {
    if (count < 2) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
      if (!step) return;
      event.preventDefault();
      setIndex((i) => (i + step + count) % count);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [count]);

  const move = (step: number) => setIndex((i) => (i + step + count) % count);
  return (
    <Dialog title={image.filename} onClose={onClose} variant="viewer">
      <div className="flex min-h-0 flex-1 flex-col" data-testid="lightbox">
        <div className="flex min-h-0 flex-1 items-center justify-center overflow-hidden rounded bg-slate-900">
          <AttachmentImage
            key={image.url}
            url={image.url}
            alt={image.filename}
            className="max-h-full max-w-full object-contain"
          />
        </div>
        <div className="mt-3 flex flex-wrap items-center gap-2">
          {count > 1 && (
            <Button variant="secondary" onClick={() => move(-1)} aria-label="Previous image">
              <span aria-hidden="true">←</span> Previous
            </Button>
          )}
          <p className="flex-1 text-center text-sm text-slate-700" aria-live="polite" aria-atomic="true">
            {count > 1 && `Image ${index + 1} of ${count}: `}
            {image.filename}, {image.width} × {image.height}, {formatBytes(image.size)}
          </p>
          {count > 1 && (
            <Button variant="secondary" onClick={() => move(1)} aria-label="Next image">
              Next <span aria-hidden="true">→</span>
            </Button>
          )}
          <Button
            onClick={() => void download(image)}
            pending={busy}
            aria-label={`Download ${image.filename}`}
          >
            Download
          </Button>
        </div>
        {error && (
          <p role="alert" className="mt-1 text-sm text-red-700">
            {error}
          </p>
        )}
      </div>
    </Dialog>
  );
}
