import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OcopStatistics } from '../../../../shared/ocop';
import { withQuery } from '../../../lib/api';
import { useErrorMessage } from '../../../lib/i18n';
import { useStatistics } from '../api/ocop';

type Row = { key: string; label: string; count: number };

/** A horizontal bar chart: one labelled bar a row, scaled to the largest, the count beside it. */
function Bars({ title, rows }: { title: string; rows: Row[] }) {
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <Card withBorder padding="md">
      <Title order={3} size="h5" mb="xs">
        {title}
      </Title>
      <Stack gap={6} component="ul" aria-label={title} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {rows.map((r) => (
          <li key={r.key} aria-label={`${r.label}: ${r.count}`}>
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Text size="sm" truncate>
                {r.label}
              </Text>
              <Text size="sm" fw={600}>
                {r.count}
              </Text>
            </Group>
            <div style={{ background: 'var(--mantine-color-gray-2)', borderRadius: 3, height: 8 }}>
              <div
                style={{
                  width: `${(r.count / max) * 100}%`,
                  background: 'var(--mantine-color-green-7)',
                  borderRadius: 3,
                  height: 8,
                }}
              />
            </div>
          </li>
        ))}
      </Stack>
    </Card>
  );
}

function Names({ title, names, color }: { title: string; names: string[]; color: string }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md">
      <Title order={3} size="h5" mb="xs">
        {title} ({names.length})
      </Title>
      {names.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('ocop.none')}
        </Text>
      ) : (
        <Group gap={4}>
          {names.map((n) => (
            <Badge key={n} variant="light" color={color} tt="none">
              {n}
            </Badge>
          ))}
        </Group>
      )}
    </Card>
  );
}

function Summary({ s }: { s: OcopStatistics }) {
  const { t } = useTranslation();
  const figures = [
    [t('ocop.statProducts'), s.products],
    [t('ocop.statProducers'), s.producers],
    [
      t('ocop.statDistricts'),
      `${s.districtsWith.length}/${s.districtsWith.length + s.districtsWithout.length}`,
    ],
    [t('ocop.statCommunes'), s.communesWith.length],
    [t('ocop.statPotential'), s.potential],
  ] as const;
  return (
    <SimpleGrid cols={{ base: 2, sm: 5 }}>
      {figures.map(([label, value]) => (
        <Card key={label} withBorder padding="sm">
          <Text size="xs" c="dimmed">
            {label}
          </Text>
          <Text size="xl" fw={700}>
            {value}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}

/** The programme's figures for the summary report, with charts and the same tables as XLSX and DOCX. */
export function StatisticsPanel() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [fromYear, setFromYear] = useState<number | string>(2018);
  const [toYear, setToYear] = useState<number | string>(2020);
  const [range] = useDebouncedValue(
    { fromYear: fromYear === '' ? null : Number(fromYear), toYear: toYear === '' ? null : Number(toYear) },
    300,
  );
  const stats = useStatistics(range);
  const s = stats.data;
  return (
    <Stack>
      <Group align="flex-end" wrap="wrap">
        <NumberInput
          label={t('ocop.fromYear')}
          value={fromYear}
          onChange={setFromYear}
          min={2000}
          max={2100}
          w={120}
        />
        <NumberInput
          label={t('ocop.toYear')}
          value={toYear}
          onChange={setToYear}
          min={2000}
          max={2100}
          w={120}
        />
        <Button variant="default" component="a" href={withQuery('/api/ocop/statistics.xlsx', range)} download>
          {t('ocop.exportXlsx')}
        </Button>
        <Button variant="default" component="a" href={withQuery('/api/ocop/statistics.docx', range)} download>
          {t('ocop.exportDocx')}
        </Button>
      </Group>
      {stats.error && <Alert color="red">{errorMessage(stats.error)}</Alert>}
      {s && (
        <>
          <Summary s={s} />
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Bars title={t('ocop.byYear')} rows={s.byYear} />
            <Bars title={t('ocop.byStars')} rows={s.byStars} />
            <Bars title={t('ocop.byGroup')} rows={s.byGroup} />
            <Bars title={t('ocop.byProducerType')} rows={s.byProducerType} />
          </SimpleGrid>
          <Bars title={t('ocop.byDistrict')} rows={s.byDistrict} />
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Names title={t('ocop.districtsWithout')} names={s.districtsWithout} color="gray" />
            <Names title={t('ocop.communesWith')} names={s.communesWith} color="green" />
          </SimpleGrid>
          {s.withoutCommune > 0 && (
            <Text size="sm" c="dimmed">
              {t('ocop.withoutCommune', { count: s.withoutCommune })}
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}
