import { create } from 'zustand';
import { persist } from 'zustand/middleware';

interface ChatUiState {
  activeRoomId: string | null;
  muted: boolean;
  unseenWhileHidden: number;
  roomOpened: (roomId: string) => void;
  roomClosed: () => void;
  muteToggled: () => void;
  messageArrivedWhileHidden: () => void;
  tabShown: () => void;
}

/** Client-only chat state: which room is open, the mute preference, the title badge count. */
export const useChatUiStore = create<ChatUiState>()(
  persist(
    (set) => ({
      activeRoomId: null,
      muted: false,
      unseenWhileHidden: 0,
      roomOpened: (roomId) => set({ activeRoomId: roomId }),
      roomClosed: () => set({ activeRoomId: null }),
      muteToggled: () => set((s) => ({ muted: !s.muted })),
      messageArrivedWhileHidden: () => set((s) => ({ unseenWhileHidden: s.unseenWhileHidden + 1 })),
      tabShown: () => set({ unseenWhileHidden: 0 }),
    }),
    { name: 'nexus-preferences', partialize: (s) => ({ muted: s.muted }) },
  ),
);
