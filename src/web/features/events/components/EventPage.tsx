import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { lazy, type ReactNode, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { Event } from '../../../../shared/events';
import { formatCalendarDate, formatTimeRange, vietnamDay } from '../../../../shared/format';
import { canMoveStatus, EVENT_STATUSES, type EventStatus } from '../../../../shared/vocabulary';
import { Forbidden, PageLoader } from '../../../app/guards';
import { ApiError } from '../../../lib/api';
import { useErrorMessage } from '../../../lib/i18n';
import { abilities, useMe } from '../../auth/api/auth';
import { ApplyPlanModal } from '../../plans/components/ApplyPlanModal';
import { PlanContentsPanel } from '../../plans/components/PlanContentsPanel';
import { useChangeStatus, useEvent } from '../api/events';
import { AuditPanel } from './AuditPanel';
import { HallCapacity } from './HallCapacity';
import { MembersPanel } from './MembersPanel';
import { StatusBadge } from './StatusBadge';

// The delegate tabs are their own chunks: the overview opens without them.
const CompositionPanel = lazy(() =>
  import('../../delegates/components/CompositionPanel').then((m) => ({ default: m.CompositionPanel })),
);
const RepliesPanel = lazy(() =>
  import('../../replies/components/RepliesPanel').then((m) => ({ default: m.RepliesPanel })),
);
const DelegatesPanel = lazy(() =>
  import('../../delegates/components/DelegatesPanel').then((m) => ({ default: m.DelegatesPanel })),
);
const SeatingPanel = lazy(() =>
  import('../../checkin/components/SeatingPanel').then((m) => ({ default: m.SeatingPanel })),
);
const ProgramPanel = lazy(() =>
  import('../../program/components/ProgramPanel').then((m) => ({ default: m.ProgramPanel })),
);
const TasksPanel = lazy(() =>
  import('../../closing/components/TasksPanel').then((m) => ({ default: m.TasksPanel })),
);
const BudgetPanel = lazy(() =>
  import('../../closing/components/BudgetPanel').then((m) => ({ default: m.BudgetPanel })),
);
const ReadinessPanel = lazy(() =>
  import('../../closing/components/ReadinessPanel').then((m) => ({ default: m.ReadinessPanel })),
);
const AwardsPanel = lazy(() =>
  import('../../ocop/components/AwardsPanel').then((m) => ({ default: m.AwardsPanel })),
);
const AgreementsPanel = lazy(() =>
  import('../../agreements/components/AgreementsPanel').then((m) => ({ default: m.AgreementsPanel })),
);
const BoothsPanel = lazy(() =>
  import('../../booths/components/BoothsPanel').then((m) => ({ default: m.BoothsPanel })),
);

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text component="div">{children || '—'}</Text>
    </div>
  );
}

