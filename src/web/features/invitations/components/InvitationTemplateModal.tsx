import {
  Alert,
  Button,
  Code,
  FileInput,
  Group,
  Loader,
  Modal,
  NumberInput,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCalendarDate, parseCalendarDate } from '../../../../shared/format';
import {
  INVITATION_PLACEHOLDERS,
  type InvitationTemplate,
  invitationTemplateSchema,
  type NumberingMode,
} from '../../../../shared/invitations';
import { apiFieldErrors, zodFieldErrors } from '../../../lib/form';
import { useErrorMessage } from '../../../lib/i18n';
import { useInvitationTemplate, useLetterReadiness, useSaveInvitationTemplate } from '../api/invitations';
import { LetterReadinessNotice } from './LetterReadinessNotice';

/** The form's shape: lists as one line each, the issue date as dd/mm/yyyy ("" leaves it blank). */
type Values = Omit<InvitationTemplate, 'agencyLines' | 'recipients' | 'issuedOn'> & {
  agencyLines: string;
  recipients: string;
  issuedOn: string;
};

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** The wording of the event's Giấy mời, editable without code: agency, symbol, the invitation, the signer. */
export function InvitationTemplateModal({ eventId, onClose }: { eventId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const template = useInvitationTemplate(eventId);
  const readiness = useLetterReadiness(eventId);
  const save = useSaveInvitationTemplate(eventId);
  const errorMessage = useErrorMessage();
  const toInput = (v: Values): InvitationTemplate => ({
    ...v,
    agencyLines: lines(v.agencyLines),
    recipients: lines(v.recipients),
    issuedOn: v.issuedOn.trim() ? (parseCalendarDate(v.issuedOn) ?? v.issuedOn.trim()) : null,
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
      issuedOn: '',
      recipients: '',
      numbering: 'blank',
      registerStart: 1,
      signerBody: '',
      contactName: '',
      contactPhone: '',
    },
    validate: (values) => ({
      ...zodFieldErrors(invitationTemplateSchema, toInput(values)),
      ...(values.issuedOn.trim() && !parseCalendarDate(values.issuedOn)
        ? { issuedOn: t('letters.issuedOnInvalid') }
        : {}),
    }),
  });
  const { setValues } = form;
  useEffect(() => {
    if (template.data)
      setValues({
        ...template.data,
        agencyLines: template.data.agencyLines.join('\n'),
        recipients: template.data.recipients.join('\n'),
        issuedOn: template.data.issuedOn ? formatCalendarDate(template.data.issuedOn) : '',
      });
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
            <LetterReadinessNotice eventId={eventId} />
            <Group align="flex-end">
              <TextInput
                label={t('letters.issuedOn')}
                description={t('letters.issuedOnHelp')}
                placeholder="dd/mm/yyyy"
                style={{ flex: 1 }}
                {...form.getInputProps('issuedOn')}
              />
              {readiness.data && (
                <Button
                  variant="default"
                  onClick={() => form.setFieldValue('issuedOn', formatCalendarDate(readiness.data.today))}
                >
                  {t('letters.today')}
                </Button>
              )}
              <Button variant="default" onClick={() => form.setFieldValue('issuedOn', '')}>
                {t('letters.leaveBlank')}
              </Button>
            </Group>
            <Group align="flex-end">
              <Radio.Group
                label={t('letters.numbering')}
                value={form.values.numbering}
                onChange={(v) => form.setFieldValue('numbering', v as NumberingMode)}
              >
                <Group mt="xs">
                  <Radio value="blank" label={t('letters.numberingBlank')} />
                  <Radio value="register" label={t('letters.numberingRegister')} />
                </Group>
              </Radio.Group>
              {form.values.numbering === 'register' && (
                <NumberInput
                  label={t('letters.registerStart')}
                  description={t('letters.registerStartHelp')}
                  min={1}
                  allowDecimal={false}
                  {...form.getInputProps('registerStart')}
                />
              )}
            </Group>
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
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('letters.contactName')} {...form.getInputProps('contactName')} />
              <TextInput label={t('letters.contactPhone')} {...form.getInputProps('contactPhone')} />
            </SimpleGrid>
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
            <Textarea
              label={t('letters.recipients')}
              description={t('letters.recipientsHelp')}
              autosize
              minRows={2}
              {...form.getInputProps('recipients')}
            />
            <TextInput label={t('letters.signerBody')} {...form.getInputProps('signerBody')} />
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
