import { formatCalendarDate, parseCalendarDate } from '../../shared/format';
import { foldVietnamese } from '../../shared/text';
import { UNIT_KIND_LABELS, UNIT_KINDS, type Unit, type UnitKind } from '../../shared/units';
import type { ColumnSpec, SheetRow } from '../documents/table-import';
import { writeListWorkbook } from '../documents/xlsx';

export type UnitColumn =
  | 'adminCode'
  | 'shortName'
  | 'name'
  | 'kind'
  | 'parent'
  | 'validFrom'
  | 'validTo'
  | 'address'
  | 'notes';

export const UNIT_COLUMNS: ColumnSpec<UnitColumn>[] = [
  { key: 'adminCode', label: 'Mã hành chính', headers: ['Mã hành chính', 'Mã HC', 'Mã đơn vị', 'Mã'] },
  {
    key: 'shortName',
    label: 'Tên viết tắt',
    headers: ['Tên viết tắt', 'Tên ngắn', 'Tên gọi tắt', 'Viết tắt'],
  },
  {
    key: 'name',
    label: 'Tên đầy đủ',
    headers: ['Tên đầy đủ', 'Tên đơn vị', 'Tên cơ quan', 'Tên chính thức', 'Cơ quan, đơn vị', 'Tên'],
    required: true,
  },
  { key: 'kind', label: 'Loại', headers: ['Loại', 'Loại đơn vị', 'Phân loại'], required: true },
  {
    key: 'parent',
    label: 'Trực thuộc',
    headers: ['Trực thuộc', 'Đơn vị cấp trên', 'Cấp trên', 'Đơn vị chủ quản'],
  },
  { key: 'validFrom', label: 'Hiệu lực từ', headers: ['Hiệu lực từ', 'Có hiệu lực từ', 'Từ ngày'] },
  { key: 'validTo', label: 'Hiệu lực đến', headers: ['Hiệu lực đến', 'Hết hiệu lực', 'Đến ngày'] },
  { key: 'address', label: 'Địa chỉ', headers: ['Địa chỉ', 'Trụ sở'] },
  { key: 'notes', label: 'Ghi chú', headers: ['Ghi chú'] },
];

export function columnLabel(key: UnitColumn): string {
  return UNIT_COLUMNS.find((c) => c.key === key)?.label ?? key;
}

const KIND_BY_FOLDED = new Map<string, UnitKind>(
  UNIT_KINDS.flatMap((k) => [
    [foldVietnamese(UNIT_KIND_LABELS[k]), k],
    [k, k],
  ]),
);

export function parseUnitKind(text: string): UnitKind | null {
  return KIND_BY_FOLDED.get(foldVietnamese(text)) ?? null;
}

/** Accepts the ISO form exceljs gives for date cells and the dd/mm/yyyy officials type. */
export function parseCellDate(text: string): string | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  return parseCalendarDate(text);
}

export function textOf(row: SheetRow<UnitColumn>, key: UnitColumn): string {
  const cell = row.values[key];
  return cell && 'text' in cell ? cell.text : '';
}

export async function writeUnitsWorkbook(units: Unit[], exportedOn: string): Promise<Buffer> {
  return writeListWorkbook({
    sheetName: 'Đơn vị',
    titleLines: ['DANH MỤC CƠ QUAN, ĐƠN VỊ', `(Xuất ngày ${exportedOn})`],
    columns: UNIT_COLUMNS.map((c) => ({
      label: c.label,
      width: { name: 50, shortName: 28, parent: 40, address: 30, notes: 30 }[c.key as string] ?? 16,
    })),
    rows: units.map((u) => [
      u.adminCode,
      u.shortName,
      u.name,
      UNIT_KIND_LABELS[u.kind],
      u.parentName,
      u.validFrom ? formatCalendarDate(u.validFrom) : null,
      u.validTo ? formatCalendarDate(u.validTo) : null,
      u.address,
      u.notes,
    ]),
  });
}
