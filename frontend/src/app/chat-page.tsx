import { useParams } from 'react-router';
import { AppHeader } from './app-header';
import { ConnectionBanner } from './connection-banner';
import { useNotificationClicks } from './desktop-notifications';
import { RoomView } from './room-view';
import { Sidebar } from './sidebar';
import { useLiveUpdates } from './use-live-updates';
import { useTitleBadge } from './use-title-badge';

export function ChatPage() {
  const { roomId } = useParams();
  useLiveUpdates();
  useTitleBadge();
  useNotificationClicks();
  return (
    <div className="flex h-screen flex-col">
      <AppHeader />
      <ConnectionBanner />
      <div className="flex min-h-0 flex-1">
        <Sidebar />
        <main className="relative flex min-w-0 flex-1 flex-col bg-white" aria-label="Conversation">
          {roomId ? (
            <RoomView key={roomId} roomId={roomId} />
          ) : (
            <div className="flex flex-1 flex-col items-center justify-center gap-2 p-6 text-center text-slate-600">
              <h1 className="text-xl font-semibold text-slate-800">Welcome to NexusChat</h1>
              <p>Pick a room on the left, start a conversation from the search, or create a new room.</p>
            </div>
          )}
        </main>
      </div>
    </div>
  );
}
