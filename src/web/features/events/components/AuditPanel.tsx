import { Alert, Group, Pagination, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatTime } from '../../../../shared/format';
import { AUDIT_ACTIONS } from '../../../../shared/vocabulary';
import { VnDateInput } from '../../../lib/dates';
import { useErrorMessage } from '../../../lib/i18n';
import { type AuditFilter, useAudit } from '../api/events';

/** Field-level summary of what an edit changed: "venueName: — → Hội trường 25B". */
function describeChange(before: unknown, after: unknown): string {
  const small = (v: unknown) => !!v && typeof v === 'object' && Object.keys(v).length <= 4;
  // A small record created or deleted (a role given or taken) is worth showing whole.
  if (!before && small(after)) return describeFields(after as Record<string, unknown>);
  if (small(before) && !after) return describeFields(before as Record<string, unknown>);
  if (!before || !after || typeof before !== 'object' || typeof after !== 'object') return '';
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  return Object.keys(a)
    .filter((k) => k !== 'updatedAt' && JSON.stringify(a[k]) !== JSON.stringify(b[k]))
    .map((k) => `${k}: ${short(b[k])} → ${short(a[k])}`)
    .join('; ');
}

function describeFields(record: Record<string, unknown>): string {
  return Object.entries(record)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => `${k}: ${short(v)}`)
    .join('; ');
}

function short(value: unknown): string {
  if (value === null || value === undefined) return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

export function AuditPanel({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [filter, setFilter] = useState<AuditFilter>({ page: 1 });
  const audit = useAudit(eventId, filter, true);
  const pages = audit.data ? Math.max(1, Math.ceil(audit.data.total / audit.data.pageSize)) : 1;

  return (
    <Stack>
      <Group align="flex-end" wrap="wrap">
        <Select
          label={t('audit.action')}
          clearable
          data={AUDIT_ACTIONS.map((a) => ({ value: a, label: t(`audit.actions.${a}`) }))}
          value={filter.action ?? null}
          onChange={(action) => setFilter({ ...filter, action, page: 1 })}
          w={180}
        />
        <VnDateInput
          label={t('audit.from')}
          valueFormat="DD/MM/YYYY"
          clearable
          value={filter.from ?? null}
          onChange={(from) => setFilter({ ...filter, from, page: 1 })}
          w={150}
        />
        <VnDateInput
          label={t('audit.to')}
          valueFormat="DD/MM/YYYY"
          clearable
          value={filter.to ?? null}
          onChange={(to) => setFilter({ ...filter, to, page: 1 })}
          w={150}
        />
      </Group>
      {audit.error && <Alert color="red">{errorMessage(audit.error)}</Alert>}
      {audit.data?.total === 0 && <Text c="dimmed">{t('audit.empty')}</Text>}
      <Table.ScrollContainer minWidth={720}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('audit.at')}</Table.Th>
              <Table.Th>{t('audit.actor')}</Table.Th>
              <Table.Th>{t('audit.entity')}</Table.Th>
              <Table.Th>{t('audit.action')}</Table.Th>
              <Table.Th>{t('audit.change')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {audit.data?.items.map((entry) => (
              <Table.Tr key={entry.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {formatTime(entry.at)} {formatDate(entry.at)}
                </Table.Td>
                <Table.Td>{entry.actorName ?? '—'}</Table.Td>
                <Table.Td>{t(`audit.entities.${entry.entity}`, { defaultValue: entry.entity })}</Table.Td>
                <Table.Td>{t(`audit.actions.${entry.action}`, { defaultValue: entry.action })}</Table.Td>
                <Table.Td>
                  <Text size="xs">{describeChange(entry.before, entry.after)}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {pages > 1 && (
        <Pagination total={pages} value={filter.page} onChange={(page) => setFilter({ ...filter, page })} />
      )}
    </Stack>
  );
}
