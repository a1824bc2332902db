import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/app/app';
import { loadChatPage } from '@/app/chat-page-loader';
import { restoreSession } from '@/app/session';
import './index.css';

// On /chat the session refresh, the chat chunk and (once signed in) the room list load side by side.
void restoreSession();
if (location.pathname.startsWith('/chat')) void loadChatPage();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
