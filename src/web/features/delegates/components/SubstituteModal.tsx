import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import {
  type Delegate,
  GENDERS,
  type Gender,
  HONORIFICS,
  type Honorific,
  substituteSchema,
} from '../../../../shared/delegates';
import { apiFieldErrors, zodFieldErrors } from '../../../lib/form';
import { useErrorMessage } from '../../../lib/i18n';
import { useSubstitute } from '../api/delegates';

interface Values {
  honorific: Honorific | null;
  fullName: string;
  gender: Gender | null;
  position: string;
  organization: string;
  phone: string;
  email: string;
}

/** The unit sends someone else: same group and seat; the person replaced stays in the history. */
export function SubstituteModal({
  eventId,
  delegate,
  onClose,
}: {
  eventId: string;
  delegate: Delegate;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSubstitute(eventId, delegate.id);
  const errorMessage = useErrorMessage();
  const form = useForm<Values>({
    initialValues: {
      honorific: null,
      fullName: '',
      gender: null,
      position: '',
      organization: delegate.organization ?? '',
      phone: '',
      email: '',
    },
    validate: (values) => zodFieldErrors(substituteSchema, values),
  });
  return (
    <Modal opened onClose={onClose} title={t('delegates.substituteTitle')} size="lg">
      <form
        onSubmit={form.onSubmit((values) =>
          save.mutate(values, { onSuccess: onClose, onError: (e) => form.setErrors(apiFieldErrors(e)) }),
        )}
        noValidate
      >
        <Stack>
          <Text size="sm">
            {t('delegates.substituteFor', { name: delegate.fullName, group: delegate.groupTitle ?? '—' })}
          </Text>
          {save.error && <Alert color="red">{errorMessage(save.error)}</Alert>}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('delegates.honorific')}
              clearable
              data={HONORIFICS.map((h) => ({ value: h, label: t(`delegates.honorifics.${h}`) }))}
              {...form.getInputProps('honorific')}
            />
            <TextInput label={t('delegates.fullName')} required {...form.getInputProps('fullName')} />
            <Select
              label={t('delegates.gender')}
              clearable
              data={GENDERS.map((g) => ({ value: g, label: t(`delegates.genders.${g}`) }))}
              {...form.getInputProps('gender')}
            />
          </SimpleGrid>
          <TextInput label={t('delegates.position')} {...form.getInputProps('position')} />
          <TextInput label={t('delegates.organization')} {...form.getInputProps('organization')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('delegates.phone')} inputMode="tel" {...form.getInputProps('phone')} />
            <TextInput label={t('delegates.email')} type="email" {...form.getInputProps('email')} />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('delegates.substituteSave')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
