import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  FileInput,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type {
  DelegateImportField,
  DelegateImportIssue,
  DelegateImportPreview,
  DelegateImportResult,
  ImportNewUnit,
  ImportRow,
} from '../../../../shared/delegates';
import { PageLoader } from '../../../app/guards';
import { useErrorMessage } from '../../../lib/i18n';
import { useComposition, useImportDelegates, usePreviewImport } from '../api/delegates';

const FIELD_ORDER: DelegateImportField[] = [
  'honorific',
  'fullName',
  'gender',
  'position',
  'organization',
  'group',
  'phone',
  'email',
  'notes',
];

/**
 * Importing a unit's list: pick the group (and the sending unit), upload the .xlsx or .csv as it came, see every
 * row with its problems, correct the bad cells right here, then commit — all rows, or the valid ones only.
 */
export function DelegateImportPage() {
  const { eventId = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const composition = useComposition(eventId);
  const preview = usePreviewImport(eventId);
  const run = useImportDelegates(eventId);
  const [groupId, setGroupId] = useState<string | null>(null);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [sheet, setSheet] = useState<string | null>(null);
  const [read, setRead] = useState<DelegateImportPreview | null>(null);
  const [rows, setRows] = useState<ImportRow[]>([]);
  const [result, setResult] = useState<DelegateImportResult | null>(null);
  const [edited, setEdited] = useState(false);
  const [newUnits, setNewUnits] = useState<ImportNewUnit[]>([]);

  const groups = composition.data?.groups ?? [];
  const units = useMemo(() => {
    const seen = new Map<string, string>();
    for (const g of groups) {
      if (groupId && g.id !== groupId) continue;
      for (const s of g.seats) seen.set(s.unitId, s.unitName);
    }
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [groups, groupId]);

  if (composition.isPending) return <PageLoader />;

  const readFile = (chosen: File | null, sheetName: string | null = null) => {
    if (!chosen) return;
    preview.mutate(
      {
        file: chosen,
        ...(sheetName ? { sheet: sheetName } : {}),
        ...(groupId ? { groupId } : {}),
        ...(unitId ? { unitId } : {}),
      },
      {
        onSuccess: (p) => {
          setRead(p);
          setRows(p.rows);
          setResult(p);
          setSheet(p.sheet);
          setEdited(false);
          setNewUnits([]);
        },
        onError: () => {
          setRead(null);
          setResult(null);
        },
      },
    );
  };
  const input = (
    mode: 'all_or_nothing' | 'valid_rows_only',
    dryRun: boolean,
    current: { rows: ImportRow[]; newUnits: ImportNewUnit[] } = { rows, newUnits },
  ) => ({
    rows: current.rows,
    groupId,
    unitId,
    mode,
    dryRun,
    ...(current.newUnits.length ? { newUnits: current.newUnits } : {}),
  });
  const recheck = (current?: { rows: ImportRow[]; newUnits: ImportNewUnit[] }) =>
    run.mutate(input('all_or_nothing', true, current), {
      onSuccess: (r) => {
        setResult(r);
        setEdited(false);
      },
    });
  // Accepting a unit the catalogue lacks, or removing a row, is checked again at once: the counts follow.
  const acceptUnit = (unit: ImportNewUnit) => {
    const next = [...newUnits.filter((u) => u.name !== unit.name), unit];
    setNewUnits(next);
    recheck({ rows, newUnits: next });
  };
  const dropUnit = (name: string) => {
    const next = newUnits.filter((u) => u.name !== name);
    setNewUnits(next);
    recheck({ rows, newUnits: next });
  };
  const removeRow = (rowNumber: number) => {
    const next = rows.filter((r) => r.rowNumber !== rowNumber);
    setRows(next);
    if (next.length) recheck({ rows: next, newUnits });
  };
  const commit = (mode: 'all_or_nothing' | 'valid_rows_only') =>
    run.mutate(input(mode, false), {
      onSuccess: (r) => {
        const added = r.createdUnits.length
          ? ` ${t('everyday.import.unitsAdded', { names: r.createdUnits.map((u) => u.name).join(', ') })}`
          : '';
        notifications.show({
          color: 'green',
          message: `${t('delegateImport.done', { count: r.created })}${added}`,
        });
        navigate(`/events/${eventId}?tab=delegates`);
      },
    });

  const errors = result?.errors ?? [];
  const errorsByRow = new Map<number, DelegateImportIssue[]>();
  for (const e of errors) errorsByRow.set(e.row, [...(errorsByRow.get(e.row) ?? []), e]);
  const resolvedByRow = new Map((result?.resolved ?? []).map((r) => [r.row, r]));
  const fields = read ? FIELD_ORDER.filter((f) => read.columns[f]) : [];
  const setCell = (rowNumber: number, field: DelegateImportField, value: string) => {
    setRows((all) =>
      all.map((r) => (r.rowNumber === rowNumber ? { ...r, values: { ...r.values, [field]: value } } : r)),
    );
    setEdited(true);
  };
  const badRows = new Set(errors.map((e) => e.row)).size;

  return (
    <Stack>
      <Anchor component={Link} to={`/events/${eventId}?tab=delegates`} size="sm">
        ← {t('delegates.title')}
      </Anchor>
      <Title order={1} size="h3">
        {t('delegateImport.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('delegateImport.help')}{' '}
        <Anchor href={`/api/events/${eventId}/delegates/template.xlsx`} download underline="always">
          {t('delegates.template')}
        </Anchor>
      </Text>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={t('delegates.group')}
            placeholder={t('delegateImport.groupFromFile')}
            clearable
            data={groups
              .filter((g) => g.seats.length || g.plannedCount)
              .map((g) => ({ value: g.id, label: g.title }))}
            value={groupId}
            onChange={(v) => {
              setGroupId(v);
              setUnitId(null);
            }}
          />
          <Select
            label={t('delegates.sendingUnit')}
            placeholder={t('delegateImport.unitFromFile')}
            clearable
            searchable
            data={units}
            value={unitId}
            onChange={setUnitId}
          />
          <FileInput
            label={t('delegateImport.file')}
            placeholder={t('delegateImport.pickFile')}
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            value={file}
            onChange={(f) => {
              setFile(f);
              readFile(f);
            }}
            clearable
          />
        </SimpleGrid>
        <Group mt="sm">
          <Button
            variant="light"
            disabled={!file}
            loading={preview.isPending}
            onClick={() => readFile(file, sheet)}
          >
            {t('delegateImport.read')}
          </Button>
          {read && read.sheets.length > 1 && (
            <Select
              aria-label={t('delegateImport.sheet')}
              data={read.sheets}
              value={sheet}
              allowDeselect={false}
              onChange={(s) => {
                setSheet(s);
                readFile(file, s);
              }}
              w={220}
            />
          )}
        </Group>
      </Paper>
      {preview.error && <Alert color="red">{errorMessage(preview.error)}</Alert>}
      {run.error && <Alert color="red">{errorMessage(run.error)}</Alert>}
      {read && result && (
        <>
          <Alert color={errors.length ? 'orange' : 'green'} aria-live="polite">
            {t('delegateImport.summary', {
              total: rows.length,
              valid: result.validRows,
              bad: badRows,
              sheet: read.sheet,
            })}
            {edited && ` ${t('delegateImport.edited')}`}
          </Alert>
          {newUnits.length > 0 && (
            <Group gap="xs" aria-label={t('everyday.import.accepted')}>
              <Text size="sm">{t('everyday.import.accepted')}</Text>
              {newUnits.map((u) => (
                <Badge
                  key={u.name}
                  variant="light"
                  rightSection={
                    <ActionIcon
                      size="xs"
                      variant="transparent"
                      aria-label={t('everyday.import.undoUnit', { name: u.name })}
                      onClick={() => dropUnit(u.name)}
                    >
                      ×
                    </ActionIcon>
                  }
                >
                  {u.name}
                </Badge>
              ))}
            </Group>
          )}
          <Paper withBorder>
            <Table.ScrollContainer minWidth={1200} mah={560}>
              <Table verticalSpacing={4} stickyHeader aria-label={t('delegateImport.rows')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={60}>{t('importer.row')}</Table.Th>
                    {fields.map((f) => (
                      <Table.Th key={f}>{read.columns[f]}</Table.Th>
                    ))}
                    <Table.Th>{t('delegateImport.goesTo')}</Table.Th>
                    <Table.Th w={48}>
                      <VisuallyHidden>{t('everyday.import.actions')}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((row) => {
                    const problems = errorsByRow.get(row.rowNumber) ?? [];
                    const resolved = resolvedByRow.get(row.rowNumber);
                    return (
                      <Table.Tr
                        key={row.rowNumber}
                        bg={problems.length ? 'var(--mantine-color-red-light)' : undefined}
                        data-testid={`import-row-${row.rowNumber}`}
                      >
                        <Table.Td>{row.rowNumber}</Table.Td>
                        {fields.map((f) => {
                          const problem = problems.find((p) => p.field === f);
                          if (problem?.choices?.length) {
                            return (
                              <Table.Td key={f} miw={160}>
                                <Select
                                  size="xs"
                                  aria-label={`${read.columns[f]} ${t('importer.row').toLowerCase()} ${row.rowNumber}`}
                                  placeholder={row.values[f]}
                                  data={problem.choices.map((c) => ({ value: c.title, label: c.title }))}
                                  error={problem.message}
                                  onChange={(v) => v && setCell(row.rowNumber, f, v)}
                                />
                              </Table.Td>
                            );
                          }
                          return (
                            <Table.Td key={f} miw={problems.length ? 140 : undefined}>
                              {problems.length ? (
                                <TextInput
                                  size="xs"
                                  aria-label={`${read.columns[f]} ${t('importer.row').toLowerCase()} ${row.rowNumber}`}
                                  value={row.values[f] ?? ''}
                                  error={problem?.message}
                                  onChange={(e) => setCell(row.rowNumber, f, e.currentTarget.value)}
                                />
                              ) : (
                                <Text size="sm">{row.values[f]}</Text>
                              )}
                            </Table.Td>
                          );
                        })}
                        <Table.Td>
                          {resolved ? (
                            <Text size="xs">
                              {[resolved.groupTitle, resolved.unitName].filter(Boolean).join(' · ')}
                            </Text>
                          ) : (
                            <>
                              {problems
                                .filter((p) => !fields.includes(p.field as DelegateImportField))
                                .map((p) => (
                                  <Text key={p.message} size="xs" c="red">
                                    {p.column}: {p.message}
                                  </Text>
                                ))}
                              {problems.map((p) =>
                                p.newUnit ? (
                                  <Button
                                    key={`unit-${p.newUnit.name}`}
                                    size="compact-xs"
                                    variant="light"
                                    mt={4}
                                    onClick={() =>
                                      acceptUnit({ name: p.newUnit!.name, kind: p.newUnit!.kind })
                                    }
                                  >
                                    {t(
                                      p.newUnit.kind === 'commune'
                                        ? 'everyday.import.addCommune'
                                        : 'everyday.import.addProducer',
                                      { name: p.newUnit.unitName, parent: p.newUnit.parentName },
                                    )}
                                  </Button>
                                ) : null,
                              )}
                            </>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <ActionIcon
                            variant="subtle"
                            color="gray"
                            aria-label={t('everyday.import.removeRow', { row: row.rowNumber })}
                            onClick={() => removeRow(row.rowNumber)}
                          >
                            ×
                          </ActionIcon>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
          <Group>
            <Button variant="default" onClick={() => recheck()} loading={run.isPending}>
              {t('delegateImport.recheck')}
            </Button>
            <Button
              onClick={() => commit('all_or_nothing')}
              disabled={errors.length > 0 || edited}
              loading={run.isPending}
            >
              {t('delegateImport.commitAll', { count: rows.length })}
            </Button>
            {errors.length > 0 && result.validRows > 0 && !edited && (
              <Button
                variant="light"
                color="orange"
                onClick={() => commit('valid_rows_only')}
                loading={run.isPending}
              >
                {t('delegateImport.commitValid', { count: result.validRows })}
              </Button>
            )}
          </Group>
        </>
      )}
    </Stack>
  );
}
