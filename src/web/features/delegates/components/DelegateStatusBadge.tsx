import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DelegateStatus } from '../../../../shared/delegates';

const COLORS: Record<DelegateStatus, string> = {
  draft: 'gray',
  invited: 'blue',
  confirmed: 'green',
  declined: 'red',
  checked_in: 'teal',
  absent: 'orange',
  replaced: 'gray',
};

export function DelegateStatusBadge({ status }: { status: DelegateStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={COLORS[status]}
      variant={status === 'replaced' ? 'outline' : 'light'}
      size="sm"
      tt="none"
      style={{ overflow: 'visible', maxWidth: 'none', whiteSpace: 'nowrap', flexShrink: 0 }}
      styles={{ label: { overflow: 'visible', textOverflow: 'clip' } }}
    >
      {t(`delegates.statuses.${status}`)}
    </Badge>
  );
}
