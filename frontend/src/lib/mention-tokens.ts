// Mentions in message text, by the server's rules (message/control/MentionTokens.java): `@name`
// where name is a whole username (3-50 letters, digits, underscores) not glued to a word before it,
// `@room`/`@here` for everyone; nothing inside inline code or a fenced block. One linear pass, no
// regular expression that could backtrack. Renderers (plain text today, Markdown later) take the
// segments and style the mentions.

export type TextSegment =
  | { kind: 'text'; text: string }
  | { kind: 'mention'; text: string; username: string }
  | { kind: 'room-mention'; text: string };

const MIN_NAME = 3;
const MAX_NAME = 50;
export const ROOM_MENTIONS = ['room', 'here'] as const;

export const isUsernameChar = (c: string | undefined) => c !== undefined && /^[A-Za-z0-9_]$/.test(c);

function afterCode(text: string, start: number): number {
  if (text.startsWith('```', start)) {
    const close = text.indexOf('```', start + 3);
    return close < 0 ? text.length : close + 3;
  }
  const lineEnd = text.indexOf('\n', start);
  const limit = lineEnd < 0 ? text.length : lineEnd;
  const close = text.indexOf('`', start + 1);
  return close >= 0 && close < limit ? close + 1 : start + 1;
}

/**
 * The text cut into plain runs and mentions. `isMember` (lower-cased username → known?) keeps only
 * names that mention someone; without it every well-formed name counts.
 */
export function mentionSegments(text: string, isMember?: (usernameKey: string) => boolean): TextSegment[] {
  if (!text.includes('@')) return [{ kind: 'text', text }];
  const segments: TextSegment[] = [];
  let plainFrom = 0;
  const flush = (to: number) => {
    if (to > plainFrom) segments.push({ kind: 'text', text: text.slice(plainFrom, to) });
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '`') {
      i = afterCode(text, i);
      continue;
    }
    if (c === '@' && !isUsernameChar(text[i - 1])) {
      let end = i + 1;
      while (end < text.length && isUsernameChar(text[end])) end++;
      const name = text.slice(i + 1, end);
      const key = name.toLowerCase();
      if (name.length >= MIN_NAME && name.length <= MAX_NAME) {
        const room = (ROOM_MENTIONS as readonly string[]).includes(key);
        if (room || !isMember || isMember(key)) {
          flush(i);
          segments.push(
            room
              ? { kind: 'room-mention', text: text.slice(i, end) }
              : { kind: 'mention', text: text.slice(i, end), username: key },
          );
          plainFrom = end;
        }
      }
      i = end;
      continue;
    }
    i++;
  }
  flush(text.length);
  return segments;
}

/** What a message says about mentions, as the server resolved them. */
export interface MentionFacts {
  sender: { id: string };
  mentions?: string[];
  mentions_room?: boolean;
}

/** The message mentions this user: by name or @room, and they did not write it. */
export const mentionsUser = (message: MentionFacts, userId: string | undefined) =>
  !!userId &&
  message.sender.id !== userId &&
  (message.mentions_room === true || (message.mentions ?? []).includes(userId));
