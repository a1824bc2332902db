import { useLayoutEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import {
  activeMentionQuery,
  applyMention,
  matchCandidates,
  type MentionCandidate,
} from '../model/mention-query';

/**
 * The composer's @-autocomplete: open while the caret is in an `@word` that matches someone;
 * arrows move, Enter or Tab picks, Escape closes until the next keystroke.
 */
export function useMentionAutocomplete(
  members: MentionCandidate[],
  text: string,
  setText: (text: string) => void,
  input: RefObject<HTMLTextAreaElement | null>,
) {
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  // Where the caret goes once a pick's text is in the box: placed as React commits it, before the
  // next keystroke (a frame later, a fast typist's next letter landed before the caret moved).
  const placeCaret = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (placeCaret.current === null) return;
    input.current?.setSelectionRange(placeCaret.current, placeCaret.current);
    placeCaret.current = null;
  }, [text, input]);
  const query = activeMentionQuery(text, caret);
  const candidates = query && dismissedAt !== query.start ? matchCandidates(members, query.query) : [];
  const open = candidates.length > 0;
  const current = Math.min(active, Math.max(0, candidates.length - 1));

  const caretMoved = () => {
    setCaret(input.current?.selectionStart ?? 0);
    setActive(0);
  };

  const pick = (candidate: MentionCandidate) => {
    if (!query) return;
    const next = applyMention(text, query.start, caret, candidate.username);
    setText(next.text);
    setCaret(next.caret);
    placeCaret.current = next.caret;
  };

  /** True when the key was the autocomplete's, so the composer must not act on it. */
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open) return false;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + candidates.length) % candidates.length);
    } else if ((event.key === 'Enter' && !event.shiftKey) || event.key === 'Tab') {
      pick(candidates[current]!);
    } else if (event.key === 'Escape') {
      setDismissedAt(query!.start);
    } else {
      return false;
    }
    event.preventDefault();
    return true;
  };

  return { open, candidates, active: current, pick, onKeyDown, caretMoved };
}
