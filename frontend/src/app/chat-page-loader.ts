// The chat screen's chunk, fetched once: main.tsx starts it beside the session refresh on /chat.
let chatPage: Promise<typeof import('./chat-page')> | null = null;

export const loadChatPage = () => (chatPage ??= import('./chat-page'));
