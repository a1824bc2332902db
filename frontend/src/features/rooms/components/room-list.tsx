import { useQuery } from '@tanstack/react-query';
import { useRef, type KeyboardEvent } from 'react';
import { NavLink } from 'react-router';
import { Avatar } from '@/components/avatar';
import { Spinner } from '@/components/spinner';
import type { RoomListItem } from '../api/room-schemas';
import { roomsQuery } from '../api/rooms-api';
import { toPlainText } from '@/lib/markdown/plain-text';

/** The sidebar's rooms: arrow keys move between them, Enter opens one. */
export function RoomList() {
  const rooms = useQuery(roomsQuery());
  const listRef = useRef<HTMLUListElement>(null);

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const links = [...(listRef.current?.querySelectorAll<HTMLAnchorElement>('a') ?? [])];
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    const next =
      event.key === 'ArrowDown'
        ? at + 1
        : event.key === 'ArrowUp'
          ? at - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? links.length - 1
              : null;
    if (next === null || links.length === 0) return;
    event.preventDefault();
    links[(next + links.length) % links.length]!.focus();
  };

  if (rooms.isPending) return <Spinner label="Loading rooms" />;
  if (rooms.isError) return <p className="p-2 text-sm text-red-700">Could not load your rooms.</p>;
  if (rooms.data.length === 0)
    return <p className="p-2 text-sm text-slate-600">No rooms yet. Create one or message someone.</p>;
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- arrow keys move between the links inside
    <ul ref={listRef} onKeyDown={onKeyDown} aria-label="Rooms" className="flex flex-col gap-0.5">
      {rooms.data.map((room) => (
        <li key={room.id}>
          <RoomLink room={room} />
        </li>
      ))}
    </ul>
  );
}

function RoomLink({ room }: { room: RoomListItem }) {
  const unread = room.unread_count;
  const mentions = room.mention_count;
  const preview = room.last_message
    ? `${room.last_message.sender_username}: ${toPlainText(room.last_message.content.slice(0, 300))}`
    : 'No messages yet';
  return (
    <NavLink
      to={`/chat/${room.id}`}
      data-testid="room-link"
      data-muted={room.muted}
      className={({ isActive }) =>
        `flex items-center gap-2 rounded-md px-2 py-2 text-sm ${isActive ? 'bg-indigo-100' : 'hover:bg-slate-200'} ${room.muted ? 'opacity-60' : ''}`
      }
    >
      {room.is_direct ? (
        <Avatar
          name={room.peer?.display_name ?? room.name}
          url={room.peer?.avatar_url}
          online={room.peer?.is_online ?? false}
          size="sm"
        />
      ) : (
        <span
          aria-hidden="true"
          className="inline-flex h-7 w-7 items-center justify-center rounded-md bg-slate-300 font-semibold text-slate-800"
        >
          #
        </span>
      )}
      <span className="min-w-0 flex-1">
        <span className={`block truncate ${unread > 0 ? 'font-bold' : 'font-medium'}`}>
          {room.name}
          {room.is_direct && (
            <span className="sr-only">{room.peer?.is_online ? ' (online)' : ' (offline)'}</span>
          )}
          {room.muted && (
            <span className="ml-1 text-xs font-normal text-slate-600" data-testid="muted-marker">
              (muted)
            </span>
          )}
        </span>
        <span className="block truncate text-xs text-slate-600">{preview}</span>
      </span>
      {mentions > 0 && (
        <span
          data-testid="mention-badge"
          className="rounded-full bg-amber-500 px-2 py-0.5 text-xs font-semibold text-amber-950"
        >
          @{mentions > 99 ? '99+' : mentions}
          <span className="sr-only"> {mentions === 1 ? 'mention' : 'mentions'}</span>
        </span>
      )}
      {unread > 0 && (
        <span
          data-testid="unread-badge"
          className="rounded-full bg-brand-600 px-2 py-0.5 text-xs font-semibold text-white"
        >
          {unread > 99 ? '99+' : unread}
          <span className="sr-only"> unread</span>
        </span>
      )}
    </NavLink>
  );
}
