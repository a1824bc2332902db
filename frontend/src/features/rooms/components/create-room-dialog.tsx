import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Button } from '@/components/button';
import { Dialog } from '@/components/dialog';
import { fieldErrorOf } from '@/lib/api-error';
import type { UserSummary } from '@/lib/user-summary';
import { createRoom, roomKeys } from '../api/rooms-api';

interface CreateRoomDialogProps {
  onClose: () => void;
  onCreated: (roomId: string) => void;
  /** The user search, composed in by the app (features do not import each other). */
  renderUserSearch: (props: { onPick: (user: UserSummary) => void; selectedIds: string[] }) => ReactNode;
}

export function CreateRoomDialog({ onClose, onCreated, renderUserSearch }: CreateRoomDialogProps) {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [members, setMembers] = useState<UserSummary[]>([]);
  const create = useMutation({
    mutationFn: () =>
      createRoom({
        name: name.trim(),
        description: description.trim() || undefined,
        member_ids: members.map((m) => m.id),
      }),
    onSuccess: (room) => {
      void queryClient.invalidateQueries({ queryKey: roomKeys.list() });
      onCreated(room.id);
    },
  });
  const toggle = (user: UserSummary) =>
    setMembers((current) =>
      current.some((m) => m.id === user.id) ? current.filter((m) => m.id !== user.id) : [...current, user],
    );
  const nameError = fieldErrorOf(create.error, 'name');

  return (
    <Dialog title="Create a room" onClose={onClose}>
      <form
        className="flex flex-col gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim() && !create.isPending) create.mutate();
        }}
      >
        <label className="flex flex-col gap-1 text-sm font-medium">
          Room name
          <input
            data-autofocus
            required
            maxLength={100}
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={nameError ? true : undefined}
            className="rounded-md border border-slate-400 px-3 py-2 font-normal"
          />
        </label>
        {nameError && (
          <p role="alert" className="text-xs text-red-700">
            {nameError}
          </p>
        )}
        <label className="flex flex-col gap-1 text-sm font-medium">
          Description (optional)
          <textarea
            maxLength={500}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            className="rounded-md border border-slate-400 px-3 py-2 font-normal"
          />
        </label>
        {renderUserSearch({ onPick: toggle, selectedIds: members.map((m) => m.id) })}
        {members.length > 0 && (
          <ul aria-label="Selected members" className="flex flex-wrap gap-1">
            {members.map((m) => (
              <li key={m.id}>
                <button
                  type="button"
                  onClick={() => toggle(m)}
                  className="rounded-full bg-indigo-100 px-2 py-0.5 text-xs"
                  aria-label={`Remove ${m.display_name}`}
                >
                  {m.display_name} ✕
                </button>
              </li>
            ))}
          </ul>
        )}
        {create.isError && !nameError && (
          <p role="alert" className="text-sm text-red-700">
            {create.error.message}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={!name.trim()} pending={create.isPending}>
            {create.isPending ? 'Creating…' : 'Create'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
