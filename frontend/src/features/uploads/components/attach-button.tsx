import { useRef } from 'react';
import { IconButton } from '@/components/button';

/**
 * The keyboard (and screen reader) way to attach: a labelled button opening the system file picker
 * (a hidden `<input type=file multiple>`). Drag-and-drop and paste are shortcuts beside it.
 */
export function AttachButton({
  onFiles,
  disabled = false,
}: {
  onFiles: (files: File[]) => void;
  disabled?: boolean;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <IconButton
        label="Attach files"
        onClick={() => input.current?.click()}
        disabled={disabled}
        className="h-9 min-w-9 self-end disabled:opacity-50"
      >
        <span aria-hidden="true">📎</span>
      </IconButton>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        tabIndex={-1}
        aria-hidden="true"
        data-testid="attach-input"
        onChange={(event) => {
          const files = [...(event.currentTarget.files ?? [])];
          // Picking the same file again must fire change again.
          event.currentTarget.value = '';
          if (files.length) onFiles(files);
        }}
      />
    </>
  );
}
