import {
  Alert,
  Anchor,
  Button,
  Group,
  Menu,
  Pagination,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DELEGATE_STATUSES, type Delegate, type DelegateStatus } from '../../../../shared/delegates';
import type { StartInvitationJobInput } from '../../../../shared/invitations';
import { formatPhone } from '../../../../shared/phone';
import { canMoveDelegateStatus, UNIT_OFFICER_STATUSES } from '../../../../shared/vocabulary';
import { withQuery } from '../../../lib/api';
import { useDownloadByPost } from '../../../lib/download';
import { HiddenHeader } from '../../../lib/HiddenHeader';
import { useErrorMessage } from '../../../lib/i18n';
import { ClerkDocumentsMenu } from '../../clerk-documents/components/ClerkDocumentsMenu';
import { InvitationJobModal } from '../../invitations/components/InvitationJobModal';
import { InvitationTemplateModal } from '../../invitations/components/InvitationTemplateModal';
import { LetterReadinessNotice } from '../../invitations/components/LetterReadinessNotice';
import { SendInvitationsModal } from '../../invitations/components/SendInvitationsModal';
import { ReplyLinkModal } from '../../replies/components/ReplyLinkModal';
import {
  delegateKeys,
  useComposition,
  useDelegateStatus,
  useDelegates,
  useDeleteDelegate,
} from '../api/delegates';
import { DelegateFormModal } from './DelegateFormModal';
import { DelegateStatusBadge } from './DelegateStatusBadge';
import { SubstituteModal } from './SubstituteModal';

const PAGE_SIZE = 50;

/**
 * The delegate list: search as you type (accents optional), filter by group and status, name or protocol
 * order; add, edit, change status, send a substitute; import and export. A unit officer sees their units only.
 */
