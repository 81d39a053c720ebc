import {
  Alert,
  Badge,
  Button,
  FileInput,
  Group,
  Modal,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agreement, AgreementParty, AgreementStatus } from '../../../../shared/agreements';
import { formatVnd } from '../../../../shared/format';
import { useErrorMessage } from '../../../lib/i18n';
import { useAgreementActions, useAgreements } from '../api/agreements';
import { AgreementFormModal } from './AgreementFormModal';

const STATUS_COLOR: Record<AgreementStatus, string> = {
  draft: 'gray',
  ready: 'blue',
  signed: 'green',
  followed_up: 'teal',
};

function PartyCell({
  parties,
  onStandIn,
}: {
  parties: AgreementParty[];
  onStandIn: ((p: AgreementParty) => void) | null;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      {parties.map((p) => (
        <div key={p.unitId}>
          <Text size="sm" fw={500}>
            {p.name}
          </Text>
          {p.signatory ? (
            <Group gap={4}>
              <Text size="sm">
                {p.signatory.name}
                {p.signatory.position ? `, ${p.signatory.position}` : ''}
              </Text>
              {p.signatory.present === true && (
                <Badge size="xs" color="green">
                  {t('signings.present')}
                </Badge>
              )}
              {p.signatory.present === false && (
                <Badge size="xs" color="red">
                  {t('signings.absent')}
                </Badge>
              )}
            </Group>
          ) : (
            !p.standIn && (
              <Text size="sm" c="dimmed">
                {t('signings.noSignatory')}
              </Text>
            )
          )}
          {p.standIn && (
            <Text size="sm" fs="italic">
              {t('signings.standIn')}: {[p.standIn.name, p.standIn.position].filter(Boolean).join(', ')}
            </Text>
          )}
          {onStandIn && (
            <Button size="xs" variant="subtle" px={4} onClick={() => onStandIn(p)}>
              {t('signings.standIn')}…
            </Button>
          )}
        </div>
      ))}
    </Stack>
  );
}

