import { useSyncExternalStore } from 'react';

// One shared clock for every timestamp on screen, ticking every 30 s.
let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;
function subscribe(listener: () => void) {
  listeners.add(listener);
  timer ??= setInterval(() => {
    now = Date.now();
    listeners.forEach((l) => l());
  }, 30_000);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

// Re-read on each render pass so a fresh message is never shown as "in the future".
const currentTime = () => {
  if (Date.now() - now > 1000) now = Date.now();
  return now;
};

export function formatRelative(iso: string, nowMs: number): string {
  const seconds = Math.round((nowMs - Date.parse(iso)) / 1000);
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  return new Date(iso).toLocaleDateString('en-US', { month: 'short', day: 'numeric' });
}

export const fullTime = (iso: string) =>
  new Date(iso).toLocaleString('en-US', { dateStyle: 'full', timeStyle: 'short' });

/** "2 min ago", ticking; the full time on hover (title) and for assistive tech. */
export function RelativeTime({ iso, prefix = '' }: { iso: string; prefix?: string }) {
  const current = useSyncExternalStore(subscribe, currentTime);
  const full = fullTime(iso);
  return (
    <time dateTime={iso} title={full} aria-label={`${prefix}${full}`} className="text-xs text-slate-600">
      {prefix}
      {formatRelative(iso, current)}
    </time>
  );
}
