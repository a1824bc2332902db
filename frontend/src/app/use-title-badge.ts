import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { roomsQuery } from '@/features/rooms/api/rooms-api';
import { useChatUiStore } from './chat-ui-store';

/** "(3) NexusChat": the total unread, and what arrived while the tab was hidden. */
export function useTitleBadge() {
  const rooms = useQuery(roomsQuery());
  const unseen = useChatUiStore((s) => s.unseenWhileHidden);
  const unread = (rooms.data ?? []).reduce((sum, room) => sum + room.unread_count, 0);
  useEffect(() => {
    const count = Math.max(unread, unseen);
    document.title = count > 0 ? `(${count}) NexusChat` : 'NexusChat';
  }, [unread, unseen]);
}
