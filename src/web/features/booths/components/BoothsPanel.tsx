import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BOOTH_KINDS, type Booth, type BoothKind } from '../../../../shared/booths';
import { formatPhone } from '../../../../shared/phone';
import { apiFieldErrors } from '../../../lib/form';
import { useErrorMessage } from '../../../lib/i18n';
import { useProducerProducts } from '../../agreements/api/agreements';
import { UnitPicker } from '../../agreements/components/UnitPicker';
import { useBoothActions, useBooths } from '../api/booths';

const CELL = 96;

/** The floor as a grid: each booth a box at its cells, its number and exhibitor, warnings in orange. */
function Floor({ booths, onOpen }: { booths: Booth[]; onOpen: ((b: Booth) => void) | null }) {
  const { t } = useTranslation();
  const columns = Math.max(5, ...booths.map((b) => b.x + b.w));
  const rows = Math.max(1, ...booths.map((b) => b.y + b.h));
  return (
    <Box style={{ overflowX: 'auto' }}>
      <Box
        role="list"
        aria-label={t('signings.booths.floor')}
        style={{
          display: 'grid',
          gridTemplateColumns: `repeat(${columns}, ${CELL}px)`,
          gridTemplateRows: `repeat(${rows}, ${CELL * 0.75}px)`,
          gap: 6,
          padding: 6,
          background: 'var(--mantine-color-gray-1)',
          width: 'max-content',
        }}
      >
        {booths.map((b) => (
          <Box
            key={b.id}
            role="listitem"
            style={{
              gridColumn: `${b.x + 1} / span ${b.w}`,
              gridRow: `${b.y + 1} / span ${b.h}`,
              border: `2px solid var(--mantine-color-${b.warnings.length ? 'orange-7' : b.kind === 'ocop' ? 'green-8' : 'blue-7'})`,
              background: 'white',
              borderRadius: 4,
              padding: 4,
              overflow: 'hidden',
            }}
          >
            {onOpen ? (
              <Anchor component="button" type="button" fw={700} size="sm" onClick={() => onOpen(b)}>
                {b.number}
              </Anchor>
            ) : (
              <Text fw={700} size="sm">
                {b.number}
              </Text>
            )}
            <Text size="xs" lineClamp={2}>
              {b.unitName ?? t('signings.booths.unassigned')}
            </Text>
          </Box>
        ))}
      </Box>
    </Box>
  );
}

