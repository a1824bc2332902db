import { QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { LiveRegion } from '@/components/live-region';
import { loadChatPage } from './chat-page-loader';
import { queryClient } from './query-client';
import { RedirectIfSignedIn, RequireAuth } from './require-auth';
import { RouteErrorBoundary } from './route-error-boundary';

// Each screen is its own chunk: the first load carries only the shell and the screen it shows.
const chat = async () => ({ Component: (await loadChatPage()).ChatPage });

const router = createBrowserRouter([
  {
    errorElement: <RouteErrorBoundary />,
    children: [
      {
        element: <RedirectIfSignedIn />,
        children: [
          { path: '/login', lazy: async () => ({ Component: (await import('./auth-pages')).LoginPage }) },
          {
            path: '/register',
            lazy: async () => ({ Component: (await import('./auth-pages')).RegisterPage }),
          },
        ],
      },
      {
        element: <RequireAuth />,
        children: [
          { path: '/chat', lazy: chat },
          { path: '/chat/:roomId', lazy: chat },
          {
            path: '/mentions',
            lazy: async () => ({ Component: (await import('./mentions-page')).MentionsPage }),
          },
          {
            path: '/settings',
            lazy: async () => ({ Component: (await import('./settings-page')).SettingsPage }),
          },
        ],
      },
      { path: '*', element: <Navigate to="/chat" replace /> },
    ],
  },
]);

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
      <LiveRegion />
    </QueryClientProvider>
  );
}
