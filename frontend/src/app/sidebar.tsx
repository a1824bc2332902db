import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '@/components/button';
import { CreateRoomDialog } from '@/features/rooms/components/create-room-dialog';
import { RoomList } from '@/features/rooms/components/room-list';
import { openDirectRoom, roomKeys } from '@/features/rooms/api/rooms-api';
import { MessageSearch } from '@/features/search/components/message-search';
import { UserSearch } from '@/features/users/components/user-search';
import { ThreadsEntry } from './threads-entry';

export function Sidebar() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [dmError, setDmError] = useState<string | null>(null);

  const startDm = async (userId: string) => {
    setDmError(null);
    try {
      const room = await openDirectRoom(userId);
      await queryClient.invalidateQueries({ queryKey: roomKeys.list() });
      navigate(`/chat/${room.id}`);
    } catch (error) {
      setDmError(error instanceof Error ? error.message : 'Could not open the conversation');
    }
  };

  return (
    <nav
      aria-label="Rooms and people"
      className="flex w-72 shrink-0 flex-col gap-3 border-r border-slate-200 bg-slate-50 p-3"
    >
      <MessageSearch
        onOpen={(result) =>
          navigate(`/chat/${result.message.room_id}?around=${encodeURIComponent(result.message.id)}`)
        }
      />
      <UserSearch
        label="Message someone"
        placeholder="Search people"
        onPick={(user) => void startDm(user.id)}
      />
      {dmError && (
        <p role="alert" className="text-xs text-red-700">
          {dmError}
        </p>
      )}
      <ThreadsEntry />
      <h2 className="text-xs font-semibold tracking-wide text-slate-600 uppercase">Rooms</h2>
      <div className="min-h-0 flex-1 overflow-y-auto">
        <RoomList />
      </div>
      <Button onClick={() => setCreating(true)}>+ New room</Button>
      {creating && (
        <CreateRoomDialog
          onClose={() => setCreating(false)}
          onCreated={(roomId) => {
            setCreating(false);
            navigate(`/chat/${roomId}`);
          }}
          renderUserSearch={({ onPick, selectedIds }) => (
            <UserSearch label="Add members" onPick={onPick} selectedIds={selectedIds} />
          )}
        />
      )}
    </nav>
  );
}
