import { formatCalendarDate, parseCalendarDate, vietnamDay } from '../../shared/format';
import { MAX_IMPORT_ROWS } from '../../shared/limits';
import {
  CERTIFYING_LEVEL_LABELS,
  type CreateProductInput,
  type FieldProblem,
  groupValidOn,
  guessProducerType,
  PRODUCER_TYPE_LABELS,
  type Product,
  type ProductGroup,
  type ProductImportResult,
} from '../../shared/ocop';
import { foldVietnamese } from '../../shared/text';
import { recordAudit } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/database';
import type { UnitsTable } from '../db/schema';
import {
  type ColumnSpec,
  pickSheet,
  readTable,
  readTableFile,
  wholeFileRefused,
} from '../documents/table-import';
import { writeListWorkbook } from '../documents/xlsx';
import { unitSearchKey } from '../units/units.service';
import { newId, nowIso } from '../util';
import { findProductKeys, insertProductRow, updateProductRow } from './products.repository';
import { findGroups, getProduct, resolveProduct } from './products.service';

type Column =
  | 'name'
  | 'producer'
  | 'address'
  | 'stars'
  | 'score'
  | 'group'
  | 'subGroup'
  | 'district'
  | 'commune'
  | 'year'
  | 'round'
  | 'decisionNumber'
  | 'decisionDate'
  | 'validUntil'
  | 'certificateNumber'
  | 'potential'
  | 'whereToBuy'
  | 'description';

/** The columns councils publish their lists with, recognised by any of these header names. */
export const PRODUCT_COLUMNS: ColumnSpec<Column>[] = [
  { key: 'name', label: 'Tên sản phẩm', headers: ['Tên sản phẩm', 'Sản phẩm', 'Tên SP'], required: true },
  {
    key: 'producer',
    label: 'Chủ thể',
    headers: [
      'Chủ thể',
      'Chủ thể OCOP',
      'Tên chủ thể',
      'Chủ thể sản xuất',
      'Đơn vị sản xuất',
      'Cơ sở sản xuất',
    ],
    required: true,
  },
  { key: 'address', label: 'Địa chỉ', headers: ['Địa chỉ', 'Địa chỉ chủ thể'] },
  { key: 'stars', label: 'Số sao', headers: ['Số sao', 'Hạng sao', 'Xếp hạng', 'Sao'] },
  { key: 'score', label: 'Điểm', headers: ['Điểm', 'Điểm đánh giá', 'Tổng điểm'] },
  { key: 'group', label: 'Nhóm', headers: ['Nhóm', 'Nhóm sản phẩm', 'Ngành hàng', 'Nhóm ngành'] },
  { key: 'subGroup', label: 'Phân nhóm', headers: ['Phân nhóm', 'Bộ sản phẩm', 'Phân nhóm sản phẩm'] },
  { key: 'district', label: 'Huyện', headers: ['Huyện', 'Huyện, thị xã, thành phố', 'Đơn vị cấp huyện'] },
  { key: 'commune', label: 'Xã', headers: ['Xã', 'Xã, phường, thị trấn'] },
  { key: 'year', label: 'Năm đánh giá', headers: ['Năm đánh giá', 'Năm', 'Năm công nhận', 'Năm chứng nhận'] },
  { key: 'round', label: 'Đợt', headers: ['Đợt', 'Đợt đánh giá'] },
  { key: 'decisionNumber', label: 'Số quyết định', headers: ['Số quyết định', 'Quyết định', 'Số QĐ'] },
  { key: 'decisionDate', label: 'Ngày quyết định', headers: ['Ngày quyết định', 'Ngày QĐ', 'Ngày ban hành'] },
  { key: 'validUntil', label: 'Hiệu lực đến', headers: ['Hiệu lực đến', 'Thời hạn', 'Có hiệu lực đến'] },
  {
    key: 'certificateNumber',
    label: 'Số giấy chứng nhận',
    headers: ['Số giấy chứng nhận', 'Số GCN', 'Số chứng nhận'],
  },
  { key: 'potential', label: 'Tiềm năng', headers: ['Tiềm năng', 'Sản phẩm tiềm năng'] },
  { key: 'whereToBuy', label: 'Nơi bán', headers: ['Nơi bán', 'Địa điểm bán', 'Nơi mua'] },
  { key: 'description', label: 'Mô tả', headers: ['Mô tả', 'Giới thiệu'] },
];

