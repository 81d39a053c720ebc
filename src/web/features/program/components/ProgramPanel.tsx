import {
  closestCenter,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import {
  arrayMove,
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../../../shared/format';
import {
  DEFAULT_DURATION_MINUTES,
  PROGRAM_ITEM_KINDS,
  type ProgramItem,
  type ProgramItemKind,
} from '../../../../shared/program';
import { useErrorMessage } from '../../../lib/i18n';
import {
  useDeleteProgramItem,
  useProgram,
  useReorderProgram,
  useSaveProgramItem,
  useSpeakerChoices,
} from '../api/program';
import { McScriptSection } from './McScriptSection';
import { PapersSection } from './PapersSection';

const range = (item: ProgramItem) => `${formatTime(item.startsAt)} - ${formatTime(item.endsAt)}`;

function ItemEditor({
  eventId,
  item,
  parentId,
  onClose,
}: {
  eventId: string;
  item: ProgramItem | null;
  parentId: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const save = useSaveProgramItem(eventId);
  const people = useSpeakerChoices(eventId, true);
  const [kind, setKind] = useState<ProgramItemKind>(item?.kind ?? 'speech');
  const [title, setTitle] = useState(item?.title ?? '');
  const [minutes, setMinutes] = useState<number>(item?.durationMinutes ?? DEFAULT_DURATION_MINUTES.speech);
  const [notes, setNotes] = useState(item?.notes ?? '');
  const [speaker, setSpeaker] = useState<string | null>(
    item?.presenters.find((p) => p.delegateId)?.delegateId ?? null,
  );
  const keptOthers = item?.presenters.filter((p) => !p.delegateId) ?? [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const presenters = [
      ...(speaker ? [{ delegateId: speaker }] : []),
      ...keptOthers.map((p) => (p.unitId ? { unitId: p.unitId } : { name: p.name })),
    ];
    const input = { kind, title, durationMinutes: minutes, notes, presenters };
    save.mutate(
      { id: item?.id ?? null, input: item ? input : { ...input, parentId } },
      {
        onSuccess: onClose,
        onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={item ? t('program.editItem') : t('program.addItem')} size="lg">
      <form onSubmit={submit}>
        <Stack>
          <Select
            label={t('program.kind')}
            data={PROGRAM_ITEM_KINDS.map((k) => ({ value: k, label: t(`program.kinds.${k}`) }))}
            value={kind}
            allowDeselect={false}
            onChange={(v) => v && setKind(v as ProgramItemKind)}
          />
          <TextInput
            label={t('program.itemTitle')}
            required
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          <NumberInput
            label={t('program.minutes')}
            min={0}
            max={1440}
            value={minutes}
            onChange={(v) => setMinutes(typeof v === 'number' ? v : Number(v) || 0)}
          />
          <Select
            label={t('program.speaker')}
            searchable
            clearable
            placeholder={t('program.pickSpeaker')}
            data={(people.data ?? []).map((d) => ({
              value: d.id,
              label: `${d.fullName}${d.position ? `, ${d.position}` : ''}${d.unitName ? ` — ${d.unitName}` : ''}`,
            }))}
            value={speaker}
            onChange={setSpeaker}
            limit={50}
          />
          <Textarea
            label={t('program.notes')}
            autosize
            minRows={2}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
          />
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
    </Modal>
  );
}

function ItemRow({
  item,
  label,
  canEdit,
  onEdit,
  onDelete,
  onAddChild,
}: {
  item: ProgramItem;
  label: string;
  canEdit: boolean;
  onEdit: (item: ProgramItem) => void;
  onDelete: (item: ProgramItem) => void;
  onAddChild?: (item: ProgramItem) => void;
}) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: item.id,
    disabled: !canEdit,
  });
  return (
    <Paper
      ref={setNodeRef}
      withBorder
      p="xs"
      style={{ transform: CSS.Transform.toString(transform), transition, opacity: isDragging ? 0.6 : 1 }}
      data-testid="program-item"
    >
      <Group wrap="nowrap" align="flex-start" gap="sm">
        {canEdit && (
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={t('program.dragHandle', { title: item.title })}
            style={{ cursor: 'grab', touchAction: 'none' }}
            {...attributes}
            {...listeners}
          >
            ⠿
          </ActionIcon>
        )}
        <Text fw={600} w={110} style={{ flexShrink: 0 }}>
          {range(item)}
        </Text>
        <Stack gap={2} style={{ flex: 1 }}>
          <Group gap="xs">
            <Text fw={500}>
              {label} {item.title}
            </Text>
            <Badge variant="light" size="sm">
              {t(`program.kinds.${item.kind}`)}
            </Badge>
            <Text size="sm" c="dimmed">
              {t('program.minutesShort', { count: item.durationMinutes })}
            </Text>
            {item.isSample && (
              <Badge color="gray" variant="outline" size="sm">
                {t('program.sample')}
              </Badge>
            )}
          </Group>
          {item.presenters.length > 0 && (
            <Text size="sm">
              {item.presenters.map((p) => [p.name, p.detail].filter(Boolean).join(', ')).join('; ')}
            </Text>
          )}
          {item.notes && (
            <Text size="sm" c="dimmed" fs="italic">
              {item.notes}
            </Text>
          )}
        </Stack>
        {canEdit && (
          <Group gap={4} wrap="nowrap">
            <Button
              size="compact-sm"
              variant="subtle"
              onClick={() => onEdit(item)}
              aria-label={t('program.editNamed', { title: item.title })}
            >
              {t('common.edit')}
            </Button>
            {onAddChild && (
              <Button size="compact-sm" variant="subtle" onClick={() => onAddChild(item)}>
                {t('program.addPart')}
              </Button>
            )}
            <Button size="compact-sm" variant="subtle" color="red" onClick={() => onDelete(item)}>
              {t('common.delete')}
            </Button>
          </Group>
        )}
      </Group>
    </Paper>
  );
}

function SortableLevel({
  eventId,
  parentId,
  items,
  prefix,
  canEdit,
  onEdit,
  onDelete,
  onAddChild,
}: {
  eventId: string;
  parentId: string | null;
  items: ProgramItem[];
  prefix: string;
  canEdit: boolean;
  onEdit: (item: ProgramItem) => void;
  onDelete: (item: ProgramItem) => void;
  onAddChild: (item: ProgramItem) => void;
}) {
  const reorder = useReorderProgram(eventId);
  const errorMessage = useErrorMessage();
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const ids = items.map((i) => i.id);
    const next = arrayMove(ids, ids.indexOf(String(active.id)), ids.indexOf(String(over.id)));
    reorder.mutate(
      { parentId, ids: next },
      { onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }) },
    );
  };
  return (
    <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
      <SortableContext items={items.map((i) => i.id)} strategy={verticalListSortingStrategy}>
        <Stack gap="xs">
          {items.map((item, i) => (
            <Stack key={item.id} gap="xs">
              <ItemRow
                item={item}
                label={`${prefix}${i + 1}.`}
                canEdit={canEdit}
                onEdit={onEdit}
                onDelete={onDelete}
                onAddChild={parentId === null ? onAddChild : undefined}
              />
              {item.children.length > 0 && (
                <div style={{ marginLeft: 32 }}>
                  <SortableLevel
                    eventId={eventId}
                    parentId={item.id}
                    items={item.children}
                    prefix={`${prefix}${i + 1}.`}
                    canEdit={canEdit}
                    onEdit={onEdit}
                    onDelete={onDelete}
                    onAddChild={onAddChild}
                  />
                </div>
              )}
            </Stack>
          ))}
        </Stack>
      </SortableContext>
    </DndContext>
  );
}

