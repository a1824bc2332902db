import { useInfiniteQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '@/components/button';
import { RelativeTime } from '@/components/relative-time';
import { followedThreadsQuery } from '@/features/messages/api/get-followed-threads';
import { useThreadPanelStore } from '@/features/messages/model/thread-panel-store';
import { toPlainText } from '@/lib/markdown/plain-text';

/**
 * The sidebar's "Threads": the threads the user follows, most recent reply first, with a badge of
 * their unread replies. Picking one opens its room with the thread beside it (which reads it).
 */
export function ThreadsEntry() {
  const navigate = useNavigate();
  const threadOpened = useThreadPanelStore((s) => s.threadOpened);
  const [expanded, setExpanded] = useState(false);
  const listId = useId();
  const threads = useInfiniteQuery(followedThreadsQuery());
  const first = threads.data?.pages[0];
  const unread = first?.total_unread_count ?? 0;
  const items = threads.data?.pages.flatMap((page) => page.threads) ?? [];
  return (
    <div>
      <button
        type="button"
        aria-expanded={expanded}
        aria-controls={expanded ? listId : undefined}
        onClick={() => setExpanded((open) => !open)}
        data-testid="threads-entry"
        className="flex w-full items-center gap-2 rounded-md px-2 py-1.5 text-left text-sm font-semibold hover:bg-slate-200"
      >
        <span aria-hidden="true">💬</span>
        <span className="flex-1">Threads</span>
        {unread > 0 && (
          <span
            data-testid="threads-badge"
            data-count={unread}
            className="rounded-full bg-brand-600 px-2 py-0.5 text-xs font-semibold text-white"
          >
            {unread > 99 ? '99+' : unread}
            <span className="sr-only"> unread {unread === 1 ? 'reply' : 'replies'}</span>
          </span>
        )}
      </button>
      {expanded && (
        <div id={listId}>
          {threads.isSuccess && items.length === 0 && (
            <p className="px-2 py-1 text-xs text-slate-600">No threads you follow yet.</p>
          )}
          <ul aria-label="Followed threads" className="flex flex-col gap-1 py-1">
            {items.map((thread) => (
              <li key={thread.root.id}>
                <button
                  type="button"
                  data-testid="followed-thread"
                  onClick={() => {
                    threadOpened(thread.room_id, thread.root.id);
                    navigate(`/chat/${thread.room_id}`);
                  }}
                  className="w-full rounded-md px-2 py-1 text-left text-xs hover:bg-slate-200"
                >
                  <span className="flex items-center gap-1">
                    <span className="flex-1 truncate font-semibold">
                      {thread.room_is_direct ? thread.room_name : `# ${thread.room_name}`}
                    </span>
                    {thread.unread_count > 0 && (
                      <span className="rounded-full bg-brand-600 px-1.5 font-bold text-white">
                        {thread.unread_count}
                        <span className="sr-only"> unread</span>
                      </span>
                    )}
                  </span>
                  <span className="block truncate text-slate-700">
                    {thread.root.sender.display_name}:{' '}
                    {toPlainText(thread.root.content.slice(0, 200)) || 'Deleted message'}
                  </span>
                  {thread.last_reply_at && <RelativeTime iso={thread.last_reply_at} prefix="last reply " />}
                </button>
              </li>
            ))}
          </ul>
          {threads.hasNextPage && (
            <Button
              variant="ghost"
              pending={threads.isFetchingNextPage}
              onClick={() => void threads.fetchNextPage()}
            >
              More threads
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
