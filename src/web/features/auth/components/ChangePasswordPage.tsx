import { Alert, Button, Paper, PasswordInput, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { MIN_PASSWORD } from '../../../../shared/limits';
import { useErrorMessage } from '../../../lib/i18n';
import { useChangePassword, useMe } from '../api/auth';

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const me = useMe();
  const change = useChangePassword();
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const mismatch = repeat.length > 0 && next !== repeat;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (mismatch) return;
    change.mutate(
      { currentPassword: current, newPassword: next },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('auth.changed') });
          navigate('/');
        },
      },
    );
  };

  return (
    <Paper withBorder p="lg" maw={480}>
      <form onSubmit={onSubmit}>
        <Stack>
          <Title order={1} size="h3">
            {t('auth.changeTitle')}
          </Title>
          {me.data?.mustChangePassword && <Alert color="yellow">{t('auth.mustChange')}</Alert>}
          {change.error && (
            <Alert color="red" role="alert">
              {errorMessage(change.error)}
            </Alert>
          )}
          <PasswordInput
            label={t('auth.currentPassword')}
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            autoComplete="current-password"
            required
          />
          <PasswordInput
            label={t('auth.newPassword')}
            value={next}
            onChange={(e) => setNext(e.currentTarget.value)}
            autoComplete="new-password"
            minLength={MIN_PASSWORD}
            required
          />
          <PasswordInput
            label={t('auth.confirmPassword')}
            value={repeat}
            onChange={(e) => setRepeat(e.currentTarget.value)}
            autoComplete="new-password"
            error={mismatch ? t('auth.mismatch') : undefined}
            required
          />
          <Button type="submit" loading={change.isPending} disabled={mismatch}>
            {t('common.save')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
