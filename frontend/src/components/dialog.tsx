import { useEffect, useId, useLayoutEffect, useRef, type ReactNode } from 'react';
import { IconButton } from './button';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), textarea:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex="-1"])';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** 'panel' slides in from the right (room info); 'modal' is centred; 'viewer' fills the screen (images). */
  variant?: 'modal' | 'panel' | 'viewer';
  role?: 'dialog' | 'alertdialog';
}

/**
 * A modal dialog: focus moves in, Tab cycles inside, Escape closes, and focus returns to what
 * opened it.
 */
export function Dialog({ title, onClose, children, variant = 'modal', role = 'dialog' }: DialogProps) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const closeRef = useRef(onClose);
  useLayoutEffect(() => {
    closeRef.current = onClose;
  });

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const node = ref.current!;
    const first =
      node.querySelector<HTMLElement>('[data-autofocus]') ?? node.querySelector<HTMLElement>(FOCUSABLE);
    (first ?? node).focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        closeRef.current();
      } else if (event.key === 'Tab') {
        const items = [...node.querySelectorAll<HTMLElement>(FOCUSABLE)];
        if (items.length === 0) return;
        const [head, tail] = [items[0]!, items.at(-1)!];
        if (event.shiftKey && document.activeElement === head) {
          event.preventDefault();
          tail.focus();
        } else if (!event.shiftKey && document.activeElement === tail) {
          event.preventDefault();
          head.focus();
        }
      }
    };
    node.addEventListener('keydown', onKey);
    return () => {
      node.removeEventListener('keydown', onKey);
      opener?.focus?.();
    };
  }, []);

  const frame = {
    panel: 'fixed inset-y-0 right-0 w-full max-w-sm overflow-y-auto bg-white shadow-xl',
    modal: 'relative mx-auto mt-[10vh] w-full max-w-md rounded-lg bg-white shadow-xl',
    viewer: 'fixed inset-2 flex flex-col rounded-lg bg-white shadow-xl sm:inset-6',
  }[variant];
  return (
    <div className="fixed inset-0 z-40 bg-slate-900/50">
      <div
        ref={ref}
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        className={`${frame} p-5`}
      >
        <div className="mb-4 flex items-start justify-between gap-4">
          <h2 id={titleId} className="text-lg font-semibold">
            {title}
          </h2>
          <IconButton label="Close" onClick={onClose}>
            <span aria-hidden="true">✕</span>
          </IconButton>
        </div>
        {children}
      </div>
    </div>
  );
}