function BoothFormModal({
  eventId,
  booth,
  nextNumber,
  onClose,
}: {
  eventId: string;
  booth: Booth | null;
  nextNumber: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const { save, assign } = useBoothActions(eventId);
  const [number, setNumber] = useState<number | string>(booth?.number ?? nextNumber);
  const [kind, setKind] = useState<BoothKind>(booth?.kind ?? 'ocop');
  const [unit, setUnit] = useState<{ id: string | null; name: string | null; kind: string | null }>({
    id: booth?.unitId ?? null,
    name: booth?.unitName ?? null,
    kind: booth?.unitKind ?? null,
  });
  const [productIds, setProductIds] = useState<string[]>(booth?.productIds ?? []);
  const [x, setX] = useState<number | string>(booth?.x ?? '');
  const [y, setY] = useState<number | string>(booth?.y ?? '');
  const [w, setW] = useState<number | string>(booth?.w ?? 1);
  const [h, setH] = useState<number | string>(booth?.h ?? 1);
  const [sizeText, setSizeText] = useState(booth?.sizeText ?? '3 m x 3 m');
  const [personName, setPersonName] = useState(booth?.personName ?? '');
  const [personPhone, setPersonPhone] = useState(booth?.personPhone ? formatPhone(booth.personPhone) : '');
  const [setupAt, setSetupAt] = useState(booth?.setupAt ?? '');
  const [teardownAt, setTeardownAt] = useState(booth?.teardownAt ?? '');
  const [needsPower, setNeedsPower] = useState(booth?.needsPower ?? false);
  const [tables, setTables] = useState<number | string>(booth?.tables ?? 1);
  const [notes, setNotes] = useState(booth?.notes ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const products = useProducerProducts(
    unit.kind === 'district' ? null : unit.id,
    unit.kind === 'district' ? unit.id : null,
  );
  const productOptions = (products.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }));
  for (const p of booth?.products ?? [])
    if (!productOptions.some((o) => o.value === p.id)) productOptions.push({ value: p.id, label: p.name });
  const pending = save.isPending || assign.isPending;
  const error = save.error ?? assign.error;

  const submit = async () => {
    const place = x === '' || y === '' ? {} : { x: Number(x), y: Number(y) };
    const details = {
      number: Number(number),
      kind,
      ...place,
      w: Number(w) || 1,
      h: Number(h) || 1,
      sizeText,
      personName,
      personPhone,
      setupAt,
      teardownAt,
      needsPower,
      tables: Number(tables) || 0,
      notes,
    };
    const onError = (e: unknown) => setErrors(apiFieldErrors(e));
    try {
      if (!booth) {
        await save.mutateAsync({ id: null, input: { ...details, unitId: unit.id, productIds } });
      } else {
        // Giving the booth to someone else goes through the assignment, which refuses a booth still held.
        if (unit.id !== booth.unitId || productIds.join() !== booth.productIds.join())
          await assign.mutateAsync({ id: booth.id, input: { unitId: unit.id, productIds } });
        await save.mutateAsync({ id: booth.id, input: details });
      }
      onClose();
    } catch (e) {
      onError(e);
    }
  };

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={booth ? t('signings.booths.edit', { number: booth.number }) : t('signings.booths.add')}
    >
      <Stack>
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <NumberInput
            label={t('signings.booths.number')}
            value={number}
            onChange={setNumber}
            min={1}
            error={errors.number}
          />
          <Select
            label={t('signings.booths.kind')}
            data={BOOTH_KINDS.map((k) => ({ value: k, label: t(`signings.booths.kinds.${k}`) }))}
            value={kind}
            onChange={(v) => v && setKind(v as BoothKind)}
            allowDeselect={false}
          />
          <NumberInput label={t('signings.booths.x')} value={x} onChange={setX} min={0} max={39} />
          <NumberInput label={t('signings.booths.y')} value={y} onChange={setY} min={0} max={39} />
          <NumberInput label={t('signings.booths.w')} value={w} onChange={setW} min={1} max={10} />
          <NumberInput label={t('signings.booths.h')} value={h} onChange={setH} min={1} max={10} />
          <TextInput
            label={t('signings.booths.size')}
            value={sizeText}
            onChange={(e) => setSizeText(e.currentTarget.value)}
          />
          <NumberInput
            label={t('signings.booths.tables')}
            value={tables}
            onChange={setTables}
            min={0}
            max={20}
          />
        </SimpleGrid>
        <UnitPicker
          kinds={['producer', 'district']}
          label={t('signings.booths.exhibitor')}
          placeholder={t('signings.booths.pickExhibitor')}
          value={unit.id}
          valueLabel={unit.name}
          onChange={(id, name, unitKind) => {
            setUnit({ id, name, kind: unitKind });
            setProductIds([]);
          }}
          error={errors.unitId}
        />
        <MultiSelect
          label={t('signings.booths.products')}
          data={productOptions}
          value={productIds}
          onChange={setProductIds}
          searchable
          disabled={!unit.id}
          error={Object.entries(errors).find(([k]) => k.startsWith('productIds'))?.[1]}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('signings.booths.person')}
            value={personName}
            onChange={(e) => setPersonName(e.currentTarget.value)}
          />
          <TextInput
            label={t('signings.booths.phone')}
            value={personPhone}
            onChange={(e) => setPersonPhone(e.currentTarget.value)}
            error={errors.personPhone}
          />
          <TextInput
            label={t('signings.booths.setupAt')}
            value={setupAt}
            onChange={(e) => setSetupAt(e.currentTarget.value)}
          />
          <TextInput
            label={t('signings.booths.teardownAt')}
            value={teardownAt}
            onChange={(e) => setTeardownAt(e.currentTarget.value)}
          />
        </SimpleGrid>
        <Checkbox
          label={t('signings.booths.needsPower')}
          checked={needsPower}
          onChange={(e) => setNeedsPower(e.currentTarget.checked)}
        />
        <Textarea
          label={t('signings.booths.notes')}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
        />
        {error && <Alert color="red">{errorMessage(error)}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={pending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The exhibition floor: the map, the allocation list with its warnings, the documents. */
export function BoothsPanel({ eventId, canEdit }: { eventId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const list = useBooths(eventId);
  const { remove, assign } = useBoothActions(eventId);
  const [editing, setEditing] = useState<Booth | 'new' | null>(null);
  if (list.isPending) return <Text c="dimmed">{t('common.loading')}</Text>;
  if (list.error) return <Alert color="red">{errorMessage(list.error)}</Alert>;
  const { items, totals, warnings } = list.data;
  const nextNumber = Math.max(0, ...items.map((b) => b.number)) + 1;
  return (
    <Stack>
      <Group justify="space-between">
        <Text>
          {t('signings.booths.totals', {
            booths: totals.booths,
            assigned: totals.assigned,
            withoutPerson: totals.withoutPersonInCharge,
          })}
        </Text>
        <Group gap="xs">
          <Button
            size="xs"
            variant="default"
            component="a"
            href={`/san-pham/gian-hang/${eventId}`}
            target="_blank"
          >
            {t('signings.booths.publicMap')}
          </Button>
          {canEdit && (
            <>
              <Button
                size="xs"
                variant="default"
                component="a"
                href={`/api/events/${eventId}/booths.xlsx`}
                download
              >
                {t('signings.booths.xlsx')}
              </Button>
              <Button
                size="xs"
                variant="default"
                component="a"
                href={`/api/events/${eventId}/booths.docx`}
                download
              >
                {t('signings.booths.docx')}
              </Button>
              <Button size="xs" onClick={() => setEditing('new')}>
                {t('signings.booths.add')}
              </Button>
            </>
          )}
        </Group>
      </Group>
      {warnings.map((w) => (
        <Alert key={w.message} color="orange">
          {w.message}
        </Alert>
      ))}
      {(remove.error ?? assign.error) && (
        <Alert color="red">{errorMessage(remove.error ?? assign.error)}</Alert>
      )}
      {items.length === 0 ? (
        <Text c="dimmed">{t('signings.booths.empty')}</Text>
      ) : (
        <>
          <Paper withBorder p="sm">
            <Title order={2} size="h5" mb="xs">
              {t('signings.booths.floor')}
            </Title>
            <Floor booths={items} onOpen={canEdit ? (b) => setEditing(b) : null} />
          </Paper>
          <Paper withBorder p="sm">
            <Title order={2} size="h5" mb="xs">
              {t('signings.booths.list')}
            </Title>
            <Table.ScrollContainer minWidth={800}>
              <Table striped verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('signings.booths.number')}</Table.Th>
                    <Table.Th>{t('signings.booths.exhibitor')}</Table.Th>
                    <Table.Th>{t('signings.booths.products')}</Table.Th>
                    <Table.Th>{t('signings.booths.person')}</Table.Th>
                    <Table.Th>{t('signings.booths.setupAt')}</Table.Th>
                    {canEdit && <Table.Th>{t('signings.actions')}</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((b) => (
                    <Table.Tr key={b.id}>
                      <Table.Td>{b.number}</Table.Td>
                      <Table.Td>
                        <Text size="sm">{b.unitName ?? t('signings.booths.unassigned')}</Text>
                        <Group gap={4}>
                          <Badge size="xs" variant="light" color={b.kind === 'ocop' ? 'green' : 'blue'}>
                            {t(`signings.booths.kinds.${b.kind}`)}
                          </Badge>
                          {b.isSample && (
                            <Badge size="xs" color="orange" variant="outline">
                              {t('signings.sample')}
                            </Badge>
                          )}
                        </Group>
                        {b.warnings.map((w) => (
                          <Text key={w} size="xs" c="red.9">
                            ⚠ {w}
                          </Text>
                        ))}
                      </Table.Td>
                      <Table.Td maw={300}>
                        <Text size="sm">{b.products.map((p) => p.name).join('; ') || '—'}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{b.personName ?? '—'}</Text>
                        {b.personPhone && <Text size="xs">{formatPhone(b.personPhone)}</Text>}
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs">{b.setupAt ?? '—'}</Text>
                        <Text size="xs" c="dimmed">
                          {b.sizeText}
                          {b.needsPower ? ` · ${t('signings.booths.needsPower')}` : ''}
                        </Text>
                      </Table.Td>
                      {canEdit && (
                        <Table.Td>
                          <Group gap={4}>
                            <Button size="xs" variant="subtle" onClick={() => setEditing(b)}>
                              {t('common.edit')}
                            </Button>
                            {b.unitId && (
                              <Button
                                size="xs"
                                variant="subtle"
                                onClick={() => assign.mutate({ id: b.id, input: { unitId: null } })}
                              >
                                {t('signings.booths.free')}
                              </Button>
                            )}
                            <Button
                              size="xs"
                              variant="subtle"
                              color="red"
                              onClick={() => {
                                if (window.confirm(t('signings.booths.deleteConfirm', { number: b.number })))
                                  remove.mutate(b.id);
                              }}
                            >
                              {t('signings.delete')}
                            </Button>
                          </Group>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        </>
      )}
      {editing && (
        <BoothFormModal
          eventId={eventId}
          booth={editing === 'new' ? null : editing}
          nextNumber={nextNumber}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}
