import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Pagination,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCalendarDate } from '../../../../shared/format';
import type { Unit } from '../../../../shared/units';
import { UNIT_KINDS, type UnitKind } from '../../../../shared/vocabulary';
import { HiddenHeader } from '../../../lib/HiddenHeader';
import { useErrorMessage } from '../../../lib/i18n';
import { abilities, useMe } from '../../auth/api/auth';
import { useDeleteUnit, useUnits } from '../api/units';
import { UnitFormModal } from './UnitFormModal';
import { UnitImportModal } from './UnitImportModal';

const PAGE_SIZE = 50;
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());

function Validity({ unit }: { unit: Unit }) {
  const { t } = useTranslation();
  if (!unit.validFrom && !unit.validTo) return <Text size="sm">{t('units.always')}</Text>;
  return (
    <Text size="sm">
      {[
        unit.validFrom && t('units.since', { date: formatCalendarDate(unit.validFrom) }),
        unit.validTo && t('units.until', { date: formatCalendarDate(unit.validTo) }),
      ]
        .filter(Boolean)
        .join(' ')}
    </Text>
  );
}

export function UnitsPage() {
  const { t } = useTranslation();
  const can = abilities(useMe().data);
  const errorMessage = useErrorMessage();
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q, 250);
  const [kind, setKind] = useState<UnitKind | null>(null);
  const [validToday, setValidToday] = useState(false);
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const units = useUnits({
    q: debouncedQ,
    kind,
    validOn: validToday ? today() : null,
    page,
    pageSize: PAGE_SIZE,
  });
  const remove = useDeleteUnit();
  const pages = units.data ? Math.max(1, Math.ceil(units.data.total / PAGE_SIZE)) : 1;

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('units.title')}
        </Title>
        <Group gap="xs">
          <Button variant="default" component="a" href="/api/units/export.xlsx" download>
            {t('units.export')}
          </Button>
          {can.canImportUnits && (
            <Button variant="default" onClick={() => setImporting(true)}>
              {t('units.import')}
            </Button>
          )}
          {can.canEditUnits && <Button onClick={() => setEditing('new')}>{t('units.new')}</Button>}
        </Group>
      </Group>
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label={t('common.search')}
          placeholder={t('units.searchPlaceholder')}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setPage(1);
          }}
          style={{ flex: '1 1 280px' }}
          type="search"
        />
        <Select
          label={t('units.kind')}
          placeholder={t('units.allKinds')}
          clearable
          data={UNIT_KINDS.map((k) => ({ value: k, label: t(`units.kinds.${k}`) }))}
          value={kind}
          onChange={(v) => {
            setKind(v as UnitKind | null);
            setPage(1);
          }}
          w={220}
        />
        <Checkbox
          label={t('units.validToday')}
          checked={validToday}
          onChange={(e) => {
            setValidToday(e.currentTarget.checked);
            setPage(1);
          }}
          mb={8}
        />
      </Group>
      {(units.error || remove.error) && (
        <Alert color="red">{errorMessage(units.error ?? remove.error)}</Alert>
      )}
      <Text size="sm" c="dimmed">
        {t('common.total', { count: units.data?.total ?? 0 })}
      </Text>
      <Table.ScrollContainer minWidth={760}>
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('units.adminCode')}</Table.Th>
              <Table.Th>{t('units.name')}</Table.Th>
              <Table.Th>{t('units.kind')}</Table.Th>
              <Table.Th>{t('units.parent')}</Table.Th>
              <Table.Th>{t('units.validity')}</Table.Th>
              {can.canEditUnits && <HiddenHeader>{t('common.actions')}</HiddenHeader>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {units.data?.items.map((unit) => (
              <Table.Tr key={unit.id}>
                <Table.Td>{unit.adminCode ?? '—'}</Table.Td>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {unit.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {unit.shortName}
                    {unit.notes ? ` · ${unit.notes}` : ''}
                  </Text>
                  {unit.isSample && (
                    <Badge size="xs" color="orange" variant="outline">
                      {t('common.sample')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{t(`units.kinds.${unit.kind}`)}</Table.Td>
                <Table.Td>{unit.parentName ?? '—'}</Table.Td>
                <Table.Td>
                  <Validity unit={unit} />
                </Table.Td>
                {can.canEditUnits && (
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button size="compact-xs" variant="subtle" onClick={() => setEditing(unit)}>
                        {t('common.edit')}
                      </Button>
                      {can.canDeleteUnits && (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          onClick={() =>
                            window.confirm(t('units.deleteConfirm', { name: unit.name })) &&
                            remove.mutate(unit.id)
                          }
                        >
                          {t('common.delete')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {units.data?.total === 0 && <Text c="dimmed">{t('units.empty')}</Text>}
      {pages > 1 && <Pagination total={pages} value={page} onChange={setPage} />}
      {editing && (
        <UnitFormModal unit={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
      {importing && <UnitImportModal onClose={() => setImporting(false)} />}
    </Stack>
  );
}
