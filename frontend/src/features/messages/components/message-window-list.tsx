import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Spinner } from '@/components/spinner';
import { isApiError } from '@/lib/api-error';
import { roomMessagesQuery, type ChatMessage, type RoomMessages } from '../api/get-messages';
import { flattenWindow, messageWindowQuery } from '../api/get-message-window';
import { flattenMessages } from '../model/message-cache';
import { buildTimeline } from '../model/timeline';
import { useSendMessage } from '../hooks/use-send-message';
import { useToggleReaction } from '../hooks/use-toggle-reaction';
import { DeleteMessageDialog } from './delete-message-dialog';
import { HistoryTop } from './history-top';
import { TimelineList } from './timeline-list';

const HIGHLIGHT_MS = 3000;

interface MessageWindowListProps {
  roomId: string;
  messageId: string;
  myId: string;
  canModerate: boolean;
  /** Back to the live history (which kept every message that arrived meanwhile). */
  onJumpToLatest: () => void;
}

/**
 * History opened at one message: centred on it, highlighted a moment, older pages loaded at the
 * top and newer ones at the bottom. It is a window of its own, not the live cache: messages that
 * arrive meanwhile go to the live history, which "Jump to latest" returns to.
 */
export function MessageWindowList({
  roomId,
  messageId,
  myId,
  canModerate,
  onJumpToLatest,
}: MessageWindowListProps) {
  const query = useInfiniteQuery(messageWindowQuery(roomId, messageId));
  // The live history stays loaded and watched meanwhile: new messages, and our own sends, land
  // in it (never in a cache made from nothing), ready for "Jump to latest".
  const live = useInfiniteQuery(roomMessagesQuery(roomId));
  const newestLive = flattenMessages(live.data as RoomMessages | undefined).at(-1);
  const firstNewest = useRef<string | null | undefined>(undefined);
  const { retry } = useSendMessage(roomId);
  const toggleReaction = useToggleReaction(roomId);
  const [deleting, setDeleting] = useState<ChatMessage | null>(null);
  const [highlightId, setHighlightId] = useState<string | null>(messageId);
  const messages = useMemo(() => flattenWindow(query.data), [query.data]);
  const timeline = useMemo(() => buildTimeline(messages), [messages]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const topRef = useRef<HTMLDivElement>(null);
  const bottomRef = useRef<HTMLDivElement>(null);
  const distanceFromBottom = useRef<number | null>(null);
  const loaded = query.isSuccess;
  const oldestId = messages[0]?.id;

  // Our own send while reading the past: back to the present, where it shows.
  useEffect(() => {
    if (!live.isSuccess) return;
    if (firstNewest.current === undefined) firstNewest.current = newestLive?.id ?? null;
    else if (newestLive && newestLive.id !== firstNewest.current && newestLive.sender.id === myId)
      onJumpToLatest();
  }, [live.isSuccess, newestLive, myId, onJumpToLatest]);

  // Once loaded: the message in the middle of the view, highlighted for a moment.
  useLayoutEffect(() => {
    if (!loaded) return;
    document.getElementById(`message-${messageId}`)?.scrollIntoView({ block: 'center' });
    const timer = setTimeout(() => setHighlightId(null), HIGHLIGHT_MS);
    return () => clearTimeout(timer);
  }, [loaded, messageId]);

  // An older page went in above: keep what the reader sees where it was.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (el && distanceFromBottom.current !== null)
      el.scrollTop = el.scrollHeight - distanceFromBottom.current;
  }, [oldestId]);

  const loadOlder = useRef(() => {});
  const loadNewer = useRef(() => {});
  useLayoutEffect(() => {
    loadOlder.current = () => {
      if (query.hasNextPage && !query.isFetchingNextPage) void query.fetchNextPage();
    };
    loadNewer.current = () => {
      if (query.hasPreviousPage && !query.isFetchingPreviousPage) void query.fetchPreviousPage();
    };
  });
  useEffect(() => {
    const root = scrollRef.current;
    if (!loaded || !root || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          if (entry.target === topRef.current) loadOlder.current();
          else loadNewer.current();
        }
      },
      { root, rootMargin: '200px 0px' },
    );
    if (topRef.current) observer.observe(topRef.current);
    if (bottomRef.current) observer.observe(bottomRef.current);
    return () => observer.disconnect();
  }, [loaded, query.data?.pages.length]);

  if (query.isPending)
    return (
      <div className="flex flex-1 items-center justify-center">
        <Spinner label="Loading messages" />
      </div>
    );
  if (query.isError) {
    const gone = isApiError(query.error) && query.error.status === 400;
    return (
      <div className="flex flex-1 flex-col items-center justify-center gap-2 p-4 text-sm">
        <p role="alert" className="text-red-700">
          {gone
            ? 'That message is no longer in this room.'
            : `Could not load messages. ${query.error.message}`}
        </p>
        <button type="button" onClick={onJumpToLatest} className="underline">
          Show the latest messages
        </button>
      </div>
    );
  }
  return (
    <div className="relative flex min-h-0 flex-1 flex-col">
      <div
        ref={scrollRef}
        onScroll={(e) => {
          distanceFromBottom.current = e.currentTarget.scrollHeight - e.currentTarget.scrollTop;
        }}
        className="min-h-0 flex-1 overflow-y-auto pb-2"
        data-testid="message-scroller"
        data-window-at={messageId}
      >
        <HistoryTop
          ref={topRef}
          fetching={query.isFetchingNextPage}
          hasOlder={query.hasNextPage}
          onLoadOlder={() => loadOlder.current()}
        />
        <TimelineList
          timeline={timeline}
          myId={myId}
          canModerate={canModerate}
          onRetry={retry}
          onDelete={setDeleting}
          // Reactions land in the live history's cache: this window shows them once reopened.
          onToggleReaction={toggleReaction}
          highlightId={highlightId}
        />
        <div ref={bottomRef} className="flex justify-center py-2 text-xs text-slate-600">
          {query.isFetchingPreviousPage ? (
            <Spinner label="Loading newer messages" />
          ) : (
            query.hasPreviousPage && (
              <button type="button" onClick={() => loadNewer.current()} className="underline">
                Load newer messages
              </button>
            )
          )}
        </div>
      </div>
      <button
        type="button"
        onClick={onJumpToLatest}
        className="absolute bottom-3 left-1/2 -translate-x-1/2 rounded-full bg-brand-600 px-4 py-1.5 text-sm text-white shadow"
      >
        Jump to latest ↓
      </button>
      {deleting && <DeleteMessageDialog message={deleting} onClose={() => setDeleting(null)} />}
    </div>
  );
}
