import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { LoginPage } from '../features/auth/components/LoginPage';
import { NotFound, RequireAdmin, RequireAuth } from './guards';
import { Shell } from './Shell';
import { createAppTheme, cssVariablesResolver } from './theme';

// Each page is its own chunk, so a phone at the hall door downloads only what its screen needs.
// The shell wraps its outlet in Suspense.
const EventListPage = lazy(() =>
  import('../features/events/components/EventListPage').then((m) => ({ default: m.EventListPage })),
);
const EventPage = lazy(() =>
  import('../features/events/components/EventPage').then((m) => ({ default: m.EventPage })),
);
const EventFormPage = lazy(() =>
  import('../features/events/components/EventFormPage').then((m) => ({ default: m.EventFormPage })),
);
const PlanImportPage = lazy(() =>
  import('../features/plans/components/PlanImportPage').then((m) => ({ default: m.PlanImportPage })),
);
const DelegateImportPage = lazy(() =>
  import('../features/delegates/components/DelegateImportPage').then((m) => ({
    default: m.DelegateImportPage,
  })),
);
const ReplyPage = lazy(() =>
  import('../features/replies/components/ReplyPage').then((m) => ({ default: m.ReplyPage })),
);
const UnitsPage = lazy(() =>
  import('../features/units/components/UnitsPage').then((m) => ({ default: m.UnitsPage })),
);
const ProductsPage = lazy(() =>
  import('../features/ocop/components/ProductsPage').then((m) => ({ default: m.ProductsPage })),
);
const UsersPage = lazy(() =>
  import('../features/users/components/UsersPage').then((m) => ({ default: m.UsersPage })),
);
const TitleLadderPage = lazy(() =>
  import('../features/protocol/components/TitleLadderPage').then((m) => ({ default: m.TitleLadderPage })),
);
const BadgeCodePage = lazy(() =>
  import('../features/invitations/components/BadgeCodePage').then((m) => ({ default: m.BadgeCodePage })),
);
const SettingsPage = lazy(() =>
  import('../features/settings/components/SettingsPage').then((m) => ({ default: m.SettingsPage })),
);
const ChangePasswordPage = lazy(() =>
  import('../features/auth/components/ChangePasswordPage').then((m) => ({ default: m.ChangePasswordPage })),
);

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } },
});

const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    // A badge's check-in code, scanned by a phone camera instead of the desk.
    path: '/c/:token',
    element: (
      <Suspense fallback={null}>
        <BadgeCodePage />
      </Suspense>
    ),
  },
  {
    // A delegate's reply link: no sign-in, its own small page.
    path: '/r/:token',
    element: (
      <Suspense fallback={null}>
        <ReplyPage />
      </Suspense>
    ),
  },
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
      { path: 'events/from-plan', element: <PlanImportPage /> },
      { path: 'events/:eventId', element: <EventPage /> },
      { path: 'events/:eventId/edit', element: <EventFormPage /> },
      { path: 'events/:eventId/delegates/import', element: <DelegateImportPage /> },
      { path: 'units', element: <UnitsPage /> },
      { path: 'products', element: <ProductsPage /> },
      {
        path: 'admin/users',
        element: (
          <RequireAdmin>
            <UsersPage />
          </RequireAdmin>
        ),
      },
      {
        path: 'admin/settings',
        element: (
          <RequireAdmin>
            <SettingsPage />
          </RequireAdmin>
        ),
      },
      { path: 'account/password', element: <ChangePasswordPage /> },
      {
        path: 'admin/protocol',
        element: (
          <RequireAdmin>
            <TitleLadderPage />
          </RequireAdmin>
        ),
      },
      { path: '*', element: <NotFound /> },
    ],
  },
]);

export function App() {
  const { t, i18n } = useTranslation();
  const theme = useMemo(() => createAppTheme(t), [t]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <DatesProvider settings={{ locale: i18n.language, firstDayOfWeek: 1 }}>
        <QueryClientProvider client={queryClient}>
          <Notifications position="top-center" />
          <RouterProvider router={router} />
        </QueryClientProvider>
      </DatesProvider>
    </MantineProvider>
  );
}
