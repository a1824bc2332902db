import type { ChatMessage } from '../api/get-messages';
import type { TimelineItem } from '../model/timeline';
import { MessageItem } from './message-item';

interface TimelineListProps {
  timeline: TimelineItem[];
  myId: string;
  canModerate: boolean;
  onRetry: (message: ChatMessage) => void;
  onDelete: (message: ChatMessage) => void;
  onToggleReaction: (messageId: string, emoji: string, on: boolean) => void;
  /** A message to draw the eye to (opened from a search result). */
  highlightId?: string | null;
}

/** The messages and day dividers of a history, live or opened at a message. */
export function TimelineList({
  timeline,
  myId,
  canModerate,
  onRetry,
  onDelete,
  onToggleReaction,
  highlightId,
}: TimelineListProps) {
  return (
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
            onRetry={onRetry}
            onDelete={onDelete}
            onToggleReaction={onToggleReaction}
            highlighted={item.message.id === highlightId}
          />
        ),
      )}
    </ol>
  );
}
