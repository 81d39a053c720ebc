import {
  Alert,
  Button,
  Code,
  FileInput,
  Group,
  Loader,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import {
  INVITATION_PLACEHOLDERS,
  type InvitationTemplate,
  invitationTemplateSchema,
} from '../../../../shared/invitations';
import { apiFieldErrors, zodFieldErrors } from '../../../lib/form';
import { useErrorMessage } from '../../../lib/i18n';
import { useInvitationTemplate, useSaveInvitationTemplate } from '../api/invitations';

type Values = Omit<InvitationTemplate, 'agencyLines'> & { agencyLines: string };

/** The wording of the event's Giấy mời, editable without code: agency, symbol, the invitation, the signer. */
export function InvitationTemplateModal({ eventId, onClose }: { eventId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const template = useInvitationTemplate(eventId);
  const save = useSaveInvitationTemplate(eventId);
  const errorMessage = useErrorMessage();
  const toInput = (v: Values): InvitationTemplate => ({
    ...v,
    agencyLines: v.agencyLines
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
  });
  const form = useForm<Values>({
    initialValues: {
      agencyLines: '',
      symbol: '',
      place: '',
      body: '',
      bring: '',
      contact: '',
      signerAuthority: '',
      signerTitle: '',
      signerName: '',
      logo: null,
    },
    validate: (values) => zodFieldErrors(invitationTemplateSchema, toInput(values)),
  });
  const { setValues } = form;
  useEffect(() => {
    if (template.data) setValues({ ...template.data, agencyLines: template.data.agencyLines.join('\n') });
  }, [template.data, setValues]);

  return (
    <Modal opened onClose={onClose} title={t('invitations.templateTitle')} size="xl">
      {template.isPending ? (
        <Loader />
      ) : (
        <form
          onSubmit={form.onSubmit((v) =>
            save.mutate(toInput(v), {
              onSuccess: onClose,
              onError: (e) => form.setErrors(apiFieldErrors(e)),
            }),
          )}
          noValidate
        >
          <Stack>
            {(template.error || save.error) && (
              <Alert color="red">{errorMessage(template.error ?? save.error)}</Alert>
            )}
            <Text size="sm">
              {t('invitations.placeholders')}{' '}
              {Object.entries(INVITATION_PLACEHOLDERS).map(([key, label]) => (
                <span key={key} title={label}>
                  <Code>{`{{${key}}}`}</Code>{' '}
                </span>
              ))}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Textarea
                label={t('invitations.agencyLines')}
                autosize
                minRows={2}
                {...form.getInputProps('agencyLines')}
              />
              <TextInput label={t('invitations.symbol')} {...form.getInputProps('symbol')} />
              <TextInput label={t('invitations.place')} {...form.getInputProps('place')} />
            </SimpleGrid>
            <Textarea label={t('invitations.body')} autosize minRows={2} {...form.getInputProps('body')} />
            <Textarea label={t('invitations.bring')} autosize minRows={1} {...form.getInputProps('bring')} />
            <Textarea
              label={t('invitations.contact')}
              autosize
              minRows={1}
              {...form.getInputProps('contact')}
            />
            <Group align="flex-end">
              <FileInput
                label={t('invitations.logo')}
                placeholder={t('invitations.logoPick')}
                accept="image/png,image/jpeg"
                error={form.errors.logo}
                onChange={(file) => {
                  if (!file) return;
                  const reader = new FileReader();
                  reader.onload = () => form.setFieldValue('logo', String(reader.result));
                  reader.readAsDataURL(file);
                }}
                style={{ flex: 1 }}
              />
              {form.values.logo && (
                <>
                  <img src={form.values.logo} alt={t('invitations.logo')} style={{ height: 48 }} />
                  <Button variant="subtle" color="red" onClick={() => form.setFieldValue('logo', null)}>
                    {t('invitations.logoRemove')}
                  </Button>
                </>
              )}
            </Group>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                label={t('invitations.signerAuthority')}
                {...form.getInputProps('signerAuthority')}
              />
              <TextInput label={t('invitations.signerTitle')} {...form.getInputProps('signerTitle')} />
              <TextInput label={t('invitations.signerName')} {...form.getInputProps('signerName')} />
            </SimpleGrid>
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
      )}
    </Modal>
  );
}
