import {
  Badge,
  Button,
  FileInput,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_PAPER_BYTES, type Paper as PaperType, type ProgramItem } from '../../../../shared/program';
import { useErrorMessage } from '../../../lib/i18n';
import { usePapers, useReviewPaper, useSpeakerChoices, useSubmitPaper } from '../api/program';

const STATUS_COLOR = { submitted: 'blue', accepted: 'green', returned: 'orange' } as const;

function ReviewButtons({
  eventId,
  paper,
  items,
}: {
  eventId: string;
  paper: PaperType;
  items: ProgramItem[];
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const review = useReviewPaper(eventId);
  const [place, setPlace] = useState<string | null>(paper.programItemId);
  const slots = items.flatMap((i) => [i, ...i.children]);
  const onError = (error: unknown) => notifications.show({ color: 'red', message: errorMessage(error) });
  return (
    <Group gap={4} wrap="nowrap">
      <Select
        size="xs"
        w={200}
        aria-label={t('program.placeIn', { title: paper.title })}
        placeholder={t('program.placeIn', { title: '' })}
        data={slots.map((s) => ({ value: s.id, label: s.title }))}
        value={place}
        onChange={setPlace}
        clearable
      />
      <Button
        size="compact-sm"
        variant="light"
        color="green"
        onClick={() =>
          review.mutate({ id: paper.id, input: { status: 'accepted', programItemId: place } }, { onError })
        }
      >
        {t('program.accept')}
      </Button>
      <Button
        size="compact-sm"
        variant="light"
        color="orange"
        onClick={() => {
          const comment = window.prompt(t('program.returnWhy'));
          if (comment?.trim())
            review.mutate({ id: paper.id, input: { status: 'returned', comment } }, { onError });
        }}
      >
        {t('program.return')}
      </Button>
    </Group>
  );
}

/** Papers (tham luận): units send theirs, organizers accept them into the program or return them. */
export function PapersSection({
  eventId,
  canReview,
  items,
}: {
  eventId: string;
  canReview: boolean;
  items: ProgramItem[];
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const papers = usePapers(eventId);
  const submit = useSubmitPaper(eventId);
  const people = useSpeakerChoices(eventId, canReview);
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [unitId, setUnitId] = useState<string | null>(null);
  const units = [
    ...new Map(
      (people.data ?? []).filter((d) => d.unitId).map((d) => [d.unitId!, d.unitName ?? '']),
    ).entries(),
  ];
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    if (file.size > MAX_PAPER_BYTES) {
      notifications.show({ color: 'red', message: t('program.tooBig') });
      return;
    }
    submit.mutate(
      { file, title, unitId },
      {
        onSuccess: () => {
          setFile(null);
          setTitle('');
          notifications.show({ color: 'green', message: t('program.sent') });
        },
        onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
      },
    );
  };
  return (
    <Paper withBorder p="md">
      <Stack>
        <Group justify="space-between">
          <Title order={3} size="h5">
            {t('program.papers')}
          </Title>
          {canReview && (
            <Button variant="default" component="a" href={`/api/events/${eventId}/papers/accepted.zip`}>
              {t('program.zip')}
            </Button>
          )}
        </Group>
        <form onSubmit={onSubmit}>
          <Group align="flex-end" gap="xs">
            <TextInput
              label={t('program.paperTitle')}
              required
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              w={280}
            />
            {canReview && (
              <Select
                label={t('program.paperUnit')}
                searchable
                data={units.map(([value, label]) => ({ value, label }))}
                value={unitId}
                onChange={setUnitId}
                w={240}
              />
            )}
            <FileInput
              label={t('program.paperFile')}
              accept=".docx,.pdf,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
              value={file}
              onChange={setFile}
              w={240}
              clearable
            />
            <Button type="submit" loading={submit.isPending} disabled={!file}>
              {t('program.send')}
            </Button>
          </Group>
        </form>
        <Text size="sm" c="dimmed">
          {t('program.paperHelp')}
        </Text>
        {(papers.data?.items.length ?? 0) > 0 && (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('program.paperTitle')}</Table.Th>
                <Table.Th>{t('program.paperUnit')}</Table.Th>
                <Table.Th>{t('program.status')}</Table.Th>
                <Table.Th>{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {papers.data!.items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <a href={`/api/events/${eventId}/papers/${p.id}/file`}>{p.title}</a>
                    {p.isSample && (
                      <Badge ml="xs" size="xs" color="gray" variant="outline">
                        {t('program.sample')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{p.unitName}</Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLOR[p.status]} variant="light">
                      {t(`program.paperStatus.${p.status}`)}
                    </Badge>
                    {p.reviewComment && (
                      <Text size="xs" c="dimmed">
                        {p.reviewComment}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {canReview && <ReviewButtons eventId={eventId} paper={p} items={items} />}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
