import { Alert, Anchor, Group, Pagination, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTION_LABELS, type AuditChange, describeAudit } from '../../../../shared/audit-text';
import { formatDate, formatTime } from '../../../../shared/format';
import { withQuery } from '../../../lib/api';
import { VnDateInput } from '../../../lib/dates';
import { useErrorMessage } from '../../../lib/i18n';
import { type AuditFilter, useAudit } from '../api/events';

/** Before → after, one line per field; a creation or deletion shows the one side it has. */
function Changes({ changes }: { changes: AuditChange[] }) {
  if (!changes.length) return null;
  return (
    <Stack gap={2}>
      {changes.map((c) => (
        <Text key={c.label} size="xs">
          <Text span size="xs" fw={600}>
            {c.label}:
          </Text>{' '}
          {c.before && c.after ? (
            <>
              <Text span size="xs" td="line-through" c="var(--mantine-color-gray-7)">
                {c.before}
              </Text>{' '}
              → {c.after}
            </>
          ) : (
            c.after || c.before
          )}
        </Text>
      ))}
    </Stack>
  );
}

/**
 * The event's change log in words: who, when, what kind of record and what was done, whom it concerned, and each
 * field before → after, with names where the log stores ids. Filters by person, kind, action and date; the same
 * selection downloads as XLSX.
 */
export function AuditPanel({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [filter, setFilter] = useState<AuditFilter>({ page: 1 });
  const audit = useAudit(eventId, filter, true);
  const data = audit.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const names = data?.names ?? {};
  const { page: _page, ...exportFilter } = filter;

  return (
    <Stack>
      <Group align="flex-end" wrap="wrap">
        <Select
          label={t('everyday.audit.person')}
          clearable
          searchable
          data={(data?.actors ?? []).map((a) => ({ value: a.id, label: a.name }))}
          value={filter.actorId ?? null}
          onChange={(actorId) => setFilter({ ...filter, actorId, page: 1 })}
          w={220}
        />
        <Select
          label={t('everyday.audit.kind')}
          clearable
          data={data?.entities ?? []}
          value={filter.entity ?? null}
          onChange={(entity) => setFilter({ ...filter, entity, page: 1 })}
          w={220}
        />
        <Select
          label={t('audit.action')}
          clearable
          data={Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({ value, label }))}
          value={filter.action ?? null}
          onChange={(action) => setFilter({ ...filter, action, page: 1 })}
          w={200}
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
        <Anchor
          href={withQuery(`/api/events/${eventId}/audit/export.xlsx`, exportFilter)}
          download
          size="sm"
          pb={8}
        >
          {t('everyday.audit.export')}
        </Anchor>
      </Group>
      {audit.error && <Alert color="red">{errorMessage(audit.error)}</Alert>}
      {data?.total === 0 && <Text c="dimmed">{t('audit.empty')}</Text>}
      <Table.ScrollContainer minWidth={760}>
        <Table striped verticalSpacing="xs" aria-label={t('events.audit')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('audit.at')}</Table.Th>
              <Table.Th>{t('audit.actor')}</Table.Th>
              <Table.Th>{t('audit.entity')}</Table.Th>
              <Table.Th>{t('audit.action')}</Table.Th>
              <Table.Th>{t('everyday.audit.subject')}</Table.Th>
              <Table.Th>{t('audit.change')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data?.items.map((entry) => {
              const d = describeAudit(entry, names);
              return (
                <Table.Tr key={entry.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatTime(entry.at)} {formatDate(entry.at)}
                  </Table.Td>
                  <Table.Td>
                    {(entry.actorId ? names[entry.actorId] : undefined) ??
                      entry.actorName ??
                      t('everyday.audit.system')}
                  </Table.Td>
                  <Table.Td>{d.kind}</Table.Td>
                  <Table.Td>{d.action}</Table.Td>
                  <Table.Td>{d.subject || '—'}</Table.Td>
                  <Table.Td>
                    <Changes changes={d.changes} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {pages > 1 && (
        <Pagination total={pages} value={filter.page} onChange={(page) => setFilter({ ...filter, page })} />
      )}
    </Stack>
  );
}