const LABEL = Object.fromEntries(PRODUCT_COLUMNS.map((c) => [c.key, c.label])) as Record<Column, string>;
const FIELD_COLUMN: Record<string, Column> = {
  stars: 'stars',
  score: 'score',
  decisionDate: 'decisionDate',
  validUntil: 'validUntil',
  groupId: 'group',
  producerId: 'producer',
  districtId: 'district',
  communeId: 'commune',
};

/** "Huyện Nga Sơn", "TX Bỉm Sơn", "xã Nga Liên" → "nga son", "bim son", "nga lien". */
function bareName(name: string): string {
  return foldVietnamese(name)
    .replace(/^(ubnd|uy ban nhan dan)\s+/, '')
    .replace(/^(huyen|thi xa|thanh pho|tp\.?|tx\.?|xa|phuong|thi tran|tt\.?)\s+/, '')
    .trim();
}

function parseStars(text: string): number | 'bad' {
  const stars = (text.match(/★/g) ?? []).length;
  if (stars > 0) return stars;
  const m = /^(\d+)(\s*sao)?$/i.exec(text.trim());
  return m ? Number(m[1]) : 'bad';
}

interface Planned {
  row: number;
  existingId: string | null;
  input: CreateProductInput & { potential: boolean };
  newProducer: string | null;
}

/**
 * Imports a product list as councils publish it. Every row is checked first (names, numbers, stars against
 * score, dates, producer, district and group); with all-or-nothing one bad row stops the import and nothing is
 * written. A row matches a registered product by name and producer, and updates it.
 */
