import { create } from 'zustand';
import type { ChatMessage } from '../api/get-messages';

interface ComposerState {
  replyTo: ChatMessage | null;
  editing: ChatMessage | null;
  replyStarted: (message: ChatMessage) => void;
  editStarted: (message: ChatMessage) => void;
  composerReset: () => void;
}

/** What the input box is doing besides a plain send: replying to or editing a message. */
export const useComposerStore = create<ComposerState>()((set) => ({
  replyTo: null,
  editing: null,
  replyStarted: (message) => set({ replyTo: message, editing: null }),
  editStarted: (message) => set({ editing: message, replyTo: null }),
  composerReset: () => set({ replyTo: null, editing: null }),
}));
