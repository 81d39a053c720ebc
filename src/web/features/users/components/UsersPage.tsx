import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  PasswordInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatTime } from '../../../../shared/format';
import type { User } from '../../../../shared/users';
import { createUserSchema } from '../../../../shared/users';
import { apiFieldErrors, zodFieldErrors } from '../../../lib/form';
import { HiddenHeader } from '../../../lib/HiddenHeader';
import { useErrorMessage } from '../../../lib/i18n';
import { useCreateUser, useResetPassword, useUnlockSignIn, useUpdateUser, useUsers } from '../api/users';

function NewUserModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const errorMessage = useErrorMessage();
  const form = useForm({
    initialValues: { username: '', fullName: '', password: '', isAdmin: false },
    validate: (values) => zodFieldErrors(createUserSchema, values),
  });
  return (
    <Modal opened onClose={onClose} title={t('users.new')}>
      <form
        noValidate
        onSubmit={form.onSubmit((values) =>
          create.mutate(values, { onSuccess: onClose, onError: (e) => form.setErrors(apiFieldErrors(e)) }),
        )}
      >
        <Stack>
          {create.error && <Alert color="red">{errorMessage(create.error)}</Alert>}
          <TextInput
            label={t('users.username')}
            autoCapitalize="none"
            required
            {...form.getInputProps('username')}
          />
          <TextInput label={t('users.fullName')} required {...form.getInputProps('fullName')} />
          <PasswordInput label={t('users.tempPassword')} required {...form.getInputProps('password')} />
          <Checkbox label={t('users.isAdmin')} {...form.getInputProps('isAdmin', { type: 'checkbox' })} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('common.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const reset = useResetPassword();
  const errorMessage = useErrorMessage();
  const [password, setPassword] = useState('');
  return (
    <Modal opened onClose={onClose} title={`${t('users.resetPassword')}: ${user.username}`}>
      <Stack>
        {reset.error && <Alert color="red">{errorMessage(reset.error)}</Alert>}
        <PasswordInput
          label={t('users.tempPassword')}
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button
            loading={reset.isPending}
            onClick={() =>
              reset.mutate(
                { id: user.id, password },
                {
                  onSuccess: () => {
                    notifications.show({ color: 'green', message: t('users.passwordReset') });
                    onClose();
                  },
                },
              )
            }
          >
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function UsersPage() {
  const { t } = useTranslation();
  const users = useUsers();
  const update = useUpdateUser();
  const unlock = useUnlockSignIn();
  const errorMessage = useErrorMessage();
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<User | null>(null);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('users.title')}
        </Title>
        <Button onClick={() => setCreating(true)}>{t('users.new')}</Button>
      </Group>
      {(users.error || update.error || unlock.error) && (
        <Alert color="red">{errorMessage(users.error ?? update.error ?? unlock.error)}</Alert>
      )}
      <Table.ScrollContainer minWidth={640}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('users.username')}</Table.Th>
              <Table.Th>{t('users.fullName')}</Table.Th>
              <Table.Th>{t('everyday.members.lastLogin')}</Table.Th>
              <HiddenHeader>{t('events.status')}</HiddenHeader>
              <HiddenHeader>{t('common.actions')}</HiddenHeader>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.data?.map((user) => (
              <Table.Tr key={user.id}>
                <Table.Td>{user.username}</Table.Td>
                <Table.Td>{user.fullName}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {user.lastLoginAt
                    ? `${formatTime(user.lastLoginAt)} ${formatDate(user.lastLoginAt)}`
                    : t('everyday.members.never')}
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {user.isAdmin && <Badge variant="light">{t('users.isAdmin')}</Badge>}
                    <Badge color={user.isActive ? 'green' : 'gray'} variant="light">
                      {user.isActive ? t('users.active') : t('users.locked')}
                    </Badge>
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={() => update.mutate({ id: user.id, input: { isActive: !user.isActive } })}
                    >
                      {user.isActive ? t('users.lock') : t('users.unlock')}
                    </Button>
                    <Button size="compact-xs" variant="subtle" onClick={() => setResetting(user)}>
                      {t('users.resetPassword')}
                    </Button>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      loading={unlock.isPending && unlock.variables === user.id}
                      onClick={() =>
                        unlock.mutate(user.id, {
                          onSuccess: () =>
                            notifications.show({
                              color: 'green',
                              message: t('users.lockoutCleared', { username: user.username }),
                            }),
                        })
                      }
                    >
                      {t('users.clearLockout')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {users.data && (
        <Text size="sm" c="dimmed">
          {t('common.total', { count: users.data.length })}
        </Text>
      )}
      {creating && <NewUserModal onClose={() => setCreating(false)} />}
      {resetting && <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />}
    </Stack>
  );
}
