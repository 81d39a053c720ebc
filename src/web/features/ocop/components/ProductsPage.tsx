import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Pagination,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCalendarDate } from '../../../../shared/format';
import type { Product } from '../../../../shared/ocop';
import { starText } from '../../../../shared/ocop-rules';
import { withQuery } from '../../../lib/api';
import { HiddenHeader } from '../../../lib/HiddenHeader';
import { useErrorMessage } from '../../../lib/i18n';
import { abilities, useMe } from '../../auth/api/auth';
import { UnitSelect } from '../../units/components/UnitSelect';
import { type ProductFilter, useDeleteProduct, useProductGroups, useProducts } from '../api/ocop';
import { ProductFormModal } from './ProductFormModal';
import { ProductImportModal } from './ProductImportModal';
import { StatisticsPanel } from './StatisticsPanel';

const PAGE_SIZE = 50;

function Register() {
  const { t } = useTranslation();
  const can = abilities(useMe().data);
  const errorMessage = useErrorMessage();
  const groups = useProductGroups().data ?? [];
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q, 250);
  const [filter, setFilter] = useState<Omit<ProductFilter, 'q' | 'page'>>({});
  const [districtName, setDistrictName] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Product | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const query = { ...filter, q: debouncedQ, page, pageSize: PAGE_SIZE };
  const products = useProducts(query);
  const remove = useDeleteProduct();
  const pages = products.data ? Math.max(1, Math.ceil(products.data.total / PAGE_SIZE)) : 1;
  const refine = (patch: Partial<ProductFilter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setPage(1);
  };

  return (
    <Stack>
      <Group justify="flex-end" gap="xs">
        <Button
          variant="default"
          component="a"
          href={withQuery('/api/products/export.xlsx', { ...filter, q: debouncedQ })}
          download
        >
          {t('ocop.export')}
        </Button>
        <Button variant="default" component="a" href="/san-pham" target="_blank">
          {t('ocop.showcase')}
        </Button>
        {can.canEditProducts && (
          <>
            <Button variant="default" onClick={() => setImporting(true)}>
              {t('ocop.import')}
            </Button>
            <Button onClick={() => setEditing('new')}>{t('ocop.new')}</Button>
          </>
        )}
      </Group>
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label={t('common.search')}
          placeholder={t('ocop.searchPlaceholder')}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setPage(1);
          }}
          style={{ flex: '1 1 240px' }}
          type="search"
        />
        <Select
          label={t('ocop.group')}
          placeholder={t('ocop.allGroups')}
          clearable
          data={groups.map((g) => ({
            value: g.id,
            label: `${g.name} (${g.framework.split(',').at(-1)?.trim()})`,
          }))}
          value={filter.groupId ?? null}
          onChange={(v) => refine({ groupId: v })}
          w={240}
        />
        <Select
          label={t('ocop.stars')}
          placeholder={t('ocop.allStars')}
          clearable
          data={['5', '4', '3', '2', '1'].map((s) => ({ value: s, label: '★'.repeat(Number(s)) }))}
          value={filter.stars ? String(filter.stars) : null}
          onChange={(v) => refine({ stars: v ? Number(v) : null })}
          w={130}
        />
        <div style={{ width: 240 }}>
          <UnitSelect
            label={t('ocop.district')}
            kind="district"
            placeholder={t('ocop.allDistricts')}
            value={filter.districtId ?? null}
            valueLabel={districtName}
            onChange={(id, name) => {
              setDistrictName(name);
              refine({ districtId: id });
            }}
          />
        </div>
        <Select
          label={t('ocop.kind')}
          placeholder={t('ocop.allKinds')}
          clearable
          data={[
            { value: 'false', label: t('ocop.certified') },
            { value: 'true', label: t('ocop.potentialShort') },
          ]}
          value={
            filter.potential === undefined || filter.potential === null ? null : String(filter.potential)
          }
          onChange={(v) => refine({ potential: v === null ? null : v === 'true' })}
          w={170}
        />
      </Group>
      {(products.error || remove.error) && (
        <Alert color="red">{errorMessage(products.error ?? remove.error)}</Alert>
      )}
      <Text size="sm" c="dimmed">
        {t('common.total', { count: products.data?.total ?? 0 })}
      </Text>
      <Table.ScrollContainer minWidth={900}>
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('ocop.name')}</Table.Th>
              <Table.Th>{t('ocop.producer')}</Table.Th>
              <Table.Th>{t('ocop.district')}</Table.Th>
              <Table.Th>{t('ocop.stars')}</Table.Th>
              <Table.Th>{t('ocop.group')}</Table.Th>
              <Table.Th>{t('ocop.decision')}</Table.Th>
              <Table.Th>{t('ocop.validUntil')}</Table.Th>
              {can.canEditProducts && <HiddenHeader>{t('common.actions')}</HiddenHeader>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {products.data?.items.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {p.name}
                  </Text>
                  <Group gap={4}>
                    {p.potential && (
                      <Badge size="xs" color="gray" variant="outline">
                        {t('ocop.potentialShort')}
                      </Badge>
                    )}
                    {p.isSample && (
                      <Badge size="xs" color="orange" variant="outline">
                        {t('common.sample')}
                      </Badge>
                    )}
                    {p.photos.length > 0 && (
                      <Text size="xs" c="dimmed">
                        {t('ocop.photoCount', { count: p.photos.length })}
                      </Text>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{p.producerName}</Text>
                  {p.producerType && (
                    <Text size="xs" c="dimmed">
                      {t(`ocop.producerTypes.${p.producerType}`)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{p.districtName ?? '—'}</Text>
                  {p.communeName && (
                    <Text size="xs" c="dimmed">
                      {p.communeName}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text
                    size="sm"
                    c="yellow.8"
                    aria-label={p.stars ? t('ocop.starsCount', { count: p.stars }) : undefined}
                  >
                    {starText(p.stars)}
                  </Text>
                  {p.score !== null && (
                    <Text size="xs" c="dimmed">
                      {t('ocop.points', { score: p.score })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{p.groupName}</Text>
                  {p.subGroup && (
                    <Text size="xs" c="dimmed">
                      {p.subGroup}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{p.decisionNumber ?? '—'}</Text>
                  {p.decisionDate && (
                    <Text size="xs" c="dimmed">
                      {formatCalendarDate(p.decisionDate)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{p.validUntil ? formatCalendarDate(p.validUntil) : '—'}</Table.Td>
                {can.canEditProducts && (
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button size="compact-xs" variant="subtle" onClick={() => setEditing(p)}>
                        {t('common.edit')}
                      </Button>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        onClick={() =>
                          window.confirm(t('ocop.deleteConfirm', { name: p.name })) && remove.mutate(p.id)
                        }
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
      {products.data?.total === 0 && <Text c="dimmed">{t('ocop.empty')}</Text>}
      {pages > 1 && <Pagination total={pages} value={page} onChange={setPage} />}
      {editing && (
        <ProductFormModal product={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
      {importing && <ProductImportModal onClose={() => setImporting(false)} />}
      <Text size="xs" c="dimmed">
        {t('ocop.sampleNote')}{' '}
        <Anchor href="/san-pham" target="_blank" size="xs" underline="always">
          {t('ocop.showcase')}
        </Anchor>
      </Text>
    </Stack>
  );
}

/** The OCOP product register and the programme's figures. */
export function ProductsPage() {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('ocop.title')}
      </Title>
      <Tabs defaultValue="register" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="register">{t('ocop.register')}</Tabs.Tab>
          <Tabs.Tab value="statistics">{t('ocop.statistics')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="register" pt="md">
          <Register />
        </Tabs.Panel>
        <Tabs.Panel value="statistics" pt="md">
          <StatisticsPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
