import { useMutation } from '@tanstack/react-query';
import { Avatar } from '@/components/avatar';
import { RelativeTime } from '@/components/relative-time';
import type { Member, Role } from '../api/room-schemas';
import { changeRole, removeMember } from '../api/rooms-api';

interface MemberRowProps {
  roomId: string;
  member: Member;
  myId: string;
  myRole: Role | null | undefined;
  onChanged: () => void;
}

export function MemberRow({ roomId, member, myId, myRole, onChanged }: MemberRowProps) {
  const remove = useMutation({ mutationFn: () => removeMember(roomId, member.id), onSuccess: onChanged });
  const role = useMutation({
    mutationFn: (next: Role) => changeRole(roomId, member.id, next),
    onSuccess: onChanged,
  });
  const isMe = member.id === myId;
  const canRemove = !isMe && (myRole === 'owner' || (myRole === 'admin' && member.role === 'member'));
  const canChangeRole = !isMe && myRole === 'owner';
  return (
    <li className="flex flex-wrap items-center gap-2 rounded px-1 py-1.5 text-sm" data-testid="member-row">
      <Avatar
        name={member.display_name}
        url={member.avatar_url}
        online={member.is_online ?? false}
        size="sm"
      />
      <span className="min-w-0 flex-1">
        <span className="block truncate font-medium">
          {member.display_name}
          {isMe && ' (you)'}
        </span>
        <span className="block text-xs text-slate-600">
          {member.role} ·{' '}
          {member.is_online ? (
            'online'
          ) : member.last_seen_at ? (
            <RelativeTime iso={member.last_seen_at} prefix="last seen " />
          ) : (
            'offline'
          )}
        </span>
      </span>
      {canChangeRole && (
        <label className="text-xs">
          <span className="sr-only">Role of {member.display_name}</span>
          <select
            value={member.role}
            onChange={(e) => role.mutate(e.target.value as Role)}
            className="rounded border border-slate-400 px-1 py-0.5"
          >
            <option value="member">member</option>
            <option value="admin">admin</option>
            <option value="owner">owner (transfer)</option>
          </select>
        </label>
      )}
      {canRemove && (
        <button
          type="button"
          onClick={() => !remove.isPending && remove.mutate()}
          aria-disabled={remove.isPending || undefined}
          aria-busy={remove.isPending || undefined}
          className="rounded px-2 py-0.5 text-xs text-red-800 hover:bg-red-50 aria-disabled:cursor-not-allowed"
        >
          Remove<span className="sr-only"> {member.display_name}</span>
        </button>
      )}
      {(remove.isError || role.isError) && (
        <p role="alert" className="w-full text-xs text-red-700">
          {(remove.error ?? role.error)?.message}
        </p>
      )}
    </li>
  );
}
