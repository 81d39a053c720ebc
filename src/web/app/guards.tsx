import { Alert, Center, Loader, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { useMe } from '../features/auth/api/auth';

export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center p="xl">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}

/** Signed-in users only; a temporary password must be changed before anything else. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <PageLoader />;
  if (!me.data)
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (me.data.mustChangePassword && location.pathname !== '/account/password') {
    return <Navigate to="/account/password" replace />;
  }
  return children;
}

export function Forbidden() {
  const { t } = useTranslation();
  return (
    <Stack maw={560}>
      <Title order={1} size="h3">
        {t('common.forbiddenTitle')}
      </Title>
      <Alert color="red" role="alert">
        {t('common.forbiddenText')}
      </Alert>
    </Stack>
  );
}

/** Hides pages the server would refuse anyway; the server's 403 is the real guard. */
export function RequireAdmin({ children }: { children: ReactNode }) {
  const me = useMe();
  if (!me.data?.isAdmin) return <Forbidden />;
  return children;
}

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Title order={1} size="h3">
      {t('common.notFound')}
    </Title>
  );
}
