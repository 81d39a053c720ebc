import { Alert, Button, FileInput, Group, Modal, Radio, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportRowError, UnitImportResult } from '../../../../shared/units';
import { ApiError } from '../../../lib/api';
import { useErrorMessage } from '../../../lib/i18n';
import { useImportUnits } from '../api/units';

type Mode = 'all_or_nothing' | 'valid_rows_only';

function ErrorTable({ errors }: { errors: ImportRowError[] }) {
  const { t } = useTranslation();
  if (errors.length === 0) return <Text c="green">{t('importer.noErrors')}</Text>;
  return (
    <Table.ScrollContainer minWidth={480} mah={320}>
      <Table striped withTableBorder aria-label={t('importer.problem')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('importer.row')}</Table.Th>
            <Table.Th>{t('importer.column')}</Table.Th>
            <Table.Th>{t('importer.problem')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {errors.map((e) => (
            <Table.Tr key={`${e.row}-${e.column}-${e.message}`}>
              <Table.Td>{e.row}</Table.Td>
              <Table.Td>{e.column}</Table.Td>
              <Table.Td>{e.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Check first (nothing written), then import; a broken row stops everything unless "valid rows only" is picked. */
export function UnitImportModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const run = useImportUnits();
  const errorMessage = useErrorMessage();
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<Mode>('all_or_nothing');
  const [preview, setPreview] = useState<UnitImportResult | null>(null);

  const check = () =>
    file &&
    run.mutate({ file, mode, dryRun: true }, { onSuccess: setPreview, onError: () => setPreview(null) });
  const commit = () =>
    file &&
    run.mutate(
      { file, mode, dryRun: false },
      {
        onSuccess: (result) => {
          notifications.show({
            color: 'green',
            message: t('importer.done', { created: result.created, updated: result.updated }),
          });
          onClose();
        },
      },
    );
  const failure = run.error instanceof ApiError ? run.error : null;
  const canCommit =
    !!preview && preview.validRows > 0 && (preview.errors.length === 0 || mode === 'valid_rows_only');

  return (
    <Modal opened onClose={onClose} title={t('importer.title')} size="xl">
      <Stack>
        <Text size="sm">{t('importer.help')}</Text>
        <FileInput
          label={t('importer.file')}
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          value={file}
          onChange={(f) => {
            setFile(f);
            setPreview(null);
            run.reset();
          }}
          clearable
        />
        <Radio.Group label={t('importer.mode')} value={mode} onChange={(v) => setMode(v as Mode)}>
          <Group mt={4}>
            <Radio value="all_or_nothing" label={t('importer.allOrNothing')} />
            <Radio value="valid_rows_only" label={t('importer.validOnly')} />
          </Group>
        </Radio.Group>
        {failure && (
          <Alert color="red" role="alert">
            {errorMessage(failure)}
          </Alert>
        )}
        {failure && failure.details.length > 0 && (
          <ErrorTable
            errors={failure.details.map((d) => ({
              row: d.row ?? 0,
              column: d.column ?? '',
              message: d.message.replace(/^Dòng \d+, cột [^:]+: /, ''),
            }))}
          />
        )}
        {preview && (
          <>
            <Alert color={preview.errors.length ? 'orange' : 'green'}>
              {t('importer.summary', {
                total: preview.totalRows,
                valid: preview.validRows,
                created: preview.created,
                updated: preview.updated,
              })}
            </Alert>
            <ErrorTable errors={preview.errors} />
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
          <Button variant="light" disabled={!file} loading={run.isPending} onClick={check}>
            {t('importer.check')}
          </Button>
          <Button disabled={!canCommit} loading={run.isPending} onClick={commit}>
            {t('importer.commit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
