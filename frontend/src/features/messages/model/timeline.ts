import type { ChatMessage } from '../api/get-messages';

export type TimelineItem =
  | { kind: 'divider'; key: string; label: string }
  | { kind: 'message'; key: string; message: ChatMessage; startsGroup: boolean };

const GROUP_WINDOW_MS = 5 * 60 * 1000;

export const dayKey = (iso: string) => {
  const d = new Date(iso);
  return `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
};

export function dayLabel(iso: string, now = new Date()): string {
  const date = new Date(iso);
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  if (dayKey(iso) === dayKey(now.toISOString())) return 'Today';
  if (dayKey(iso) === dayKey(yesterday.toISOString())) return 'Yesterday';
  return date.toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric' });
}

/**
 * Date dividers between days, and groups of consecutive messages by one sender within five
 * minutes: only a group's first message shows the avatar and name.
 */
export function buildTimeline(messages: ChatMessage[], now = new Date()): TimelineItem[] {
  const items: TimelineItem[] = [];
  let previous: ChatMessage | null = null;
  for (const message of messages) {
    const newDay = !previous || dayKey(previous.created_at) !== dayKey(message.created_at);
    if (newDay)
      items.push({
        kind: 'divider',
        key: `day-${dayKey(message.created_at)}`,
        label: dayLabel(message.created_at, now),
      });
    const startsGroup =
      newDay ||
      previous!.sender.id !== message.sender.id ||
      Date.parse(message.created_at) - Date.parse(previous!.created_at) > GROUP_WINDOW_MS ||
      message.parent_id !== null;
    items.push({
      kind: 'message',
      key: message.client_id && message.delivery ? `c-${message.client_id}` : message.id,
      message,
      startsGroup,
    });
    previous = message;
  }
  return items;
}
