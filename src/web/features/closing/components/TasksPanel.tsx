import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileButton,
  Group,
  Modal,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCalendarDate, vietnamDay } from '../../../../shared/format';
import { formatDueOffset, TASK_STATUSES, type Task, type TaskStatus } from '../../../../shared/tasks';
import { PageLoader } from '../../../app/guards';
import { HiddenHeader } from '../../../lib/HiddenHeader';
import { useErrorMessage } from '../../../lib/i18n';
import { useTask, useTaskActions, useTasks } from '../api/closing';
import { MediaSection } from './MediaSection';

// Dark shades: white or coloured text on them keeps a 4.5:1 contrast.
const STATUS_COLOR: Record<TaskStatus, string> = { todo: 'gray.7', in_progress: 'blue.8', done: 'green.9' };
const OVERDUE = 'red.9';

export function DueText({ task }: { task: Task }) {
  const { t } = useTranslation();
  if (!task.dueOn) return <Text c="dimmed">—</Text>;
  return (
    <Stack gap={0}>
      <Text size="sm">
        {formatCalendarDate(task.dueOn)}
        {task.dueOffsetDays !== null && (
          <Text span c="dimmed" size="sm">
            {' '}
            ({formatDueOffset(task.dueOffsetDays)})
          </Text>
        )}
      </Text>
      {task.isOverdue && (
        <Badge color={OVERDUE} variant="filled" size="sm">
          {t('closing.overdue')}
        </Badge>
      )}
      {task.isLate && (
        <Badge color="grape.9" variant="filled" size="sm">
          {t('closing.late')}
        </Badge>
      )}
    </Stack>
  );
}

