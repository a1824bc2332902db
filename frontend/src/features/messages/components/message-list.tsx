import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Spinner } from '@/components/spinner';
import { roomMessagesQuery, type ChatMessage, type RoomMessages } from '../api/get-messages';
import { flattenMessages } from '../model/message-cache';
import { buildTimeline } from '../model/timeline';
import { useScrollAnchor } from '../hooks/use-scroll-anchor';
import { useSendMessage } from '../hooks/use-send-message';
import { useToggleReaction } from '../hooks/use-toggle-reaction';
import { DeleteMessageDialog } from './delete-message-dialog';
import { HistoryTop } from './history-top';
import { TimelineList } from './timeline-list';

interface MessageListProps {
  roomId: string;
  myId: string;
  canModerate: boolean;
}

export function MessageList({ roomId, myId, canModerate }: MessageListProps) {
  const query = useInfiniteQuery(roomMessagesQuery(roomId));
  const { retry } = useSendMessage(roomId);
  const toggleReaction = useToggleReaction(roomId);
  const [deleting, setDeleting] = useState<ChatMessage | null>(null);
  const messages = useMemo(() => flattenMessages(query.data as RoomMessages | undefined), [query.data]);
  const timeline = useMemo(() => buildTimeline(messages), [messages]);
  const last = messages.at(-1);
  const { scrollRef, topRef, showJump, jumpToBottom, onScroll } = useScrollAnchor({
    pageCount: query.data?.pages.length ?? 0,
    lastKey: last ? `${last.id}` : '',
    lastIsMine: last?.sender.id === myId,
    loadOlder: () => {
      if (query.hasNextPage && !query.isFetchingNextPage) void query.fetchNextPage();
    },
  });

  if (query.isPending)
    return (
      <div className="flex flex-1 items-center justify-center">
        <Spinner label="Loading messages" />
      </div>
    );
  if (query.isError)
    return <p className="flex-1 p-4 text-sm text-red-700">Could not load messages. {query.error.message}</p>;
  return (
    <div className="relative flex min-h-0 flex-1 flex-col">
      <div
        ref={scrollRef}
        onScroll={onScroll}
        className="min-h-0 flex-1 overflow-y-auto pb-2"
        data-testid="message-scroller"
      >
        <HistoryTop
          ref={topRef}
          fetching={query.isFetchingNextPage}
          hasOlder={query.hasNextPage}
          onLoadOlder={() => void query.fetchNextPage()}
        />
        <TimelineList
          timeline={timeline}
          myId={myId}
          canModerate={canModerate}
          onRetry={retry}
          onDelete={setDeleting}
          onToggleReaction={toggleReaction}
        />
      </div>
      {showJump && (
        <button
          type="button"
          onClick={jumpToBottom}
          className="absolute bottom-3 left-1/2 -translate-x-1/2 rounded-full bg-brand-600 px-4 py-1.5 text-sm text-white shadow"
        >
          New messages ↓
        </button>
      )}
      {deleting && <DeleteMessageDialog message={deleting} onClose={() => setDeleting(null)} />}
    </div>
  );
}
