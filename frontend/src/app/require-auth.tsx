import { Navigate, Outlet, useLocation } from 'react-router';
import { Spinner } from '@/components/spinner';
import { useSessionStore } from '@/lib/session-store';

/** Protected routes: wait for the silent refresh, then either render or go to /login and back. */
export function RequireAuth() {
  const status = useSessionStore((s) => s.status);
  const location = useLocation();
  if (status === 'restoring') {
    return (
      <div className="flex min-h-screen items-center justify-center">
        <Spinner label="Restoring your session" />
      </div>
    );
  }
  if (status === 'signed-out') {
    return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  }
  return <Outlet />;
}

/** Public-only routes (login, register): a signed-in user goes straight to the chat. */
export function RedirectIfSignedIn() {
  const status = useSessionStore((s) => s.status);
  if (status === 'signed-in') return <Navigate to="/chat" replace />;
  return <Outlet />;
}
