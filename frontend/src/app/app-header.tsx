import { Link, useNavigate } from 'react-router';
import { Avatar } from '@/components/avatar';
import { Button } from '@/components/button';
import { useSessionStore } from '@/lib/session-store';
import { signOut } from './session';

export function AppHeader() {
  const user = useSessionStore((s) => s.user);
  const navigate = useNavigate();
  return (
    <header className="flex items-center justify-between border-b border-slate-200 bg-white px-4 py-2">
      <Link to="/chat" className="text-lg font-bold text-brand-700">
        NexusChat
      </Link>
      <nav aria-label="Account" className="flex items-center gap-2">
        {user && (
          <Link to="/mentions" className="rounded-md px-2 py-1 text-sm hover:bg-slate-100">
            Mentions
          </Link>
        )}
        {user && (
          <Link
            to="/settings"
            className="flex items-center gap-2 rounded-md px-2 py-1 text-sm hover:bg-slate-100"
          >
            <Avatar name={user.display_name} url={user.avatar_url} size="sm" />
            <span>{user.display_name}</span>
          </Link>
        )}
        <Button
          variant="ghost"
          onClick={async () => {
            await signOut();
            navigate('/login', { replace: true });
          }}
        >
          Sign out
        </Button>
      </nav>
    </header>
  );
}
