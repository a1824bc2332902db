import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/components/button';
import { TextField } from '@/components/text-field';
import { fieldErrorOf } from '@/lib/api-error';
import type { RoomDetail } from '../api/room-schemas';
import { updateRoom } from '../api/rooms-api';

interface RoomDetailsFormProps {
  room: RoomDetail;
  onSaved: () => void;
  onCancel: () => void;
}

/** Owners and admins rename a room or change its description; the server's field errors show inline. */
export function RoomDetailsForm({ room, onSaved, onCancel }: RoomDetailsFormProps) {
  const [name, setName] = useState(room.name);
  const [description, setDescription] = useState(room.description ?? '');
  const save = useMutation({
    mutationFn: () => updateRoom(room.id, { name: name.trim(), description: description.trim() || null }),
    onSuccess: onSaved,
  });
  const fieldError = (field: string) => fieldErrorOf(save.error, field);
  const otherError =
    save.isError && !fieldError('name') && !fieldError('description') ? save.error.message : null;

  return (
    <form
      aria-label="Edit room"
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        if (!save.isPending) save.mutate();
      }}
    >
      <TextField
        label="Room name"
        value={name}
        required
        onChange={(e) => setName(e.target.value)}
        error={fieldError('name')}
      />
      <TextField
        label="Description"
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        error={fieldError('description')}
      />
      {otherError && (
        <p role="alert" className="text-sm text-red-700">
          {otherError}
        </p>
      )}
      <div className="flex gap-2">
        <Button type="submit" disabled={!name.trim()} pending={save.isPending}>
          Save
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
