import { type OcopStatistics, PRODUCER_TYPE_LABELS, type ProducerType } from '../../shared/ocop';
import { compareVietnamese } from '../../shared/text';
import type { Executor } from '../db/database';
import { centered, listTable, officialDocument, para, run } from '../documents/official-docx';
import { type ReportColumn, reportCellText, writeReportWorkbook } from '../documents/xlsx';

const codeOrder = new Intl.Collator('en', { numeric: true });

/**
 * The programme's figures for the summary report: certified products by year, stars, group, district and
 * producer type; districts and communes with and without OCOP products over the period.
 */
export async function getStatistics(
  db: Executor,
  range: { fromYear?: number | undefined; toYear?: number | undefined },
): Promise<OcopStatistics> {
  let query = db
    .selectFrom('products as p')
    .innerJoin('product_groups as g', 'g.id', 'p.group_id')
    .innerJoin('units as producer', 'producer.id', 'p.producer_id')
    .select([
      'p.id',
      'p.stars',
      'p.potential',
      'p.evaluation_year',
      'p.district_id',
      'p.commune_id',
      'p.producer_id',
      'g.name as group_name',
      'producer.producer_type',
    ]);
  if (range.fromYear) query = query.where('p.evaluation_year', '>=', range.fromYear);
  if (range.toYear) query = query.where('p.evaluation_year', '<=', range.toYear);
  const [all, units] = await Promise.all([
    query.execute(),
    db
      .selectFrom('units')
      .select(['id', 'name', 'kind', 'admin_code', 'parent_id', 'valid_from', 'valid_to'])
      .where('kind', 'in', ['district', 'commune'])
      .execute(),
  ]);
  const products = all.filter((p) => p.potential === 0);

  // Units that existed during the period: a district merged away before it began is left out.
  const periodStart = range.fromYear ? `${range.fromYear}-01-01` : '0000-01-01';
  const periodEnd = range.toYear ? `${range.toYear}-12-31` : '9999-12-31';
  const inPeriod = (u: { valid_from: string | null; valid_to: string | null }) =>
    (!u.valid_from || u.valid_from <= periodEnd) && (!u.valid_to || u.valid_to >= periodStart);
  const districts = units
    .filter((u) => u.kind === 'district' && inPeriod(u))
    .sort(
      (a, b) =>
        codeOrder.compare(a.admin_code ?? '999', b.admin_code ?? '999') || compareVietnamese(a.name, b.name),
    );
  const communes = units.filter((u) => u.kind === 'commune' && inPeriod(u));

  const count = <K extends string | number>(keyOf: (p: (typeof products)[number]) => K | null) => {
    const map = new Map<K, number>();
    for (const p of products) {
      const k = keyOf(p);
      if (k !== null) map.set(k, (map.get(k) ?? 0) + 1);
    }
    return map;
  };
  const byYear = [...count((p) => p.evaluation_year ?? 0)].sort((a, b) => a[0] - b[0]);
  const byStars = [...count((p) => p.stars ?? 0)].sort((a, b) => b[0] - a[0]);
  const byGroup = [...count((p) => p.group_name)].sort(
    (a, b) => b[1] - a[1] || compareVietnamese(a[0], b[0]),
  );
  const byType = [...count((p) => p.producer_type ?? 'unknown')].sort((a, b) => b[1] - a[1]);

  const byDistrict = districts.map((d) => {
    const mine = products.filter((p) => p.district_id === d.id);
    return {
      key: d.id,
      label: d.name,
      count: mine.length,
      producers: new Set(mine.map((p) => p.producer_id)).size,
      communes: new Set(mine.map((p) => p.commune_id).filter(Boolean)).size,
    };
  });
  const communesWithIds = new Set(products.map((p) => p.commune_id).filter(Boolean));
  // "UBND xã Hòa Lộc" is the committee; the report names the place: "Xã Hòa Lộc (Huyện Hậu Lộc)".
  const communeLabel = (c: (typeof communes)[number]) => {
    const name = c.name.replace(/^(UBND|Ủy ban nhân dân)\s+/iu, '');
    const place = name.charAt(0).toLocaleUpperCase('vi') + name.slice(1);
    const district = units.find((u) => u.id === c.parent_id);
    return district ? `${place} (${district.name})` : place;
  };
  return {
    fromYear: range.fromYear ?? null,
    toYear: range.toYear ?? null,
    products: products.length,
    producers: new Set(products.map((p) => p.producer_id)).size,
    potential: all.length - products.length,
    byYear: byYear.map(([year, n]) => ({
      key: String(year),
      label: year ? String(year) : 'Chưa ghi năm',
      count: n,
    })),
    byStars: byStars.map(([stars, n]) => ({
      key: String(stars),
      label: stars ? `${stars} sao` : 'Chưa xếp hạng',
      count: n,
    })),
    byGroup: byGroup.map(([name, n]) => ({ key: name, label: name, count: n })),
    byProducerType: byType.map(([type, n]) => ({
      key: type,
      label: PRODUCER_TYPE_LABELS[type as ProducerType] ?? 'Chưa phân loại',
      count: n,
    })),
    byDistrict,
    districtsWith: byDistrict.filter((d) => d.count > 0).map((d) => d.label),
    districtsWithout: byDistrict.filter((d) => d.count === 0).map((d) => d.label),
    communesWith: communes
      .filter((c) => communesWithIds.has(c.id))
      .map(communeLabel)
      .sort(compareVietnamese),
    communesWithout: communes
      .filter((c) => !communesWithIds.has(c.id))
      .map(communeLabel)
      .sort(compareVietnamese),
    withoutCommune: products.filter((p) => !p.commune_id).length,
  };
}

