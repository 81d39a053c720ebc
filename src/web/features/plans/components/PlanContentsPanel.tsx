import { Accordion, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CompositionGroupInput, ProgramItemInput } from '../../../../shared/plan-contents';
import { usePlanContents } from '../api/plans';

const clock = (t: string | null) => (t ? `${Number(t.slice(0, 2))}h${t.slice(3)}` : '');

function sumLeaves(nodes: CompositionGroupInput[]): number {
  return nodes.reduce((sum, n) => sum + (n.children.length ? sumLeaves(n.children) : (n.count ?? 0)), 0);
}

function Groups({ nodes }: { nodes: CompositionGroupInput[] }) {
  return (
    <Stack component="ul" gap={2} m={0} pl="md">
      {nodes.map((g) => (
        <li key={g.title}>
          <Text size="sm" span fw={g.children.length ? 600 : 400}>
            {g.title}
          </Text>
          {g.count !== null && (
            <Text size="sm" span c="dimmed">
              {' '}
              ({g.unitCount !== null && g.perUnit !== null ? `${g.unitCount} × ${g.perUnit} = ` : ''}
              {g.count})
            </Text>
          )}
          {g.children.length > 0 && <Groups nodes={g.children} />}
        </li>
      ))}
    </Stack>
  );
}

function Items({ items }: { items: ProgramItemInput[] }) {
  return (
    <Stack component="ol" gap={2} m={0} pl="md">
      {items.map((p) => (
        <li key={`${p.start}-${p.title}`}>
          <Text size="sm">
            {p.start && (
              <Text span fw={600}>
                {clock(p.start)}
                {p.end ? ` - ${clock(p.end)}` : ''}:{' '}
              </Text>
            )}
            {p.title}
          </Text>
          {p.children.length > 0 && <Items items={p.children} />}
        </li>
      ))}
    </Stack>
  );
}

/** What the plan orders, at a glance: composition with counts, program, side activities, tasks per unit. */
export function PlanContentsPanel({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const contents = usePlanContents(eventId).data;
  if (!contents) return null;
  const empty = !contents.composition.length && !contents.program.length && !contents.tasks.length;
  if (empty) return null;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      {contents.composition.length > 0 && (
        <Paper withBorder p="md">
          <Title order={2} size="h5" mb="xs">
            {t('plans.tabComposition')} — {t('plans.total', { count: sumLeaves(contents.composition) })}
          </Title>
          <Groups nodes={contents.composition} />
        </Paper>
      )}
      {contents.program.length > 0 && (
        <Paper withBorder p="md">
          <Title order={2} size="h5" mb="xs">
            {t('plans.tabProgram')}
          </Title>
          <Items items={contents.program} />
          {contents.sideActivities.map((a) => (
            <Text key={a.title} size="sm" mt="xs">
              <Text span fw={600}>
                {t('plans.booths')}:
              </Text>{' '}
              {a.title}
              {a.count !== null ? ` (${a.count} ${a.countUnit ?? ''})` : ''}
            </Text>
          ))}
        </Paper>
      )}
      {contents.planText && (
        <Paper withBorder p="md" style={{ gridColumn: '1 / -1' }}>
          <Accordion variant="filled" chevronPosition="left" keepMounted={false}>
            <Accordion.Item value="text">
              <Accordion.Control>{t('plans.originalText')}</Accordion.Control>
              <Accordion.Panel>
                <Text size="xs" ff="monospace" style={{ whiteSpace: 'pre-wrap' }}>
                  {contents.planText.normalize('NFC')}
                </Text>
              </Accordion.Panel>
            </Accordion.Item>
          </Accordion>
        </Paper>
      )}
      {contents.tasks.length > 0 && (
        <Paper withBorder p="md" style={{ gridColumn: '1 / -1' }}>
          <Title order={2} size="h5" mb="xs">
            {t('plans.tabTasks')} ({contents.tasks.length})
          </Title>
          <Stack gap="xs">
            {contents.tasks.map((task) => (
              <div key={task.unit}>
                <Text size="sm" fw={600}>
                  {task.unit}
                </Text>
                <Stack component="ul" gap={0} m={0} pl="md">
                  {task.duties.map((d) => (
                    <li key={d}>
                      <Text size="sm">{d}</Text>
                    </li>
                  ))}
                </Stack>
              </div>
            ))}
          </Stack>
        </Paper>
      )}
    </SimpleGrid>
  );
}
