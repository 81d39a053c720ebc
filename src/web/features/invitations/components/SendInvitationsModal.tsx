import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { InvitationSendResult } from '../../../../shared/invitations';
import { api, withQuery } from '../../../lib/api';
import { useErrorMessage } from '../../../lib/i18n';

/** Sends the invitations by email and says, person by person, what happened. */
export function SendInvitationsModal({
  eventId,
  groupId,
  awaiting,
  onClose,
}: {
  eventId: string;
  groupId: string | null;
  /** A reminder: only people invited who have not answered. */
  awaiting: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const send = useMutation({
    mutationFn: () =>
      api.post<InvitationSendResult>(
        withQuery(`/api/events/${eventId}/invitations/send`, { groupId, awaiting: awaiting || null }),
      ),
  });
  const r = send.data;
  return (
    <Modal
      opened
      onClose={onClose}
      title={awaiting ? t('invitations.remind') : t('invitations.sendTitle')}
      size="lg"
    >
      <Stack>
        <Text size="sm">{t('invitations.sendHelp')}</Text>
        {send.error && <Alert color="red">{errorMessage(send.error)}</Alert>}
        {r?.warning && <Alert color="orange">{r.warning}</Alert>}
        {r && (
          <Stack gap="xs">
            <Text fw={600} c="green">
              {t('invitations.sent', { count: r.sent.length })}
            </Text>
            <List size="sm">
              {r.sent.map((s) => (
                <List.Item key={s.number}>{`${s.name} — ${s.email}`}</List.Item>
              ))}
            </List>
            {r.failed.length > 0 && (
              <>
                <Text fw={600} c="red">
                  {t('invitations.failed', { count: r.failed.length })}
                </Text>
                <List size="sm">
                  {r.failed.map((f) => (
                    <List.Item key={f.number}>{`${f.name} — ${f.email}: ${f.error}`}</List.Item>
                  ))}
                </List>
              </>
            )}
            {r.skipped.length > 0 && (
              <>
                <Text fw={600} c="orange">
                  {t('invitations.skipped', { count: r.skipped.length })}
                </Text>
                <List size="sm">
                  {r.skipped.map((s) => (
                    <List.Item key={s.number}>{`${s.name}: ${s.reason}`}</List.Item>
                  ))}
                </List>
              </>
            )}
          </Stack>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
          {!r && (
            <Button loading={send.isPending} onClick={() => send.mutate()}>
              {t('invitations.sendNow')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
