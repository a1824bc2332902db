import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { Button } from '@/components/button';
import { TextField } from '@/components/text-field';
import { updateProfile } from '@/features/users/api/users-api';
import { fieldErrorOf } from '@/lib/api-error';
import { useSessionStore } from '@/lib/session-store';
import { AppHeader } from './app-header';
import { useChatUiStore } from './chat-ui-store';
import { DesktopNotificationsSetting } from './desktop-notifications-setting';

export function SettingsPage() {
  const user = useSessionStore((s) => s.user)!;
  const profileChanged = useSessionStore((s) => s.profileChanged);
  const { muted, muteToggled } = useChatUiStore();
  const [displayName, setDisplayName] = useState(user.display_name);
  const [avatarUrl, setAvatarUrl] = useState(user.avatar_url ?? '');
  const save = useMutation({
    mutationFn: () =>
      updateProfile({ display_name: displayName.trim(), avatar_url: avatarUrl.trim() || null }),
    onSuccess: profileChanged,
  });
  const fieldError = (field: string) => fieldErrorOf(save.error, field);

  return (
    <div className="min-h-screen">
      <AppHeader />
      <main className="mx-auto flex max-w-md flex-col gap-6 p-6">
        <h1 className="text-2xl font-bold">Settings</h1>
        <form
          className="flex flex-col gap-4"
          aria-label="Profile"
          onSubmit={(e) => {
            e.preventDefault();
            if (!save.isPending) save.mutate();
          }}
        >
          <TextField
            label="Display name"
            value={displayName}
            maxLength={100}
            required
            onChange={(e) => setDisplayName(e.target.value)}
            error={fieldError('display_name')}
          />
          <TextField
            label="Avatar URL"
            type="url"
            value={avatarUrl}
            placeholder="https://…"
            onChange={(e) => setAvatarUrl(e.target.value)}
            error={fieldError('avatar_url')}
          />
          {save.isSuccess && (
            <p role="status" className="text-sm text-green-800">
              Saved.
            </p>
          )}
          {save.isError && !fieldError('display_name') && !fieldError('avatar_url') && (
            <p role="alert" className="text-sm text-red-700">
              {save.error.message}
            </p>
          )}
          <Button type="submit" disabled={!displayName.trim()} pending={save.isPending}>
            Save profile
          </Button>
        </form>
        <section aria-labelledby="notifications-heading" className="flex flex-col gap-2">
          <h2 id="notifications-heading" className="font-semibold">
            Notifications
          </h2>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={muted} onChange={muteToggled} /> Mute the new-message sound
          </label>
          <DesktopNotificationsSetting />
        </section>
        <Link to="/chat" className="text-sm font-semibold text-brand-700 underline">
          Back to chat
        </Link>
      </main>
    </div>
  );
}
