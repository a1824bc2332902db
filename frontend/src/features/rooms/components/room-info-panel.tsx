import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Button } from '@/components/button';
import { Dialog } from '@/components/dialog';
import { Spinner } from '@/components/spinner';
import { isApiError } from '@/lib/api-error';
import type { UserSummary } from '@/lib/user-summary';
import { addMember, removeMember, roomKeys, roomQuery } from '../api/rooms-api';
import { MemberRow } from './member-row';
import { RoomDetailsForm } from './room-details-form';

interface RoomInfoPanelProps {
  roomId: string;
  myId: string;
  onClose: () => void;
  onLeft: () => void;
  renderUserSearch: (props: { onPick: (user: UserSummary) => void; selectedIds: string[] }) => ReactNode;
}

/** Slide-out: description, members with roles and presence, and what the caller's role allows. */
export function RoomInfoPanel({ roomId, myId, onClose, onLeft, renderUserSearch }: RoomInfoPanelProps) {
  const queryClient = useQueryClient();
  const room = useQuery(roomQuery(roomId));
  const [editing, setEditing] = useState(false);
  // When the edit form closes, focus goes back to its button instead of falling to the page.
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  useEffect(() => {
    if (wasEditing.current && !editing) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: roomKeys.detail(roomId) });
    void queryClient.invalidateQueries({ queryKey: roomKeys.list() });
  };
  const add = useMutation({
    mutationFn: (user: UserSummary) => addMember(roomId, user.id),
    onSuccess: refresh,
  });
  const leave = useMutation({
    mutationFn: () => removeMember(roomId, myId),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: roomKeys.detail(roomId) });
      void queryClient.invalidateQueries({ queryKey: roomKeys.list() });
      onLeft();
    },
  });

  const myRole = room.data?.my_role ?? room.data?.members.find((m) => m.id === myId)?.role;
  const canManage = myRole === 'owner' || myRole === 'admin';
  return (
    <Dialog title={room.data ? room.data.name : 'Room info'} onClose={onClose} variant="panel">
      {room.isPending && <Spinner label="Loading room" />}
      {room.data && (
        <div className="flex flex-col gap-4">
          {editing ? (
            <RoomDetailsForm
              room={room.data}
              onSaved={() => {
                setEditing(false);
                refresh();
              }}
              onCancel={() => setEditing(false)}
            />
          ) : (
            <div className="flex items-start gap-2">
              <p className="flex-1 text-sm text-slate-700">
                {room.data.description || (room.data.is_direct ? 'Direct message' : 'No description')}
              </p>
              {canManage && !room.data.is_direct && (
                <Button ref={editButton} variant="secondary" onClick={() => setEditing(true)}>
                  Edit room
                </Button>
              )}
            </div>
          )}
          <section aria-labelledby="members-heading">
            <h3 id="members-heading" className="mb-2 font-semibold">
              Members ({room.data.members.length})
            </h3>
            <ul className="flex flex-col gap-1">
              {room.data.members.map((member) => (
                <MemberRow
                  key={member.id}
                  roomId={roomId}
                  member={member}
                  myId={myId}
                  myRole={myRole}
                  onChanged={refresh}
                />
              ))}
            </ul>
          </section>
          {canManage && !room.data.is_direct && (
            <section aria-label="Add member" className="flex flex-col gap-1">
              {renderUserSearch({
                onPick: (user) => add.mutate(user),
                selectedIds: room.data.members.map((m) => m.id),
              })}
              {add.isError && (
                <p role="alert" className="text-sm text-red-700">
                  {isApiError(add.error, 'ALREADY_MEMBER') ? 'Already a member.' : add.error.message}
                </p>
              )}
            </section>
          )}
          {!room.data.is_direct && (
            <div className="flex flex-col gap-2 border-t border-slate-200 pt-3">
              <Button variant="danger" onClick={() => leave.mutate()} pending={leave.isPending}>
                Leave room
              </Button>
              {leave.isError && (
                <p role="alert" className="text-sm text-red-700">
                  {isApiError(leave.error, 'OWNER_MUST_TRANSFER')
                    ? 'You own this room. Make another member the owner first (set their role to owner above), then leave.'
                    : leave.error.message}
                </p>
              )}
            </div>
          )}
        </div>
      )}
    </Dialog>
  );
}
