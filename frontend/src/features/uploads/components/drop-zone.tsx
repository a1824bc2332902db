import { useEffect, useRef, useState, type DragEvent, type ReactNode } from 'react';

const carriesFiles = (event: DragEvent) => event.dataTransfer.types.includes('Files');

/**
 * Files dragged over the room view can be dropped anywhere on it; while they are over it, an
 * overlay says so. Pointer-only by nature: the composer's attach button is the keyboard path, so
 * the overlay is hidden from screen readers.
 */
export function DropZone({
  label,
  onFiles,
  children,
}: {
  label: string;
  onFiles: (files: File[]) => void;
  children: ReactNode;
}) {
  const [over, setOver] = useState(false);
  // dragenter/dragleave fire for every child crossed: count them to know when the drag left.
  const depth = useRef(0);
  // A file dropped just beside the zone (the sidebar, the header) must not make the browser leave
  // the app to open it.
  useEffect(() => {
    const keep = (event: globalThis.DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    window.addEventListener('dragover', keep);
    window.addEventListener('drop', keep);
    return () => {
      window.removeEventListener('dragover', keep);
      window.removeEventListener('drop', keep);
    };
  }, []);
  return (
    <div
      className="relative flex min-h-0 flex-1 flex-col"
      data-testid="drop-zone"
      onDragEnter={(event) => {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        depth.current++;
        setOver(true);
      }}
      onDragOver={(event) => {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={(event) => {
        if (!carriesFiles(event)) return;
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setOver(false);
      }}
      onDrop={(event) => {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        depth.current = 0;
        setOver(false);
        const files = [...event.dataTransfer.files];
        if (files.length) onFiles(files);
      }}
    >
      {children}
      {over && (
        <div
          aria-hidden="true"
          data-testid="drop-overlay"
          className="pointer-events-none absolute inset-2 z-30 flex items-center justify-center rounded-lg border-4 border-dashed border-brand-600 bg-white/85 text-lg font-semibold text-brand-700"
        >
          {label}
        </div>
      )}
    </div>
  );
}
