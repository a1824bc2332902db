/** The server's limit on a message, in characters. */
export const MAX_MESSAGE_LENGTH = 5000;

/**
 * A message's length as the server counts it: code points of the trimmed text, so an emoji
 * outside the Basic Multilingual Plane (two UTF-16 units) is one character, not two.
 */
export function messageLength(text: string): number {
  return [...text.trim()].length;
}
