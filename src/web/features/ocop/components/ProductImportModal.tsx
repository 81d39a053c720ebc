import { Alert, Button, Checkbox, FileInput, Group, List, Modal, Radio, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductImportResult } from '../../../../shared/ocop';
import { ApiError } from '../../../lib/api';
import { ImportErrorTable, problemsOf } from '../../../lib/ImportErrorTable';
import { useErrorMessage } from '../../../lib/i18n';
import { abilities, useMe } from '../../auth/api/auth';
import { useImportProducts } from '../api/ocop';

type Mode = 'all_or_nothing' | 'valid_rows_only';

/**
 * A council's product list: check first (nothing written), then import. Unknown producers are listed and created
 * only when someone who keeps the units catalogue (an admin) ticks the box; a broken row stops everything unless
 * "valid rows only" is picked.
 */
export function ProductImportModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const run = useImportProducts();
  const errorMessage = useErrorMessage();
  const canCreateProducers = abilities(useMe().data).canEditUnits;
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<Mode>('all_or_nothing');
  const [createProducers, setCreateProducers] = useState(false);
  const [preview, setPreview] = useState<ProductImportResult | null>(null);

  const check = (create = createProducers) =>
    file &&
    run.mutate(
      { file, mode, dryRun: true, createProducers: create },
      { onSuccess: setPreview, onError: () => setPreview(null) },
    );
  const commit = () =>
    file &&
    run.mutate(
      { file, mode, dryRun: false, createProducers },
      {
        onSuccess: (result) => {
          notifications.show({
            color: 'green',
            message: t('ocop.importDone', { created: result.created, updated: result.updated }),
          });
          onClose();
        },
      },
    );
  const failure = run.error instanceof ApiError ? run.error : null;
  const valid = preview ? preview.created + preview.updated : 0;
  const canCommit = !!preview && valid > 0 && (preview.errors.length === 0 || mode === 'valid_rows_only');

  return (
    <Modal opened onClose={onClose} title={t('ocop.importTitle')} size="xl">
      <Stack>
        <Text size="sm">{t('ocop.importHelp')}</Text>
        <FileInput
          label={t('importer.file')}
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
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
        {canCreateProducers && (
          <Checkbox
            label={t('ocop.createProducers')}
            checked={createProducers}
            onChange={(e) => {
              setCreateProducers(e.currentTarget.checked);
              if (preview) check(e.currentTarget.checked);
            }}
          />
        )}
        {failure && (
          <Alert color="red" role="alert">
            {errorMessage(failure)}
          </Alert>
        )}
        {failure && failure.details.length > 0 && <ImportErrorTable errors={problemsOf(failure.details)} />}
        {preview && (
          <>
            <Alert color={preview.errors.length ? 'orange' : 'green'}>
              {t('ocop.importSummary', {
                total: preview.total,
                created: preview.created,
                updated: preview.updated,
                skipped: preview.skipped,
              })}
            </Alert>
            {preview.newProducers.length > 0 && (
              <Alert
                color={createProducers ? 'blue' : 'orange'}
                title={t('ocop.newProducers', { count: preview.newProducers.length })}
              >
                <List size="sm">
                  {preview.newProducers.map((p) => (
                    <List.Item key={p.name}>
                      {p.name} — {t('ocop.rows', { rows: p.rows.join(', ') })}
                    </List.Item>
                  ))}
                </List>
              </Alert>
            )}
            <ImportErrorTable errors={preview.errors} />
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
          <Button variant="light" disabled={!file} loading={run.isPending} onClick={() => check()}>
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
