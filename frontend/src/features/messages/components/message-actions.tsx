import { IconButton } from '@/components/button';
import type { ChatMessage } from '../api/get-messages';
import { useComposerStore } from '../model/composer-store';
import { AddReactionButton } from './add-reaction-button';

interface MessageActionsProps {
  message: ChatMessage;
  mine: boolean;
  canModerate: boolean;
  onDelete: (message: ChatMessage) => void;
  onReact: (emoji: string) => void;
  /** Opens the message's thread in the side panel (absent inside the panel). */
  onReplyInThread?: () => void;
  /** Offers "Reply to" (a quote in the main composer). */
  quoteReply?: boolean;
}

/** Shown on hover, and whenever focus is inside the message, so keyboard users reach them too. */
export function MessageActions({
  message,
  mine,
  canModerate,
  onDelete,
  onReact,
  onReplyInThread,
  quoteReply = true,
}: MessageActionsProps) {
  const replyStarted = useComposerStore((s) => s.replyStarted);
  const editStarted = useComposerStore((s) => s.editStarted);
  const who = message.sender.display_name;
  return (
    <div className="absolute -top-3 right-3 flex gap-0.5 rounded-md border border-slate-200 bg-white opacity-0 shadow-sm group-hover:opacity-100 focus-within:opacity-100">
      <AddReactionButton onPick={onReact} />
      {quoteReply && (
        <IconButton label={`Reply to ${who}`} onClick={() => replyStarted(message)}>
          <span aria-hidden="true">↩</span>
        </IconButton>
      )}
      {onReplyInThread && (
        <IconButton label="Reply in thread" onClick={onReplyInThread}>
          <span aria-hidden="true">💬</span>
        </IconButton>
      )}
      {mine && (
        <IconButton label="Edit message" onClick={() => editStarted(message)}>
          <span aria-hidden="true">✎</span>
        </IconButton>
      )}
      {(mine || canModerate) && (
        <IconButton label="Delete message" onClick={() => onDelete(message)} className="text-red-800">
          <span aria-hidden="true">🗑</span>
        </IconButton>
      )}
    </div>
  );
}
