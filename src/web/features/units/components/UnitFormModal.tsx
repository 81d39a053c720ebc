import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { PRODUCER_TYPES, type ProducerType } from '../../../../shared/ocop-rules';
import { createUnitSchema, UNIT_KINDS, type Unit, type UnitKind } from '../../../../shared/units';
import { VnDateInput } from '../../../lib/dates';
import { apiFieldErrors, zodFieldErrors } from '../../../lib/form';
import { useErrorMessage } from '../../../lib/i18n';
import { useSaveUnit } from '../api/units';
import { UnitSelect } from './UnitSelect';

interface Values {
  kind: UnitKind;
  name: string;
  shortName: string;
  adminCode: string;
  parentId: string | null;
  parentName: string | null;
  validFrom: string | null;
  validTo: string | null;
  address: string;
  notes: string;
  producerType: ProducerType | null;
}

const toInput = ({ parentName: _, ...v }: Values) => v;

export function UnitFormModal({ unit, onClose }: { unit: Unit | null; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveUnit(unit?.id ?? null);
  const errorMessage = useErrorMessage();
  const form = useForm<Values>({
    initialValues: {
      kind: unit?.kind ?? 'other',
      name: unit?.name ?? '',
      shortName: unit?.shortName ?? '',
      adminCode: unit?.adminCode ?? '',
      parentId: unit?.parentId ?? null,
      parentName: unit?.parentName ?? null,
      validFrom: unit?.validFrom ?? null,
      validTo: unit?.validTo ?? null,
      address: unit?.address ?? '',
      notes: unit?.notes ?? '',
      producerType: unit?.producerType ?? null,
    },
    validate: (values) => zodFieldErrors(createUnitSchema, toInput(values)),
  });

  const onSubmit = (values: Values) =>
    save.mutate(toInput(values), {
      onSuccess: onClose,
      onError: (error) => form.setErrors(apiFieldErrors(error)),
    });

  return (
    <Modal opened onClose={onClose} title={unit ? t('units.editTitle') : t('units.new')} size="lg">
      <form onSubmit={form.onSubmit(onSubmit)} noValidate>
        <Stack>
          {save.error && <Alert color="red">{errorMessage(save.error)}</Alert>}
          <TextInput label={t('units.name')} required {...form.getInputProps('name')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('units.shortName')} required {...form.getInputProps('shortName')} />
            <Select
              label={t('units.kind')}
              data={UNIT_KINDS.map((k) => ({ value: k, label: t(`units.kinds.${k}`) }))}
              allowDeselect={false}
              {...form.getInputProps('kind')}
            />
            <TextInput
              label={t('units.adminCode')}
              inputMode="numeric"
              {...form.getInputProps('adminCode')}
            />
            <UnitSelect
              label={t('units.parent')}
              value={form.values.parentId}
              valueLabel={form.values.parentName}
              onChange={(id, name) => form.setValues({ parentId: id, parentName: name })}
              error={form.errors.parentId as string | undefined}
            />
            <VnDateInput
              label={t('units.validFrom')}
              valueFormat="DD/MM/YYYY"
              clearable
              {...form.getInputProps('validFrom')}
            />
            <VnDateInput
              label={t('units.validTo')}
              valueFormat="DD/MM/YYYY"
              clearable
              {...form.getInputProps('validTo')}
            />
          </SimpleGrid>
          {form.values.kind === 'producer' && (
            <Select
              label={t('ocop.producerType')}
              placeholder={t('ocop.producerTypeGuess')}
              clearable
              data={PRODUCER_TYPES.map((k) => ({ value: k, label: t(`ocop.producerTypes.${k}`) }))}
              {...form.getInputProps('producerType')}
            />
          )}
          <TextInput label={t('units.address')} {...form.getInputProps('address')} />
          <Textarea label={t('units.notes')} autosize minRows={2} {...form.getInputProps('notes')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
