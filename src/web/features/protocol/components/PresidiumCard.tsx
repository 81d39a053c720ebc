import { Alert, Button, Card, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PresidiumRole } from '../../../../shared/protocol';
import { HiddenHeader } from '../../../lib/HiddenHeader';
import { useErrorMessage } from '../../../lib/i18n';
import { useDelegates } from '../../delegates/api/delegates';
import { useEvent } from '../../events/api/events';
import { usePresidium, useSetPresidium } from '../api/protocol';

interface Item {
  delegateId: string;
  role: PresidiumRole;
  fullName: string;
  position: string | null;
}

const GONE = ['declined', 'replaced'];

/**
 * The organizer chooses who chairs (chủ trì) and who sits in the presidium, in seating order. With nobody chosen
 * yet, the plan's directing body (cơ quan chủ đạo) suggests the chair: its highest-ranked person coming.
 */
export function PresidiumCard({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const event = useEvent(eventId).data;
  const presidium = usePresidium(eventId);
  const save = useSetPresidium(eventId);
  const [draft, setDraft] = useState<Item[] | null>(null);
  const [suggested, setSuggested] = useState(false);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const found = useDelegates(eventId, { q, sort: 'protocol', pageSize: 20 });
  const host = useDelegates(eventId, {
    unitId: event?.hostUnitId ?? undefined,
    sort: 'protocol',
    pageSize: 10,
  });
  const saved = presidium.data?.items;

  useEffect(() => {
    if (!saved || draft) return;
    if (saved.length > 0 || !event?.hostUnitId) {
      setDraft(saved);
      return;
    }
    if (!host.data) return;
    const chair = host.data.items.find((d) => !GONE.includes(d.status));
    setDraft(
      chair
        ? [
            {
              delegateId: chair.id,
              role: 'chair',
              fullName: chair.fullName,
              position: chair.position || null,
            },
          ]
        : [],
    );
    setSuggested(!!chair);
  }, [saved, draft, event?.hostUnitId, host.data]);

  const items = draft ?? [];
  const change = (next: Item[]) => setDraft(next);
  const move = (i: number, by: number) => {
    const next = [...items];
    const [item] = next.splice(i, 1);
    next.splice(i + by, 0, item!);
    change(next);
  };
  const options = (found.data?.items ?? [])
    .filter((d) => !GONE.includes(d.status) && !items.some((i) => i.delegateId === d.id))
    .map((d) => ({ value: d.id, label: [d.fullName, d.position].filter(Boolean).join(' — ') }));

  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('protocol.presidiumTitle')}
        </Title>
        <Text size="sm">{t('protocol.presidiumIntro')}</Text>
        {(presidium.error || save.error) && (
          <Alert color="red">{errorMessage(presidium.error ?? save.error)}</Alert>
        )}
        {suggested && (
          <Alert color="orange">{t('protocol.suggested', { host: event?.hostName ?? '' })}</Alert>
        )}
        {items.length === 0 ? (
          <Text size="sm">{t('protocol.presidiumEmpty')}</Text>
        ) : (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={40}>#</Table.Th>
                <Table.Th>{t('protocol.person')}</Table.Th>
                <Table.Th w={190}>{t('protocol.roleHeader')}</Table.Th>
                <HiddenHeader>{t('common.actions')}</HiddenHeader>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item, i) => (
                <Table.Tr key={item.delegateId}>
                  <Table.Td>{i + 1}</Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {item.fullName}
                    </Text>
                    <Text size="xs">{item.position}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Select
                      size="xs"
                      aria-label={t('protocol.role', { name: item.fullName })}
                      allowDeselect={false}
                      data={[
                        { value: 'chair', label: t('protocol.chair') },
                        { value: 'member', label: t('protocol.member') },
                      ]}
                      value={item.role}
                      onChange={(v) =>
                        change(items.map((x, j) => (j === i ? { ...x, role: v as PresidiumRole } : x)))
                      }
                    />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button
                        size="compact-sm"
                        variant="default"
                        disabled={i === 0}
                        aria-label={t('protocol.moveUp', { name: item.fullName })}
                        onClick={() => move(i, -1)}
                      >
                        ↑
                      </Button>
                      <Button
                        size="compact-sm"
                        variant="default"
                        disabled={i === items.length - 1}
                        aria-label={t('protocol.moveDown', { name: item.fullName })}
                        onClick={() => move(i, 1)}
                      >
                        ↓
                      </Button>
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="red"
                        aria-label={t('protocol.remove', { name: item.fullName })}
                        onClick={() => change(items.filter((_, j) => j !== i))}
                      >
                        ×
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Group align="flex-end" justify="space-between">
          <Select
            label={t('protocol.addPerson')}
            placeholder={t('protocol.addPersonPlaceholder')}
            searchable
            w={420}
            maw="100%"
            data={options}
            value={null}
            searchValue={search}
            onSearchChange={setSearch}
            filter={({ options: all }) => all}
            nothingFoundMessage={found.isFetching ? t('common.loading') : t('protocol.noMatch')}
            onChange={(id) => {
              const d = found.data?.items.find((x) => x.id === id);
              if (!d) return;
              change([
                ...items,
                {
                  delegateId: d.id,
                  role: items.length === 0 ? 'chair' : 'member',
                  fullName: d.fullName,
                  position: d.position || null,
                },
              ]);
              setSearch('');
            }}
          />
          <Button
            loading={save.isPending}
            onClick={() =>
              save.mutate(
                { items: items.map(({ delegateId, role }) => ({ delegateId, role })) },
                {
                  onSuccess: (data) => {
                    setDraft(data.items);
                    setSuggested(false);
                    notifications.show({ message: t('protocol.presidiumSaved') });
                  },
                },
              )
            }
          >
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
