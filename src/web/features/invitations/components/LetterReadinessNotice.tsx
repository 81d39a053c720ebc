import { Alert, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLetterReadiness } from '../api/invitations';

/**
 * Where the organizer prints: letters and badges are refused until the public address is set (and say how), and
 * QĐ 45/2018's warning when they would reach people fewer than 3 working days before the meeting.
 */
export function LetterReadinessNotice({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const readiness = useLetterReadiness(eventId);
  const data = readiness.data;
  if (!data || (data.publicUrl && !data.warning)) return null;
  return (
    <Stack gap="xs">
      {!data.publicUrl && (
        <Alert color="orange" title={t('letters.noPublicUrlTitle')} data-testid="no-public-url">
          {t('letters.noPublicUrl')}
        </Alert>
      )}
      {data.warning && (
        <Alert color="yellow" title={t('letters.lateTitle')}>
          {data.warning}
        </Alert>
      )}
    </Stack>
  );
}
