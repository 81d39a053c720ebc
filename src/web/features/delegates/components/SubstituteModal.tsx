import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { type Delegate, substituteSchema } from '../../../../shared/delegates';
import { apiFieldErrors, zodFieldErrors } from '../../../lib/form';
import { useErrorMessage } from '../../../lib/i18n';
import { useSubstitute } from '../api/delegates';
import { PersonFields, type PersonValues } from './PersonFields';

type Values = PersonValues;

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
          <PersonFields form={form} />
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
