import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from '@/components/button';
import type { RoomListItem } from '../api/room-schemas';
import { changeMyRoomSettings, roomKeys, roomsQuery } from '../api/rooms-api';
import { roomMuted } from '../model/room-list-cache';

/** Mutes or unmutes the room for the caller: no sound, no notification; its badges stay. */
export function MuteToggle({ roomId }: { roomId: string }) {
  const queryClient = useQueryClient();
  const muted = useQuery({
    ...roomsQuery(),
    select: (rooms) => rooms.find((r) => r.id === roomId)?.muted,
  }).data;
  const change = useMutation({
    mutationFn: (next: boolean) => changeMyRoomSettings(roomId, { muted: next }),
    onSuccess: (settings) =>
      queryClient.setQueryData<RoomListItem[]>(roomKeys.list(), (list) =>
        roomMuted(list, settings.room_id, settings.muted),
      ),
  });
  if (muted === undefined) return null;
  return (
    <Button
      variant="secondary"
      aria-pressed={muted}
      pending={change.isPending}
      onClick={() => change.mutate(!muted)}
      data-testid="mute-toggle"
    >
      {muted ? 'Unmute' : 'Mute'}
    </Button>
  );
}
