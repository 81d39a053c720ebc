import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HallLayout, Seating } from '../../../../shared/seating';
import { api } from '../../../lib/api';
import { useDownloadByPost } from '../../../lib/download';
import { useErrorMessage } from '../../../lib/i18n';
import { usePresidium } from '../../protocol/api/protocol';
import { PresidiumCard } from '../../protocol/components/PresidiumCard';
import { SeatMap } from './SeatMap';

function LayoutForm({ eventId, layout }: { eventId: string; layout: HallLayout }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const client = useQueryClient();
  const [draft, setDraft] = useState(layout);
  useEffect(() => setDraft(layout), [layout]);
  const save = useMutation({
    mutationFn: (next: HallLayout) => api.put<{ unseated: number }>(`/api/events/${eventId}/hall`, next),
    onSuccess: () => client.invalidateQueries({ queryKey: ['seating', eventId] }),
  });
  const total = draft.rows * draft.blocks.reduce((s, b) => s + b.seatsPerRow, 0);
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('seating.hall')}
        </Title>
        {layout.note && <Alert color="orange">{layout.note}</Alert>}
        {save.error && <Alert color="red">{errorMessage(save.error)}</Alert>}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('seating.name')}
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
          />
          <NumberInput
            label={t('seating.rows')}
            min={1}
            max={26}
            value={draft.rows}
            onChange={(v) => setDraft({ ...draft, rows: Number(v) || 1 })}
          />
          <NumberInput
            label={t('seating.reservedRows')}
            min={0}
            max={10}
            value={draft.reservedRows}
            onChange={(v) => setDraft({ ...draft, reservedRows: Number(v) || 0 })}
          />
        </SimpleGrid>
        <Group>
          {draft.blocks.map((b, i) => (
            <NumberInput
              // biome-ignore lint/suspicious/noArrayIndexKey: blocks are positional, left to right
              key={i}
              w={150}
              label={`${b.label} (${t('seating.seatsPerRow')})`}
              min={1}
              max={60}
              value={b.seatsPerRow}
              onChange={(v) =>
                setDraft({
                  ...draft,
                  blocks: draft.blocks.map((x, j) => (j === i ? { ...x, seatsPerRow: Number(v) || 1 } : x)),
                })
              }
            />
          ))}
        </Group>
        <Group justify="space-between">
          <Text size="sm">{t('seating.total', { count: total })}</Text>
          <Button
            loading={save.isPending}
            onClick={() => save.mutate({ ...draft, note: draft === layout ? layout.note : null })}
          >
            {t('common.save')}
          </Button>
        </Group>
        {save.data && save.data.unseated > 0 && (
          <Alert color="orange">{t('seating.lost', { count: save.data.unseated })}</Alert>
        )}
      </Stack>
    </Card>
  );
}

