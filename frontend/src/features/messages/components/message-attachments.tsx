import { lazy, Suspense, useState } from 'react';
import { isImageAttachment, type Attachment } from '@/lib/attachment';
import { thumbnailBox } from '../model/thumbnail-box';
import { AttachmentFileCard } from './attachment-file-card';
import { AttachmentImage } from './attachment-image';

// A chunk of its own, fetched on the first open.
const AttachmentLightbox = lazy(() => import('./attachment-lightbox'));

/**
 * A message's files under its text: images as thumbnails in boxes sized before they load (the list
 * does not jump), opening the lightbox on click or Enter; other files as cards with a download.
 */
export function MessageAttachments({ attachments }: { attachments: Attachment[] }) {
  const [open, setOpen] = useState<number | null>(null);
  const images = attachments.filter(isImageAttachment);
  const files = attachments.filter((a) => !isImageAttachment(a));
  return (
    <div className="mt-1 flex flex-col gap-2" data-testid="message-attachments">
      {images.length > 0 && (
        <ul aria-label="Images" className="flex flex-wrap gap-2">
          {images.map((image, index) => {
            const box = thumbnailBox(image.width, image.height);
            return (
              <li key={image.id} className="max-w-full">
                <button
                  type="button"
                  onClick={() => setOpen(index)}
                  aria-label={`Open ${image.filename}`}
                  aria-haspopup="dialog"
                  data-testid="attachment-image"
                  className="block max-w-full overflow-hidden rounded-md border border-slate-200 bg-slate-100"
                  style={{ width: box.width, aspectRatio: `${box.width} / ${box.height}` }}
                >
                  <AttachmentImage
                    url={image.thumbnail_url}
                    alt={image.filename}
                    className="h-full w-full object-cover"
                  />
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {files.length > 0 && (
        <ul aria-label="Files" className="flex flex-wrap gap-2">
          {files.map((file) => (
            <AttachmentFileCard key={file.id} attachment={file} />
          ))}
        </ul>
      )}
      {open !== null && (
        <Suspense fallback={null}>
          <AttachmentLightbox images={images} startAt={open} onClose={() => setOpen(null)} />
        </Suspense>
      )}
    </div>
  );
}
