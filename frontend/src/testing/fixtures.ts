import type { ChatMessage } from '@/features/messages/api/get-messages';
import type { UserSummary } from '@/lib/user-summary';

let seq = 0;
export function aMessage(overrides: Partial<ChatMessage> = {}): ChatMessage {
  seq++;
  return {
    id: `m${seq}`,
    room_id: 'r1',
    sender: { id: 'u1', username: 'alice', display_name: 'Alice', avatar_url: null },
    content: `message ${seq}`,
    message_type: 'text',
    parent_id: null,
    parent: null,
    is_edited: false,
    created_at: '2026-02-16T14:30:00.000Z',
    updated_at: null,
    client_id: null,
    mentions: [],
    mentions_room: false,
    attachments: [],
    ...overrides,
  };
}

/** Alice after she changed her display name and avatar: the data of a `user_updated` event. */
export const aliceRenamed: UserSummary = {
  id: 'u1',
  username: 'alice',
  display_name: 'Alice Liddell',
  avatar_url: 'https://example.test/a.png',
};