function periodText(s: OcopStatistics): string {
  if (s.fromYear && s.toYear)
    return s.fromYear === s.toYear ? `năm ${s.fromYear}` : `giai đoạn ${s.fromYear} - ${s.toYear}`;
  if (s.fromYear) return `từ năm ${s.fromYear}`;
  if (s.toYear) return `đến năm ${s.toYear}`;
  return 'toàn bộ';
}

interface StatisticsTable {
  title: string;
  columns: ReportColumn[];
  /** Label first, then numbers; a percentage is a fraction (0.188), printed "18,8%". */
  rows: [string, ...number[]][];
  total: [string, ...number[]];
}

/**
 * The tables of the statistics, shared by the XLSX and DOCX exports. Each column holds one kind of number:
 * products, their share of all certified products, producers, communes. Every table closes with "Cộng".
 */
function tables(s: OcopStatistics): StatisticsTable[] {
  const share = (n: number) => (s.products ? n / s.products : 0);
  const simple = (title: string, label: string, rows: OcopStatistics['byYear']): StatisticsTable => {
    const sum = rows.reduce((t, r) => t + r.count, 0);
    return {
      title,
      columns: [
        { label, width: 40 },
        { label: 'Số sản phẩm', width: 14, kind: 'integer' },
        { label: 'Tỷ lệ', width: 12, kind: 'percent' },
      ],
      rows: rows.map((r) => [r.label, r.count, share(r.count)]),
      total: ['Cộng', sum, share(sum)],
    };
  };
  return [
    simple('1. Sản phẩm theo năm đánh giá', 'Năm', s.byYear),
    simple('2. Sản phẩm theo hạng sao', 'Hạng', s.byStars),
    simple('3. Sản phẩm theo nhóm', 'Nhóm sản phẩm', s.byGroup),
    simple('4. Sản phẩm theo loại chủ thể', 'Loại chủ thể', s.byProducerType),
    {
      title: '5. Sản phẩm theo đơn vị cấp huyện',
      columns: [
        { label: 'Huyện, thị xã, thành phố', width: 40 },
        { label: 'Số sản phẩm', width: 14, kind: 'integer' },
        { label: 'Tỷ lệ', width: 12, kind: 'percent' },
        { label: 'Số chủ thể', width: 14, kind: 'integer' },
        { label: 'Số xã có sản phẩm', width: 16, kind: 'integer' },
      ],
      rows: s.byDistrict.map((d) => [d.label, d.count, share(d.count), d.producers, d.communes]),
      // A producer or a commune belongs to one district: the column sums are the province's counts.
      total: [
        'Cộng',
        s.byDistrict.reduce((t, d) => t + d.count, 0),
        share(s.byDistrict.reduce((t, d) => t + d.count, 0)),
        s.byDistrict.reduce((t, d) => t + d.producers, 0),
        s.byDistrict.reduce((t, d) => t + d.communes, 0),
      ],
    },
  ];
}

