import { BarChart } from '@mantine/charts';
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
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BUDGET_CATEGORIES,
  BUDGET_CATEGORY_LABELS,
  type BudgetCategory,
  type BudgetLine,
} from '../../../../shared/budget';
import { formatVnd } from '../../../../shared/format';
import { PageLoader } from '../../../app/guards';
import { HiddenHeader } from '../../../lib/HiddenHeader';
import { useErrorMessage } from '../../../lib/i18n';
import { useBudget, useBudgetActions } from '../api/closing';

const vnd = (n: number) => new Intl.NumberFormat('vi-VN').format(n);

function LineModal({
  eventId,
  line,
  onClose,
}: {
  eventId: string;
  line: BudgetLine | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const actions = useBudgetActions(eventId);
  const errorMessage = useErrorMessage();
  const [category, setCategory] = useState<BudgetCategory>(line?.category ?? 'other');
  const [content, setContent] = useState(line?.content ?? '');
  const [unitLabel, setUnitLabel] = useState(line?.unitLabel ?? '');
  const [quantity, setQuantity] = useState<number | string>(line?.quantity ?? 1);
  const [price, setPrice] = useState<number | string>(line?.unitPriceVnd ?? 0);
  const [committed, setCommitted] = useState<number | string>(line?.committedVnd ?? 0);
  const [spent, setSpent] = useState<number | string>(line?.spentVnd ?? 0);
  const pending = actions.add.isPending || actions.update.isPending;
  const error = actions.add.error ?? actions.update.error;
  const int = (v: number | string) => Math.round(Number(v) || 0);
  const save = () => {
    const input = {
      category,
      content,
      unitLabel: unitLabel || null,
      quantity: int(quantity),
      unitPriceVnd: int(price),
      committedVnd: int(committed),
      spentVnd: int(spent),
    };
    if (line) actions.update.mutate({ id: line.id, input }, { onSuccess: onClose });
    else actions.add.mutate(input, { onSuccess: onClose });
  };
  const money = { thousandSeparator: '.', decimalSeparator: ',', allowDecimal: false, min: 0, suffix: ' đ' };
  return (
    <Modal opened onClose={onClose} title={line ? t('closing.editLine') : t('closing.addLine')}>
      <Stack>
        {error && <Alert color="red">{errorMessage(error)}</Alert>}
        <Select
          label={t('closing.category')}
          data={BUDGET_CATEGORIES.map((c) => ({ value: c, label: BUDGET_CATEGORY_LABELS[c] }))}
          value={category}
          onChange={(v) => v && setCategory(v as BudgetCategory)}
          allowDeselect={false}
        />
        <TextInput
          label={t('closing.content')}
          value={content}
          onChange={(e) => setContent(e.currentTarget.value)}
        />
        <SimpleGrid cols={2}>
          <TextInput
            label={t('closing.unitLabel')}
            value={unitLabel}
            onChange={(e) => setUnitLabel(e.currentTarget.value)}
          />
          <NumberInput
            label={t('closing.quantity')}
            value={quantity}
            onChange={setQuantity}
            allowDecimal={false}
            min={0}
          />
        </SimpleGrid>
        <NumberInput label={t('closing.unitPrice')} value={price} onChange={setPrice} {...money} />
        <NumberInput label={t('closing.committed')} value={committed} onChange={setCommitted} {...money} />
        <NumberInput label={t('closing.spent')} value={spent} onChange={setSpent} {...money} />
        <Group justify="flex-end">
          <Button disabled={!content.trim()} loading={pending} onClick={save}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function BudgetPanel({ eventId, canEdit }: { eventId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const budget = useBudget(eventId);
  const actions = useBudgetActions(eventId);
  const errorMessage = useErrorMessage();
  const [editing, setEditing] = useState<BudgetLine | 'new' | null>(null);
  if (budget.isPending) return <PageLoader />;
  if (budget.error) return <Alert color="red">{errorMessage(budget.error)}</Alert>;
  const data = budget.data;
  return (
    <Stack>
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Text>
            <Text span fw={600}>
              {t('closing.source')}:
            </Text>{' '}
            {data.sourceDecision ?? '—'}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Text>{t('closing.totalEstimate', { amount: formatVnd(data.totals.estimateVnd) })}</Text>
            <Text>{t('closing.totalCommitted', { amount: formatVnd(data.totals.committedVnd) })}</Text>
            <Text>{t('closing.totalSpent', { amount: formatVnd(data.totals.spentVnd) })}</Text>
          </SimpleGrid>
          <Group>
            <Button
              component="a"
              href={`/api/events/${eventId}/budget/estimate.xlsx`}
              variant="default"
              download
            >
              {t('closing.estimateXlsx')}
            </Button>
            <Button
              component="a"
              href={`/api/events/${eventId}/budget/settlement.xlsx`}
              variant="default"
              download
            >
              {t('closing.settlementXlsx')}
            </Button>
            {canEdit && <Button onClick={() => setEditing('new')}>{t('closing.addLine')}</Button>}
          </Group>
        </Stack>
      </Paper>
      {data.warnings.map((w) => (
        <Alert key={w.lineId ?? 'total'} color="orange" title={t('closing.overEstimate')}>
          {w.message}
        </Alert>
      ))}
      {actions.receipt.error && <Alert color="red">{errorMessage(actions.receipt.error)}</Alert>}
      {data.byCategory.length > 0 && (
        <Paper withBorder p="md">
          <Title order={2} size="h5" mb="sm">
            {t('closing.byCategory')}
          </Title>
          <BarChart
            h={260}
            data={data.byCategory.map((c) => ({
              category: BUDGET_CATEGORY_LABELS[c.category],
              estimate: c.estimateVnd,
              spent: c.spentVnd,
            }))}
            dataKey="category"
            valueFormatter={(v) => formatVnd(v)}
            series={[
              { name: 'estimate', label: t('closing.estimate'), color: 'gray.5' },
              { name: 'spent', label: t('closing.spent'), color: 'blue.6' },
            ]}
            withLegend
            tickLine="y"
            yAxisProps={{ width: 90, tickFormatter: (v: number) => `${vnd(v / 1_000_000)} tr` }}
          />
        </Paper>
      )}
      <Table.ScrollContainer minWidth={900}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('closing.content')}</Table.Th>
              <Table.Th>{t('closing.unitLabel')}</Table.Th>
              <Table.Th ta="right">{t('closing.quantity')}</Table.Th>
              <Table.Th ta="right">{t('closing.unitPrice')}</Table.Th>
              <Table.Th ta="right">{t('closing.estimate')}</Table.Th>
              <Table.Th ta="right">{t('closing.committed')}</Table.Th>
              <Table.Th ta="right">{t('closing.spent')}</Table.Th>
              <Table.Th>{t('closing.receipts')}</Table.Th>
              {canEdit && <HiddenHeader>{t('common.actions')}</HiddenHeader>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.lines.map((l) => (
              <Table.Tr key={l.id}>
                <Table.Td>
                  <Text size="sm">{l.content}</Text>
                  <Text size="xs" c="dimmed">
                    {BUDGET_CATEGORY_LABELS[l.category]}
                    {l.isSample && (
                      <Badge ml="xs" size="xs" color="gray.7" variant="outline">
                        {t('closing.sample')}
                      </Badge>
                    )}
                  </Text>
                </Table.Td>
                <Table.Td>{l.unitLabel}</Table.Td>
                <Table.Td ta="right">{vnd(l.quantity)}</Table.Td>
                <Table.Td ta="right">{vnd(l.unitPriceVnd)}</Table.Td>
                <Table.Td ta="right">{vnd(l.estimateVnd)}</Table.Td>
                <Table.Td ta="right">{vnd(l.committedVnd)}</Table.Td>
                <Table.Td
                  ta="right"
                  c={l.isOverEstimate ? 'red.9' : undefined}
                  fw={l.isOverEstimate ? 700 : undefined}
                >
                  {vnd(l.spentVnd)}
                </Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    {l.receipts.map((r) => (
                      <Anchor
                        key={r.id}
                        size="sm"
                        href={`/api/events/${eventId}/budget/lines/${l.id}/receipts/${r.id}`}
                        target="_blank"
                      >
                        {r.fileName}
                      </Anchor>
                    ))}
                    {canEdit && (
                      <FileButton
                        accept="application/pdf,image/jpeg"
                        onChange={(file) => file && actions.receipt.mutate({ id: l.id, file })}
                      >
                        {(props) => (
                          <Button size="compact-xs" variant="subtle" {...props}>
                            {t('closing.addReceipt')}
                          </Button>
                        )}
                      </FileButton>
                    )}
                  </Stack>
                </Table.Td>
                {canEdit && (
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button
                        size="xs"
                        variant="light"
                        aria-label={t('closing.editLineOf', { content: l.content })}
                        onClick={() => setEditing(l)}
                      >
                        {t('common.edit')}
                      </Button>
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        onClick={() => actions.remove.mutate(l.id)}
                      >
                        {t('common.delete')}
                      </Button>
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {editing && (
        <LineModal
          eventId={eventId}
          line={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}
