import {
  Alert,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { useErrorMessage } from '../../../lib/i18n';
import { useLogin, useMe } from '../api/auth';
import { LanguageSwitch } from './LanguageSwitch';

export function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const me = useMe();
  const login = useLogin();
  const errorMessage = useErrorMessage();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');

  const next = params.get('next')?.startsWith('/') ? params.get('next')! : '/';
  if (me.data) {
    // A temporary password is changed first, even when the way in was the check-in desk (a page of its own).
    if (me.data.mustChangePassword) return <Navigate to="/account/password" replace />;
    // The check-in desk is a page of its own, outside this app: the browser loads it.
    if (/^\/checkin\//.test(next)) {
      window.location.replace(next);
      return null;
    }
    return <Navigate to={next} replace />;
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ username, password });
  };

  return (
    <Center component="main" mih="100dvh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={420}>
        <form onSubmit={onSubmit}>
          <Stack>
            <Group justify="space-between" align="flex-start">
              <div>
                <Title order={1} size="h2">
                  {t('app.name')}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('app.tagline')}
                </Text>
              </div>
              <LanguageSwitch />
            </Group>
            <Title order={2} size="h4">
              {t('auth.title')}
            </Title>
            {login.error && (
              <Alert color="red" role="alert">
                {errorMessage(login.error)}
              </Alert>
            )}
            <TextInput
              label={t('auth.username')}
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
              autoComplete="username"
              autoCapitalize="none"
              required
            />
            <PasswordInput
              label={t('auth.password')}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              autoComplete="current-password"
              required
            />
            <Button type="submit" loading={login.isPending}>
              {t('auth.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
