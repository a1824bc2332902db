import { create } from 'zustand';

interface AnnouncerState {
  message: string;
  announced: (message: string) => void;
}

/** What screen readers hear: new messages in the open room, typing. */
export const useAnnouncer = create<AnnouncerState>()((set) => ({
  message: '',
  announced: (message) => set({ message }),
}));

export function LiveRegion() {
  const message = useAnnouncer((s) => s.message);
  return (
    <div aria-live="polite" aria-atomic="true" className="sr-only" data-testid="live-region">
      {message}
    </div>
  );
}