/** The hall, who sits where (by protocol, then by hand), and the documents for the day. */
export function SeatingPanel({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const client = useQueryClient();
  // Badges give a QR code to whoever has none yet, so they are made by a POST, never by following a link.
  const { download, pending } = useDownloadByPost();
  const seating = useQuery({
    queryKey: ['seating', eventId],
    queryFn: () => api.get<Seating>(`/api/events/${eventId}/seating`),
  });
  const [reset, setReset] = useState(false);
  const [moves, setMoves] = useState<Record<string, string>>({});
  const [view, setView] = useState<'map' | 'list'>('map');
  const presidium = usePresidium(eventId);
  const roles = useMemo(
    () => new Map((presidium.data?.items ?? []).map((p) => [p.delegateId, p.role])),
    [presidium.data],
  );
  const set = (data: Seating) => client.setQueryData(['seating', eventId], data);
  const auto = useMutation({
    mutationFn: () => api.post<Seating>(`/api/events/${eventId}/seating/auto`, { reset }),
    onSuccess: set,
  });
  const move = useMutation({
    mutationFn: ({ delegateId, seat }: { delegateId: string; seat: string | null }) =>
      api.patch<Seating>(`/api/events/${eventId}/seating/${delegateId}`, { seat }),
    onSuccess: set,
  });
  const data = seating.data;
  return (
    <Stack>
      {(seating.error || auto.error || move.error) && (
        <Alert color="red">{errorMessage(seating.error ?? auto.error ?? move.error)}</Alert>
      )}
      <Group>
        <Button loading={auto.isPending} onClick={() => auto.mutate()}>
          {t('seating.auto')}
        </Button>
        <Checkbox
          label={t('seating.reset')}
          checked={reset}
          onChange={(e) => setReset(e.currentTarget.checked)}
        />
        <Button variant="default" component="a" href={`/api/events/${eventId}/seating.pdf`} target="_blank">
          {t('seating.chart')}
        </Button>
        <Button variant="default" component="a" href={`/api/events/${eventId}/placards.pdf`} target="_blank">
          {t('seating.placards')}
        </Button>
        <Button
          variant="default"
          loading={pending === `/api/events/${eventId}/badges.pdf`}
          onClick={() => download(`/api/events/${eventId}/badges.pdf`)}
        >
          {t('seating.badges')}
        </Button>
      </Group>
      {data && (
        <Text size="sm">
          {t('seating.summary', { seated: data.seats.length })}{' '}
          {data.unseated > 0 && (
            <Badge color="orange">{t('seating.unseated', { count: data.unseated })}</Badge>
          )}
        </Text>
      )}
      <SegmentedControl
        aria-label={t('protocol.view')}
        w="fit-content"
        value={view}
        onChange={(v) => setView(v as 'map' | 'list')}
        data={[
          { value: 'map', label: t('protocol.mapView') },
          { value: 'list', label: t('protocol.listView') },
        ]}
      />
      {data && view === 'map' && (
        <SeatMap
          eventId={eventId}
          data={data}
          roles={roles}
          moving={move.isPending}
          onMove={(delegateId, seat, done, failed) =>
            move.mutate({ delegateId, seat }, { onSuccess: done, onError: (e) => failed(errorMessage(e)) })
          }
          onBadge={(delegateId) => download(`/api/events/${eventId}/badges.pdf?delegateId=${delegateId}`)}
        />
      )}
      {view === 'list' && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('seating.seat')}</Table.Th>
                <Table.Th>{t('delegates.fullName')}</Table.Th>
                <Table.Th>{t('seating.group')}</Table.Th>
                <Table.Th>{t('seating.moveTo')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data?.seats.map((s) => (
                <Table.Tr key={s.delegateId}>
                  <Table.Td fw={600}>{s.seat}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{s.fullName}</Text>
                    <Text size="xs" c="dimmed">
                      {s.position}
                    </Text>
                  </Table.Td>
                  <Table.Td>{s.groupTitle ?? '—'}</Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <TextInput
                        size="xs"
                        w={70}
                        aria-label={t('seating.moveTo')}
                        placeholder="A01"
                        value={moves[s.delegateId] ?? ''}
                        onChange={(e) =>
                          setMoves({ ...moves, [s.delegateId]: e.currentTarget.value.toUpperCase() })
                        }
                      />
                      <Button
                        size="compact-xs"
                        variant="light"
                        disabled={!moves[s.delegateId]}
                        onClick={() => move.mutate({ delegateId: s.delegateId, seat: moves[s.delegateId]! })}
                      >
                        {t('seating.move')}
                      </Button>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        onClick={() => move.mutate({ delegateId: s.delegateId, seat: null })}
                      >
                        {t('seating.unseat')}
                      </Button>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        loading={pending === `/api/events/${eventId}/badges.pdf?delegateId=${s.delegateId}`}
                        onClick={() =>
                          download(`/api/events/${eventId}/badges.pdf?delegateId=${s.delegateId}`)
                        }
                      >
                        {t('seating.badge')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <PresidiumCard eventId={eventId} />
      {data && <LayoutForm eventId={eventId} layout={data.layout} />}
    </Stack>
  );
}