function SignModal({
  eventId,
  agreement,
  onClose,
}: {
  eventId: string;
  agreement: Agreement;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const { sign, scan } = useAgreementActions(eventId);
  const [file, setFile] = useState<File | null>(null);
  const signed = agreement.status === 'signed' || agreement.status === 'followed_up';
  const action = signed ? scan : sign;
  return (
    <Modal
      opened
      onClose={onClose}
      title={signed ? t('signings.uploadScan') : t('signings.signTitle', { title: agreement.title })}
    >
      <Stack>
        <FileInput
          label={t('signings.scanFile')}
          description={signed ? undefined : t('signings.scanHint')}
          accept="application/pdf,image/jpeg,.pdf,.jpg,.jpeg"
          value={file}
          onChange={setFile}
          clearable
        />
        {action.error && <Alert color="red">{errorMessage(action.error)}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            loading={action.isPending}
            disabled={signed && !file}
            onClick={() =>
              signed
                ? file && scan.mutate({ id: agreement.id, file }, { onSuccess: onClose })
                : sign.mutate({ id: agreement.id, file }, { onSuccess: onClose })
            }
          >
            {t('signings.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function StandInModal({
  eventId,
  agreement,
  party,
  onClose,
}: {
  eventId: string;
  agreement: Agreement;
  party: AgreementParty;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const { standIn } = useAgreementActions(eventId);
  const [name, setName] = useState(party.standIn?.name ?? '');
  const [position, setPosition] = useState(party.standIn?.position ?? '');
  const submit = (clear: boolean) =>
    standIn.mutate(
      {
        id: agreement.id,
        unitId: party.unitId,
        name: clear ? null : name.trim(),
        position: clear ? null : position.trim() || null,
      },
      { onSuccess: onClose },
    );
  return (
    <Modal opened onClose={onClose} title={t('signings.standInFor', { unit: party.name })}>
      <Stack>
        <TextInput
          label={t('signings.standInName')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <TextInput
          label={t('signings.standInPosition')}
          value={position}
          onChange={(e) => setPosition(e.currentTarget.value)}
        />
        {standIn.error && <Alert color="red">{errorMessage(standIn.error)}</Alert>}
        <Group justify="space-between">
          {party.standIn ? (
            <Button variant="subtle" color="red" onClick={() => submit(true)}>
              {t('signings.clearStandIn')}
            </Button>
          ) : (
            <span />
          )}
          <Button onClick={() => submit(false)} disabled={!name.trim()} loading={standIn.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function FollowUpModal({
  eventId,
  agreement,
  onClose,
}: {
  eventId: string;
  agreement: Agreement;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const { save } = useAgreementActions(eventId);
  const [text, setText] = useState(agreement.followUpNotes ?? '');
  return (
    <Modal opened onClose={onClose} title={t('signings.followUp')}>
      <Stack>
        <Textarea
          label={t('signings.followUp')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          autosize
          minRows={3}
        />
        {save.error && <Alert color="red">{errorMessage(save.error)}</Alert>}
        <Group justify="flex-end">
          <Button
            loading={save.isPending}
            onClick={() =>
              save.mutate({ id: agreement.id, input: { followUpNotes: text } }, { onSuccess: onClose })
            }
          >
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

type Dialog =
  | { kind: 'form'; agreement: Agreement | null }
  | { kind: 'sign'; agreement: Agreement }
  | { kind: 'standIn'; agreement: Agreement; party: AgreementParty }
  | { kind: 'followUp'; agreement: Agreement };

/** The event's agreements in stage order, their totals, the ceremony's rounds and the signing list. */
export function AgreementsPanel({ eventId, canEdit }: { eventId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const list = useAgreements(eventId);
  const actions = useAgreementActions(eventId);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [pairs, setPairs] = useState<number | string>(3);
  if (list.isPending) return <Text c="dimmed">{t('common.loading')}</Text>;
  if (list.error) return <Alert color="red">{errorMessage(list.error)}</Alert>;
  const { items, totals, checkinStarted } = list.data;
  const rounds = new Map<number | null, Agreement[]>();
  for (const a of items) rounds.set(a.round, [...(rounds.get(a.round) ?? []), a]);
  const move = (a: Agreement, status: AgreementStatus) => actions.status.mutate({ id: a.id, status });
  const mutationError = actions.status.error ?? actions.remove.error ?? actions.plan.error;

  const statusButtons = (a: Agreement) => {
    const b = (label: string, onClick: () => void, variant = 'light') => (
      <Button key={label} size="xs" variant={variant} onClick={onClick}>
        {label}
      </Button>
    );
    switch (a.status) {
      case 'draft':
        return [b(t('signings.toReady'), () => move(a, 'ready'))];
      case 'ready':
        return [
          b(t('signings.markSigned'), () => setDialog({ kind: 'sign', agreement: a }), 'filled'),
          b(t('signings.toDraft'), () => move(a, 'draft'), 'subtle'),
        ];
      case 'signed':
        return [
          b(t('signings.toFollowedUp'), () => move(a, 'followed_up')),
          b(t('signings.backToReady'), () => move(a, 'ready'), 'subtle'),
        ];
      case 'followed_up':
        return [b(t('signings.backToSigned'), () => move(a, 'signed'), 'subtle')];
    }
  };

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Text>
          {t('signings.totals', {
            count: totals.count,
            ready: totals.ready,
            signed: totals.signed,
            value: formatVnd(totals.valueVnd),
            products: totals.products,
            producers: totals.producers,
          })}
        </Text>
        <Group gap="xs" align="flex-end">
          {canEdit && (
            <>
              <NumberInput
                label={t('signings.pairsPerRound')}
                value={pairs}
                onChange={setPairs}
                min={1}
                max={20}
                w={130}
                size="xs"
              />
              <Button
                size="xs"
                variant="default"
                title={t('signings.planHint')}
                loading={actions.plan.isPending}
                onClick={() => actions.plan.mutate(Number(pairs) || 3)}
              >
                {t('signings.plan')}
              </Button>
              <Button
                size="xs"
                variant="default"
                component="a"
                href={`/api/events/${eventId}/agreements/signing-list.docx`}
                download
              >
                {t('signings.signingList')}
              </Button>
              <Button size="xs" onClick={() => setDialog({ kind: 'form', agreement: null })}>
                {t('signings.add')}
              </Button>
            </>
          )}
        </Group>
      </Group>
      {!checkinStarted && items.length > 0 && <Alert color="gray">{t('signings.checkinNotStarted')}</Alert>}
      {mutationError && <Alert color="red">{errorMessage(mutationError)}</Alert>}
      {items.length === 0 && <Text c="dimmed">{t('signings.empty')}</Text>}
      {[...rounds.entries()].map(([round, agreements]) => (
        <Paper key={round ?? 'none'} withBorder p="sm">
          <Title order={2} size="h5" mb="xs">
            {round === null ? t('signings.notOnStage') : t('signings.roundTitle', { round })}
          </Title>
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing="xs" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('signings.order')}</Table.Th>
                  <Table.Th>{t('signings.titleLabel')}</Table.Th>
                  <Table.Th>{t('signings.seller')}</Table.Th>
                  <Table.Th>{t('signings.buyer')}</Table.Th>
                  <Table.Th>{t('signings.value')}</Table.Th>
                  <Table.Th>{t('signings.status')}</Table.Th>
                  {canEdit && <Table.Th>{t('signings.actions')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {agreements.map((a) => {
                  const standIn =
                    canEdit && a.status !== 'followed_up'
                      ? (party: AgreementParty) => setDialog({ kind: 'standIn', agreement: a, party })
                      : null;
                  return (
                    <Table.Tr key={a.id}>
                      <Table.Td>{a.order ?? '—'}</Table.Td>
                      <Table.Td maw={280}>
                        <Text size="sm" fw={500}>
                          {a.title}
                        </Text>
                        <Group gap={4}>
                          <Text size="xs" c="dimmed">
                            {t(`signings.kinds.${a.kind}`)}
                          </Text>
                          {a.isSample && (
                            <Badge size="xs" color="orange" variant="outline">
                              {t('signings.sample')}
                            </Badge>
                          )}
                        </Group>
                        {a.products.length > 0 && (
                          <Text size="xs">{a.products.map((p) => p.name).join('; ')}</Text>
                        )}
                        {a.followUpNotes && (
                          <Text size="xs" fs="italic">
                            {t('signings.followUp')}: {a.followUpNotes}
                          </Text>
                        )}
                        {a.warnings.map((w) => (
                          <Text key={w} size="xs" c="red.9">
                            ⚠ {w}
                          </Text>
                        ))}
                      </Table.Td>
                      <Table.Td>
                        <PartyCell
                          parties={a.parties.filter((p) => p.role === 'seller')}
                          onStandIn={standIn}
                        />
                      </Table.Td>
                      <Table.Td>
                        <PartyCell
                          parties={a.parties.filter((p) => p.role === 'buyer')}
                          onStandIn={standIn}
                        />
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {a.valueVnd === null ? '—' : formatVnd(a.valueVnd)}
                      </Table.Td>
                      <Table.Td>
                        <Badge color={STATUS_COLOR[a.status]} variant="light">
                          {t(`signings.statuses.${a.status}`)}
                        </Badge>
                        {a.scan && (
                          <Button
                            component="a"
                            display="block"
                            size="xs"
                            variant="subtle"
                            px={4}
                            href={`/api/events/${eventId}/agreements/${a.id}/scan`}
                            target="_blank"
                          >
                            {t('signings.scan')}
                          </Button>
                        )}
                      </Table.Td>
                      {canEdit && (
                        <Table.Td>
                          <Group gap={4}>
                            {statusButtons(a)}
                            {(a.status === 'draft' || a.status === 'ready') && (
                              <Button
                                size="xs"
                                variant="subtle"
                                onClick={() => setDialog({ kind: 'form', agreement: a })}
                              >
                                {t('common.edit')}
                              </Button>
                            )}
                            {(a.status === 'signed' || a.status === 'followed_up') && (
                              <>
                                <Button
                                  size="xs"
                                  variant="subtle"
                                  onClick={() => setDialog({ kind: 'sign', agreement: a })}
                                >
                                  {t('signings.uploadScan')}
                                </Button>
                                <Button
                                  size="xs"
                                  variant="subtle"
                                  onClick={() => setDialog({ kind: 'followUp', agreement: a })}
                                >
                                  {t('signings.followUp')}
                                </Button>
                              </>
                            )}
                            {(a.status === 'draft' || a.status === 'ready') && (
                              <Button
                                size="xs"
                                variant="subtle"
                                color="red"
                                onClick={() => {
                                  if (window.confirm(t('signings.deleteConfirm', { title: a.title })))
                                    actions.remove.mutate(a.id);
                                }}
                              >
                                {t('signings.delete')}
                              </Button>
                            )}
                          </Group>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ))}
      {dialog?.kind === 'form' && (
        <AgreementFormModal eventId={eventId} agreement={dialog.agreement} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'sign' && (
        <SignModal eventId={eventId} agreement={dialog.agreement} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'standIn' && (
        <StandInModal
          eventId={eventId}
          agreement={dialog.agreement}
          party={dialog.party}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'followUp' && (
        <FollowUpModal eventId={eventId} agreement={dialog.agreement} onClose={() => setDialog(null)} />
      )}
    </Stack>
  );
}
