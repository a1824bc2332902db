import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type UIEvent } from 'react';
import { Button, IconButton } from '@/components/button';
import { Spinner } from '@/components/spinner';
import { followedThreadsKey } from '../api/get-followed-threads';
import { threadQuery, type ThreadData } from '../api/get-thread';
import { markThreadRead } from '../api/thread-mutations';
import type { ChatMessage } from '../api/get-messages';
import { followedThreadRead, lastReplyOrRoot } from '../model/thread-cache';
import { useToggleReaction } from '../hooks/use-toggle-reaction';
import { DeleteMessageDialog } from './delete-message-dialog';
import { MessageItem } from './message-item';
import { ThreadComposer } from './thread-composer';

interface ThreadPanelProps {
  roomId: string;
  rootId: string;
  myId: string;
  canModerate: boolean;
  onClose: () => void;
}

const NEAR_BOTTOM_PX = 120;

/**
 * A thread beside the room: its root, its replies oldest first (more load as the list scrolls to
 * its end), and a box to reply. Focus moves into the panel when it opens and back to where it was
 * when it closes; Escape closes it. While it is open, what it shows counts as read.
 */
export function ThreadPanel({ roomId, rootId, myId, canModerate, onClose }: ThreadPanelProps) {
  const [deleting, setDeleting] = useState<ChatMessage | null>(null);
  const onDelete = setDeleting;
  const queryClient = useQueryClient();
  const query = useInfiniteQuery(threadQuery(roomId, rootId));
  const toggleReaction = useToggleReaction(roomId);
  const heading = useRef<HTMLHeadingElement>(null);
  const data = query.data as ThreadData | undefined;
  const root = data?.pages[0]?.root;
  const replies = useMemo(() => data?.pages.flatMap((page) => page.replies) ?? [], [data]);
  const newestId = replies.at(-1)?.id ?? null;

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    heading.current?.focus();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, [rootId]);

  // Opening the thread, and every reply that comes while it is open, marks it read.
  const loaded = query.isSuccess;
  useEffect(() => {
    if (!loaded || document.visibilityState === 'hidden') return;
    let live = true;
    markThreadRead(roomId, rootId)
      .then((state) => {
        if (live)
          queryClient.setQueryData(followedThreadsKey, (d: Parameters<typeof followedThreadRead>[0]) =>
            followedThreadRead(d, state),
          );
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [loaded, newestId, roomId, rootId, queryClient]);

  // Escape anywhere in the panel closes it (a dialog of its own, open on top, handles its own).
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    const element = panel.current;
    if (!element || deleting) return;
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      onClose();
    };
    element.addEventListener('keydown', onKeyDown);
    return () => element.removeEventListener('keydown', onKeyDown);
  }, [deleting, onClose]);
  const onScroll = (event: UIEvent<HTMLDivElement>) => {
    const el = event.currentTarget;
    if (
      el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_BOTTOM_PX &&
      query.hasNextPage &&
      !query.isFetchingNextPage
    )
      void query.fetchNextPage();
  };

  const count = root?.reply_count ?? replies.length;
  return (
    <aside
      ref={panel}
      aria-labelledby="thread-panel-title"
      data-testid="thread-panel"
      className="absolute inset-y-0 right-0 z-20 flex w-full max-w-md flex-col border-l border-slate-200 bg-white shadow-xl"
    >
      <div className="flex items-center gap-2 border-b border-slate-200 px-4 py-2">
        <h2 id="thread-panel-title" ref={heading} tabIndex={-1} className="flex-1 text-base font-semibold">
          Thread
        </h2>
        <IconButton label="Close thread" onClick={onClose}>
          <span aria-hidden="true">✕</span>
        </IconButton>
      </div>
      {query.isPending && (
        <div className="flex flex-1 items-center justify-center">
          <Spinner label="Loading thread" />
        </div>
      )}
      {query.isError && (
        <p role="alert" className="flex-1 p-4 text-sm text-red-700">
          Could not load this thread.
        </p>
      )}
      {root && (
        <>
          <div
            className="min-h-0 flex-1 overflow-y-auto pb-2"
            onScroll={onScroll}
            data-testid="thread-scroller"
          >
            <ol aria-label="Thread root" className="flex flex-col">
              <MessageItem
                message={root}
                startsGroup
                mine={root.sender.id === myId}
                canModerate={canModerate}
                onRetry={() => undefined}
                onDelete={onDelete}
                onToggleReaction={toggleReaction}
                inThread
              />
            </ol>
            <p className="mx-4 my-2 border-b border-slate-200 pb-1 text-xs text-slate-600" aria-live="polite">
              {count} {count === 1 ? 'reply' : 'replies'}
            </p>
            <ol aria-label="Replies" className="flex flex-col">
              {replies.map((reply, i) => (
                <MessageItem
                  key={reply.id}
                  message={reply}
                  startsGroup={i === 0 || replies[i - 1]!.sender.id !== reply.sender.id}
                  mine={reply.sender.id === myId}
                  canModerate={canModerate}
                  onRetry={() => undefined}
                  onDelete={onDelete}
                  onToggleReaction={toggleReaction}
                  inThread
                />
              ))}
            </ol>
            {query.hasNextPage && (
              <div className="p-3">
                <Button
                  variant="secondary"
                  pending={query.isFetchingNextPage}
                  onClick={() => void query.fetchNextPage()}
                >
                  More replies
                </Button>
              </div>
            )}
          </div>
          <ThreadComposer roomId={roomId} rootId={rootId} quoted={lastReplyOrRoot(data)} />
        </>
      )}
      {deleting && <DeleteMessageDialog message={deleting} onClose={() => setDeleting(null)} />}
    </aside>
  );
}
