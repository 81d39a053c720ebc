import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AwardBatch, AwardRecipient, CertificateTemplate } from '../../../../shared/ocop';
import { AWARD_ORDERS, type AwardOrder, starText } from '../../../../shared/ocop-rules';
import { ApiError } from '../../../lib/api';
import { VnDateInput } from '../../../lib/dates';
import { downloadFile } from '../../../lib/download';
import { apiFieldErrors } from '../../../lib/form';
import { HiddenHeader } from '../../../lib/HiddenHeader';
import { useErrorMessage } from '../../../lib/i18n';
import { useDelegates } from '../../delegates/api/delegates';
import { useAwardActions, useAwards, useCertificateTemplate, useSaveCertificateTemplate } from '../api/ocop';

/** Picks a delegate of the event (the leader who awards a batch); the server searches as the user types. */
function DelegatePicker({
  eventId,
  value,
  valueLabel,
  onChange,
  label,
}: {
  eventId: string;
  value: string | null;
  valueLabel: string | null;
  onChange: (id: string | null) => void;
  label: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const found = useDelegates(eventId, { q: debounced, pageSize: 20, sort: 'protocol' });
  const options = (found.data?.items ?? []).map((d) => ({
    value: d.id,
    label: d.position ? `${d.fullName} — ${d.position}` : d.fullName,
  }));
  if (value && valueLabel && !options.some((o) => o.value === value))
    options.unshift({ value, label: valueLabel });
  return (
    <Select
      label={label}
      placeholder={t('awards.pickPresenter')}
      searchable
      clearable
      filter={({ options: all }) => all}
      data={options}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={onChange}
      nothingFoundMessage={t('delegates.empty')}
      size="xs"
    />
  );
}

function PlanForm({ eventId, hasPlan, onDone }: { eventId: string; hasPlan: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const { plan } = useAwardActions(eventId);
  const [batchSize, setBatchSize] = useState<number | string>(10);
  const [order, setOrder] = useState<AwardOrder>('district');
  const [fromYear, setFromYear] = useState<number | string>(2018);
  const [toYear, setToYear] = useState<number | string>(2020);
  const [decisionNumber, setDecisionNumber] = useState('');
  const submit = () => {
    if (hasPlan && !window.confirm(t('awards.replaceConfirm'))) return;
    plan.mutate(
      {
        batchSize: Number(batchSize),
        order,
        fromYear: fromYear === '' ? null : Number(fromYear),
        toYear: toYear === '' ? null : Number(toYear),
        decisionNumber: decisionNumber || null,
      },
      { onSuccess: onDone },
    );
  };
  return (
    <Stack>
      {plan.error && <Alert color="red">{errorMessage(plan.error)}</Alert>}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NumberInput
          label={t('awards.batchSize')}
          min={1}
          max={60}
          value={batchSize}
          onChange={setBatchSize}
        />
        <Select
          label={t('awards.order')}
          data={AWARD_ORDERS.map((o) => ({ value: o, label: t(`awards.orders.${o}`) }))}
          value={order}
          onChange={(v) => v && setOrder(v as AwardOrder)}
          allowDeselect={false}
        />
        <NumberInput
          label={t('ocop.fromYear')}
          value={fromYear}
          onChange={setFromYear}
          min={2000}
          max={2100}
        />
        <NumberInput label={t('ocop.toYear')} value={toYear} onChange={setToYear} min={2000} max={2100} />
        <TextInput
          label={t('awards.decisionOnly')}
          placeholder="5445/QĐ-UBND"
          value={decisionNumber}
          onChange={(e) => setDecisionNumber(e.currentTarget.value)}
        />
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        {t('awards.planHelp')}
      </Text>
      <Group justify="flex-end">
        <Button loading={plan.isPending} onClick={submit}>
          {t('awards.plan')}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * Printing certificates: a certificate without a number is refused by the server (CERTIFICATE_NUMBER_MISSING);
 * the organizer is asked before it prints with "Số: ………" left blank for the clerk.
 */
function useCertificatePrint() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [asking, setAsking] = useState<{ url: string; message: string } | null>(null);
  const [pending, setPending] = useState(false);
  const run = async (url: string) => {
    setPending(true);
    try {
      await downloadFile(url);
      setAsking(null);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'CERTIFICATE_NUMBER_MISSING') {
        setAsking({ url, message: error.message });
      } else {
        notifications.show({ color: 'red', message: errorMessage(error) });
      }
    } finally {
      setPending(false);
    }
  };
  const confirm = asking && (
    <Modal opened onClose={() => setAsking(null)} title={t('clerkDocuments.blankNumberTitle')}>
      <Stack>
        <Text size="sm">{t('clerkDocuments.blankNumberBody', { message: asking.message })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setAsking(null)}>
            {t('common.cancel')}
          </Button>
          <Button
            color="orange"
            loading={pending}
            onClick={() => run(`${asking.url}${asking.url.includes('?') ? '&' : '?'}allowBlankNumber=true`)}
          >
            {t('clerkDocuments.printBlank')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
  return { print: run, pending, confirm };
}

/** Who signed each decision the certificates cite: number, on whose behalf, title, name. */
function DecisionSigners({
  value,
  onChange,
}: {
  value: CertificateTemplate['decisions'];
  onChange: (next: CertificateTemplate['decisions']) => void;
}) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<CertificateTemplate['decisions'][number]>) =>
    onChange(value.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  const text = (v: string) => v.trim() || null;
  return (
    <Stack gap="xs">
      <Text fw={600} size="sm">
        {t('clerkDocuments.decisionSigners')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('clerkDocuments.decisionSignersHelp')}
      </Text>
      {value.map((d, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a row has no id, and its number is what is being typed
        <SimpleGrid key={i} cols={{ base: 1, sm: 5 }} spacing="xs" style={{ alignItems: 'end' }}>
          <TextInput
            size="xs"
            label={t('clerkDocuments.decisionNumber')}
            value={d.number}
            onChange={(e) => set(i, { number: e.currentTarget.value })}
          />
          <TextInput
            size="xs"
            label={t('awards.signerAuthority')}
            placeholder="KT. CHỦ TỊCH"
            value={d.signerAuthority ?? ''}
            onChange={(e) => set(i, { signerAuthority: text(e.currentTarget.value) })}
          />
          <TextInput
            size="xs"
            label={t('awards.signerTitle')}
            value={d.signerTitle ?? ''}
            onChange={(e) => set(i, { signerTitle: text(e.currentTarget.value) })}
          />
          <TextInput
            size="xs"
            label={t('awards.signerName')}
            value={d.signerName ?? ''}
            onChange={(e) => set(i, { signerName: text(e.currentTarget.value) })}
          />
          <Button
            size="xs"
            variant="subtle"
            color="red"
            onClick={() => onChange(value.filter((_, j) => j !== i))}
            aria-label={t('clerkDocuments.removeDecision', { number: d.number })}
          >
            ×
          </Button>
        </SimpleGrid>
      ))}
      <Group>
        <Button
          size="xs"
          variant="light"
          onClick={() =>
            onChange([...value, { number: '', signerAuthority: null, signerTitle: null, signerName: null }])
          }
        >
          {t('clerkDocuments.addDecision')}
        </Button>
      </Group>
    </Stack>
  );
}

function TemplateModal({ eventId, onClose }: { eventId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const stored = useCertificateTemplate(eventId);
  const save = useSaveCertificateTemplate(eventId);
  const [draft, setDraft] = useState<CertificateTemplate | null>(null);
  const value = draft ?? stored.data;
  if (!value) return null;
  const field = (key: keyof CertificateTemplate) => ({
    value: (value[key] as string | null) ?? '',
    onChange: (e: React.ChangeEvent<HTMLInputElement>) =>
      setDraft({ ...value, [key]: e.currentTarget.value }),
    error: apiFieldErrors(save.error)[key],
  });
  return (
    <Modal opened onClose={onClose} title={t('awards.template')} size="lg">
      <Stack>
        {save.error && <Alert color="red">{errorMessage(save.error)}</Alert>}
        <TextInput label={t('awards.issuer')} {...field('issuer')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('awards.certTitle')} {...field('title')} />
          <TextInput label={t('awards.subtitle')} {...field('subtitle')} />
        </SimpleGrid>
        <TextInput label={t('awards.intro')} {...field('intro')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('awards.place')} {...field('place')} />
          <VnDateInput
            label={t('awards.issueDate')}
            description={t('awards.issueDateHelp')}
            valueFormat="DD/MM/YYYY"
            clearable
            value={value.issueDate}
            onChange={(d) => setDraft({ ...value, issueDate: d })}
          />
          <TextInput
            label={t('awards.signerAuthority')}
            placeholder="KT. CHỦ TỊCH"
            {...field('signerAuthority')}
          />
          <TextInput label={t('awards.signerTitle')} {...field('signerTitle')} />
          <TextInput label={t('awards.signerName')} {...field('signerName')} />
        </SimpleGrid>
        <DecisionSigners
          value={value.decisions ?? []}
          onChange={(decisions) => setDraft({ ...value, decisions })}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={save.isPending} onClick={() => save.mutate(value, { onSuccess: onClose })}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function RecipientRow({
  eventId,
  recipient,
  batches,
  canEdit,
  onPrint,
}: {
  eventId: string;
  recipient: AwardRecipient;
  batches: AwardBatch[];
  canEdit: boolean;
  onPrint: (url: string) => void;
}) {
  const { t } = useTranslation();
  const actions = useAwardActions(eventId);
  const [standIn, setStandIn] = useState(recipient.standInName ?? '');
  // Ticked at once on the hall floor, whatever the network; put back if the server refuses.
  const [handed, setHanded] = useState(!!recipient.handedOverAt);
  useEffect(() => setStandIn(recipient.standInName ?? ''), [recipient.standInName]);
  useEffect(() => setHanded(!!recipient.handedOverAt), [recipient.handedOverAt]);
  const update = (input: Parameters<typeof actions.recipient.mutate>[0]) => actions.recipient.mutate(input);
  return (
    <Table.Tr>
      <Table.Td>{recipient.position}</Table.Td>
      <Table.Td>
        <Text size="sm" fw={500}>
          {recipient.producerName}
        </Text>
        <Text size="xs" c="dimmed">
          {recipient.districtName ?? ''}
        </Text>
        {recipient.products.map((p) => (
          <Group key={p.id} gap={4} wrap="nowrap">
            <Text size="xs">
              {p.name} <span style={{ color: 'var(--mantine-color-yellow-8)' }}>{starText(p.stars)}</span>
            </Text>
            {canEdit && (
              <Anchor
                size="xs"
                component="button"
                type="button"
                onClick={() => onPrint(`/api/events/${eventId}/certificates/${p.id}`)}
                // WCAG 2.2's 24 px minimum target: the reprint links sit one under another in a busy row.
                style={{ display: 'inline-block', minHeight: 24, lineHeight: '24px' }}
              >
                {t('awards.reprint')}
              </Anchor>
            )}
          </Group>
        ))}
      </Table.Td>
      <Table.Td>
        {recipient.delegate ? (
          <>
            <Text size="sm">{recipient.delegate.fullName}</Text>
            <Badge size="xs" color={recipient.present ? 'green' : 'gray'} variant="light">
              {recipient.present ? t('awards.present') : t('awards.notPresent')}
            </Badge>
          </>
        ) : (
          <Badge size="xs" color="orange" variant="light">
            {t('awards.noDelegate')}
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        {canEdit ? (
          <TextInput
            size="xs"
            placeholder={recipient.present ? '' : t('awards.standInPlaceholder')}
            aria-label={t('awards.standIn')}
            value={standIn}
            onChange={(e) => setStandIn(e.currentTarget.value)}
            onBlur={() =>
              standIn !== (recipient.standInName ?? '') &&
              update({ recipientId: recipient.id, standInName: standIn })
            }
          />
        ) : (
          <Text size="sm">{recipient.standInName ?? ''}</Text>
        )}
      </Table.Td>
      <Table.Td>
        <Checkbox
          aria-label={t('awards.handedOver')}
          label={t('awards.handedOver')}
          disabled={!canEdit}
          checked={handed}
          onChange={(e) => {
            const next = e.currentTarget.checked;
            setHanded(next);
            actions.recipient.mutate(
              { recipientId: recipient.id, handedOver: next },
              { onError: () => setHanded(!next) },
            );
          }}
        />
      </Table.Td>
      {canEdit && (
        <Table.Td>
          <Select
            size="xs"
            w={110}
            aria-label={t('awards.moveTo')}
            data={batches.map((b) => ({ value: b.id, label: t('awards.batchN', { number: b.number }) }))}
            value={batches.find((b) => b.recipients.some((r) => r.id === recipient.id))?.id ?? null}
            onChange={(batchId) => batchId && update({ recipientId: recipient.id, batchId })}
            allowDeselect={false}
          />
        </Table.Td>
      )}
    </Table.Tr>
  );
}

/** The award ceremony: batches on stage, presence from check-in, stand-ins, hand-over, certificates to print. */
export function AwardsPanel({ eventId, canEdit }: { eventId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const awards = useAwards(eventId);
  const actions = useAwardActions(eventId);
  const [planning, setPlanning] = useState(false);
  const [template, setTemplate] = useState(false);
  const [decision, setDecision] = useState('');
  const printing = useCertificatePrint();
  const data = awards.data;
  const hasPlan = !!data && data.batches.length > 0;

  return (
    <Stack>
      {awards.error && <Alert color="red">{errorMessage(awards.error)}</Alert>}
      {data && hasPlan && (
        <Group gap="xs">
          <Badge size="lg" variant="light">
            {t('awards.totals', data.totals)}
          </Badge>
          <Badge size="lg" variant="light" color="green">
            {t('awards.presentCount', data.totals)}
          </Badge>
          <Badge size="lg" variant="light" color="blue">
            {t('awards.handedCount', data.totals)}
          </Badge>
        </Group>
      )}
      {canEdit && (
        <Group gap="xs">
          <Button variant={hasPlan ? 'default' : 'filled'} onClick={() => setPlanning((v) => !v)}>
            {hasPlan ? t('awards.replan') : t('awards.plan')}
          </Button>
          <Button variant="default" onClick={() => setTemplate(true)}>
            {t('awards.template')}
          </Button>
          {hasPlan && (
            <Button
              variant="default"
              loading={printing.pending}
              onClick={() => printing.print(`/api/events/${eventId}/certificates.pdf`)}
            >
              {t('awards.printAll')}
            </Button>
          )}
          <TextInput
            w={220}
            aria-label={t('awards.byDecision')}
            placeholder={t('awards.byDecision')}
            value={decision}
            onChange={(e) => setDecision(e.currentTarget.value)}
          />
          <Button
            variant="default"
            disabled={!decision.trim()}
            onClick={() =>
              printing.print(
                `/api/events/${eventId}/certificates.pdf?decisionNumber=${encodeURIComponent(decision.trim())}`,
              )
            }
          >
            {t('awards.printDecision')}
          </Button>
        </Group>
      )}
      {planning && canEdit && (
        <Card withBorder>
          <PlanForm eventId={eventId} hasPlan={hasPlan} onDone={() => setPlanning(false)} />
        </Card>
      )}
      {data && !hasPlan && <Text c="dimmed">{t('awards.empty')}</Text>}
      {actions.batch.error && <Alert color="red">{errorMessage(actions.batch.error)}</Alert>}
      {actions.recipient.error && <Alert color="red">{errorMessage(actions.recipient.error)}</Alert>}
      {data?.batches.map((batch) => (
        <Card key={batch.id} withBorder padding="sm">
          <Group justify="space-between" align="flex-end" mb="xs">
            <Title order={3} size="h5">
              {batch.title ?? t('awards.batchN', { number: batch.number })} ·{' '}
              {t('awards.recipientsCount', { count: batch.recipients.length })}
            </Title>
            {canEdit ? (
              <div style={{ width: 320 }}>
                <DelegatePicker
                  eventId={eventId}
                  label={t('awards.presenter')}
                  value={batch.presenter?.delegateId ?? null}
                  valueLabel={batch.presenter?.fullName ?? null}
                  onChange={(id) => actions.batch.mutate({ batchId: batch.id, presenterDelegateId: id })}
                />
              </div>
            ) : (
              <Text size="sm">
                {t('awards.presenter')}: {batch.presenter?.fullName ?? '—'}
              </Text>
            )}
          </Group>
          <Table.ScrollContainer minWidth={760}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('awards.order')}</Table.Th>
                  <Table.Th>{t('awards.producerProducts')}</Table.Th>
                  <Table.Th>{t('awards.comesUp')}</Table.Th>
                  <Table.Th>{t('awards.standIn')}</Table.Th>
                  <HiddenHeader>{t('awards.handedOver')}</HiddenHeader>
                  {canEdit && <Table.Th>{t('awards.batch')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {batch.recipients.map((r) => (
                  <RecipientRow
                    key={`${r.id}-${r.standInName}`}
                    eventId={eventId}
                    recipient={r}
                    batches={data.batches}
                    canEdit={canEdit}
                    onPrint={printing.print}
                  />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      ))}
      {template && <TemplateModal eventId={eventId} onClose={() => setTemplate(false)} />}
      {printing.confirm}
    </Stack>
  );
}
