import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Avatar } from '@/components/avatar';
import { RelativeTime } from '@/components/relative-time';
import { messageKeys } from '@/features/messages/api/get-messages';
import { MessageComposer } from '@/features/messages/components/message-composer';
import { MessageList } from '@/features/messages/components/message-list';
import { MessageWindowList } from '@/features/messages/components/message-window-list';
import { ThreadPanel } from '@/features/messages/components/thread-panel';
import { TypingIndicator } from '@/features/messages/components/typing-indicator';
import { useThreadPanelStore } from '@/features/messages/model/thread-panel-store';
import { MuteToggle } from '@/features/rooms/components/mute-toggle';
import { RoomInfoPanel } from '@/features/rooms/components/room-info-panel';
import { roomQuery } from '@/features/rooms/api/rooms-api';
import { UserSearch } from '@/features/users/components/user-search';
import { isApiError } from '@/lib/api-error';
import { useSessionStore } from '@/lib/session-store';
import { Button } from '@/components/button';
import { useChatUiStore } from './chat-ui-store';
import { useMarkRead } from './use-mark-read';
import { useComposerAttachments } from './use-composer-attachments';
import { DropZone } from '@/features/uploads/components/drop-zone';

export function RoomView({ roomId }: { roomId: string }) {
  const me = useSessionStore((s) => s.user)!;
  const room = useQuery(roomQuery(roomId));
  const [infoOpen, setInfoOpen] = useState(false);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // ?around=<message id>: opened at a message (a search result) instead of at the newest.
  const [searchParams] = useSearchParams();
  const aroundId = searchParams.get('around');
  useMarkRead(roomId);
  const openThread = useThreadPanelStore((s) => s.open);
  const threadClosed = useThreadPanelStore((s) => s.threadClosed);
  const { attachments, onFiles } = useComposerAttachments(roomId);

  useEffect(() => {
    useChatUiStore.getState().roomOpened(roomId);
    return () => {
      useChatUiStore.getState().roomClosed();
      // Another room: its thread panel does not follow.
      if (useThreadPanelStore.getState().open?.roomId === roomId)
        useThreadPanelStore.getState().threadClosed();
    };
  }, [roomId]);

  if (room.isError) {
    const gone = isApiError(room.error) && (room.error.status === 403 || room.error.status === 404);
    return (
      <div className="flex flex-1 flex-col items-center justify-center gap-2 p-6 text-center">
        <p>
          {gone ? 'This room does not exist or you are no longer a member.' : 'Could not load this room.'}
        </p>
        <Button variant="secondary" onClick={() => navigate('/chat')}>
          Back to rooms
        </Button>
      </div>
    );
  }
  const data = room.data;
  const myRole = data?.my_role ?? data?.members.find((m) => m.id === me.id)?.role;
  const peer = data?.is_direct ? (data.members.find((m) => m.id !== me.id) ?? data.peer) : null;
  return (
    <DropZone
      label={`Drop files to share them in ${data?.is_direct ? 'this conversation' : `# ${data?.name ?? 'this room'}`}`}
      onFiles={onFiles}
    >
      <div className="flex items-center gap-3 border-b border-slate-200 px-4 py-2">
        {peer && <Avatar name={peer.display_name} url={peer.avatar_url} online={peer.is_online ?? false} />}
        <div className="min-w-0 flex-1">
          <h1 className="truncate text-lg font-semibold">
            {data ? (data.is_direct ? `${peer?.display_name ?? data.name}` : `# ${data.name}`) : '…'}
          </h1>
          <p className="truncate text-xs text-slate-600">
            {peer ? (
              peer.is_online ? (
                'Online'
              ) : peer.last_seen_at ? (
                <RelativeTime iso={peer.last_seen_at} prefix="Last seen " />
              ) : (
                'Offline'
              )
            ) : (
              data && `${data.members.length} members${data.description ? ` · ${data.description}` : ''}`
            )}
          </p>
        </div>
        <MuteToggle roomId={roomId} />
        <Button variant="secondary" onClick={() => setInfoOpen(true)} aria-haspopup="dialog">
          Room info
        </Button>
      </div>
      {aroundId ? (
        <MessageWindowList
          key={aroundId}
          roomId={roomId}
          messageId={aroundId}
          myId={me.id}
          canModerate={myRole === 'owner' || myRole === 'admin'}
          onJumpToLatest={() => navigate(`/chat/${roomId}`)}
        />
      ) : (
        <MessageList roomId={roomId} myId={me.id} canModerate={myRole === 'owner' || myRole === 'admin'} />
      )}
      <TypingIndicator roomId={roomId} />
      <MessageComposer
        roomId={roomId}
        members={data?.members.filter((m) => m.id !== me.id)}
        attachments={attachments}
      />
      {openThread?.roomId === roomId && (
        <ThreadPanel
          key={openThread.rootId}
          roomId={roomId}
          rootId={openThread.rootId}
          myId={me.id}
          canModerate={myRole === 'owner' || myRole === 'admin'}
          onClose={threadClosed}
        />
      )}
      {infoOpen && (
        <RoomInfoPanel
          roomId={roomId}
          myId={me.id}
          onClose={() => setInfoOpen(false)}
          onLeft={() => {
            setInfoOpen(false);
            queryClient.removeQueries({ queryKey: messageKeys.room(roomId) });
            navigate('/chat');
          }}
          renderUserSearch={({ onPick, selectedIds }) => (
            <UserSearch label="Add member" onPick={onPick} selectedIds={selectedIds} />
          )}
        />
      )}
    </DropZone>
  );
}
