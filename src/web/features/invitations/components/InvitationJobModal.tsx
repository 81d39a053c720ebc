import { Alert, Button, Group, Modal, Progress, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentJob, StartInvitationJobInput } from '../../../../shared/invitations';
import { api } from '../../../lib/api';
import { useErrorMessage } from '../../../lib/i18n';
import { LetterReadinessNotice } from './LetterReadinessNotice';

/** Makes a batch of letters in the background with a progress bar, then offers the file. */
export function InvitationJobModal({
  eventId,
  input,
  onClose,
}: {
  eventId: string;
  input: StartInvitationJobInput;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const start = useMutation({
    mutationFn: () => api.post<DocumentJob>(`/api/events/${eventId}/invitation-jobs`, input),
  });
  const { mutate } = start;
  useEffect(() => mutate(), [mutate]);
  const jobId = start.data?.id;
  const job = useQuery({
    queryKey: ['events', eventId, 'invitation-jobs', jobId],
    queryFn: () => api.get<DocumentJob>(`/api/events/${eventId}/invitation-jobs/${jobId}`),
    enabled: !!jobId,
    refetchInterval: (query) => (query.state.data?.status === 'running' || !query.state.data ? 500 : false),
  });
  const j = job.data ?? start.data;
  const percent = j?.total ? Math.round((j.done / j.total) * 100) : 0;
  return (
    <Modal opened onClose={onClose} title={t('invitations.jobTitle')} size="md">
      <Stack>
        <LetterReadinessNotice eventId={eventId} />
        {(start.error || job.error) && <Alert color="red">{errorMessage(start.error ?? job.error)}</Alert>}
        {j?.status === 'failed' && <Alert color="red">{j.error}</Alert>}
        {j && j.status !== 'failed' && (
          <>
            <Progress
              value={j.status === 'done' ? 100 : percent}
              animated={j.status === 'running'}
              aria-label={t('invitations.jobTitle')}
            />
            <Text size="sm" aria-live="polite">
              {j.status === 'done'
                ? t('invitations.jobDone', { count: j.total })
                : j.total
                  ? t('invitations.jobProgress', { done: j.done, total: j.total })
                  : t('invitations.jobNumbering')}
            </Text>
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
          {j?.status === 'done' && (
            <Button component="a" href={`/api/events/${eventId}/invitation-jobs/${j.id}/file`} download>
              {t('invitations.jobDownload', { name: j.fileName })}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
