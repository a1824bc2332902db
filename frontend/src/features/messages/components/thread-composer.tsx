import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type KeyboardEvent } from 'react';
import { Button } from '@/components/button';
import { threadKeys, type ThreadData } from '../api/get-thread';
import type { ChatMessage } from '../api/get-messages';
import { MAX_MESSAGE_LENGTH, messageLength } from '../model/message-length';
import { replyArrived } from '../model/thread-cache';
import { useSendMessage } from '../hooks/use-send-message';

interface ThreadComposerProps {
  roomId: string;
  rootId: string;
  /** What a reply quotes: the newest reply shown, or the root. */
  quoted: ChatMessage | null;
}

/**
 * The thread panel's own box. A reply quotes the newest reply (or the root), so it joins the
 * thread, and it shows in the room's timeline too, as every reply does. Enter sends,
 * Shift+Enter is a newline.
 */
export function ThreadComposer({ roomId, rootId, quoted }: ThreadComposerProps) {
  const queryClient = useQueryClient();
  const { send } = useSendMessage(roomId);
  const [text, setText] = useState('');
  const input = useRef<HTMLTextAreaElement>(null);

  const submit = async () => {
    const content = text.trim();
    if (!content || !quoted || messageLength(content) > MAX_MESSAGE_LENGTH) return;
    setText('');
    input.current?.focus();
    const stored = await send(content, quoted);
    // The socket's new_message brings it too; over REST this is the only copy.
    if (stored)
      queryClient.setQueryData<ThreadData>(threadKeys.thread(roomId, rootId), (d) => replyArrived(d, stored));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void submit();
    }
  };

  const over = messageLength(text) > MAX_MESSAGE_LENGTH;
  return (
    <form
      className="flex items-end gap-2 border-t border-slate-200 p-3"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label htmlFor="thread-composer" className="sr-only">
        Reply in thread
      </label>
      <textarea
        id="thread-composer"
        ref={input}
        rows={Math.min(4, text.split('\n').length)}
        value={text}
        placeholder="Reply…"
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        aria-invalid={over || undefined}
        className="max-h-32 flex-1 resize-none rounded-md border border-slate-400 px-3 py-2 text-sm"
      />
      <Button type="submit" disabled={!text.trim() || over || !quoted}>
        Reply
      </Button>
    </form>
  );
}