function summaryLines(s: OcopStatistics): string[] {
  return [
    `Số sản phẩm được chứng nhận OCOP ${periodText(s)}: ${s.products} sản phẩm của ${s.producers} chủ thể; ${s.potential} sản phẩm tiềm năng.`,
    `Đơn vị cấp huyện có sản phẩm OCOP: ${s.districtsWith.length}/${s.districtsWith.length + s.districtsWithout.length}${s.districtsWithout.length ? `; chưa có: ${s.districtsWithout.join(', ')}` : ''}.`,
    `Xã, phường, thị trấn có sản phẩm OCOP (trong danh mục): ${s.communesWith.length}; chưa có: ${s.communesWithout.length}${s.withoutCommune ? `; ${s.withoutCommune} sản phẩm chưa ghi xã` : ''}.`,
  ];
}

export async function writeStatisticsWorkbook(s: OcopStatistics, exportedOn: string): Promise<Buffer> {
  return writeReportWorkbook({
    sheetName: 'Số liệu OCOP',
    titleLines: [
      `SỐ LIỆU CHƯƠNG TRÌNH OCOP ${periodText(s).toLocaleUpperCase('vi')}`,
      `(Xuất ngày ${exportedOn})`,
    ],
    tables: [
      ...tables(s),
      {
        title: '6. Xã chưa có sản phẩm OCOP (trong danh mục)',
        columns: [
          { label: 'STT', width: 8, kind: 'integer' },
          { label: 'Xã, phường, thị trấn', width: 40 },
        ],
        rows: s.communesWithout.map((c, i) => [i + 1, c]),
      },
    ],
    notes: [
      ...summaryLines(s),
      'Tỷ lệ: phần trăm trên tổng số sản phẩm được chứng nhận trong kỳ; sản phẩm tiềm năng không tính.',
    ],
  });
}

export async function writeStatisticsDocx(s: OcopStatistics): Promise<Buffer> {
  const children = [
    centered([run(`SỐ LIỆU CHƯƠNG TRÌNH MỖI XÃ MỘT SẢN PHẨM (OCOP)`, { bold: true, size: 28 })]),
    centered(
      [
        run(
          periodText(s).replace(/^./, (c) => c.toLocaleUpperCase('vi')),
          { bold: true, size: 28 },
        ),
      ],
      {
        spacing: { after: 240 },
      },
    ),
    ...summaryLines(s).map((line) => para(line)),
  ];
  for (const t of tables(s)) {
    children.push(para([run(t.title, { bold: true })], { indent: {}, spacing: { before: 240, after: 120 } }));
    const text = (values: (string | number)[]) => values.map((v, i) => reportCellText(t.columns[i]!.kind, v));
    children.push(
      listTable(
        [
          { label: 'STT', share: 8 },
          ...t.columns.map((c, i) => ({
            label: c.label,
            share: i === 0 ? 40 : 16,
            align: c.kind ? ('right' as const) : ('left' as const),
          })),
        ],
        [
          {
            title: null,
            rows: t.rows.map((r, i) => [String(i + 1), ...text(r)]),
            total: ['', ...text(t.total)],
          },
        ],
      ) as never,
    );
  }
  if (s.communesWithout.length) {
    children.push(
      para([run('6. Xã chưa có sản phẩm OCOP (trong danh mục)', { bold: true })], { indent: {} }),
    );
    children.push(para(`${s.communesWithout.join('; ')}.`));
  }
  return officialDocument(children, 'Số liệu Chương trình OCOP');
}
