import type { ReactNode } from 'react';
import { mentionSegments } from '@/lib/mention-tokens';

interface MentionTextProps {
  text: string;
  /** The reader's username, lower-cased: their own mentions stand out more. */
  myUsernameKey?: string;
  /** How plain runs render (links today, Markdown later). */
  renderText: (text: string, key: number) => ReactNode;
}

/**
 * Message text with its mentions highlighted: `@name` and `@room` as chips, the reader's own
 * strongest. The renderer of the plain runs is passed in, so any text renderer can use it.
 */
export function MentionText({ text, myUsernameKey, renderText }: MentionTextProps) {
  return (
    <>
      {mentionSegments(text).map((segment, i) => {
        if (segment.kind === 'text') return renderText(segment.text, i);
        const mine = segment.kind === 'room-mention' || segment.username === myUsernameKey;
        return (
          <span
            key={i}
            data-testid="mention"
            data-mine={mine}
            className={`rounded px-0.5 font-semibold ${mine ? 'bg-amber-200 text-amber-950' : 'bg-indigo-100 text-indigo-900'}`}
          >
            {segment.text}
          </span>
        );
      })}
    </>
  );
}