function Overview({ event }: { event: Event }) {
  const { t } = useTranslation();
  const overCapacity =
    event.capacity !== null && event.expectedAttendees !== null && event.expectedAttendees > event.capacity;
  const number = event.planNumber && !event.planNumber.startsWith('/') ? event.planNumber : null;
  return (
    <Stack>
      {overCapacity && (
        <Alert color="orange">
          {t('events.overCapacity', { expected: event.expectedAttendees, capacity: event.capacity })}
        </Alert>
      )}
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Field label={t('events.when')}>
            {formatTimeRange(event.startsAt, event.endsAt)}
            {event.timeText && (
              <Text size="sm" c="dimmed">
                {t('events.planSays', { text: event.timeText })}
              </Text>
            )}
          </Field>
          <Field label={t('events.where')}>
            {[event.venueName, event.venueAddress].filter(Boolean).join(' - ')}
          </Field>
          <Field label={t('events.expectedAttendees')}>
            {event.expectedAttendees !== null
              ? t('events.attendees', { count: event.expectedAttendees })
              : null}
          </Field>
          <Field label={t('events.capacity')}>
            <HallCapacity eventId={event.id} capacity={event.capacity} />
          </Field>
          <Field label={t('events.host')}>{event.hostName}</Field>
          <Field label={t('events.lead')}>{event.leadName}</Field>
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h5" mb="xs">
          {t('events.partners')} ({event.partners.length})
        </Title>
        <Stack gap={2} component="ol" m={0} pl="lg">
          {event.partners.map((p) => (
            <li key={p.unitId ?? p.name}>
              <Text>{p.name}</Text>
            </li>
          ))}
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h5" mb="xs">
          {t('events.plan')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Field label={t('events.planNumber')}>
            {number ?? (
              <>
                {event.planNumber}{' '}
                <Text span c="dimmed">
                  {t('events.numberBlank')}
                </Text>
              </>
            )}
          </Field>
          <Field label={t('events.planDate')}>
            {event.planDate ? (
              formatCalendarDate(event.planDate)
            ) : (
              <Text span c="dimmed">
                {t('events.dateBlank')}
              </Text>
            )}
          </Field>
          <Field label={t('events.planIssuer')}>{event.planIssuer}</Field>
          <Field label={t('events.planSigner')}>
            {[event.planSignerAuthority, event.planSignerTitle, event.planSignerName]
              .filter(Boolean)
              .join(' / ')}
          </Field>
        </SimpleGrid>
      </Paper>
      <PlanContentsPanel eventId={event.id} />
      {event.fundingSource && (
        <Paper withBorder p="md">
          <Field label={t('events.fundingSource')}>{event.fundingSource}</Field>
        </Paper>
      )}
    </Stack>
  );
}

function StatusActions({ event }: { event: Event }) {
  const { t } = useTranslation();
  const change = useChangeStatus(event.id);
  const errorMessage = useErrorMessage();
  const moves = EVENT_STATUSES.filter((s: EventStatus) => canMoveStatus(event.status, s));
  return (
    <Stack gap="xs">
      <Group gap="xs">
        {moves.map((status) => (
          <Button
            key={status}
            size="xs"
            variant="light"
            loading={change.isPending}
            onClick={() => change.mutate(status)}
          >
            {t(`statusActions.${status}`)}
          </Button>
        ))}
      </Group>
      {change.error && <Alert color="red">{errorMessage(change.error)}</Alert>}
    </Stack>
  );
}

export function EventPage() {
  const { eventId = '' } = useParams();
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const event = useEvent(eventId);
  const can = abilities(useMe().data);
  const canEdit = can.canEditEvent(eventId);
  const canWriteDelegates = can.canWriteDelegates(eventId);
  const errorMessage = useErrorMessage();
  const [applying, setApplying] = useState(false);

  if (event.isPending) return <PageLoader />;
  if (event.error instanceof ApiError && event.error.status === 403) return <Forbidden />;
  if (event.error) return <Alert color="red">{errorMessage(event.error)}</Alert>;
  const data = event.data;
  const tab = params.get('tab') ?? 'overview';

  return (
    <Stack>
      <Anchor component={Link} to="/" size="sm">
        ← {t('events.title')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4} maw={900}>
          <Group gap="xs">
            <StatusBadge status={data.status} />
            {data.isDemo && (
              <Badge color="orange" variant="outline">
                {t('events.demo')}
              </Badge>
            )}
          </Group>
          <Title order={1} size="h3">
            {data.name}
          </Title>
        </Stack>
        <Group gap="xs">
          {can.canCheckIn(eventId) && (
            <Button component="a" href={`/checkin/${eventId}`}>
              {t('seating.desk')}
            </Button>
          )}
          <Button component="a" href={`/checkin/${eventId}/room`} target="_blank" variant="default">
            {t('seating.room')}
          </Button>
          <Button component="a" href={`/api/events/${eventId}/plan.docx`} variant="default" download>
            {t('plans.download')}
          </Button>
          {canEdit && (
            <Button variant="default" onClick={() => setApplying(true)}>
              {t('plans.applyButton')}
            </Button>
          )}
          {canEdit && (
            <Button component={Link} to={`/events/${eventId}/edit`} variant="default">
              {t('common.edit')}
            </Button>
          )}
        </Group>
      </Group>
      {data.notes && <Alert color={data.isDemo ? 'orange' : 'blue'}>{data.notes}</Alert>}
      {canEdit && <StatusActions event={data} />}
      <Tabs
        value={tab}
        onChange={(value) => setParams(value && value !== 'overview' ? { tab: value } : {})}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="overview">{t('events.overview')}</Tabs.Tab>
          <Tabs.Tab value="composition">{t('composition.tab')}</Tabs.Tab>
          <Tabs.Tab value="delegates">{t('delegates.title')}</Tabs.Tab>
          <Tabs.Tab value="replies">{t('replies.tab')}</Tabs.Tab>
          <Tabs.Tab value="program">{t('program.tab')}</Tabs.Tab>
          <Tabs.Tab value="awards">{t('awards.tab')}</Tabs.Tab>
          <Tabs.Tab value="agreements">{t('signings.tab')}</Tabs.Tab>
          <Tabs.Tab value="booths">{t('signings.boothsTab')}</Tabs.Tab>
          {canEdit && <Tabs.Tab value="seating">{t('seating.tab')}</Tabs.Tab>}
          <Tabs.Tab value="tasks">{t('closing.tabTasks')}</Tabs.Tab>
          {can.canViewBoard(eventId) && <Tabs.Tab value="budget">{t('closing.tabBudget')}</Tabs.Tab>}
          {can.canViewBoard(eventId) && <Tabs.Tab value="board">{t('closing.tabBoard')}</Tabs.Tab>}
          {canEdit && <Tabs.Tab value="members">{t('events.members')}</Tabs.Tab>}
          {canEdit && <Tabs.Tab value="audit">{t('events.audit')}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="overview" pt="md">
          <Overview event={data} />
        </Tabs.Panel>
        <Tabs.Panel value="composition" pt="md">
          <Suspense fallback={<PageLoader />}>
            <CompositionPanel eventId={eventId} eventDay={vietnamDay(data.startsAt)} canManage={canEdit} />
          </Suspense>
        </Tabs.Panel>
        <Tabs.Panel value="delegates" pt="md">
          <Suspense fallback={<PageLoader />}>
            <DelegatesPanel eventId={eventId} canWrite={canWriteDelegates} isOrganizer={canEdit} />
          </Suspense>
        </Tabs.Panel>
        <Tabs.Panel value="replies" pt="md">
          <Suspense fallback={<PageLoader />}>
            <RepliesPanel eventId={eventId} canWrite={canWriteDelegates} />
          </Suspense>
        </Tabs.Panel>
        {canEdit && (
          <Tabs.Panel value="seating" pt="md">
            <Suspense fallback={<PageLoader />}>
              <SeatingPanel eventId={eventId} />
            </Suspense>
          </Tabs.Panel>
        )}
        <Tabs.Panel value="program" pt="md">
          <Suspense fallback={<PageLoader />}>
            <ProgramPanel
              eventId={eventId}
              canEdit={canEdit}
              canReadScript={canEdit || !canWriteDelegates}
              canDriveHall={can.canCheckIn(eventId)}
            />
          </Suspense>
        </Tabs.Panel>
        <Tabs.Panel value="awards" pt="md">
          <Suspense fallback={<PageLoader />}>
            <AwardsPanel eventId={eventId} canEdit={canEdit} />
          </Suspense>
        </Tabs.Panel>
        <Tabs.Panel value="tasks" pt="md">
          <Suspense fallback={<PageLoader />}>
            <TasksPanel eventId={eventId} canManage={canEdit} />
          </Suspense>
        </Tabs.Panel>
        <Tabs.Panel value="budget" pt="md">
          <Suspense fallback={<PageLoader />}>
            <BudgetPanel eventId={eventId} canEdit={canEdit} />
          </Suspense>
        </Tabs.Panel>
        <Tabs.Panel value="board" pt="md">
          <Suspense fallback={<PageLoader />}>
            <ReadinessPanel eventId={eventId} />
          </Suspense>
        </Tabs.Panel>
        <Tabs.Panel value="agreements" pt="md">
          <Suspense fallback={<PageLoader />}>
            <AgreementsPanel eventId={eventId} canEdit={canEdit} />
          </Suspense>
        </Tabs.Panel>
        <Tabs.Panel value="booths" pt="md">
          <Suspense fallback={<PageLoader />}>
            <BoothsPanel eventId={eventId} canEdit={canEdit} />
          </Suspense>
        </Tabs.Panel>
        {canEdit && (
          <Tabs.Panel value="members" pt="md">
            <MembersPanel eventId={eventId} />
          </Tabs.Panel>
        )}
        {canEdit && (
          <Tabs.Panel value="audit" pt="md">
            <AuditPanel eventId={eventId} />
          </Tabs.Panel>
        )}
      </Tabs>
      {applying && <ApplyPlanModal event={data} onClose={() => setApplying(false)} />}
    </Stack>
  );
}
