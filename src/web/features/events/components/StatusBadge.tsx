import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EventStatus } from '../../../../shared/events';

const COLORS: Record<EventStatus, string> = {
  draft: 'gray',
  preparing: 'blue',
  live: 'green',
  closed: 'dark',
};

export function StatusBadge({ status }: { status: EventStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light">
      {t(`status.${status}`)}
    </Badge>
  );
}
