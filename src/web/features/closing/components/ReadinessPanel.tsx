import { BarChart } from '@mantine/charts';
import { Alert, Anchor, Button, Group, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatVnd } from '../../../../shared/format';
import { PageLoader } from '../../../app/guards';
import { useErrorMessage } from '../../../lib/i18n';
import { useReadiness } from '../api/closing';

const n = (v: number) => new Intl.NumberFormat('vi-VN').format(v);

/** One screen for the organizer and the leader: each part of the preparation as a number, a bar and a link. */
export function ReadinessPanel({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const board = useReadiness(eventId);
  const errorMessage = useErrorMessage();
  if (board.isPending) return <PageLoader />;
  if (board.error) return <Alert color="red">{errorMessage(board.error)}</Alert>;
  const data = board.data;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2} size="h4">
          {t('closing.boardTitle')}
        </Title>
        <Group>
          <Button component="a" href={`/api/events/${eventId}/report.docx`} download>
            {t('closing.reportDocx')}
          </Button>
          <Button component="a" href={`/api/events/${eventId}/report-annex.xlsx`} variant="default" download>
            {t('closing.reportAnnex')}
          </Button>
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 5 }}>
        {data.items.map((item) => {
          const known = item.done !== null && item.total !== null;
          const value = known && item.total ? Math.min(100, (item.done! / item.total!) * 100) : 0;
          const over = known && item.total !== null && item.done! > item.total!;
          const money = item.key === 'budget';
          return (
            <Paper key={item.key} withBorder p="sm">
              <Stack gap={6}>
                <Text size="sm" fw={600}>
                  {t(`closing.ready.${item.key}`)}
                </Text>
                {known ? (
                  <Text size="xl" fw={700}>
                    {money
                      ? `${n(Math.round(item.done! / 1_000_000))} / ${n(Math.round(item.total! / 1_000_000))} tr.đ`
                      : `${n(item.done!)} / ${n(item.total!)}`}
                  </Text>
                ) : (
                  <Text c="dimmed">{t('closing.noData')}</Text>
                )}
                <Progress
                  value={value}
                  color={over ? 'red' : value >= 100 ? 'green' : 'blue'}
                  aria-label={t(`closing.ready.${item.key}`)}
                />
                {item.note && (
                  <Text size="xs" c={item.key === 'tasks' ? 'red.9' : 'dimmed'}>
                    {item.note}
                  </Text>
                )}
                <Anchor component={Link} to={`/events/${eventId}?tab=${item.tab}`} size="xs">
                  {t('closing.open')}
                </Anchor>
              </Stack>
            </Paper>
          );
        })}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md">
          <Title order={3} size="h5" mb="sm">
            {t('closing.attendanceChart')}
          </Title>
          <BarChart
            h={260}
            data={data.attendanceByGroup.map((g) => ({
              group: g.title,
              expected: g.expected,
              arrived: g.arrived,
            }))}
            dataKey="group"
            series={[
              { name: 'expected', label: t('closing.expected'), color: 'gray.5' },
              { name: 'arrived', label: t('closing.arrived'), color: 'blue.6' },
            ]}
            withLegend
            xAxisProps={{ tick: false }}
          />
        </Paper>
        <Paper withBorder p="md">
          <Title order={3} size="h5" mb="sm">
            {t('closing.tasksChart')}
          </Title>
          <BarChart
            h={260}
            type="stacked"
            orientation="vertical"
            data={data.tasksByUnit.map((u) => ({
              unit: u.unitName.slice(0, 28),
              done: u.done,
              open: u.open,
              overdue: u.overdue,
            }))}
            dataKey="unit"
            series={[
              { name: 'done', label: t('closing.status.done'), color: 'green.6' },
              { name: 'open', label: t('closing.open2'), color: 'blue.4' },
              { name: 'overdue', label: t('closing.overdue'), color: 'red.6' },
            ]}
            withLegend
            yAxisProps={{ width: 170 }}
          />
        </Paper>
      </SimpleGrid>
      {data.budgetByCategory.length > 0 && (
        <Paper withBorder p="md">
          <Title order={3} size="h5" mb="sm">
            {t('closing.byCategory')}
          </Title>
          <BarChart
            h={220}
            data={data.budgetByCategory}
            dataKey="category"
            valueFormatter={(v) => formatVnd(v)}
            series={[
              { name: 'estimateVnd', label: t('closing.estimate'), color: 'gray.5' },
              { name: 'spentVnd', label: t('closing.spent'), color: 'blue.6' },
            ]}
            withLegend
            yAxisProps={{ width: 90, tickFormatter: (v: number) => `${n(v / 1_000_000)} tr` }}
          />
        </Paper>
      )}
    </Stack>
  );
}