export function ProgramPanel({
  eventId,
  canEdit,
  canReadScript,
  canDriveHall,
}: {
  eventId: string;
  canEdit: boolean;
  canReadScript: boolean;
  canDriveHall: boolean;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const { data, isLoading } = useProgram(eventId);
  const remove = useDeleteProgramItem(eventId);
  const [editing, setEditing] = useState<{ item: ProgramItem | null; parentId: string | null } | null>(null);
  if (isLoading || !data) return null;
  const onDelete = (item: ProgramItem) => {
    if (!window.confirm(t('program.deleteConfirm', { title: item.title }))) return;
    remove.mutate(item.id, {
      onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
    });
  };
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2} size="h4">
          {t('program.title')}
        </Title>
        <Group gap="xs">
          {canEdit && (
            <Button onClick={() => setEditing({ item: null, parentId: null })}>{t('program.addItem')}</Button>
          )}
          <Button variant="default" component="a" href={`/api/events/${eventId}/program.docx`}>
            {t('program.downloadDocx')}
          </Button>
          <Button variant="default" component="a" href={`/api/events/${eventId}/program.pdf`} target="_blank">
            {t('program.downloadPdf')}
          </Button>
          {canDriveHall && (
            <Button variant="default" component="a" href={`/checkin/${eventId}/hall`} target="_blank">
              {t('program.hallScreen')}
            </Button>
          )}
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        {t('program.help')}
      </Text>
      {data.warnings.length > 0 && (
        <Alert color="orange" title={t('program.warnings')}>
          <Stack gap={2} component="ul" m={0} pl="md">
            {data.warnings.map((w) => (
              <li key={`${w.code}-${w.itemId}-${w.message}`}>{w.message}</li>
            ))}
          </Stack>
        </Alert>
      )}
      {data.items.length === 0 ? (
        <Text c="dimmed">{t('program.empty')}</Text>
      ) : (
        <SortableLevel
          eventId={eventId}
          parentId={null}
          items={data.items}
          prefix=""
          canEdit={canEdit}
          onEdit={(item) => setEditing({ item, parentId: null })}
          onDelete={onDelete}
          onAddChild={(item) => setEditing({ item: null, parentId: item.id })}
        />
      )}
      <Text size="sm">{t('program.endsAt', { time: formatTime(data.endsAt) })}</Text>
      {canReadScript && <McScriptSection eventId={eventId} />}
      <PapersSection eventId={eventId} canReview={canEdit} items={data.items} />
      {editing && (
        <ItemEditor
          eventId={eventId}
          item={editing.item}
          parentId={editing.parentId}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}
