import { create } from 'zustand';

interface ThreadPanelState {
  /** The thread open in the side panel: its room and root. */
  open: { roomId: string; rootId: string } | null;
  threadOpened: (roomId: string, rootId: string) => void;
  threadClosed: () => void;
}

/** Which thread the side panel shows (client-only; the thread itself is in the query cache). */
export const useThreadPanelStore = create<ThreadPanelState>()((set) => ({
  open: null,
  threadOpened: (roomId, rootId) => set({ open: { roomId, rootId } }),
  threadClosed: () => set({ open: null }),
}));
