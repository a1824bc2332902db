import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Button } from '@/components/button';
import { MessageMarkdown } from '@/components/message-markdown';
import { RelativeTime } from '@/components/relative-time';
import { Spinner } from '@/components/spinner';
import { mentionsQuery } from '@/features/messages/api/get-mentions';
import { useSessionStore } from '@/lib/session-store';
import { AppHeader } from './app-header';

/** Every message that mentions the user, newest first, each a way into its room. */
export function MentionsPage() {
  const me = useSessionStore((s) => s.user);
  const mentions = useInfiniteQuery(mentionsQuery());
  const items = mentions.data?.pages.flatMap((page) => page.mentions) ?? [];
  return (
    <div className="min-h-screen">
      <AppHeader />
      <main className="mx-auto flex max-w-2xl flex-col gap-4 p-6">
        <h1 className="text-2xl font-bold">Mentions</h1>
        {mentions.isPending && <Spinner label="Loading mentions" />}
        {mentions.isError && <p className="text-sm text-red-700">Could not load your mentions.</p>}
        {mentions.isSuccess && items.length === 0 && (
          <p className="text-sm text-slate-600">Nobody has mentioned you yet.</p>
        )}
        <ul aria-label="Mentions" className="flex flex-col gap-2">
          {items.map(({ room_id, room_name, room_is_direct, message }) => (
            <li
              key={message.id}
              data-testid="mention-item"
              className="rounded-md border border-slate-200 p-3"
            >
              <Link to={`/chat/${room_id}`} className="text-sm font-semibold text-brand-700 underline">
                {room_is_direct ? room_name : `# ${room_name}`}
              </Link>
              <p className="mt-1 text-xs text-slate-600">
                {message.sender.display_name} · <RelativeTime iso={message.created_at} />
              </p>
              <div className="mt-1 text-sm break-words">
                <MessageMarkdown source={message.content} myUsernameKey={me?.username.toLowerCase()} />
              </div>
            </li>
          ))}
        </ul>
        {mentions.hasNextPage && (
          <Button
            variant="secondary"
            pending={mentions.isFetchingNextPage}
            onClick={() => void mentions.fetchNextPage()}
          >
            Older mentions
          </Button>
        )}
      </main>
    </div>
  );
}