export async function importProducts(
  db: Db,
  actor: Actor,
  buffer: Buffer,
  options: { mode: 'all_or_nothing' | 'valid_rows_only'; dryRun: boolean; createProducers: boolean },
): Promise<ProductImportResult> {
  const file = await readTableFile(buffer);
  const rows = readTable(pickSheet(file, PRODUCT_COLUMNS), PRODUCT_COLUMNS, { maxRows: MAX_IMPORT_ROWS });
  const today = vietnamDay(nowIso());
  const [groups, units, keys] = await Promise.all([
    findGroups(db),
    db.selectFrom('units').selectAll().execute(),
    findProductKeys(db),
  ]);
  const unitsById = new Map(units.map((u) => [u.id, u]));
  const producers = new Map<string, UnitsTable>();
  for (const u of units.filter((u) => u.kind === 'producer')) {
    producers.set(foldVietnamese(u.name), u);
    producers.set(foldVietnamese(u.short_name), u);
  }
  const districts = units.filter((u) => u.kind === 'district');
  const districtByName = new Map(
    districts.flatMap((d) => [
      [bareName(d.name), d],
      [bareName(d.short_name), d],
    ]),
  );
  const existing = new Map(keys.map((k) => [`${k.producer_id}|${foldVietnamese(k.name)}`, k.id]));

  const errors: ProductImportResult['errors'] = [];
  const badRows = new Set<number>();
  const fail = (row: number, column: Column, message: string) => {
    errors.push({ row, column: LABEL[column], message });
    badRows.add(row);
  };
  const newProducers = new Map<string, { name: string; rows: number[]; unit: UnitsTable }>();
  /** A unit of the catalogue, or a producer this file will create. */
  const lookup = async (id: string) =>
    unitsById.get(id) ?? [...newProducers.values()].find((p) => p.unit.id === id)?.unit;
  const planned: Planned[] = [];
  const seen = new Map<string, number>();

  for (const sheetRow of rows) {
    const r = sheetRow.rowNumber;
    const text = (key: Column) => {
      const cell = sheetRow.values[key];
      if (cell && 'problem' in cell) {
        fail(r, key, cell.problem);
        return '';
      }
      return cell?.text ?? '';
    };
    const name = text('name').normalize('NFC').replace(/\s+/g, ' ');
    const producerName = text('producer').normalize('NFC').replace(/\s+/g, ' ');
    if (!name) fail(r, 'name', 'Thiếu tên sản phẩm');
    if (!producerName) fail(r, 'producer', 'Thiếu tên chủ thể');

    const address = text('address');
    let district: UnitsTable | undefined;
    const districtText = text('district');
    if (districtText) {
      district = districtByName.get(bareName(districtText));
      if (!district) fail(r, 'district', `Không có "${districtText}" trong danh mục đơn vị cấp huyện`);
    } else if (address) {
      const folded = foldVietnamese(address);
      district = districts.find((d) =>
        new RegExp(`\\b(huyen|thi xa|thanh pho|tp\\.?|tx\\.?)\\s+${bareName(d.name)}\\b`).test(folded),
      );
    }

    let producer = producers.get(foldVietnamese(producerName));
    let newProducer: string | null = null;
    if (producerName && !producer) {
      const key = foldVietnamese(producerName);
      let pending = newProducers.get(key);
      if (!pending) {
        const unit: UnitsTable = {
          id: newId(),
          parent_id: district?.id ?? null,
          kind: 'producer',
          short_name: producerName.slice(0, 120),
          name: producerName,
          admin_code: null,
          valid_from: null,
          valid_to: null,
          address: address || null,
          notes: 'Thêm khi nhập danh sách sản phẩm',
          is_sample: 0,
          search_key: unitSearchKey({ shortName: producerName, name: producerName }),
          producer_type: guessProducerType(producerName),
          created_at: nowIso(),
          updated_at: nowIso(),
        };
        pending = { name: producerName, rows: [], unit };
        newProducers.set(key, pending);
      }
      pending.rows.push(r);
      producer = pending.unit;
      newProducer = producerName;
      if (!options.createProducers) {
        fail(
          r,
          'producer',
          `Chủ thể "${producerName}" chưa có trong danh mục; chọn "Tạo chủ thể mới" để thêm khi nhập, hoặc sửa tên cho khớp danh mục`,
        );
      }
    }
    district ??= producer?.parent_id ? unitsById.get(producer.parent_id) : undefined;
    if (district && district.kind !== 'district') district = undefined;

    let communeId: string | null = null;
    const communeText = text('commune');
    if (communeText) {
      const commune = units.find(
        (u) =>
          u.kind === 'commune' &&
          (!district || u.parent_id === district.id) &&
          (bareName(u.name) === bareName(communeText) || bareName(u.short_name) === bareName(communeText)),
      );
      if (commune) communeId = commune.id;
      else
        fail(
          r,
          'commune',
          `Không có xã "${communeText}"${district ? ` thuộc ${district.name}` : ''} trong danh mục`,
        );
    }

    const number = (key: Column, min: number, max: number, what: string): number | null => {
      const t = text(key).replace(',', '.');
      if (!t) return null;
      const n = Number(t);
      if (!Number.isInteger(n) || n < min || n > max) {
        fail(r, key, `${what} phải là số nguyên từ ${min} đến ${max} (ô ghi "${text(key)}")`);
        return null;
      }
      return n;
    };
    const starsText = text('stars');
    let stars: number | null = null;
    if (starsText) {
      const parsed = parseStars(starsText);
      if (parsed === 'bad' || parsed < 1 || parsed > 5)
        fail(r, 'stars', `Số sao phải từ 1 đến 5 (ô ghi "${starsText}")`);
      else stars = parsed;
    }
    const score = number('score', 0, 100, 'Điểm');
    const year = number('year', 2000, 2100, 'Năm đánh giá');
    const round = number('round', 1, 12, 'Đợt');
    const date = (key: Column): string | null => {
      const t = text(key);
      if (!t) return null;
      const d = /^\d{4}-\d{2}-\d{2}$/.test(t) ? t : parseCalendarDate(t);
      if (!d) fail(r, key, `Không đọc được ngày "${t}" (ghi theo dạng ngày/tháng/năm)`);
      return d;
    };
    const decisionDate = date('decisionDate');
    const validUntil = date('validUntil');
    const potential = /^(x|có|co|1|tiềm năng|tiem nang)$/i.test(text('potential').trim());

    const groupText = text('group');
    let group: ProductGroup | undefined;
    if (!groupText) {
      fail(r, 'group', 'Thiếu nhóm sản phẩm (Thực phẩm, Đồ uống, Thảo dược…)');
    } else {
      const day = decisionDate ?? (year ? `${year}-12-31` : today);
      const candidates = groups.filter((g) => foldVietnamese(g.name) === foldVietnamese(groupText));
      group = candidates.find((g) => groupValidOn(g, day)) ?? candidates[0];
      if (!group) fail(r, 'group', `Nhóm "${groupText}" không có trong danh mục nhóm sản phẩm OCOP`);
    }

    // Without these the rules below have nothing to check; with them, every other problem is reported too.
    if (!name || !producer || !group) continue;
    const input = {
      name,
      groupId: group?.id ?? '',
      subGroup: text('subGroup') || null,
      producerId: producer!.id,
      districtId: district?.id ?? null,
      communeId,
      score,
      stars,
      potential,
      evaluationYear: year,
      evaluationRound: round,
      decisionNumber: text('decisionNumber') || null,
      decisionDate,
      validUntil,
      certificateNumber: text('certificateNumber') || null,
      description: text('description') || null,
      whereToBuy: text('whereToBuy') || null,
    };
    const { problems } = await resolveProduct(input, { groups, unit: lookup, today });
    // A column already reported unreadable is not reported again for what follows from it.
    const reported = new Set(errors.filter((e) => e.row === r).map((e) => e.column));
    for (const p of problems as FieldProblem[]) {
      const column = FIELD_COLUMN[p.field] ?? 'name';
      if (!reported.has(LABEL[column])) fail(r, column, p.message);
    }

    const key = `${producer!.id}|${foldVietnamese(name)}`;
    const earlier = seen.get(key);
    if (earlier) fail(r, 'name', `Trùng sản phẩm và chủ thể với dòng ${earlier}`);
    seen.set(key, r);
    planned.push({ row: r, existingId: existing.get(key) ?? null, input, newProducer });
  }

  errors.sort((a, b) => a.row - b.row);
  const valid = planned.filter((p) => !badRows.has(p.row));
  const result: ProductImportResult = {
    dryRun: options.dryRun,
    total: rows.length,
    created: valid.filter((p) => !p.existingId).length,
    updated: valid.filter((p) => p.existingId).length,
    skipped: rows.length - valid.length,
    newProducers: [...newProducers.values()].map((p) => ({ name: p.name, rows: p.rows })),
    errors,
  };
  if (options.dryRun) return result;
  if (errors.length > 0 && options.mode === 'all_or_nothing') {
    throw wholeFileRefused('Tệp', errors);
  }

  await db.transaction().execute(async (trx) => {
    const needed = new Set(
      valid
        .map((p) => p.newProducer)
        .filter((n): n is string => !!n)
        .map(foldVietnamese),
    );
    for (const [key, pending] of newProducers) {
      if (!needed.has(key)) continue;
      await trx.insertInto('units').values(pending.unit).execute();
      await recordAudit(trx, actor, {
        entity: 'unit',
        entityId: pending.unit.id,
        action: 'import',
        after: pending.unit,
      });
    }
    for (const p of valid) {
      const { columns } = await resolveProduct(p.input, { groups, unit: lookup, today });
      const before = p.existingId ? await getProduct(trx, p.existingId) : null;
      const id = p.existingId ?? newId();
      if (before) await updateProductRow(trx, id, columns);
      else await insertProductRow(trx, { id, ...columns, is_sample: 0, created_at: columns.updated_at });
      await recordAudit(trx, actor, {
        entity: 'product',
        entityId: id,
        action: 'import',
        before,
        after: await getProduct(trx, id),
      });
    }
  });
  return result;
}

