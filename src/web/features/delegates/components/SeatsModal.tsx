import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompositionGroup } from '../../../../shared/delegates';
import { UNIT_KINDS, type Unit, type UnitKind } from '../../../../shared/units';
import { api, withQuery } from '../../../lib/api';
import { HiddenHeader } from '../../../lib/HiddenHeader';
import { useErrorMessage } from '../../../lib/i18n';
import { UnitSelect } from '../../units/components/UnitSelect';
import { useSetSeats } from '../api/delegates';

interface Row {
  unitId: string;
  unitName: string;
  quota: number;
  filled: number;
}

/**
 * The units a group draws from and each one's quota: add units one by one or every unit of a kind (all
 * district-level units, say, at the plan's per-unit count), raise or lower a quota, remove a unit.
 */
export function SeatsModal({
  eventId,
  group,
  eventDay,
  onClose,
}: {
  eventId: string;
  group: CompositionGroup;
  /** The conference day: units are taken as they were then (district-level units ended in 2025). */
  eventDay: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSetSeats(eventId, group.id);
  const errorMessage = useErrorMessage();
  const [rows, setRows] = useState<Row[]>(
    group.seats.map((s) => ({ unitId: s.unitId, unitName: s.unitName, quota: s.quota, filled: s.filled })),
  );
  const [kind, setKind] = useState<UnitKind | null>(null);
  const [adding, setAdding] = useState(false);
  const perUnit = group.perUnit ?? 1;
  const add = (units: { id: string; name: string }[]) =>
    setRows((current) => [
      ...current,
      ...units
        .filter((u) => !current.some((r) => r.unitId === u.id))
        .map((u) => ({ unitId: u.id, unitName: u.name, quota: perUnit, filled: 0 })),
    ]);
  const addKind = async () => {
    if (!kind) return;
    setAdding(true);
    try {
      const page = await api.get<{ items: Unit[] }>(
        withQuery('/api/units', { kind, validOn: eventDay, pageSize: 200 }),
      );
      add(page.items);
    } finally {
      setAdding(false);
    }
  };
  const total = rows.reduce((s, r) => s + r.quota, 0);

  return (
    <Modal opened onClose={onClose} title={t('composition.seatsTitle', { group: group.title })} size="xl">
      <Stack>
        {save.error && <Alert color="red">{errorMessage(save.error)}</Alert>}
        <Group align="flex-end" wrap="wrap">
          <div style={{ flex: 1, minWidth: 220 }}>
            <UnitSelect
              label={t('composition.addUnit')}
              value={null}
              onChange={(id, name) => id && name && add([{ id, name }])}
            />
          </div>
          <Select
            label={t('composition.addKind')}
            data={UNIT_KINDS.map((k) => ({ value: k, label: t(`units.kinds.${k}`) }))}
            value={kind}
            onChange={(v) => setKind(v as UnitKind | null)}
            w={220}
          />
          <Button variant="light" onClick={addKind} loading={adding} disabled={!kind}>
            {t('composition.addAll', { count: perUnit })}
          </Button>
        </Group>
        <Text size="sm">
          {t('composition.seatsTotal', { units: rows.length, total, planned: group.plannedCount ?? '—' })}
        </Text>
        <Table.ScrollContainer minWidth={420} mah={420}>
          <Table verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('delegates.unit')}</Table.Th>
                <Table.Th w={90}>{t('composition.filled')}</Table.Th>
                <Table.Th w={120}>{t('composition.quota')}</Table.Th>
                <HiddenHeader w={40}>{t('common.actions')}</HiddenHeader>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.unitId}>
                  <Table.Td>{r.unitName}</Table.Td>
                  <Table.Td>{r.filled}</Table.Td>
                  <Table.Td>
                    <NumberInput
                      size="xs"
                      min={r.filled}
                      aria-label={t('composition.quotaOf', { unit: r.unitName })}
                      value={r.quota}
                      onChange={(v) =>
                        setRows((all) =>
                          all.map((x) => (x.unitId === r.unitId ? { ...x, quota: Number(v) || 0 } : x)),
                        )
                      }
                    />
                  </Table.Td>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      disabled={r.filled > 0}
                      aria-label={t('composition.removeUnit', { unit: r.unitName })}
                      onClick={() => setRows((all) => all.filter((x) => x.unitId !== r.unitId))}
                    >
                      ×
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            loading={save.isPending}
            onClick={() =>
              save.mutate(
                { seats: rows.map((r) => ({ unitId: r.unitId, quota: r.quota })) },
                { onSuccess: onClose },
              )
            }
          >
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
