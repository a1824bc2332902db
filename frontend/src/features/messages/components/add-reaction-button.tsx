import { lazy, Suspense, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { IconButton } from '@/components/button';
import { Spinner } from '@/components/spinner';

// A chunk of its own, fetched on the first open.
const ReactionPicker = lazy(() => import('./reaction-picker'));

const PICKER_HEIGHT = 320;

interface AddReactionButtonProps {
  onPick: (emoji: string) => void;
}

/**
 * Opens the emoji picker beside the message. Fixed, not absolute: the message list scrolls and would
 * clip it. Escape, a pick or a click elsewhere closes it, and focus returns to this button.
 */
export function AddReactionButton({ onPick }: AddReactionButtonProps) {
  const [open, setOpen] = useState(false);
  const [at, setAt] = useState<{ top: number; right: number } | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  const close = () => {
    setOpen(false);
    // After the key that closed it is done: an Enter that picked must not also click the button.
    setTimeout(() => button.current?.focus(), 0);
  };

  useLayoutEffect(() => {
    if (!open || !button.current) return;
    const rect = button.current.getBoundingClientRect();
    const below = rect.bottom + 4 + PICKER_HEIGHT <= window.innerHeight;
    setAt({
      top: below ? rect.bottom + 4 : Math.max(4, rect.top - 4 - PICKER_HEIGHT),
      right: Math.max(4, window.innerWidth - rect.right),
    });
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const outside = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!panel.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  return (
    <>
      <IconButton
        ref={button}
        label="Add reaction"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        <span aria-hidden="true">☺</span>
      </IconButton>
      {open && (
        <div
          ref={panel}
          role="dialog"
          aria-label="Choose a reaction"
          className="fixed z-30"
          style={at ? { top: at.top, right: at.right } : { visibility: 'hidden' }}
        >
          <Suspense
            fallback={
              <div className="flex h-80 w-72 items-center justify-center rounded-md border bg-white shadow-lg">
                <Spinner label="Loading emoji" />
              </div>
            }
          >
            <ReactionPicker
              onPick={(emoji) => {
                onPick(emoji);
                close();
              }}
              onClose={close}
            />
          </Suspense>
        </div>
      )}
    </>
  );
}