/** The register as a council list: the same columns the import reads, so a file can go out and come back. */
export async function writeProductsWorkbook(products: Product[], exportedOn: string): Promise<Buffer> {
  return writeListWorkbook({
    sheetName: 'Sản phẩm OCOP',
    titleLines: ['DANH SÁCH SẢN PHẨM OCOP', `(Xuất ngày ${exportedOn})`],
    columns: [
      { label: LABEL.name, width: 36 },
      { label: LABEL.producer, width: 36 },
      { label: LABEL.address, width: 30 },
      { label: LABEL.stars, width: 8 },
      { label: LABEL.score, width: 8 },
      { label: LABEL.group, width: 22 },
      { label: LABEL.subGroup, width: 18 },
      { label: LABEL.district, width: 18 },
      { label: LABEL.commune, width: 18 },
      { label: LABEL.year, width: 10 },
      { label: LABEL.round, width: 6 },
      { label: LABEL.decisionNumber, width: 18 },
      { label: LABEL.decisionDate, width: 14 },
      { label: LABEL.validUntil, width: 14 },
      { label: LABEL.certificateNumber, width: 16 },
      { label: 'Cấp chứng nhận', width: 14 },
      { label: 'Loại chủ thể', width: 18 },
      { label: LABEL.potential, width: 10 },
      { label: LABEL.whereToBuy, width: 30 },
    ],
    rows: products.map((p) => [
      p.name,
      p.producerName,
      p.producerAddress,
      p.stars,
      p.score,
      p.groupName,
      p.subGroup,
      p.districtName,
      p.communeName,
      p.evaluationYear,
      p.evaluationRound,
      p.decisionNumber,
      p.decisionDate ? formatCalendarDate(p.decisionDate) : null,
      p.validUntil ? formatCalendarDate(p.validUntil) : null,
      p.certificateNumber,
      p.certifyingLevel ? CERTIFYING_LEVEL_LABELS[p.certifyingLevel] : null,
      p.producerType ? PRODUCER_TYPE_LABELS[p.producerType] : null,
      p.potential ? 'x' : null,
      p.whereToBuy,
    ]),
  });
}
