import { isUsernameChar } from '@/lib/mention-tokens';

// The composer's @-autocomplete, as pure functions: which word is being completed, which members
// match it, and the text once one is picked.

export interface MentionCandidate {
  id: string;
  username: string;
  display_name: string;
}

/** Everyone in the room: offered like a member, stored as the @room flag by the server. */
export const ROOM_CANDIDATE: MentionCandidate = {
  id: '@room',
  username: 'room',
  display_name: 'Everyone in the room',
};

/** The `@word` the caret is in or right after, if it could still become a mention. */
export function activeMentionQuery(text: string, caret: number): { start: number; query: string } | null {
  let start = caret;
  while (start > 0 && isUsernameChar(text[start - 1])) start--;
  if (text[start - 1] !== '@' || isUsernameChar(text[start - 2])) return null;
  const query = text.slice(start, caret);
  if (query.length > 50) return null;
  return { start: start - 1, query };
}

/**
 * Members whose username or display name (or a word of it) starts with the query, username
 * matches first; @room last when it fits. At most `limit`.
 */
export function matchCandidates(
  candidates: MentionCandidate[],
  query: string,
  limit = 8,
): MentionCandidate[] {
  const q = query.toLowerCase();
  const byUsername = candidates.filter((c) => c.username.toLowerCase().startsWith(q));
  const byName = candidates.filter(
    (c) =>
      !byUsername.includes(c) &&
      c.display_name
        .toLowerCase()
        .split(/\s+/)
        .concat(c.display_name.toLowerCase())
        .some((word) => word.startsWith(q)),
  );
  const room = ROOM_CANDIDATE.username.startsWith(q) ? [ROOM_CANDIDATE] : [];
  return [...byUsername, ...byName, ...room].slice(0, limit);
}

/** The text with the `@query` at `start` replaced by the picked `@username ` and the caret after it. */
export function applyMention(text: string, start: number, caret: number, username: string) {
  const inserted = `@${username} `;
  const rest = text.slice(caret).replace(/^[A-Za-z0-9_]*/, '');
  return { text: text.slice(0, start) + inserted + rest, caret: start + inserted.length };
}