export function DelegatesPanel({
  eventId,
  canWrite,
  isOrganizer,
}: {
  eventId: string;
  canWrite: boolean;
  isOrganizer: boolean;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 250);
  const [groupId, setGroupId] = useState<string | null>(null);
  const [status, setStatus] = useState<DelegateStatus | null>(null);
  const [sort, setSort] = useState<'name' | 'protocol'>('protocol');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Delegate | 'new' | null>(null);
  const [substituting, setSubstituting] = useState<Delegate | null>(null);
  const [linking, setLinking] = useState<Delegate | null>(null);
  const [editingTemplate, setEditingTemplate] = useState(false);
  const [sending, setSending] = useState<'all' | 'awaiting' | null>(null);
  const [job, setJob] = useState<StartInvitationJobInput | null>(null);
  const composition = useComposition(eventId);
  const list = useDelegates(eventId, { q: debounced, groupId, status, sort, page, pageSize: PAGE_SIZE });
  const changeStatus = useDelegateStatus(eventId);
  const remove = useDeleteDelegate(eventId);
  const groups = composition.data?.groups ?? [];
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  const movesFor = (d: Delegate) =>
    DELEGATE_STATUSES.filter(
      (s) =>
        canMoveDelegateStatus(d.status, s) &&
        (isOrganizer || (UNIT_OFFICER_STATUSES.includes(d.status) && UNIT_OFFICER_STATUSES.includes(s))),
    );
  const onError = (error: unknown) => notifications.show({ color: 'red', message: errorMessage(error) });
  const client = useQueryClient();
  const { download } = useDownloadByPost();
  // Issuing numbers letters and moves people from draft to invited: the list shows it at once.
  const issue = async (url: string) => {
    await download(url);
    await client.invalidateQueries({ queryKey: delegateKeys.all(eventId) });
  };

  return (
    <Stack>
      {isOrganizer && <LetterReadinessNotice eventId={eventId} />}
      <Group justify="space-between" align="flex-end">
        <Group gap="xs">
          {canWrite && <Button onClick={() => setEditing('new')}>{t('delegates.add')}</Button>}
          {canWrite && (
            <Button component={Link} to={`/events/${eventId}/delegates/import`} variant="light">
              {t('delegates.import')}
            </Button>
          )}
          {canWrite && (
            <Button
              component="a"
              href={`/api/events/${eventId}/delegates/template.xlsx`}
              variant="subtle"
              download
            >
              {t('delegates.template')}
            </Button>
          )}
        </Group>
        <Group gap="xs">
          {isOrganizer && (
            <Menu position="bottom-end">
              <Menu.Target>
                <Button variant="default">{t('invitations.menu')}</Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{groupId ? t('invitations.forGroup') : t('invitations.forAll')}</Menu.Label>
                <Menu.Item onClick={() => setJob({ format: 'pdf', audience: 'people', groupId })}>
                  {t('invitations.batchPdf')}
                </Menu.Item>
                <Menu.Item onClick={() => setJob({ format: 'zip', audience: 'people', groupId })}>
                  {t('invitations.batchZip')}
                </Menu.Item>
                <Menu.Item onClick={() => setSending('all')}>{t('invitations.send')}</Menu.Item>
                <Menu.Item onClick={() => setSending('awaiting')}>{t('invitations.remind')}</Menu.Item>
                <Menu.Item
                  onClick={() =>
                    issue(withQuery(`/api/events/${eventId}/invitations/links.xlsx`, { groupId }))
                  }
                >
                  {t('invitations.links')}
                </Menu.Item>
                <Menu.Divider />
                <Menu.Label>{t('invitations.units')}</Menu.Label>
                <Menu.Item onClick={() => setJob({ format: 'pdf', audience: 'units' })}>
                  {t('invitations.unitsPdf')}
                </Menu.Item>
                <Menu.Item onClick={() => setJob({ format: 'zip', audience: 'units' })}>
                  {t('invitations.unitsZip')}
                </Menu.Item>
                <Menu.Divider />
                <Menu.Item onClick={() => setEditingTemplate(true)}>{t('invitations.template')}</Menu.Item>
              </Menu.Dropdown>
            </Menu>
          )}
          <Button
            component="a"
            href={`/api/events/${eventId}/delegates/export.xlsx`}
            variant="default"
            download
          >
            {t('delegates.exportXlsx')}
          </Button>
          <Button
            component="a"
            href={`/api/events/${eventId}/delegates/export.docx`}
            variant="default"
            download
          >
            {t('delegates.exportDocx')}
          </Button>
          <ClerkDocumentsMenu eventId={eventId} />
        </Group>
      </Group>
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label={t('delegates.search')}
          placeholder={t('delegates.searchPlaceholder')}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setPage(1);
          }}
          style={{ flex: 1, minWidth: 300 }}
        />
        <Select
          label={t('delegates.group')}
          placeholder={t('delegates.allGroups')}
          clearable
          data={groups.map((g) => ({ value: g.id, label: g.title }))}
          value={groupId}
          onChange={(v) => {
            setGroupId(v);
            setPage(1);
          }}
          w={{ base: '100%', sm: 260 }}
        />
        <Select
          label={t('delegates.status')}
          placeholder={t('delegates.allStatuses')}
          clearable
          data={DELEGATE_STATUSES.map((s) => ({ value: s, label: t(`delegates.statuses.${s}`) }))}
          value={status}
          onChange={(v) => {
            setStatus(v as DelegateStatus | null);
            setPage(1);
          }}
          w={{ base: '100%', sm: 180 }}
        />
        <Select
          label={t('delegates.sort')}
          data={[
            { value: 'protocol', label: t('delegates.sortProtocol') },
            { value: 'name', label: t('delegates.sortName') },
          ]}
          value={sort}
          allowDeselect={false}
          onChange={(v) => setSort(v === 'name' ? 'name' : 'protocol')}
          w={{ base: '100%', sm: 200 }}
        />
      </Group>
      {items.some((d) => d.isSample) && <Alert color="orange">{t('delegates.sampleNotice')}</Alert>}
      {list.error && <Alert color="red">{errorMessage(list.error)}</Alert>}
      <Text size="sm" c="dimmed" aria-live="polite">
        {list.data?.totalIsLowerBound
          ? t('delegates.countAtLeast', { count: total })
          : t('delegates.count', { count: total })}
      </Text>
      <Paper withBorder>
        <Table.ScrollContainer minWidth={820}>
          <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('delegates.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={50}>{t('delegates.number')}</Table.Th>
                <Table.Th>{t('delegates.fullName')}</Table.Th>
                <Table.Th>{t('delegates.position')}</Table.Th>
                <Table.Th>{t('delegates.unit')}</Table.Th>
                <Table.Th>{t('delegates.phone')}</Table.Th>
                <Table.Th>{t('delegates.status')}</Table.Th>
                {canWrite && <HiddenHeader>{t('common.actions')}</HiddenHeader>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((d, i) => (
                <Table.Tr key={d.id}>
                  <Table.Td>{(page - 1) * PAGE_SIZE + i + 1}</Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {d.honorific ? `${t(`delegates.honorifics.${d.honorific}`)} ` : ''}
                      {d.fullName}
                    </Text>
                    <Text size="xs" c="dimmed" lineClamp={1}>
                      {d.groupTitle}
                    </Text>
                    {d.substituteFor && (
                      <Text size="xs" c="dimmed">
                        {t('delegates.insteadOf', { name: d.substituteFor.fullName })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{d.position}</Text>
                    {sort === 'protocol' && (
                      <Text size="xs" c="dimmed" title={d.rankReason}>
                        {t('delegates.rankLine', { rank: d.protocolRank })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{d.organization ?? d.unitName}</Text>
                  </Table.Td>
                  <Table.Td>
                    {d.phone && (
                      <Anchor href={`tel:${d.phone}`} size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {formatPhone(d.phone)}
                      </Anchor>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <DelegateStatusBadge status={d.status} />
                    {d.replacedBy && (
                      <Text size="xs" c="dimmed">
                        {t('delegates.replacedBy', { name: d.replacedBy.fullName })}
                      </Text>
                    )}
                  </Table.Td>
                  {canWrite && (
                    <Table.Td>
                      {d.status !== 'replaced' && (
                        <Menu position="bottom-end" withinPortal>
                          <Menu.Target>
                            <Button
                              size="compact-sm"
                              variant="subtle"
                              aria-label={t('delegates.actionsFor', { name: d.fullName })}
                            >
                              …
                            </Button>
                          </Menu.Target>
                          <Menu.Dropdown>
                            <Menu.Item onClick={() => setEditing(d)}>{t('common.edit')}</Menu.Item>
                            <Menu.Item onClick={() => setLinking(d)}>{t('replyLink.menu')}</Menu.Item>
                            {isOrganizer && d.status !== 'declined' && (
                              <>
                                <Menu.Item
                                  onClick={() =>
                                    issue(`/api/events/${eventId}/delegates/${d.id}/invitation.pdf`)
                                  }
                                >
                                  {t('invitations.onePdf')}
                                </Menu.Item>
                                <Menu.Item
                                  onClick={() =>
                                    issue(`/api/events/${eventId}/delegates/${d.id}/invitation.docx`)
                                  }
                                >
                                  {t('invitations.oneDocx')}
                                </Menu.Item>
                              </>
                            )}
                            {movesFor(d).map((s) => (
                              <Menu.Item
                                key={s}
                                onClick={() => changeStatus.mutate({ id: d.id, status: s }, { onError })}
                              >
                                {t(`delegates.moves.${s}`)}
                              </Menu.Item>
                            ))}
                            {['draft', 'invited', 'confirmed'].includes(d.status) && (
                              <Menu.Item onClick={() => setSubstituting(d)}>
                                {t('delegates.substitute')}
                              </Menu.Item>
                            )}
                            {d.status === 'draft' && !d.substituteFor && (
                              <Menu.Item color="red" onClick={() => remove.mutate(d.id, { onError })}>
                                {t('common.delete')}
                              </Menu.Item>
                            )}
                          </Menu.Dropdown>
                        </Menu>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {!list.isPending && items.length === 0 && (
          <Text c="dimmed" p="md">
            {t('delegates.empty')}
          </Text>
        )}
      </Paper>
      {(total > PAGE_SIZE || list.data?.totalIsLowerBound) && (
        <Pagination
          total={Math.ceil(total / PAGE_SIZE) + (list.data?.totalIsLowerBound ? 1 : 0)}
          value={page}
          onChange={setPage}
        />
      )}
      {editing && (
        <DelegateFormModal
          eventId={eventId}
          delegate={editing === 'new' ? null : editing}
          groups={groups}
          isOrganizer={isOrganizer}
          onClose={() => setEditing(null)}
        />
      )}
      {job && <InvitationJobModal eventId={eventId} input={job} onClose={() => setJob(null)} />}
      {sending && (
        <SendInvitationsModal
          eventId={eventId}
          groupId={groupId}
          awaiting={sending === 'awaiting'}
          onClose={() => setSending(null)}
        />
      )}
      {editingTemplate && (
        <InvitationTemplateModal eventId={eventId} onClose={() => setEditingTemplate(false)} />
      )}
      {linking && <ReplyLinkModal eventId={eventId} delegate={linking} onClose={() => setLinking(null)} />}
      {substituting && (
        <SubstituteModal eventId={eventId} delegate={substituting} onClose={() => setSubstituting(null)} />
      )}
    </Stack>
  );
}
