import { useQueryClient } from '@tanstack/react-query';
import {
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type ClipboardEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { Button, IconButton } from '@/components/button';
import type { Attachment } from '@/lib/attachment';
import { toPlainText } from '@/lib/markdown/plain-text';
import { messageKeys, type RoomMessages } from '../api/get-messages';
import { editMessage } from '../api/message-mutations';
import { useComposerStore } from '../model/composer-store';
import { SHORTCUT_MARKERS, toggleMarker } from '../model/format-shortcut';
import { applyEdit } from '../model/message-cache';
import { MAX_MESSAGE_LENGTH, messageLength } from '../model/message-length';
import { useSendMessage } from '../hooks/use-send-message';
import { useTypingEmitter } from '../hooks/use-typing-emitter';
import { useMentionAutocomplete } from '../hooks/use-mention-autocomplete';
import type { MentionCandidate } from '../model/mention-query';
import { MentionSuggestions, suggestionId } from './mention-suggestions';

/**
 * What the app plugs in to attach files (the uploads feature owns them): the composer sends what is
 * ready, waits while anything is in flight, and hands pasted files over.
 */
export interface ComposerAttachments {
  /** Uploaded and checked: sent with the next message, in this order. */
  ready: Attachment[];
  /** Some file is still uploading: Send waits. */
  inFlight: boolean;
  /** Files pasted into the box. */
  onFiles: (files: File[]) => void;
  /** The message went out with `ready`. */
  onSent: () => void;
  /** The attach button, beside the box. */
  button: ReactNode;
  /** The chips and refusals, above the box. */
  panel: ReactNode;
}

/**
 * Enter sends (or saves an edit), Shift+Enter is a newline, Escape cancels a reply or edit,
 * Ctrl/Cmd+B and +I wrap the selection in Markdown bold or italic. Typing `@` offers the room's
 * `members` (combobox-like: the suggestions take the keys while open).
 */
export function MessageComposer({
  roomId,
  members = [],
  attachments,
}: {
  roomId: string;
  members?: MentionCandidate[];
  attachments?: ComposerAttachments;
}) {
  const queryClient = useQueryClient();
  const { send } = useSendMessage(roomId);
  const { typed, stopped } = useTypingEmitter(roomId);
  const { replyTo, editing, composerReset } = useComposerStore();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const mention = useMentionAutocomplete(members, text, setText, input);
  const listId = useId();
  // The selection to restore once a shortcut's new text is in the box.
  const selection = useRef<[number, number] | null>(null);
  useLayoutEffect(() => {
    if (!selection.current) return;
    input.current?.setSelectionRange(...selection.current);
    selection.current = null;
  }, [text]);

  // Starting an edit loads the message into the box (state adjusted during render, not in an effect).
  const [loaded, setLoaded] = useState(editing);
  if (editing !== loaded) {
    setLoaded(editing);
    if (editing) setText(editing.content);
  }
  useEffect(() => {
    if (editing || replyTo) input.current?.focus();
  }, [editing, replyTo]);
  useEffect(() => composerReset, [roomId, composerReset]);

  const ready = attachments?.ready ?? [];
  const inFlight = attachments?.inFlight ?? false;
  const submit = async () => {
    const content = text.trim();
    if (messageLength(content) > MAX_MESSAGE_LENGTH) return;
    // An edit changes the text only; a new message may be files alone, once they are all up.
    if (editing ? !content : inFlight || (!content && ready.length === 0)) return;
    setError(null);
    stopped();
    if (editing) {
      try {
        const saved = await editMessage(roomId, editing.id, content);
        queryClient.setQueryData<RoomMessages>(messageKeys.room(roomId), (data) => applyEdit(data, saved));
      } catch (e) {
        setError(e instanceof Error ? e.message : 'Could not save the edit');
        return;
      }
    } else {
      void send(content, replyTo, ready);
      if (ready.length) attachments?.onSent();
    }
    setText('');
    composerReset();
    // The emptied box disables Send: had Send the focus, it would fall to the page.
    input.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (mention.onKeyDown(event)) return;
    const marker = SHORTCUT_MARKERS[event.key.toLowerCase()];
    if (marker && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey) {
      event.preventDefault();
      const { selectionStart: start, selectionEnd: end } = event.currentTarget;
      const next = toggleMarker({ text, start, end }, marker);
      selection.current = [next.start, next.end];
      setText(next.text);
    } else if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void submit();
    } else if (event.key === 'Escape' && (editing || replyTo)) {
      event.preventDefault();
      if (editing) setText('');
      composerReset();
    }
  };

  // Images pasted (a screenshot, "Copy image") become uploads; text, even with a picture beside it
  // (a spreadsheet's cells), stays a text paste.
  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    if (!attachments || editing) return;
    const files = [...event.clipboardData.files];
    if (files.length === 0 || event.clipboardData.getData('text/plain')) return;
    event.preventDefault();
    attachments.onFiles(files);
  };

  const remaining = MAX_MESSAGE_LENGTH - messageLength(text);
  const empty = !text.trim() && (editing !== null || ready.length === 0);
  return (
    <div className="border-t border-slate-200 bg-white p-3">
      {(replyTo || editing) && (
        <div
          className="mb-2 flex items-center gap-2 rounded bg-slate-100 px-3 py-1.5 text-sm"
          data-testid="composer-context"
        >
          <span className="min-w-0 flex-1 truncate">
            {editing ? (
              <strong>Editing message</strong>
            ) : (
              <>
                Replying to <strong>{replyTo!.sender.display_name}</strong>:{' '}
                {toPlainText(replyTo!.content.slice(0, 200))}
              </>
            )}
          </span>
          <IconButton
            label={editing ? 'Cancel editing' : 'Cancel reply'}
            onClick={() => (setText(editing ? '' : text), composerReset())}
          >
            <span aria-hidden="true">✕</span>
          </IconButton>
        </div>
      )}
      {attachments?.panel}
      <form
        className="relative flex items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {mention.open && (
          <MentionSuggestions
            id={listId}
            candidates={mention.candidates}
            active={mention.active}
            onPick={mention.pick}
          />
        )}
        {!editing && attachments?.button}
        <label htmlFor="composer" className="sr-only">
          Message
        </label>
        <textarea
          id="composer"
          ref={input}
          rows={Math.min(6, text.split('\n').length)}
          value={text}
          placeholder="Write a message…"
          onChange={(e) => {
            setText(e.target.value);
            mention.caretMoved();
            if (!editing) typed();
          }}
          onSelect={mention.caretMoved}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          // Stays a textbox (a multi-line box; tests and tools find it by that role), with the
          // autocomplete's ARIA a textbox allows: the list it controls and its active option.
          aria-autocomplete="list"
          aria-controls={mention.open ? listId : undefined}
          aria-activedescendant={mention.open ? suggestionId(listId, mention.active) : undefined}
          aria-describedby={remaining < 500 ? 'composer-hint composer-count' : 'composer-hint'}
          className="max-h-40 flex-1 resize-none rounded-md border border-slate-400 px-3 py-2 text-sm"
        />
        <Button
          type="submit"
          disabled={empty || remaining < 0 || (!editing && inFlight)}
          aria-describedby={!editing && inFlight ? 'composer-uploading' : undefined}
        >
          {editing ? 'Save' : 'Send'}
        </Button>
      </form>
      {!editing && inFlight && (
        <p id="composer-uploading" className="mt-1 text-xs text-slate-600">
          Send waits until the files are uploaded.
        </p>
      )}
      <p id="composer-hint" className="mt-1 text-xs text-slate-600">
        Markdown: **bold** _italic_ ~~strike~~ `code` ```code block``` &gt; quote, - list. Shift+Enter: new
        line.
      </p>
      {remaining < 500 && (
        <p
          id="composer-count"
          className={`mt-1 text-xs ${remaining < 0 ? 'text-red-700' : 'text-slate-600'}`}
        >
          {remaining < 0 ? `${-remaining} characters over the limit` : `${remaining} characters left`}
        </p>
      )}
      {error && (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
