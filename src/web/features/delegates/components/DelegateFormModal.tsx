import { Alert, Button, Group, Modal, NumberInput, Select, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { type CompositionGroup, createDelegateSchema, type Delegate } from '../../../../shared/delegates';
import { apiFieldErrors, zodFieldErrors } from '../../../lib/form';
import { useErrorMessage } from '../../../lib/i18n';
import { UnitSelect } from '../../units/components/UnitSelect';
import { useSaveDelegate } from '../api/delegates';
import { PersonFields, type PersonValues } from './PersonFields';

interface Values extends PersonValues {
  groupId: string | null;
  unitId: string | null;
  unitName: string | null;
  protocolRank: number | null;
  notes: string;
}

const toInput = ({ unitName: _, protocolRank, ...v }: Values, isOrganizer: boolean) =>
  isOrganizer ? { ...v, protocolRank } : v;

/** One delegate: where they sit in the composition (group and sending unit) and who they are. */
export function DelegateFormModal({
  eventId,
  delegate,
  groups,
  isOrganizer,
  onClose,
}: {
  eventId: string;
  delegate: Delegate | null;
  groups: CompositionGroup[];
  isOrganizer: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveDelegate(eventId, delegate?.id ?? null);
  const errorMessage = useErrorMessage();
  const form = useForm<Values>({
    initialValues: {
      groupId: delegate?.groupId ?? null,
      unitId: delegate?.unitId ?? null,
      unitName: delegate?.unitName ?? null,
      honorific: delegate?.honorific ?? null,
      fullName: delegate?.fullName ?? '',
      gender: delegate?.gender ?? null,
      position: delegate?.position ?? '',
      organization: delegate?.organization ?? '',
      phone: delegate?.phone ?? '',
      email: delegate?.email ?? '',
      protocolRank: delegate?.rankOverride ?? null,
      notes: delegate?.notes ?? '',
    },
    validate: (values) => zodFieldErrors(createDelegateSchema, toInput(values, isOrganizer)),
  });
  const group = groups.find((g) => g.id === form.values.groupId);
  const seats = group?.seats ?? [];
  const onSubmit = (values: Values) =>
    save.mutate(toInput(values, isOrganizer), {
      onSuccess: onClose,
      onError: (error) => form.setErrors(apiFieldErrors(error)),
    });

  return (
    <Modal
      opened
      onClose={onClose}
      title={delegate ? t('delegates.editTitle') : t('delegates.add')}
      size="lg"
    >
      <form onSubmit={form.onSubmit(onSubmit)} noValidate>
        <Stack>
          {save.error && <Alert color="red">{errorMessage(save.error)}</Alert>}
          <Select
            label={t('delegates.group')}
            required={!isOrganizer}
            clearable={isOrganizer}
            data={groups
              .filter((g) => isOrganizer || g.seats.length > 0)
              .map((g) => ({ value: g.id, label: g.title }))}
            {...form.getInputProps('groupId')}
            onChange={(v) => form.setValues({ groupId: v, unitId: null, unitName: null })}
          />
          {seats.length > 0 ? (
            <Select
              label={t('delegates.sendingUnit')}
              required
              data={seats.map((s) => ({
                value: s.unitId,
                label: `${s.unitName} (${s.filled}/${s.quota})`,
              }))}
              {...form.getInputProps('unitId')}
            />
          ) : (
            isOrganizer && (
              <UnitSelect
                label={t('delegates.sendingUnit')}
                value={form.values.unitId}
                valueLabel={form.values.unitName}
                onChange={(id, name) => form.setValues({ unitId: id, unitName: name })}
                error={form.errors.unitId as string | undefined}
              />
            )
          )}
          <PersonFields form={form} />
          {isOrganizer && delegate && (
            <Text size="sm" data-testid="rank-reason">
              {t('protocol.rankReason', { reason: delegate.rankReason })}
            </Text>
          )}
          {isOrganizer && (
            <NumberInput
              label={t('delegates.protocolRank')}
              description={t('delegates.protocolRankHelp')}
              min={1}
              max={999}
              {...form.getInputProps('protocolRank')}
              onChange={(v) => form.setFieldValue('protocolRank', typeof v === 'number' ? v : null)}
            />
          )}
          <Textarea label={t('delegates.notes')} autosize minRows={2} {...form.getInputProps('notes')} />
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
