import { Alert, Button, FileInput, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitImportResult } from '../../../../shared/units';
import { ApiError } from '../../../lib/api';
import { ImportErrorTable, problemsOf } from '../../../lib/ImportErrorTable';
import { useErrorMessage } from '../../../lib/i18n';
import { useImportUnits } from '../api/units';

type Mode = 'all_or_nothing' | 'valid_rows_only';

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
        {failure && failure.details.length > 0 && <ImportErrorTable errors={problemsOf(failure.details)} />}
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
            <ImportErrorTable errors={preview.errors} />
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
