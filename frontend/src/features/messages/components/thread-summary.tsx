import { RelativeTime } from '@/components/relative-time';

interface ThreadSummaryProps {
  replyCount: number;
  lastReplyAt: string | null | undefined;
  onOpen: () => void;
}

/** "N replies · last reply 3 min ago" under a thread's root: opens the thread panel. */
export function ThreadSummary({ replyCount, lastReplyAt, onOpen }: ThreadSummaryProps) {
  const replies = `${replyCount} ${replyCount === 1 ? 'reply' : 'replies'}`;
  return (
    <button
      type="button"
      onClick={onOpen}
      data-testid="thread-summary"
      className="mt-1 inline-flex items-baseline gap-1 rounded px-1 text-xs font-semibold text-brand-700 hover:bg-indigo-100 hover:underline"
    >
      <span>{replies}</span>
      {lastReplyAt && (
        <span className="font-normal text-slate-600">
          {' · '}
          <RelativeTime iso={lastReplyAt} prefix="last reply " />
        </span>
      )}
      <span className="sr-only">, open the thread</span>
    </button>
  );
}
