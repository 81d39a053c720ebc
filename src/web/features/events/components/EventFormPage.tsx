import {
  ActionIcon,
  Alert,
  Button,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { randomId } from '@mantine/hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { type CreateEventInput, createEventSchema, type Event } from '../../../../shared/events';
import { formatDate, vietnamLocalToInstant } from '../../../../shared/format';
import { DEFAULT_RETENTION_DAYS, MAX_RETENTION_DAYS } from '../../../../shared/limits';
import { PageLoader } from '../../../app/guards';
import { VnDateInput, VnTimeInput } from '../../../lib/dates';
import { apiFieldErrors, zodFieldErrors } from '../../../lib/form';
import { useErrorMessage } from '../../../lib/i18n';
import { UnitSelect } from '../../units/components/UnitSelect';
import { useEvent, useSaveEvent } from '../api/events';

interface FormValues {
  name: string;
  planNumber: string;
  planDate: string | null;
  planIssuer: string;
  planSignerAuthority: string;
  planSignerTitle: string;
  planSignerName: string;
  hostUnitId: string | null;
  hostName: string | null;
  leadUnitId: string | null;
  leadName: string | null;
  partners: { key: string; unitId: string | null; name: string }[];
  startDate: string | null;
  startTime: string;
  endDate: string | null;
  endTime: string;
  timeText: string;
  venueName: string;
  venueAddress: string;
  capacity: number | string;
  expectedAttendees: number | string;
  fundingSource: string;
  notes: string;
  personalDataRetentionDays: number | string;
}

const VN_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const VN_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function toValues(event: Event | undefined): FormValues {
  return {
    name: event?.name ?? '',
    planNumber: event?.planNumber ?? '',
    planDate: event?.planDate ?? null,
    planIssuer: event?.planIssuer ?? '',
    planSignerAuthority: event?.planSignerAuthority ?? '',
    planSignerTitle: event?.planSignerTitle ?? '',
    planSignerName: event?.planSignerName ?? '',
    hostUnitId: event?.hostUnitId ?? null,
    hostName: event?.hostName ?? null,
    leadUnitId: event?.leadUnitId ?? null,
    leadName: event?.leadName ?? null,
    partners: (event?.partners ?? []).map((p) => ({ ...p, key: randomId() })),
    startDate: event ? VN_DATE.format(new Date(event.startsAt)) : null,
    startTime: event ? VN_TIME.format(new Date(event.startsAt)) : '08:00',
    endDate: event ? VN_DATE.format(new Date(event.endsAt)) : null,
    endTime: event ? VN_TIME.format(new Date(event.endsAt)) : '11:30',
    timeText: event?.timeText ?? '',
    venueName: event?.venueName ?? '',
    venueAddress: event?.venueAddress ?? '',
    capacity: event?.capacity ?? '',
    expectedAttendees: event?.expectedAttendees ?? '',
    fundingSource: event?.fundingSource ?? '',
    notes: event?.notes ?? '',
    personalDataRetentionDays: event?.personalDataRetentionDays ?? DEFAULT_RETENTION_DAYS,
  };
}

const count = (v: number | string) => (v === '' ? null : Number(v));

function toInput(v: FormValues): CreateEventInput {
  const instant = (date: string | null, time: string) =>
    date && /^\d{2}:\d{2}$/.test(time) ? vietnamLocalToInstant(date, time) : '';
  return {
    name: v.name,
    planNumber: v.planNumber,
    planDate: v.planDate,
    planIssuer: v.planIssuer,
    planSignerAuthority: v.planSignerAuthority,
    planSignerTitle: v.planSignerTitle,
    planSignerName: v.planSignerName,
    hostUnitId: v.hostUnitId,
    leadUnitId: v.leadUnitId,
    partners: v.partners.map((p) => ({ unitId: p.unitId, name: p.name })),
    startsAt: instant(v.startDate, v.startTime),
    endsAt: instant(v.endDate ?? v.startDate, v.endTime),
    timeText: v.timeText,
    venueName: v.venueName,
    venueAddress: v.venueAddress,
    capacity: count(v.capacity),
    expectedAttendees: count(v.expectedAttendees),
    fundingSource: v.fundingSource,
    notes: v.notes,
    personalDataRetentionDays: count(v.personalDataRetentionDays) ?? DEFAULT_RETENTION_DAYS,
  } as CreateEventInput;
}

/** Schema paths ("startsAt") mapped onto the inputs that produce them. */
const FIELD_OF: Record<string, string> = { startsAt: 'startDate', endsAt: 'endDate' };
const remap = (errors: Record<string, string>) =>
  Object.fromEntries(Object.entries(errors).map(([k, v]) => [FIELD_OF[k] ?? k, v]));

export function EventFormPage() {
  const { eventId } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const existing = useEvent(eventId);
  const save = useSaveEvent(eventId);
  const errorMessage = useErrorMessage();
  const form = useForm<FormValues>({
    initialValues: toValues(undefined),
    validate: (values) => remap(zodFieldErrors(createEventSchema, toInput(values))),
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: load the event into the form once it arrives
  useEffect(() => {
    if (existing.data) form.setValues(toValues(existing.data));
  }, [existing.data]);

  if (eventId && existing.isPending) return <PageLoader />;

  const onSubmit = (values: FormValues) =>
    save.mutate(toInput(values), {
      onSuccess: (event) => navigate(`/events/${event.id}`),
      onError: (error) => form.setErrors(remap(apiFieldErrors(error))),
    });

  return (
    <form onSubmit={form.onSubmit(onSubmit)} noValidate>
      <Stack maw={960}>
        <Title order={1} size="h3">
          {eventId ? t('events.editTitle') : t('events.createTitle')}
        </Title>
        {save.error && <Alert color="red">{errorMessage(save.error)}</Alert>}
        <Paper withBorder p="md">
          <Stack>
            <Textarea
              label={t('events.name')}
              autosize
              minRows={2}
              required
              {...form.getInputProps('name')}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <UnitSelect
                label={t('events.host')}
                value={form.values.hostUnitId}
                valueLabel={form.values.hostName}
                onChange={(id, name) => form.setValues({ hostUnitId: id, hostName: name })}
                error={form.errors.hostUnitId as string | undefined}
              />
              <UnitSelect
                label={t('events.lead')}
                value={form.values.leadUnitId}
                valueLabel={form.values.leadName}
                onChange={(id, name) => form.setValues({ leadUnitId: id, leadName: name })}
                error={form.errors.leadUnitId as string | undefined}
              />
            </SimpleGrid>
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
            <VnDateInput
              label={t('events.startDate')}
              valueFormat="DD/MM/YYYY"
              required
              {...form.getInputProps('startDate')}
            />
            <VnTimeInput label={t('events.startTime')} required {...form.getInputProps('startTime')} />
            <VnDateInput
              label={t('events.endDate')}
              valueFormat="DD/MM/YYYY"
              {...form.getInputProps('endDate')}
            />
            <VnTimeInput label={t('events.endTime')} required {...form.getInputProps('endTime')} />
          </SimpleGrid>
          <TextInput mt="sm" label={t('events.timeText')} {...form.getInputProps('timeText')} />
        </Paper>
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('events.venueName')} {...form.getInputProps('venueName')} />
            <TextInput label={t('events.venueAddress')} {...form.getInputProps('venueAddress')} />
            <NumberInput
              label={t('events.capacity')}
              min={0}
              thousandSeparator="."
              decimalSeparator=","
              {...form.getInputProps('capacity')}
            />
            <NumberInput
              label={t('events.expectedAttendees')}
              min={0}
              thousandSeparator="."
              decimalSeparator=","
              {...form.getInputProps('expectedAttendees')}
            />
          </SimpleGrid>
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h5" mb="xs">
            {t('events.partners')}
          </Title>
          <Stack gap="xs">
            {form.values.partners.map((partner, index) => (
              <Group key={partner.key} align="flex-end" wrap="nowrap">
                <TextInput
                  style={{ flex: 1 }}
                  label={t('events.partnerName')}
                  {...form.getInputProps(`partners.${index}.name`)}
                />
                <div style={{ flex: 1 }}>
                  <UnitSelect
                    label={t('events.pickUnit')}
                    value={partner.unitId}
                    valueLabel={partner.unitId ? partner.name : null}
                    onChange={(id, name) => {
                      form.setFieldValue(`partners.${index}.unitId`, id);
                      if (name && !partner.name) form.setFieldValue(`partners.${index}.name`, name);
                    }}
                    error={form.errors[`partners.${index}.unitId`] as string | undefined}
                  />
                </div>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('common.delete')}
                  onClick={() => form.removeListItem('partners', index)}
                  mb={4}
                >
                  ✕
                </ActionIcon>
              </Group>
            ))}
            <Button
              variant="light"
              onClick={() => form.insertListItem('partners', { key: randomId(), unitId: null, name: '' })}
              w="fit-content"
            >
              {t('events.addPartner')}
            </Button>
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('events.planNumber')}
              placeholder="12/KH-UBND"
              {...form.getInputProps('planNumber')}
            />
            <VnDateInput
              label={t('events.planDate')}
              valueFormat="DD/MM/YYYY"
              clearable
              {...form.getInputProps('planDate')}
            />
            <TextInput label={t('events.planIssuer')} {...form.getInputProps('planIssuer')} />
            <TextInput
              label={t('events.planSignerAuthority')}
              placeholder="KT. CHỦ TỊCH"
              {...form.getInputProps('planSignerAuthority')}
            />
            <TextInput
              label={t('events.planSignerTitle')}
              placeholder="PHÓ CHỦ TỊCH"
              {...form.getInputProps('planSignerTitle')}
            />
            <TextInput label={t('events.planSignerName')} {...form.getInputProps('planSignerName')} />
          </SimpleGrid>
        </Paper>
        <Paper withBorder p="md">
          <Stack>
            <Textarea
              label={t('events.fundingSource')}
              autosize
              minRows={2}
              {...form.getInputProps('fundingSource')}
            />
            <Textarea label={t('events.notes')} autosize minRows={2} {...form.getInputProps('notes')} />
            <NumberInput
              label={t('events.personalDataRetentionDays')}
              description={
                existing.data?.personalDataErasedAt
                  ? t('events.personalDataErased', { date: formatDate(existing.data.personalDataErasedAt) })
                  : t('events.personalDataRetentionHint')
              }
              min={0}
              max={MAX_RETENTION_DAYS}
              allowDecimal={false}
              thousandSeparator="."
              decimalSeparator=","
              {...form.getInputProps('personalDataRetentionDays')}
            />
          </Stack>
        </Paper>
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
          <Button variant="default" onClick={() => navigate(eventId ? `/events/${eventId}` : '/')}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
