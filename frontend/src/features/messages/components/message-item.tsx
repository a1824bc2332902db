import { memo, useMemo, useState } from 'react';
import { Avatar } from '@/components/avatar';
import { MessageMarkdown } from '@/components/message-markdown';
import { mentionsUser } from '@/lib/mention-tokens';
import { useSessionStore } from '@/lib/session-store';
import { RelativeTime } from '@/components/relative-time';
import { toPlainText } from '@/lib/markdown/plain-text';
import { attachmentNames } from '@/lib/attachment';
import type { ChatMessage } from '../api/get-messages';
import { MessageActions } from './message-actions';
import { MessageAttachments } from './message-attachments';
import { ReactionChips } from './reaction-chips';
import { ThreadSummary } from './thread-summary';
import { useThreadPanelStore } from '../model/thread-panel-store';
import { threadIdOf } from '../model/thread-cache';

interface MessageItemProps {
  message: ChatMessage;
  startsGroup: boolean;
  mine: boolean;
  canModerate: boolean;
  onRetry: (message: ChatMessage) => void;
  onDelete: (message: ChatMessage) => void;
  /** Adds (on) or takes back (off) the viewer's reaction. */
  onToggleReaction: (messageId: string, emoji: string, on: boolean) => void;
  /** Drawn attention to for a moment: the message a search result opened. */
  highlighted?: boolean;
  /** Shown in the thread panel: no thread line, no thread or quote-reply actions. */
  inThread?: boolean;
}

function jumpTo(messageId: string) {
  const target = document.getElementById(`message-${messageId}`);
  if (!target) return;
  target.scrollIntoView({ block: 'center' });
  target.focus();
}

export const MessageItem = memo(function MessageItem({
  message,
  startsGroup,
  mine,
  canModerate,
  onRetry,
  onDelete,
  onToggleReaction,
  highlighted = false,
  inThread = false,
}: MessageItemProps) {
  const threadOpened = useThreadPanelStore((s) => s.threadOpened);
  const name = message.sender.display_name;
  const me = useSessionStore((s) => s.user);
  const mentionsMe = mentionsUser(message, me?.id);
  // A retried message keeps its Retry button, busy, while it is sent again: removing the button
  // would drop keyboard focus to the page.
  const [retried, setRetried] = useState(false);
  const failed = message.delivery === 'failed';
  const retrying = retried && message.delivery === 'pending';
  // The label is read aloud: the text without its Markdown marks.
  const plain = useMemo(() => toPlainText(message.content), [message.content]);
  const files = attachmentNames(message.attachments);
  const parentPreview = message.parent?.content;
  const parentPlain = useMemo(() => (parentPreview ? toPlainText(parentPreview) : ''), [parentPreview]);
  return (
    <li
      id={inThread ? `thread-message-${message.id}` : `message-${message.id}`}
      tabIndex={-1}
      data-testid="message"
      data-mine={mine}
      data-mentions-me={mentionsMe}
      data-highlighted={highlighted || undefined}
      aria-label={`${name}${mentionsMe ? ' (mentions you)' : ''}: ${plain}${files ? `${plain ? ' ' : ''}(attached: ${files})` : ''}`}
      className={`group relative flex gap-3 px-4 ${startsGroup ? 'mt-3 pt-1' : 'mt-0.5'} ${mine ? 'bg-indigo-50/60' : ''} ${mentionsMe ? 'border-l-4 border-amber-400 bg-amber-50' : ''} ${highlighted ? 'bg-amber-100 ring-2 ring-amber-400' : ''} rounded hover:bg-slate-100 focus-within:bg-slate-100`}
    >
      <div className="w-9 shrink-0">
        {startsGroup && <Avatar name={name} url={message.sender.avatar_url} />}
      </div>
      <div className="min-w-0 flex-1">
        {startsGroup && (
          <div className="flex items-baseline gap-2">
            <span className={`text-sm font-semibold ${mine ? 'text-brand-700' : ''}`}>
              {mine ? `${name} (you)` : name}
            </span>
            <RelativeTime iso={message.created_at} />
          </div>
        )}
        {message.parent && !inThread && (
          <button
            type="button"
            onClick={() => jumpTo(message.parent!.id)}
            className="mb-0.5 block max-w-full truncate border-l-2 border-slate-400 pl-2 text-left text-xs text-slate-600 hover:text-slate-900"
            data-testid="reply-link"
          >
            ↪{' '}
            {message.parent.is_deleted
              ? 'Deleted message'
              : `${message.parent.sender_display_name}: ${parentPlain}`}
          </button>
        )}
        {/* "(edited)" follows the last line of text when the body ends with a paragraph. */}
        <div
          className={`text-sm break-words ${message.is_edited ? '[&>p:nth-last-child(2)]:inline' : ''}`}
          data-testid="message-content"
        >
          <MessageMarkdown source={message.content} myUsernameKey={me?.username.toLowerCase()} />
          {message.is_edited && <span className="ml-1 text-xs text-slate-600">(edited)</span>}
        </div>
        {message.attachments.length > 0 && <MessageAttachments attachments={message.attachments} />}
        {!message.delivery && (
          <ReactionChips
            reactions={message.reactions ?? []}
            onToggle={(emoji, on) => onToggleReaction(message.id, emoji, on)}
          />
        )}
        {!inThread && !message.delivery && (message.reply_count ?? 0) > 0 && (
          <ThreadSummary
            replyCount={message.reply_count ?? 0}
            lastReplyAt={message.last_reply_at}
            onOpen={() => threadOpened(message.room_id, message.id)}
          />
        )}
        {message.delivery === 'pending' && !retrying && <p className="text-xs text-slate-600">Sending…</p>}
        {(failed || retrying) && (
          <p
            role={failed ? 'alert' : undefined}
            className={`text-xs ${failed ? 'text-red-700' : 'text-slate-600'}`}
          >
            {failed ? 'Not sent.' : 'Sending…'}{' '}
            <button
              type="button"
              className="font-semibold underline aria-disabled:cursor-not-allowed"
              aria-disabled={retrying || undefined}
              aria-busy={retrying || undefined}
              onClick={() => {
                if (!failed) return;
                setRetried(true);
                onRetry(message);
              }}
            >
              Retry
            </button>
          </p>
        )}
      </div>
      {!message.delivery && (
        <MessageActions
          message={message}
          mine={mine}
          canModerate={canModerate}
          onDelete={onDelete}
          onReact={(emoji) => onToggleReaction(message.id, emoji, true)}
          onReplyInThread={inThread ? undefined : () => threadOpened(message.room_id, threadIdOf(message))}
          quoteReply={!inThread}
        />
      )}
    </li>
  );
});
