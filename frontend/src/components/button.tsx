import type { ButtonHTMLAttributes, MouseEvent, Ref } from 'react';

type Variant = 'primary' | 'secondary' | 'danger' | 'ghost';

const styles: Record<Variant, string> = {
  primary: 'bg-brand-600 text-white hover:bg-brand-700 disabled:bg-slate-400 aria-disabled:bg-slate-400',
  secondary: 'border border-slate-300 bg-white text-slate-800 hover:bg-slate-100',
  danger: 'bg-red-700 text-white hover:bg-red-800',
  ghost: 'text-slate-700 hover:bg-slate-200',
};

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: Variant;
  ref?: Ref<HTMLButtonElement>;
  /**
   * A request started by this button is running: clicks (and so form submits) are ignored and the
   * button is announced as busy, but it stays focusable. `disabled` would drop keyboard focus to the
   * page: Escape no longer reaches the dialog or panel, and screen readers lose their place.
   */
  pending?: boolean;
};

export function Button({
  variant = 'primary',
  className = '',
  type = 'button',
  pending = false,
  onClick,
  ...props
}: ButtonProps) {
  const clicked = (event: MouseEvent<HTMLButtonElement>) => {
    if (pending) {
      // Cancels the click's default action too: a pending submit button does not submit its form.
      event.preventDefault();
      return;
    }
    onClick?.(event);
  };
  return (
    <button
      type={type}
      className={`inline-flex items-center justify-center gap-2 rounded-md px-3 py-2 text-sm font-medium disabled:cursor-not-allowed aria-disabled:cursor-not-allowed ${styles[variant]} ${className}`}
      aria-disabled={pending || undefined}
      aria-busy={pending || undefined}
      {...props}
      onClick={clicked}
    />
  );
}

/** Icon-only buttons must say what they do: the label is required. */
export function IconButton({
  label,
  className = '',
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { label: string; ref?: Ref<HTMLButtonElement> }) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      className={`inline-flex h-8 min-w-8 items-center justify-center rounded-md px-1 text-slate-700 hover:bg-slate-200 ${className}`}
      {...props}
    />
  );
}
