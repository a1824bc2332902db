import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button } from '@/components/button';
import { Dialog } from '@/components/dialog';
import { toPlainText } from '@/lib/markdown/plain-text';
import { messageKeys, type ChatMessage, type RoomMessages } from '../api/get-messages';
import { deleteMessage } from '../api/message-mutations';
import { removeMessage } from '../model/message-cache';

export function DeleteMessageDialog({ message, onClose }: { message: ChatMessage; onClose: () => void }) {
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => deleteMessage(message.room_id, message.id),
    onSuccess: () => {
      queryClient.setQueryData<RoomMessages>(messageKeys.room(message.room_id), (data) =>
        removeMessage(data, message.id),
      );
      onClose();
    },
  });
  return (
    <Dialog title="Delete message?" onClose={onClose} role="alertdialog">
      <p className="mb-2 text-sm">This removes the message for everyone in the room. It cannot be undone.</p>
      <blockquote className="mb-4 rounded bg-slate-100 p-2 text-sm break-words">
        {toPlainText(message.content.slice(0, 400)).slice(0, 200)}
      </blockquote>
      {remove.isError && (
        <p role="alert" className="mb-2 text-sm text-red-700">
          {remove.error.message}
        </p>
      )}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose} data-autofocus>
          Cancel
        </Button>
        <Button variant="danger" onClick={() => remove.mutate()} pending={remove.isPending}>
          Delete
        </Button>
      </div>
    </Dialog>
  );
}
