import type { Ref } from 'react';
import { Spinner } from '@/components/spinner';

interface HistoryTopProps {
  ref: Ref<HTMLDivElement>;
  fetching: boolean;
  hasOlder: boolean;
  onLoadOlder: () => void;
}

/** The top of a history: loading older messages, a button to load them, or the beginning. */
export function HistoryTop({ ref, fetching, hasOlder, onLoadOlder }: HistoryTopProps) {
  return (
    <div ref={ref} className="flex justify-center py-2 text-xs text-slate-600">
      {fetching ? (
        <Spinner label="Loading older messages" />
      ) : hasOlder ? (
        <button type="button" onClick={onLoadOlder} className="underline">
          Load older messages
        </button>
      ) : (
        <span data-testid="conversation-start">Beginning of conversation</span>
      )}
    </div>
  );
}
