import { Alert, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ReplyCounts, ReplySummary } from '../../../../shared/replies';
import { PageLoader } from '../../../app/guards';
import { api } from '../../../lib/api';
import { useErrorMessage } from '../../../lib/i18n';
import { ClerkDocumentsMenu } from '../../clerk-documents/components/ClerkDocumentsMenu';

const COLUMNS: (keyof ReplyCounts)[] = ['notInvited', 'awaiting', 'confirmed', 'declined'];

function CountsTable({
  label,
  rows,
}: {
  label: string;
  rows: (ReplyCounts & { key: string; name: string })[];
}) {
  const { t } = useTranslation();
  return (
    // Native scrolling: an overlaid scrollbar would sit on the last row. A region that scrolls is reachable
    // by keyboard, so it takes focus and carries the table's name.
    <Table.ScrollContainer
      minWidth={520}
      mah={460}
      type="native"
      tabIndex={0}
      role="region"
      aria-label={label}
    >
      <Table verticalSpacing={4} striped aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{label}</Table.Th>
            {COLUMNS.map((c) => (
              <Table.Th key={c} ta="right">
                {t(`replies.${c}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key}>
              <Table.Td>{r.name}</Table.Td>
              {COLUMNS.map((c) => (
                <Table.Td key={c} ta="right" fw={c === 'awaiting' && r[c] > 0 ? 700 : undefined}>
                  {r[c]}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Who has answered the invitations, per group and unit, and the list of people to phone. */
export function RepliesPanel({ eventId, canWrite }: { eventId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const summary = useQuery({
    queryKey: ['events', eventId, 'delegates', 'replies'],
    queryFn: () => api.get<ReplySummary>(`/api/events/${eventId}/replies/summary`),
  });
  if (summary.isPending) return <PageLoader />;
  if (summary.error) return <Alert color="red">{errorMessage(summary.error)}</Alert>;
  const s = summary.data;
  return (
    <Stack>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        {COLUMNS.map((c) => (
          <Paper withBorder p="sm" key={c}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {t(`replies.${c}`)}
            </Text>
            <Text fw={700} size="xl" data-testid={`replies-${c}`}>
              {s.totals[c].toLocaleString('vi-VN')}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <Group>
        {canWrite && (
          <Button
            component="a"
            href={`/api/events/${eventId}/replies/call-list.xlsx`}
            variant="light"
            download
          >
            {t('replies.callList', { count: s.totals.awaiting })}
          </Button>
        )}
        <ClerkDocumentsMenu eventId={eventId} only={['replyStatistics']} />
      </Group>
      <Paper withBorder p="md">
        <Title order={2} size="h5" mb="xs">
          {t('replies.byGroup')}
        </Title>
        <CountsTable
          label={t('delegates.group')}
          rows={s.groups.map((g) => ({ ...g, key: g.groupId ?? '-', name: g.title }))}
        />
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h5" mb="xs">
          {t('replies.byUnit')}
        </Title>
        <CountsTable
          label={t('delegates.unit')}
          rows={s.units.map((u) => ({ ...u, key: u.unitId ?? '-', name: u.name }))}
        />
      </Paper>
    </Stack>
  );
}
