import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCalendarDate } from '../../../../shared/format';
import {
  PROTOCOL_LEVELS,
  type ProtocolLevel,
  type SaveTitleRankInput,
  saveTitleRankSchema,
  type TitleRank,
  type TitleRankPreview,
} from '../../../../shared/protocol';
import { foldVietnamese } from '../../../../shared/text';
import { PageLoader } from '../../../app/guards';
import { apiFieldErrors, zodFieldErrors } from '../../../lib/form';
import { HiddenHeader } from '../../../lib/HiddenHeader';
import { useErrorMessage } from '../../../lib/i18n';
import { useDeleteTitleRank, usePreviewTitleRank, useSaveTitleRank, useTitleRanks } from '../api/protocol';

interface Values {
  rank: number | string;
  level: ProtocolLevel | null;
  label: string;
  titles: string;
  bodies: string;
  validFrom: string | null;
  validTo: string | null;
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

const toInput = (v: Values): SaveTitleRankInput => ({
  rank: typeof v.rank === 'number' ? v.rank : Number(v.rank),
  level: v.level,
  label: v.label.trim(),
  titles: lines(v.titles),
  bodies: lines(v.bodies),
  validFrom: v.validFrom || null,
  validTo: v.validTo || null,
});

/** The people a change re-ranks, before it is saved. */
function PreviewTable({ preview }: { preview: TitleRankPreview }) {
  const { t } = useTranslation();
  if (preview.total === 0) return <Text size="sm">{t('protocol.previewNone')}</Text>;
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600}>
        {t('protocol.previewCount', { count: preview.total })}
        {preview.total > preview.items.length && ` ${t('protocol.previewMore')}`}
      </Text>
      <Table.ScrollContainer minWidth={560} mah={320}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('protocol.person')}</Table.Th>
              <Table.Th>{t('protocol.before')}</Table.Th>
              <Table.Th>{t('protocol.after')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.items.map((i) => (
              <Table.Tr key={i.delegateId}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {i.fullName}
                  </Text>
                  <Text size="xs">{i.position}</Text>
                  <Text size="xs" c="dimmed">
                    {i.eventName}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{i.before.reason}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {i.after.reason}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function RuleModal({ rule, onClose }: { rule: TitleRank | null; onClose: () => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const save = useSaveTitleRank(rule?.id ?? null);
  const preview = usePreviewTitleRank();
  const form = useForm<Values>({
    initialValues: {
      rank: rule?.rank ?? 400,
      level: rule?.level ?? null,
      label: rule?.label ?? '',
      titles: rule?.titles.join('\n') ?? '',
      bodies: rule?.bodies.join('\n') ?? '',
      validFrom: rule?.validFrom ?? null,
      validTo: rule?.validTo ?? null,
    },
    validate: (values) => zodFieldErrors(saveTitleRankSchema, toInput(values)),
    onValuesChange: () => preview.reset(),
  });
  const onSubmit = (values: Values) =>
    save.mutate(toInput(values), {
      onSuccess: () => {
        notifications.show({ message: t('protocol.saved') });
        onClose();
      },
      onError: (error) => form.setErrors(apiFieldErrors(error)),
    });
  return (
    <Modal opened onClose={onClose} title={rule ? t('protocol.editRule') : t('protocol.newRule')} size="xl">
      <form onSubmit={form.onSubmit(onSubmit)} noValidate>
        <Stack>
          {(save.error || preview.error) && (
            <Alert color="red">{errorMessage(save.error ?? preview.error)}</Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput
              label={t('protocol.rank')}
              required
              min={1}
              max={999}
              {...form.getInputProps('rank')}
            />
            <Select
              label={t('protocol.level')}
              placeholder={t('protocol.anyLevel')}
              clearable
              data={PROTOCOL_LEVELS.map((l) => ({ value: l, label: t(`protocol.levels.${l}`) }))}
              {...form.getInputProps('level')}
            />
            <TextInput label={t('protocol.label')} required {...form.getInputProps('label')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Textarea
              label={t('protocol.titles')}
              description={t('protocol.titlesHelp')}
              required
              autosize
              minRows={2}
              {...form.getInputProps('titles')}
            />
            <Textarea
              label={t('protocol.bodies')}
              description={t('protocol.bodiesHelp')}
              autosize
              minRows={2}
              {...form.getInputProps('bodies')}
            />
            <DateInput
              label={t('protocol.validFrom')}
              valueFormat="DD/MM/YYYY"
              clearable
              {...form.getInputProps('validFrom')}
            />
            <DateInput
              label={t('protocol.validTo')}
              valueFormat="DD/MM/YYYY"
              clearable
              {...form.getInputProps('validTo')}
            />
          </SimpleGrid>
          {preview.data && <PreviewTable preview={preview.data} />}
          <Group justify="space-between">
            <Button
              variant="default"
              loading={preview.isPending}
              onClick={() => {
                const checked = form.validate();
                if (!checked.hasErrors)
                  preview.mutate({ id: rule?.id ?? null, rule: toInput(form.getValues()) });
              }}
            >
              {t('protocol.preview')}
            </Button>
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

function DeleteModal({ rule, onClose }: { rule: TitleRank; onClose: () => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const remove = useDeleteTitleRank();
  const preview = usePreviewTitleRank();
  return (
    <Modal opened onClose={onClose} title={t('protocol.deleteNamed', { label: rule.label })} size="xl">
      <Stack>
        {(remove.error || preview.error) && (
          <Alert color="red">{errorMessage(remove.error ?? preview.error)}</Alert>
        )}
        <Text>{t('protocol.deleteConfirm', { label: rule.label })}</Text>
        {preview.data && <PreviewTable preview={preview.data} />}
        <Group justify="space-between">
          <Button
            variant="default"
            loading={preview.isPending}
            onClick={() => preview.mutate({ id: rule.id, rule: null })}
          >
            {t('protocol.preview')}
          </Button>
          <Group>
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() =>
                remove.mutate(rule.id, {
                  onSuccess: () => {
                    notifications.show({ message: t('protocol.saved') });
                    onClose();
                  },
                })
              }
            >
              {t('common.delete')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The admin's ladder of titles: the data protocol order is derived from, with validity dates. */
export function TitleLadderPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const titles = useTitleRanks();
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<TitleRank | 'new' | null>(null);
  const [deleting, setDeleting] = useState<TitleRank | null>(null);
  const shown = useMemo(() => {
    const needle = foldVietnamese(q.trim());
    return (titles.data ?? []).filter(
      (r) => !needle || foldVietnamese([r.label, ...r.titles, ...r.bodies].join(' ')).includes(needle),
    );
  }, [titles.data, q]);
  if (titles.isPending) return <PageLoader />;
  const validity = (r: TitleRank) =>
    !r.validFrom && !r.validTo
      ? t('protocol.always')
      : [
          r.validFrom && t('protocol.fromDate', { date: formatCalendarDate(r.validFrom) }),
          r.validTo && t('protocol.toDate', { date: formatCalendarDate(r.validTo) }),
        ]
          .filter(Boolean)
          .join(' ');
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('protocol.ladderTitle')}
        </Title>
        <Button onClick={() => setEditing('new')}>{t('protocol.addRule')}</Button>
      </Group>
      <Text size="sm">{t('protocol.ladderIntro')}</Text>
      {titles.error && <Alert color="red">{errorMessage(titles.error)}</Alert>}
      <TextInput
        label={t('protocol.search')}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        maw={360}
      />
      <Table.ScrollContainer minWidth={760}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={70}>{t('protocol.rank')}</Table.Th>
              <Table.Th>{t('protocol.label')}</Table.Th>
              <Table.Th>{t('protocol.level')}</Table.Th>
              <Table.Th>{t('protocol.bodies')}</Table.Th>
              <Table.Th>{t('protocol.validity')}</Table.Th>
              <HiddenHeader>{t('common.actions')}</HiddenHeader>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td fw={700}>{r.rank}</Table.Td>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {r.label}
                  </Text>
                  <Text size="xs">{r.titles.join(' · ')}</Text>
                </Table.Td>
                <Table.Td>{r.level ? t(`protocol.levels.${r.level}`) : t('protocol.anyLevel')}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {r.bodies.map((b) => (
                      <Badge key={b} variant="outline" color="gray" tt="none">
                        {b}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>{validity(r)}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button
                      size="compact-sm"
                      variant="light"
                      aria-label={t('protocol.editNamed', { label: r.label })}
                      onClick={() => setEditing(r)}
                    >
                      {t('common.edit')}
                    </Button>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color="red"
                      aria-label={t('protocol.deleteNamed', { label: r.label })}
                      onClick={() => setDeleting(r)}
                    >
                      {t('common.delete')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {editing && <RuleModal rule={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {deleting && <DeleteModal rule={deleting} onClose={() => setDeleting(null)} />}
    </Stack>
  );
}
