import { Alert, Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import {
  type CompositionGroup,
  createGroupSchema,
  INVITERS,
  type Inviter,
} from '../../../../shared/delegates';
import { apiFieldErrors, zodFieldErrors } from '../../../lib/form';
import { useErrorMessage } from '../../../lib/i18n';
import { useDeleteGroup, useSaveGroup } from '../api/delegates';

interface Values {
  parentId: string | null;
  title: string;
  plannedCount: number | null;
  perUnit: number | null;
  unitCount: number | null;
  inviter: Inviter | null;
  protocolRank: number | null;
}

const numberOrNull = (v: string | number) => (typeof v === 'number' ? v : null);

/** A composition group: its title, counts as the plan writes them (3 × 27 = 81), who invites it, its rank. */
export function GroupFormModal({
  eventId,
  group,
  groups,
  onClose,
}: {
  eventId: string;
  group: CompositionGroup | null;
  groups: CompositionGroup[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveGroup(eventId, group?.id ?? null);
  const remove = useDeleteGroup(eventId);
  const errorMessage = useErrorMessage();
  const form = useForm<Values>({
    initialValues: {
      parentId: group?.parentId ?? null,
      title: group?.title ?? '',
      plannedCount: group?.plannedCount ?? null,
      perUnit: group?.perUnit ?? null,
      unitCount: group?.unitCount ?? null,
      inviter: group?.inviter ?? null,
      protocolRank: group?.protocolRank ?? null,
    },
    validate: (values) => zodFieldErrors(createGroupSchema, values),
  });
  const onSubmit = (values: Values) =>
    save.mutate(values, { onSuccess: onClose, onError: (error) => form.setErrors(apiFieldErrors(error)) });
  const formula =
    form.values.perUnit && form.values.unitCount
      ? t('composition.formula', {
          perUnit: form.values.perUnit,
          units: form.values.unitCount,
          total: form.values.perUnit * form.values.unitCount,
        })
      : null;

  return (
    <Modal
      opened
      onClose={onClose}
      title={group ? t('composition.editGroup') : t('composition.addGroup')}
      size="lg"
    >
      <form onSubmit={form.onSubmit(onSubmit)} noValidate>
        <Stack>
          {(save.error || remove.error) && (
            <Alert color="red">{errorMessage(save.error ?? remove.error)}</Alert>
          )}
          <Textarea
            label={t('composition.title')}
            required
            autosize
            minRows={2}
            {...form.getInputProps('title')}
          />
          <Select
            label={t('composition.parent')}
            clearable
            data={groups.filter((g) => g.id !== group?.id).map((g) => ({ value: g.id, label: g.title }))}
            {...form.getInputProps('parentId')}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput
              label={t('composition.planned')}
              min={0}
              {...form.getInputProps('plannedCount')}
              onChange={(v) => form.setFieldValue('plannedCount', numberOrNull(v))}
            />
            <NumberInput
              label={t('composition.perUnit')}
              min={0}
              {...form.getInputProps('perUnit')}
              onChange={(v) => form.setFieldValue('perUnit', numberOrNull(v))}
            />
            <NumberInput
              label={t('composition.unitCount')}
              min={0}
              {...form.getInputProps('unitCount')}
              onChange={(v) => form.setFieldValue('unitCount', numberOrNull(v))}
              description={formula}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('composition.inviter')}
              clearable
              data={INVITERS.map((i) => ({ value: i, label: t(`composition.inviters.${i}`) }))}
              {...form.getInputProps('inviter')}
            />
            <NumberInput
              label={t('composition.protocolRank')}
              description={t('composition.protocolRankHelp')}
              min={1}
              max={999}
              {...form.getInputProps('protocolRank')}
              onChange={(v) => form.setFieldValue('protocolRank', numberOrNull(v))}
            />
          </SimpleGrid>
          <Group justify="space-between">
            {group ? (
              <Button
                color="red"
                variant="subtle"
                loading={remove.isPending}
                onClick={() => remove.mutate(group.id, { onSuccess: onClose })}
              >
                {t('composition.deleteGroup')}
              </Button>
            ) : (
              <span />
            )}
            <Group>
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {t('common.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
