import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type HallLayout, seatsOf } from '../../../../shared/seating';
import { api } from '../../../lib/api';

/**
 * The hall's capacity: the number the organizer typed, else the seats of the hall layout (the demo hall's 300),
 * so the overview never says "—" for a hall that has seats.
 */
export function HallCapacity({ eventId, capacity }: { eventId: string; capacity: number | null }) {
  const { t } = useTranslation();
  const hall = useQuery({
    queryKey: ['hall', eventId],
    queryFn: () => api.get<HallLayout>(`/api/events/${eventId}/hall`),
    enabled: capacity === null,
  });
  if (capacity !== null) return <>{t('everyday.overview.seats', { count: capacity })}</>;
  if (!hall.data) return null;
  return (
    <>
      {t('everyday.overview.seats', { count: seatsOf(hall.data).length })}{' '}
      <Text span size="sm" c="dimmed">
        {t('everyday.overview.fromLayout', { name: hall.data.name })}
      </Text>
    </>
  );
}
