import { Alert, Badge, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Event } from '../../../../shared/events';
import type { ApplyPlanInput } from '../../../../shared/plan-contents';
import { diffPlan, draftToContents, draftToEvent } from '../../../../shared/plan-mapping';
import { api } from '../../../lib/api';
import { useErrorMessage } from '../../../lib/i18n';
import { type ParsedPlan, useParsePlan, usePlanContents } from '../api/plans';
import { PlanSourceInput } from './PlanSourceInput';

/** The plan's event fields; the event keeps its times unless the plan gives a day and an hour. */
function proposal(event: Event, parsed: ParsedPlan): ApplyPlanInput {
  const start = parsed.draft.event.time.start;
  const end = parsed.draft.event.time.end;
  const hasClock = (iso: string | null) => !!iso && iso.length > 10;
  const times = {
    startsAt: hasClock(start) ? new Date(start!).toISOString() : event.startsAt,
    endsAt: hasClock(end) ? new Date(end!).toISOString() : event.endsAt,
  };
  return {
    event: draftToEvent(parsed.draft, parsed.links, times),
    contents: draftToContents(parsed.draft, parsed.links),
    planText: parsed.text,
  };
}

/** Attach a plan to an existing event: read it, see what would change, then apply it all at once. */
export function ApplyPlanModal({ event, onClose }: { event: Event; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const parse = useParsePlan();
  const current = usePlanContents(event.id).data;
  const errorMessage = useErrorMessage();
  const apply = useMutation({
    mutationFn: (input: ApplyPlanInput) => api.post<Event>(`/api/events/${event.id}/apply-plan`, input),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['events', event.id] });
      notifications.show({ color: 'green', message: t('plans.applied') });
      onClose();
    },
  });

  const next = parse.data && proposal(event, parse.data);
  const changes =
    next && current
      ? diffPlan(
          { event, contents: current },
          {
            event: {
              ...event,
              ...next.event,
              hostName: parse.data!.draft.event.host ?? event.hostName,
              leadName: parse.data!.draft.event.lead ?? event.leadName,
              partners: next.event.partners ?? [],
            } as Event,
            contents: { ...current, ...next.contents } as typeof current,
          },
        )
      : null;

  return (
    <Modal opened onClose={onClose} title={t('plans.applyTitle')} size="xl">
      <Stack>
        {!parse.data && <PlanSourceInput loading={parse.isPending} onRead={(input) => parse.mutate(input)} />}
        {(parse.error || apply.error) && (
          <Alert color="red" role="alert">
            {errorMessage(parse.error ?? apply.error)}
          </Alert>
        )}
        {changes && changes.length === 0 && <Alert color="green">{t('plans.noChanges')}</Alert>}
        {changes && changes.length > 0 && (
          <Table.ScrollContainer minWidth={640} mah={420}>
            <Table striped withTableBorder aria-label={t('plans.changes')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('plans.what')}</Table.Th>
                  <Table.Th>{t('plans.now')}</Table.Th>
                  <Table.Th>{t('plans.afterApply')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {changes.map((c) => (
                  <Table.Tr key={`${c.section}-${c.label}-${c.before}-${c.after}`}>
                    <Table.Td>
                      <Badge size="xs" variant="light" mr={4}>
                        {t(`plans.sections.${c.section}`)}
                      </Badge>
                      <Text span size="sm">
                        {c.label}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c="red" style={{ whiteSpace: 'pre-wrap' }}>
                        {c.before ?? '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c="green" style={{ whiteSpace: 'pre-wrap' }}>
                        {c.after ?? '—'}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {next && (
          <Group justify="flex-end">
            <Button variant="default" onClick={() => parse.reset()}>
              {t('plans.another')}
            </Button>
            <Button loading={apply.isPending} disabled={!changes?.length} onClick={() => apply.mutate(next)}>
              {t('plans.apply')}
            </Button>
          </Group>
        )}
      </Stack>
    </Modal>
  );
}
