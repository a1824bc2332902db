import type { Message } from '@/features/messages/api/message-schemas';
import { attachmentNames } from '@/lib/attachment';
import { toPlainText } from '@/lib/markdown/plain-text';

/** A message as one line of plain text (announcements, notifications); files-only ones name the files. */
export function messagePreview(message: Pick<Message, 'content' | 'attachments'>): string {
  const text = toPlainText(message.content.slice(0, 400)).slice(0, 200);
  if (message.attachments.length === 0) return text;
  const files = `📎 ${attachmentNames(message.attachments)}`.slice(0, 200);
  return text ? `${text} (${files})` : files;
}
