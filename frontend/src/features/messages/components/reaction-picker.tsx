import { EmojiPicker } from 'frimousse';
import { useEffect, useRef, type KeyboardEvent } from 'react';

// Loaded only when someone opens "Add reaction" (a chunk of its own): the picker and its emoji data
// stay out of the initial bundle. The data is served by us (the build copies emojibase-data), not a CDN.
const EMOJIBASE_URL = '/emojibase';

interface ReactionPickerProps {
  onPick: (emoji: string) => void;
  onClose: () => void;
}

/** Type to search, arrows to move, Enter to pick, Escape to close. */
export default function ReactionPicker({ onPick, onClose }: ReactionPickerProps) {
  // The picker is a dialog opened on purpose: its search takes the focus.
  const search = useRef<HTMLInputElement>(null);
  useEffect(() => search.current?.focus(), []);
  const escape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    onClose();
  };
  return (
    <EmojiPicker.Root
      onEmojiSelect={({ emoji }) => onPick(emoji)}
      emojibaseUrl={EMOJIBASE_URL}
      columns={8}
      onKeyDown={escape}
      className="isolate flex h-80 w-72 flex-col rounded-md border border-slate-200 bg-white shadow-lg"
    >
      <EmojiPicker.Search
        ref={search}
        aria-label="Search emoji"
        placeholder="Search emoji"
        className="m-2 rounded-md border border-slate-300 px-2 py-1 text-sm"
      />
      <EmojiPicker.Viewport className="relative flex-1 outline-none">
        <EmojiPicker.Loading className="absolute inset-0 flex items-center justify-center text-sm text-slate-600">
          Loading emoji…
        </EmojiPicker.Loading>
        <EmojiPicker.Empty className="absolute inset-0 flex items-center justify-center text-sm text-slate-600">
          No emoji found.
        </EmojiPicker.Empty>
        <EmojiPicker.List
          className="pb-2 select-none"
          components={{
            CategoryHeader: ({ category, ...props }) => (
              <div className="bg-white px-2 pt-2 pb-1 text-xs font-semibold text-slate-600" {...props}>
                {category.label}
              </div>
            ),
            Row: ({ children, ...props }) => (
              <div className="px-1" {...props}>
                {children}
              </div>
            ),
            Emoji: ({ emoji, ...props }) => (
              <button
                className="flex size-8 items-center justify-center rounded-md text-lg data-[active]:bg-slate-200"
                aria-label={emoji.label}
                data-testid="picker-emoji"
                {...props}
              >
                {emoji.emoji}
              </button>
            ),
          }}
        />
      </EmojiPicker.Viewport>
    </EmojiPicker.Root>
  );
}
