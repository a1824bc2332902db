import { create } from 'zustand';

const TYPING_TIMEOUT_MS = 3000;
const timers = new Map<string, ReturnType<typeof setTimeout>>();

interface TypingState {
  /** roomId → userId → display name */
  typists: Record<string, Record<string, string>>;
  userStartedTyping: (roomId: string, userId: string, name: string) => void;
  userStoppedTyping: (roomId: string, userId: string) => void;
}

/** Who is typing where. Each entry clears itself after 3 s without a new typing event. */
export const useTypingStore = create<TypingState>()((set, get) => ({
  typists: {},
  userStartedTyping: (roomId, userId, name) => {
    const key = `${roomId}:${userId}`;
    clearTimeout(timers.get(key));
    timers.set(
      key,
      setTimeout(() => get().userStoppedTyping(roomId, userId), TYPING_TIMEOUT_MS),
    );
    set((s) => ({ typists: { ...s.typists, [roomId]: { ...s.typists[roomId], [userId]: name } } }));
  },
  userStoppedTyping: (roomId, userId) => {
    const key = `${roomId}:${userId}`;
    clearTimeout(timers.get(key));
    timers.delete(key);
    set((s) => {
      if (!s.typists[roomId]?.[userId]) return s;
      const rest = { ...s.typists[roomId] };
      delete rest[userId];
      return { typists: { ...s.typists, [roomId]: rest } };
    });
  },
}));
