import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Composition, CompositionGroup } from '../../../../shared/delegates';
import { PageLoader } from '../../../app/guards';
import { HiddenHeader } from '../../../lib/HiddenHeader';
import { useErrorMessage } from '../../../lib/i18n';
import { useComposition } from '../api/delegates';
import { GroupFormModal } from './GroupFormModal';
import { SeatsModal } from './SeatsModal';

const n = (v: number) => v.toLocaleString('vi-VN');

function FillBar({ filled, quota }: { filled: number; quota: number }) {
  const value = quota ? Math.min(100, (filled / quota) * 100) : 0;
  return (
    <Progress
      value={value}
      color={filled > quota ? 'red' : filled === quota ? 'green' : 'blue'}
      size="sm"
      aria-label={`${filled}/${quota}`}
    />
  );
}

/** The event's totals for organizers; a unit officer's own quota and fill. */
function Totals({ c, whole }: { c: Composition; whole: boolean }) {
  const { t } = useTranslation();
  const items: [string, number | null][] = [
    ...(whole ? [[t('composition.planned'), c.totals.planned] as [string, number]] : []),
    [t('composition.quota'), c.totals.quota],
    [t('composition.filled'), c.totals.filled],
    [t('composition.confirmed'), c.totals.confirmed],
    ...(whole
      ? [
          [t('composition.expected'), c.totals.expected] as [string, number | null],
          [t('composition.capacity'), c.totals.capacity] as [string, number | null],
        ]
      : []),
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, md: items.length }}>
      {items.map(([label, value]) => (
        <Paper withBorder p="sm" key={label}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {label}
          </Text>
          <Text fw={700} size="xl">
            {value === null ? '—' : n(value)}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

/**
 * Who is expected and who has been named: groups of the plan with their units' quotas and fill, the totals
 * against expected attendance and the hall, and the units still short. Organizers edit groups and quotas.
 */
export function CompositionPanel({
  eventId,
  eventDay,
  canManage,
}: {
  eventId: string;
  eventDay: string;
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const composition = useComposition(eventId);
  const errorMessage = useErrorMessage();
  const [editing, setEditing] = useState<CompositionGroup | 'new' | null>(null);
  const [seating, setSeating] = useState<CompositionGroup | null>(null);

  if (composition.isPending) return <PageLoader />;
  if (composition.error) return <Alert color="red">{errorMessage(composition.error)}</Alert>;
  const c = composition.data;
  const short = c.units.filter((u) => u.filled < u.quota);
  // Indented under the parent shown; a unit officer does not see the heading groups.
  const depthOf = (g: CompositionGroup) => (c.groups.some((p) => p.id === g.parentId) ? g.depth : 0);
  // A heading group (Đại biểu cấp tỉnh) shows the sum of the groups under it.
  const sum = (g: CompositionGroup): { quota: number; filled: number; seats: number } =>
    c.groups
      .filter((x) => x.parentId === g.id)
      .map(sum)
      .reduce(
        (a, b) => ({ quota: a.quota + b.quota, filled: a.filled + b.filled, seats: a.seats + b.seats }),
        {
          quota: g.quota,
          filled: g.filled,
          seats: g.seats.length,
        },
      );

  return (
    <Stack>
      <Totals c={c} whole={canManage} />
      {c.warnings.map((w) => (
        <Alert key={w} color="orange">
          {w}
        </Alert>
      ))}
      <Paper withBorder p="md">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h5">
            {t('composition.groups')}
          </Title>
          {canManage && (
            <Button size="xs" variant="light" onClick={() => setEditing('new')}>
              {t('composition.addGroup')}
            </Button>
          )}
        </Group>
        {c.groups.length === 0 ? (
          <Text c="dimmed">{t('composition.empty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="xs" aria-label={t('composition.groups')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('composition.group')}</Table.Th>
                  <Table.Th ta="right">{t('composition.planned')}</Table.Th>
                  <Table.Th ta="right">{t('composition.quota')}</Table.Th>
                  <Table.Th ta="right">{t('composition.filled')}</Table.Th>
                  <Table.Th w={140}>{t('composition.fillRate')}</Table.Th>
                  {canManage && <HiddenHeader>{t('common.actions')}</HiddenHeader>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {c.groups.map((g) => (
                  <Table.Tr key={g.id} data-testid={`group-${g.id}`}>
                    <Table.Td pl={`calc(var(--mantine-spacing-sm) + ${depthOf(g) * 20}px)`}>
                      <Text fw={g.depth === 0 ? 600 : 400} size="sm">
                        {g.title}
                      </Text>
                      <Group gap={4} mt={2}>
                        {g.protocolRank !== null && (
                          <Badge size="xs" variant="outline">
                            {t('composition.rank', { rank: g.protocolRank })}
                          </Badge>
                        )}
                        {g.inviter && (
                          <Badge size="xs" variant="light" color="gray">
                            {t(`composition.inviters.${g.inviter}`)}
                          </Badge>
                        )}
                        {g.seats.length > 0 && (
                          <Text size="xs" c="dimmed">
                            {t('composition.seatUnits', { count: g.seats.length })}
                          </Text>
                        )}
                      </Group>
                    </Table.Td>
                    {(() => {
                      const total = sum(g);
                      const quota = total.seats ? total.quota : (g.plannedCount ?? 0);
                      return (
                        <>
                          <Table.Td ta="right">{g.plannedCount ?? '—'}</Table.Td>
                          <Table.Td ta="right">{total.seats ? total.quota : '—'}</Table.Td>
                          <Table.Td ta="right">{total.filled}</Table.Td>
                          <Table.Td>{quota > 0 && <FillBar filled={total.filled} quota={quota} />}</Table.Td>
                        </>
                      );
                    })()}
                    {canManage && (
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          <Button size="compact-xs" variant="subtle" onClick={() => setEditing(g)}>
                            {t('common.edit')}
                          </Button>
                          <Button size="compact-xs" variant="subtle" onClick={() => setSeating(g)}>
                            {t('composition.seats')}
                          </Button>
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h5" mb="xs">
          {canManage ? t('composition.byUnit') : t('composition.mySeats')}
        </Title>
        {canManage && (
          <Text size="sm" c="dimmed" mb="xs">
            {t('composition.shortUnits', { count: short.length })}
          </Text>
        )}
        <Table.ScrollContainer minWidth={420} mah={420}>
          <Table verticalSpacing={4} aria-label={t('composition.byUnit')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('delegates.unit')}</Table.Th>
                <Table.Th ta="right">{t('composition.filled')}</Table.Th>
                <Table.Th w={160}>{t('composition.fillRate')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.units.map((u) => (
                <Table.Tr key={u.unitId} data-testid={`unit-fill-${u.unitName}`}>
                  <Table.Td>{u.unitName}</Table.Td>
                  <Table.Td ta="right">
                    {u.filled}/{u.quota}
                  </Table.Td>
                  <Table.Td>
                    <FillBar filled={u.filled} quota={u.quota} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      {editing && (
        <GroupFormModal
          eventId={eventId}
          group={editing === 'new' ? null : editing}
          groups={c.groups}
          onClose={() => setEditing(null)}
        />
      )}
      {seating && (
        <SeatsModal eventId={eventId} group={seating} eventDay={eventDay} onClose={() => setSeating(null)} />
      )}
    </Stack>
  );
}
