import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { ChangePasswordPage } from '../features/auth/components/ChangePasswordPage';
import { LoginPage } from '../features/auth/components/LoginPage';
import { EventFormPage } from '../features/events/components/EventFormPage';
import { EventListPage } from '../features/events/components/EventListPage';
import { EventPage } from '../features/events/components/EventPage';
import { UnitsPage } from '../features/units/components/UnitsPage';
import { UsersPage } from '../features/users/components/UsersPage';
import { NotFound, RequireAdmin, RequireAuth } from './guards';
import { Shell } from './Shell';
import { theme } from './theme';

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } },
});

const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <Shell />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <EventListPage /> },
      { path: 'events/new', element: <EventFormPage /> },
      { path: 'events/:eventId', element: <EventPage /> },
      { path: 'events/:eventId/edit', element: <EventFormPage /> },
      { path: 'units', element: <UnitsPage /> },
      {
        path: 'admin/users',
        element: (
          <RequireAdmin>
            <UsersPage />
          </RequireAdmin>
        ),
      },
      { path: 'account/password', element: <ChangePasswordPage /> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);

export function App() {
  const { i18n } = useTranslation();
  return (
    <MantineProvider theme={theme}>
      <DatesProvider settings={{ locale: i18n.language, firstDayOfWeek: 1 }}>
        <QueryClientProvider client={queryClient}>
          <Notifications position="top-center" />
          <RouterProvider router={router} />
        </QueryClientProvider>
      </DatesProvider>
    </MantineProvider>
  );
}
