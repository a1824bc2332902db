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
import { MessageItem } from './message-item';

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
        <div ref={topRef} className="flex justify-center py-2 text-xs text-slate-600">
          {query.isFetchingNextPage ? (
            <Spinner label="Loading older messages" />
          ) : query.hasNextPage ? (
            <button type="button" onClick={() => void query.fetchNextPage()} className="underline">
              Load older messages
            </button>
          ) : (
            <span data-testid="conversation-start">Beginning of conversation</span>
          )}
        </div>
        <ol aria-label="Messages" className="flex flex-col">
          {timeline.map((item) =>
            item.kind === 'divider' ? (
              <li
                key={item.key}

                className="my-3 flex items-center gap-3 px-4 text-xs font-semibold text-slate-600"
              >
                <span className="h-px flex-1 bg-slate-300" aria-hidden="true" />
                {item.label}
                <span className="h-px flex-1 bg-slate-300" aria-hidden="true" />
              </li>
            ) : (
              <MessageItem
                key={item.key}
                message={item.message}
                startsGroup={item.startsGroup}
                mine={item.message.sender.id === myId}
                canModerate={canModerate}
                onRetry={retry}
                onDelete={setDeleting}
                onToggleReaction={toggleReaction}
              />
            ),
          )}
        </ol>
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
