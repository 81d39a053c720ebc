import {
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatTime } from '../../../../shared/format';
import { EVENT_ROLES, type EventRole } from '../../../../shared/vocabulary';
import { HiddenHeader } from '../../../lib/HiddenHeader';
import { useErrorMessage } from '../../../lib/i18n';
import { UnitSelect } from '../../units/components/UnitSelect';
import { useUsers } from '../../users/api/users';
import { useMembers, useRemoveMember, useResetMemberPassword, useSetMember } from '../api/events';

export function MembersPanel({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const members = useMembers(eventId, true);
  const users = useUsers();
  const setMember = useSetMember(eventId);
  const removeMember = useRemoveMember(eventId);
  const errorMessage = useErrorMessage();
  const [userId, setUserId] = useState<string | null>(null);
  const [role, setRole] = useState<EventRole>('viewer');
  const [unitId, setUnitId] = useState<string | null>(null);
  const resetPassword = useResetMemberPassword(eventId);
  const [issued, setIssued] = useState<{ name: string; username: string; password: string } | null>(null);
  const error = setMember.error ?? removeMember.error ?? resetPassword.error;

  const roleOptions = EVENT_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }));
  return (
    <Stack>
      {error && <Alert color="red">{errorMessage(error)}</Alert>}
      <Paper withBorder p="md">
        <Group align="flex-end" wrap="wrap">
          <Select
            label={t('members.pickUser')}
            searchable
            data={(users.data ?? []).map((u) => ({ value: u.id, label: `${u.fullName} (${u.username})` }))}
            value={userId}
            onChange={setUserId}
            w={280}
          />
          <Select
            label={t('members.role')}
            data={roleOptions}
            value={role}
            onChange={(v) => setRole((v as EventRole) ?? 'viewer')}
            allowDeselect={false}
            w={200}
          />
          {role === 'unit_officer' && (
            <div style={{ width: 280 }}>
              <UnitSelect label={t('members.unit')} value={unitId} onChange={(id) => setUnitId(id)} />
            </div>
          )}
          <Button
            disabled={!userId}
            loading={setMember.isPending}
            onClick={() =>
              userId &&
              setMember.mutate({ userId, input: { role, unitId: role === 'unit_officer' ? unitId : null } })
            }
          >
            {t('members.add')}
          </Button>
        </Group>
      </Paper>
      <Table.ScrollContainer minWidth={560}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('members.user')}</Table.Th>
              <Table.Th>{t('members.role')}</Table.Th>
              <Table.Th>{t('members.unit')}</Table.Th>
              <Table.Th>{t('everyday.members.lastLogin')}</Table.Th>
              <HiddenHeader>{t('common.actions')}</HiddenHeader>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.data?.map((m) => (
              <Table.Tr key={m.userId}>
                <Table.Td>
                  <Text size="sm">{m.fullName}</Text>
                  <Text size="xs" c="dimmed">
                    {m.username}
                  </Text>
                </Table.Td>
                <Table.Td>{t(`roles.${m.role}`)}</Table.Td>
                <Table.Td>{m.unitName ?? '—'}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {m.lastLoginAt ? (
                    `${formatTime(m.lastLoginAt)} ${formatDate(m.lastLoginAt)}`
                  ) : (
                    <Text size="sm" c="var(--mantine-color-gray-7)">
                      {t('everyday.members.never')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      loading={resetPassword.isPending && resetPassword.variables === m.userId}
                      onClick={() =>
                        resetPassword.mutate(m.userId, {
                          onSuccess: (r) =>
                            setIssued({
                              name: m.fullName,
                              username: m.username,
                              password: r.temporaryPassword,
                            }),
                        })
                      }
                      aria-label={t('everyday.members.resetFor', { name: m.fullName })}
                    >
                      {t('everyday.members.reset')}
                    </Button>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      onClick={() => removeMember.mutate(m.userId)}
                    >
                      {t('members.remove')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Modal opened={!!issued} onClose={() => setIssued(null)} title={t('everyday.members.resetTitle')}>
        {issued && (
          <Stack>
            <Text size="sm">
              {t('everyday.members.resetBody', { name: issued.name, username: issued.username })}
            </Text>
            <Group>
              <Code fz="lg" data-testid="temporary-password">
                {issued.password}
              </Code>
              <CopyButton value={issued.password}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="light" onClick={copy}>
                    {copied ? t('everyday.members.copied') : t('everyday.members.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Button onClick={() => setIssued(null)}>{t('everyday.members.close')}</Button>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
