import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatTimeRange } from '../../../../shared/format';
import { PageLoader } from '../../../app/guards';
import { useErrorMessage } from '../../../lib/i18n';
import { abilities, useMe } from '../../auth/api/auth';
import { useEvents } from '../api/events';
import { StatusBadge } from './StatusBadge';

export function EventListPage() {
  const { t } = useTranslation();
  const events = useEvents();
  const can = abilities(useMe().data);
  const errorMessage = useErrorMessage();

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('events.title')}
        </Title>
        {can.canCreateEvent && (
          <Group gap="xs">
            <Button component={Link} to="/events/from-plan">
              {t('plans.fromPlan')}
            </Button>
            <Button component={Link} to="/events/new" variant="default">
              {t('events.new')}
            </Button>
          </Group>
        )}
      </Group>
      {events.isPending && <PageLoader />}
      {events.error && <Alert color="red">{errorMessage(events.error)}</Alert>}
      {events.data?.length === 0 && <Text c="dimmed">{t('events.empty')}</Text>}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {events.data?.map((event) => (
          <Card key={event.id} withBorder component={Link} to={`/events/${event.id}`} padding="md">
            <Stack gap={6}>
              <Group gap="xs">
                <StatusBadge status={event.status} />
                {event.isDemo && (
                  <Badge color="orange" variant="outline">
                    {t('events.demo')}
                  </Badge>
                )}
                {event.myRole && <Badge variant="default">{t(`roles.${event.myRole}`)}</Badge>}
              </Group>
              <Text fw={600}>{event.name}</Text>
              <Text size="sm">
                {t('events.when')}: {formatTimeRange(event.startsAt, event.endsAt)}
              </Text>
              {event.venueName && (
                <Text size="sm">
                  {t('events.where')}: {event.venueName}
                </Text>
              )}
              {event.expectedAttendees !== null && (
                <Text size="sm">
                  {t('events.expected')}: {t('events.attendees', { count: event.expectedAttendees })}
                </Text>
              )}
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