function TaskModal({ eventId, taskId, onClose }: { eventId: string; taskId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const task = useTask(eventId, taskId);
  const actions = useTaskActions(eventId);
  const errorMessage = useErrorMessage();
  const [body, setBody] = useState('');
  const error = actions.comment.error ?? actions.attach.error ?? actions.detach.error;
  return (
    <Modal opened onClose={onClose} title={task.data?.title ?? t('closing.task')} size="lg">
      {!task.data ? (
        <PageLoader />
      ) : (
        <Stack>
          <Text size="sm" c="dimmed">
            {task.data.unitName}
          </Text>
          {error && <Alert color="red">{errorMessage(error)}</Alert>}
          <Title order={3} size="h6">
            {t('closing.comments')}
          </Title>
          {task.data.comments.length === 0 && <Text c="dimmed">{t('closing.noComments')}</Text>}
          {task.data.comments.map((c) => (
            <Paper key={c.id} withBorder p="xs">
              <Text size="xs" c="dimmed">
                {c.authorName} · {formatCalendarDate(vietnamDay(c.createdAt))}
              </Text>
              <Text>{c.body}</Text>
            </Paper>
          ))}
          <Textarea
            label={t('closing.newComment')}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
          />
          <Group>
            <Button
              disabled={!body.trim()}
              loading={actions.comment.isPending}
              onClick={() => actions.comment.mutate({ id: taskId, body }, { onSuccess: () => setBody('') })}
            >
              {t('closing.sendComment')}
            </Button>
          </Group>
          <Title order={3} size="h6">
            {t('closing.files')}
          </Title>
          {task.data.attachments.map((f) => (
            <Group key={f.id} justify="space-between">
              <Anchor href={`/api/events/${eventId}/tasks/${taskId}/attachments/${f.id}`} target="_blank">
                {f.fileName}
              </Anchor>
              <Button
                size="xs"
                variant="subtle"
                color="red"
                onClick={() => actions.detach.mutate({ id: taskId, fileId: f.id })}
              >
                {t('common.delete')}
              </Button>
            </Group>
          ))}
          <FileButton
            accept="application/pdf,image/jpeg"
            onChange={(file) => file && actions.attach.mutate({ id: taskId, file })}
          >
            {(props) => (
              <Button variant="default" loading={actions.attach.isPending} {...props}>
                {t('closing.attach')}
              </Button>
            )}
          </FileButton>
          <Text size="xs" c="dimmed">
            {t('closing.attachHint')}
          </Text>
        </Stack>
      )}
    </Modal>
  );
}

function AddTaskModal({
  eventId,
  units,
  onClose,
}: {
  eventId: string;
  units: { value: string; label: string }[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const actions = useTaskActions(eventId);
  const errorMessage = useErrorMessage();
  const [unit, setUnit] = useState<string | null>(units[0]?.value ?? null);
  const [title, setTitle] = useState('');
  const [offset, setOffset] = useState<number | string>(-7);
  const chosen = units.find((u) => u.value === unit);
  return (
    <Modal opened onClose={onClose} title={t('closing.addTask')}>
      <Stack>
        {actions.create.error && <Alert color="red">{errorMessage(actions.create.error)}</Alert>}
        <Select label={t('closing.unit')} data={units} value={unit} onChange={setUnit} searchable />
        <TextInput
          label={t('closing.taskTitle')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
        />
        <NumberInput
          label={t('closing.dueOffset')}
          description={t('closing.dueOffsetHint')}
          value={offset}
          onChange={setOffset}
          min={-365}
          max={365}
        />
        <Group justify="flex-end">
          <Button
            disabled={!title.trim() || !chosen}
            loading={actions.create.isPending}
            onClick={() => {
              const [kind, id] = (chosen?.value ?? '').split(':');
              actions.create.mutate(
                {
                  unitId: kind === 'id' ? id! : null,
                  unitName: chosen!.label,
                  title,
                  dueOffsetDays: typeof offset === 'number' ? offset : Number(offset) || null,
                },
                { onSuccess: onClose },
              );
            }}
          >
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function TasksPanel({ eventId, canManage }: { eventId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const tasks = useTasks(eventId);
  const actions = useTaskActions(eventId);
  const errorMessage = useErrorMessage();
  const [view, setView] = useState('list');
  const [open, setOpen] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  if (tasks.isPending) return <PageLoader />;
  if (tasks.error) return <Alert color="red">{errorMessage(tasks.error)}</Alert>;
  const items = tasks.data.items;
  const units = [...new Map(items.map((i) => [i.unitName, i])).values()];
  const done = items.filter((i) => i.status === 'done').length;
  const overdue = items.filter((i) => i.isOverdue).length;
  const statusOptions = TASK_STATUSES.map((s) => ({ value: s, label: t(`closing.status.${s}`) }));

  return (
    <Stack>
      <Group justify="space-between">
        <Text>
          {t('closing.tasksSummary', {
            done,
            total: items.length,
            overdue,
            day: formatCalendarDate(tasks.data.eventDay),
          })}
        </Text>
        <Group>
          <SegmentedControl
            value={view}
            onChange={setView}
            aria-label={t('closing.view')}
            data={[
              { value: 'list', label: t('closing.viewList') },
              { value: 'timeline', label: t('closing.viewTimeline') },
              { value: 'matrix', label: t('closing.viewMatrix') },
            ]}
          />
          {canManage && <Button onClick={() => setAdding(true)}>{t('closing.addTask')}</Button>}
        </Group>
      </Group>
      {actions.update.error && <Alert color="red">{errorMessage(actions.update.error)}</Alert>}
      {items.length === 0 && <Alert color="gray">{t('closing.noTasks')}</Alert>}
      {view === 'list' && items.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('closing.unit')}</Table.Th>
                <Table.Th>{t('closing.taskTitle')}</Table.Th>
                <Table.Th>{t('closing.due')}</Table.Th>
                <Table.Th>{t('closing.owner')}</Table.Th>
                <Table.Th>{t('closing.statusLabel')}</Table.Th>
                <HiddenHeader>{t('common.actions')}</HiddenHeader>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((task) => (
                <Table.Tr key={task.id}>
                  <Table.Td>{task.unitName}</Table.Td>
                  <Table.Td>
                    <Anchor component="button" type="button" onClick={() => setOpen(task.id)} ta="left">
                      {task.title}
                    </Anchor>
                    {(task.commentCount > 0 || task.attachmentCount > 0) && (
                      <Text size="xs" c="dimmed">
                        {t('closing.counts', { comments: task.commentCount, files: task.attachmentCount })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <DueText task={task} />
                  </Table.Td>
                  <Table.Td>{task.ownerName ?? '—'}</Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={t('closing.statusOf', { title: task.title })}
                      data={statusOptions}
                      value={task.status}
                      allowDeselect={false}
                      w={130}
                      onChange={(value) =>
                        value &&
                        actions.update.mutate({ id: task.id, input: { status: value as TaskStatus } })
                      }
                    />
                  </Table.Td>
                  <Table.Td>
                    {task.status !== 'done' && (
                      <Button
                        size="xs"
                        variant="light"
                        color="green"
                        aria-label={t('closing.markDoneOf', { title: task.title })}
                        onClick={() => actions.update.mutate({ id: task.id, input: { status: 'done' } })}
                      >
                        {t('closing.markDone')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {view === 'timeline' && (
        <Timeline bulletSize={18} lineWidth={2} active={items.filter((i) => i.status === 'done').length - 1}>
          {[...items]
            .sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999'))
            .map((task) => (
              <Timeline.Item
                key={task.id}
                color={task.isOverdue ? OVERDUE : STATUS_COLOR[task.status]}
                title={`${task.dueOn ? formatCalendarDate(task.dueOn) : '—'} · ${task.unitName}`}
              >
                <Text size="sm">{task.title}</Text>
                <Text size="xs" c={task.isOverdue ? OVERDUE : 'dimmed'}>
                  {t(`closing.status.${task.status}`)}
                  {task.isOverdue ? ` · ${t('closing.overdue')}` : ''}
                  {task.isLate ? ` · ${t('closing.late')}` : ''}
                </Text>
              </Timeline.Item>
            ))}
        </Timeline>
      )}
      {view === 'matrix' && (
        <Table.ScrollContainer minWidth={600}>
          <Table withTableBorder withColumnBorders>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('closing.unit')}</Table.Th>
                <Table.Th>{t('closing.progress')}</Table.Th>
                <Table.Th>{t('closing.tasks')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {units.map((u) => {
                const own = items.filter((i) => i.unitName === u.unitName);
                return (
                  <Table.Tr key={u.unitName}>
                    <Table.Td>{u.unitName}</Table.Td>
                    <Table.Td>
                      {own.filter((i) => i.status === 'done').length}/{own.length}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {own.map((i) => (
                          <Badge
                            key={i.id}
                            color={i.isOverdue ? OVERDUE : STATUS_COLOR[i.status]}
                            variant="filled"
                            title={i.title}
                            style={{ maxWidth: 260 }}
                          >
                            {i.title}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <MediaSection eventId={eventId} canEdit={canManage} />
      {open && <TaskModal eventId={eventId} taskId={open} onClose={() => setOpen(null)} />}
      {adding && (
        <AddTaskModal
          eventId={eventId}
          units={units.map((u) => ({
            value: u.unitId ? `id:${u.unitId}` : `name:${u.unitName}`,
            label: u.unitName,
          }))}
          onClose={() => setAdding(false)}
        />
      )}
    </Stack>
  );
}
