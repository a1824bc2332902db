import { QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { LiveRegion } from '@/components/live-region';
import { LoginPage, RegisterPage } from './auth-pages';
import { ChatPage } from './chat-page';
import { queryClient } from './query-client';
import { RedirectIfSignedIn, RequireAuth } from './require-auth';
import { RouteErrorBoundary } from './route-error-boundary';
import { SettingsPage } from './settings-page';

const router = createBrowserRouter([
  {
    errorElement: <RouteErrorBoundary />,
    children: [
      {
        element: <RedirectIfSignedIn />,
        children: [
          { path: '/login', element: <LoginPage /> },
          { path: '/register', element: <RegisterPage /> },
        ],
      },
      {
        element: <RequireAuth />,
        children: [
          { path: '/chat', element: <ChatPage /> },
          { path: '/chat/:roomId', element: <ChatPage /> },
          { path: '/settings', element: <SettingsPage /> },
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
